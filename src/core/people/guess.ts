// The last rules the resolver tries, for someone known by a login or a first name only:
// a login made of pieces of a full name (`jsmith`, `johsmigov`, `andresilva-guardian`), or
// a first name at a machine's made-up address (`Ana <ana@laptop.local>`). Each is a
// reading, not a proof, so it names a person only when exactly one full name fits and
// nothing else the identity is known by says otherwise.
import { boxName, domainLabels, isMachineAddress, loginSpellsName, nameParts, type NameParts } from './logins';
import {
  compactName, githubHandleOfEmail, type IdentityText, isGenericLocalPart, localPartClue, nameWords, normalizeEmail, normalizeName,
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
function loginsOf(identity: IdentityText, shared: ReadonlySet<string>): string[] {
  const logins = new Set<string>();
  if (identity.handle) logins.add(identity.handle);
  const email = identity.email ? normalizeEmail(identity.email) : '';
  const handle = email ? githubHandleOfEmail(email) : null;
  const box = email.split('@')[0]?.replace(/\+.*$/, '') ?? '';
  if (handle) logins.add(handle);
  else if (box && !shared.has(email) && !isGenericLocalPart(box)) logins.add(box);
  const name = identity.name?.trim() ?? '';
  if (isLoginShaped(name)) logins.add(name.toLowerCase());
  return [...logins];
}

/** `Ana <ana@UNKNOWN.Home>`: a one-word name that is also the box of an address a machine made up. */
function firstNameAtMachine(identity: IdentityText): string | null {
  const name = identity.name?.trim() ?? '';
  const email = identity.email ? normalizeEmail(identity.email) : '';
  if (!/^\p{L}+$/u.test(name) || !isMachineAddress(email)) return null;
  return email.split('@')[0] === normalizeName(name) ? normalizeName(name) : null;
}

/**
 * Nothing the identity's person is known by speaks against the full name: each name is
 * that first name (`Ana`, `bernd-m`, `Jake LK`), a login made of the full name or one
 * with its initial (`zbo14`), or the full name itself; each address that spells a name
 * spells this one (`j.ruda.contractor@`).
 */
function agrees(known: Known, parts: NameParts, compacts: readonly string[], domains: ReadonlySet<string>): boolean {
  for (const name of known.names) {
    if (name === '' || name.startsWith('@')) continue;
    const compact = compactName(name);
    const fits = compact !== null && /\s/.test(name.trim()) ? compacts.includes(compact)
      : nameWords(name)[0] === parts.first || loginSpellsName(name, parts, domains) || (isLoginShaped(name) && name[0]?.toLowerCase() === parts.first[0]);
    if (!fits) return false;
  }
  for (const email of known.emails) {
    const spelled = localPartClue(email).name;
    if (spelled && !compacts.some((c) => spelled.startsWith(c))) return false;
  }
  return true;
}

/** Why the candidate is the identity, or null. */
function reason<T>(identity: IdentityText, known: Known, candidate: GuessCandidate<T>, logins: readonly string[], first: string | null, shown: string): string | null {
  const spelled = [...candidate.emails].map(boxName).filter((name): name is string => name !== null);
  const fullNames = [...candidate.names, ...spelled].filter((name) => /\s/.test(name.trim()) && compactName(name) !== null);
  if (fullNames.length === 0) return null;
  const compacts = fullNames.map((name) => compactName(name) ?? '');
  const domains = new Set([...candidate.emails].flatMap(domainLabels));
  for (const name of fullNames) {
    const parts = nameParts(name);
    if (!parts || !agrees(known, parts, compacts, domains)) continue;
    const login = logins.find((l) => loginSpellsName(l, parts, domains));
    if (login) return `${shown}: the login or box ${login} is made of the name ${name}, and of no one else's`;
    if (first === parts.first) return `${shown}: ${identity.name ?? first} at an address a machine made up, and ${name} the only ${identity.name ?? first} with a full name`;
  }
  return null;
}

/**
 * The one candidate a login or a machine-made first name fits, with the reason; null
 * when none does or more than one does. `own` is everything the identity's person is
 * already known by (the identity alone when it is new).
 */
export function guessPerson<T>(identity: IdentityText, own: Known | null, candidates: Iterable<GuessCandidate<T>>, shared: ReadonlySet<string>, shown: string): Guess<T> | null {
  const logins = loginsOf(identity, shared);
  const first = firstNameAtMachine(identity);
  if (logins.length === 0 && first === null) return null;
  const known: Known = own ?? { names: identity.name ? [identity.name] : [], emails: identity.email ? [identity.email] : [] };
  let found: Guess<T> | null = null;
  for (const candidate of candidates) {
    const because = reason(identity, known, candidate, logins, first, shown);
    if (because === null) continue;
    if (found && found.person !== candidate.person) return null;
    found = { person: candidate.person, because };
  }
  return found;
}
