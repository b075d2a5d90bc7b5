// The last rules the resolver tries, for someone known by a login or a first name only:
// a login made of pieces of a full name (`jsmith`, `johsmigov`, `andresilva-guardian`) or of
// a whole first name and their organisation (`tamaralogeecom`), or a first name at a made-up
// address (`Ana <ana@laptop.local>`, `Tamara <tamara@example.com>`). Each is a
// reading, not a proof, so it names a person only when exactly one full name fits and
// nothing else the identity is known by says otherwise.
import { boxName, domainLabels, isMadeUpAddress, loginIsFirstNameAt, loginSpellsName, nameParts, organisationDomains, type NameParts } from './logins';
import {
  compactName, githubHandleOfEmail, type IdentityText, isGenericLocalPart, localPartClue, mailboxOf, nameWords, normalizeEmail, normalizeName,
} from './normalize';

/** Every name (spellings, `@handles`) and address someone is known by. */
export interface Known {
  names: readonly string[];
  emails: ReadonlySet<string> | readonly string[];
}

export interface GuessCandidate<T> extends Known {
  person: T;
}

export interface Guess<T> {
  person: T;
  because: string;
}

/** A git name that reads as a login, not a first name: `camdesgov`, `j-ruda-guardian`, `SamCook42` (never `Jagbai`, `Max`). */
function isLoginShaped(name: string): boolean {
  return /^[\p{L}\d._-]+$/u.test(name) && (/[\d._-]/.test(name) || /\p{Ll}\p{Lu}/u.test(name) || (name.length >= 5 && name === name.toLowerCase()));
}

/** The logins an identity goes by: its `@handle` or noreply handle, else its e-mail box, and its name when it reads as one. */
export function loginsOf(identity: IdentityText, shared: ReadonlySet<string>): string[] {
  const logins = new Set<string>();
  if (identity.handle) logins.add(identity.handle);
  const email = identity.email ? normalizeEmail(identity.email) : '';
  const handle = email ? githubHandleOfEmail(email) : null;
  const box = mailboxOf(email);
  if (handle) logins.add(handle);
  else if (box && !shared.has(email) && !isGenericLocalPart(box)) logins.add(box);
  const name = identity.name?.trim() ?? '';
  if (isLoginShaped(name)) logins.add(name.toLowerCase());
  return [...logins];
}

/** `Ana <ana@UNKNOWN.Home>`, `Tamara <tamara@example.com>`: a one-word name that is also the box of a made-up address. */
function firstNameAtMadeUpAddress(identity: IdentityText): string | null {
  const name = identity.name?.trim() ?? '';
  const email = identity.email ? normalizeEmail(identity.email) : '';
  if (!/^\p{L}+$/u.test(name) || !isMadeUpAddress(email)) return null;
  return email.split('@')[0] === normalizeName(name) ? normalizeName(name) : null;
}

interface Digest {
  /** The candidate's full names, those its two-word boxes spell included. */
  fullNames: string[];
  compacts: string[];
  /** Labels of their addresses' domains. */
  domains: Set<string>;
  /** Labels of their organisations' domains, four letters or more (`loginIsFirstNameAt`). */
  organisation: Set<string>;
  /** The keys of `fitKeys` their full names give, each once. */
  keys: string[];
}

interface NameFacts {
  /** A full name (`Roch Trinqué`): two words or more, none an initial. */
  full: boolean;
  compact: string | null;
  parts: NameParts | null;
  firstWord: string;
  loginShaped: boolean;
}

interface IdentityFacts {
  logins: string[];
  /** The first name at a made-up address (`firstNameAtMadeUpAddress`). */
  first: string | null;
  /** The letters a fitting first name starts with. */
  initials: Set<string>;
  /** The keys of `fitKeys` its logins and first name hold. */
  keys: string[];
}

interface MailFacts {
  labels: string[];
  /** The full name a box of two words spells (`ky.truong`). */
  boxName: string | null;
  /** The name any box with separators spells, run together (`jonathanrudacontractor`). */
  spelled: string | null;
}

/**
 * What a login or a made-up address's first name must hold to fit a full name: its first name's
 * initial and the first two letters of a family name (`jsm` for John Smith, `jlieb10`
 * holds `jli`), or the first name itself (`=john`). Only candidates with a key a login
 * or first name holds are asked `loginSpellsName`: the rest could not fit.
 */
export function fitKeys(parts: NameParts): string[] {
  return [...parts.surnames.map((surname) => `${parts.first[0] ?? ''}${surname.slice(0, 2)}`), `=${parts.first}`];
}

/** A login's letters and digits, lower-cased, its separators left out. */
function loginLetters(login: string): string {
  return login.toLowerCase().replace(/[._-]/g, '');
}

/** The keys of `fitKeys` a login holds: its first letter with each two letters after it, separators left out. */
export function loginKeys(login: string): string[] {
  const letters = loginLetters(login);
  const keys: string[] = [];
  for (let at = 1; at + 2 <= letters.length; at += 1) keys.push(`${letters[0] ?? ''}${letters.slice(at, at + 2)}`);
  return keys;
}

/** The keys of a whole first name (`=tamara`) a login may start with before a word of an organisation (`loginIsFirstNameAt`). */
function firstNameKeys(login: string): string[] {
  const letters = loginLetters(login);
  const keys: string[] = [];
  for (let end = 4; end + 4 <= letters.length; end += 1) keys.push(`=${letters.slice(0, end)}`);
  return keys;
}

export interface Guesser {
  /**
   * The one candidate a login or a made-up address's first name fits, with the reason; null
   * when none does or more than one does. `own` is everything the identity's person is
   * already known by (the identity alone when it is new).
   */
  guess<T>(identity: IdentityText, own: (Known & { person: T }) | null, candidates: () => readonly GuessCandidate<T>[], shown: string): Guess<T> | null;
}

/** A guesser for one resolver: what it reads from each name and address is kept, since it asks about everyone many times. */
export function createGuesser(shared: ReadonlySet<string>): Guesser {
  const names = new Map<string, NameFacts>();
  const mails = new Map<string, MailFacts>();
  /** What a candidate offers, kept while the caller hands the same candidate. */
  const digests = new WeakMap<object, Digest>();
  /** A list of candidates by the pieces a login or a first name must hold to fit them (`fitKeys`), kept while the caller hands the same list. */
  const byPieces = new WeakMap<object, Map<string, object[]>>();
  /** What an identity asked about is read as, kept while the caller hands the same identity: the resolver asks about each of the history's on every turn. */
  const identities = new WeakMap<IdentityText, IdentityFacts>();
  const readIdentity = (identity: IdentityText): IdentityFacts => {
    let facts = identities.get(identity);
    if (!facts) {
      const logins = loginsOf(identity, shared);
      const first = firstNameAtMadeUpAddress(identity);
      const words = first === null ? logins : [...logins, first];
      facts = { logins, first, initials: new Set(words.map((word) => word[0] ?? '')), keys: [...logins.flatMap(loginKeys), ...logins.flatMap(firstNameKeys), ...(first === null ? [] : [`=${first}`])] };
      identities.set(identity, facts);
    }
    return facts;
  };
  const nameFacts = (name: string): NameFacts => {
    let facts = names.get(name);
    if (!facts) {
      const compact = compactName(name);
      const full = /\s/.test(name.trim()) && compact !== null;
      facts = { full, compact, parts: full ? nameParts(name) : null, firstWord: nameWords(name)[0] ?? '', loginShaped: isLoginShaped(name) };
      names.set(name, facts);
    }
    return facts;
  };
  const mailFacts = (email: string): MailFacts => {
    let facts = mails.get(email);
    if (!facts) {
      facts = { labels: domainLabels(email), boxName: boxName(email), spelled: localPartClue(email).name };
      mails.set(email, facts);
    }
    return facts;
  };

  /**
   * Nothing the identity's person is known by speaks against the full name: each name is
   * that first name (`Ana`, `bernd-m`, `Jake LK`), a login made of the full name or one
   * with its initial (`zbo14`), or the full name itself; each address that spells a name
   * spells this one (`j.ruda.contractor@`).
   */
  const agrees = (known: Known, parts: NameParts, compacts: readonly string[], domains: ReadonlySet<string>): boolean => {
    for (const name of known.names) {
      if (name === '' || name.startsWith('@')) continue;
      const facts = nameFacts(name);
      const fits = facts.full ? compacts.includes(facts.compact ?? '')
        : facts.firstWord === parts.first || loginSpellsName(name, parts, domains) || (facts.loginShaped && name[0]?.toLowerCase() === parts.first[0]);
      if (!fits) return false;
    }
    for (const email of known.emails) {
      const spelled = mailFacts(email).spelled;
      if (spelled && !compacts.some((c) => spelled.startsWith(c))) return false;
    }
    return true;
  };

  const digest = (candidate: Known & object): Digest => {
    let found = digests.get(candidate);
    if (!found) {
      const fullNames = [...candidate.names, ...[...candidate.emails].map((email) => mailFacts(email).boxName ?? '')]
        .filter((name) => name !== '' && nameFacts(name).full);
      found = {
        fullNames,
        compacts: fullNames.map((name) => nameFacts(name).compact ?? ''),
        domains: new Set([...candidate.emails].flatMap((email) => mailFacts(email).labels)),
        organisation: new Set([...organisationDomains(candidate.emails)].flatMap((domain) => domain.split(/[.-]/)).filter((label) => /^[a-z]{4,}$/.test(label))),
        keys: [...new Set(fullNames.flatMap((name) => {
          const parts = nameFacts(name).parts;
          return parts ? fitKeys(parts) : [];
        }))],
      };
      digests.set(candidate, found);
    }
    return found;
  };
  const indexed = <C extends Known & object>(candidates: readonly C[]): Map<string, C[]> => {
    let index = byPieces.get(candidates) as Map<string, C[]> | undefined;
    if (!index) {
      index = new Map();
      for (const candidate of candidates) {
        for (const key of digest(candidate).keys) {
          const list = index.get(key);
          if (list) list.push(candidate);
          else index.set(key, [candidate]);
        }
      }
      byPieces.set(candidates, index);
    }
    return index;
  };

  /** Why the candidate is the identity, or null; `initials` are the letters a fitting first name starts with. */
  const reason = <T>(identity: IdentityText, known: Known, candidate: GuessCandidate<T>, logins: readonly string[], first: string | null, initials: ReadonlySet<string>, shown: string): string | null => {
    const { fullNames, compacts, domains, organisation } = digest(candidate);
    for (const name of fullNames) {
      const parts = nameFacts(name).parts;
      if (!parts || !initials.has(parts.first[0] ?? '')) continue;
      const login = logins.find((l) => loginSpellsName(l, parts, domains));
      const atOrganisation = login === undefined ? logins.find((l) => loginIsFirstNameAt(l, parts.first, organisation)) : undefined;
      if ((!login && !atOrganisation && first !== parts.first) || !agrees(known, parts, compacts, domains)) continue;
      if (login) return `${shown}: the login or box ${login} is made of the name ${name}, and of no one else's`;
      if (atOrganisation) return `${shown}: the login ${atOrganisation} is the first name of ${name} and a word of their organisation's address, and of no one else's`;
      return `${shown}: ${identity.name ?? first} at a made-up address (a machine's or a placeholder), and ${name} the only ${identity.name ?? first} with a full name`;
    }
    return null;
  };

  const guess = <T>(identity: IdentityText, own: (Known & { person: T }) | null, candidates: () => readonly GuessCandidate<T>[], shown: string): Guess<T> | null => {
    const { logins, first, initials, keys } = readIdentity(identity);
    if (logins.length === 0 && first === null) return null;
    const known: Known = own ?? { names: identity.name ? [identity.name] : [], emails: identity.email ? [identity.email] : [] };
    const index = indexed(candidates());
    const fitting = new Set(keys.flatMap((key) => index.get(key) ?? []));
    let found: Guess<T> | null = null;
    for (const candidate of fitting) {
      if (own && candidate.person === own.person) continue;
      const because = reason(identity, known, candidate, logins, first, initials, shown);
      if (because === null) continue;
      if (found && found.person !== candidate.person) return null;
      found = { person: candidate.person, because };
    }
    return found;
  };
  return { guess };
}
