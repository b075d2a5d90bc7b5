// One person per human, from every way a repository names them, and never two humans as one:
// identities meet on the same e-mail, a GitHub handle (from a noreply address, an `@handle`
// or a configured alias), or the same full name with case, accents, spaces and CamelCase
// left out — never on initials. Every meeting beyond the same e-mail is written down
// (`mergedBecause`), and `notSame` in the config undoes one. Given the history's identities
// up front, it also joins two people that a third identity shows to be one (one's name with
// the other's address), before any id is handed out; a shared mailbox joins nobody. Last
// come guesses (guess.ts: a login made of a name, a first name at a made-up address),
// tried once every identity of the history is in, so that "exactly one full name fits"
// is asked of all of them; a name only a record gives meets its one variant among them. A
// name is read without its decoration, and a machine's account is no name (names.ts): a
// nameless identity at such a box is a tool, never a person.
import type { DecisionOrbitConfig } from '../config/schema';
import type { IdentityResolver, ResolvedPerson } from '../model/people';
import type { Person } from '../model/report';
import { createToolClassifier, driverName, type ToolClass } from './bots';
import type { Mailmap } from './mailmap';
import { sharedMailboxes, type NamedAddress } from './mailboxes';
import { createGuesser, loginsOf, type GuessCandidate } from './guess';
import { variantJoins, variantOfName, type Namesake } from './variants';
import { plainName } from './names';
import { spokenName } from './logins';
import {
  compactName, githubHandleOfEmail, githubIdOfEmail, type IdentityText, isGenericLocalPart, type LocalPartClue, isHandle, isMachineAccount, localPartClue, normalizeEmail, normalizeHandle,
  normalizeName, parseIdentityText, slugOf,
} from './normalize';

interface PersonState {
  id: string;
  name: string;
  emails: Set<string>;
  aliases: Set<string>;
  isLeader: boolean;
  tool: ToolClass | null;
  /** Named in the config: its name is the one the config gives. */
  configured: boolean;
  mergedBecause: Set<string>;
  /** Other spellings of the name and `@handles` this person was met under. */
  seenAs: Set<string>;
  /** Identity keys of the configured aliases: meeting one needs no explaining. */
  aliasKeys: Set<string>;
  /** Identity keys configured as someone else (`notSame`). */
  notSame: Set<string>;
  /** Named by the config, a commit's author or a resolve call: in `people()`. A co-author only met up front is not, until named. */
  listed: boolean;
  /** Counts the changes to the person's names and addresses: what guess.ts read of them stays right until it moves. */
  stamp: number;
}

/** A word that reads as a login, not a first name: `hvanz`, `sj-williams`, `jayt106` (never `Max`). */
const LOGIN = /^[a-z\d-]{5,}$|^[a-z\d-]*[-\d][a-z\d-]*$/;

export interface IdentityResolverOptions {
  mailmap: Mailmap;
  config: Pick<DecisionOrbitConfig, 'leadership' | 'people' | 'bots' | 'assistants'>;
  /**
   * The git identities the history names, as git printed them: resolved before any id is
   * handed out, and joined where a third identity bridges two people. Authors are listed
   * people from the start; the co-authors and reviewers of trailers only once named.
   */
  history?: { authors: readonly NamedAddress[]; trailers: readonly NamedAddress[] };
  /** The repository's folder name (see ToolConfig). */
  repositoryName?: string;
}

/** `Roch Trinqué`, not `rtrinque`, `JayT106` or `S. Menshykh`. */
function isFullName(name: string): boolean {
  return /\s/.test(name.trim()) && compactName(name) !== null;
}

/** How well a name shows someone: a full name, then one run together (`SergeyMenshykh`, `jane.doe`), then a login or an `@handle`. */
function shownRank(name: string): number {
  if (name.startsWith('@')) return 0;
  return isFullName(name) ? 2 : compactName(name) !== null ? 1 : 0;
}

/** A git identity as the resolver reads it (`gitIdentity`). */
type GitIdentity = Readonly<NamedAddress & { written: string; tool: ToolClass | null; identity: IdentityText; shown: string }>;

/** What `candidates` reads from an identity alone (`cluesOf`). */
interface Clues {
  /** The address normalized; empty without one. */
  email: string;
  account: string | null;
  handle: string | null;
  clue: LocalPartClue;
  name: string;
  nameKey: string;
  /** The name is a full name or a login, which one person goes by at any address. */
  namesOne: boolean;
  /** The name as written with its decoration, when that differs and is a full name. */
  writtenKey: string | null;
  single: boolean;
  compact: string | null;
  login: string | null;
  host: string | undefined;
  domain: string | undefined;
}

/** `read` of a person, made again only after a change to them (their stamp moves with each). */
function keptUntilChanged<T>(read: (person: PersonState) => T): (person: PersonState) => T {
  const kept = new WeakMap<PersonState, { stamp: number; value: T }>();
  return (person) => {
    let known = kept.get(person);
    if (known?.stamp !== person.stamp) kept.set(person, (known = { stamp: person.stamp, value: read(person) }));
    return known.value;
  };
}

interface Found {
  person: PersonState;
  /** Why the identity is this person; null for the same e-mail or a configured alias. */
  because: string | null;
}

/** The keys an identity can be told apart by: `e:` e-mail, `h:` GitHub handle, `n:` name. */
function identityKeys(identity: IdentityText): string[] {
  const keys: string[] = [];
  if (identity.email) {
    keys.push(`e:${normalizeEmail(identity.email)}`);
    const handle = githubHandleOfEmail(identity.email);
    if (handle) keys.push(`h:${handle}`);
  }
  if (identity.handle) keys.push(`h:${identity.handle}`);
  if (identity.name) keys.push(`n:${compactName(identity.name) ?? normalizeName(identity.name)}`);
  return keys;
}

export function createIdentityResolver({ mailmap, config, history = { authors: [], trailers: [] }, repositoryName }: IdentityResolverOptions): IdentityResolver {
  const persons = new Map<string, PersonState>();
  const byEmail = new Map<string, PersonState>();
  const byName = new Map<string, PersonState>();
  const byCompactName = new Map<string, PersonState>();
  const byHandle = new Map<string, PersonState>();
  const byGithubId = new Map<string, PersonState>();
  /** Words that look like someone's login: a git name such as `sj-williams`, an e-mail box such as `dskamiotis@…`. */
  const byLogin = new Map<string, PersonState>();
  const byEmailLocalPart = new Map<string, PersonState>();
  /** Identities kept apart from a person by `notSame`, by identity key. */
  const separate = new Map<string, PersonState>();
  const tools = createToolClassifier({ bots: config.bots, assistants: config.assistants, repositoryName });
  /**
   * A git identity as the resolver reads it: after `.mailmap`, without an `(aider)` suffix
   * or a decoration (`written` keeps the name as written), and without a name when the
   * name is a machine's account.
   */
  const gitIdentities = new Map<string, Map<string, GitIdentity>>();
  /** The history's identities are read up front and again when resolved: each is read once. */
  const gitIdentity = (rawName: string, rawEmail: string): GitIdentity => {
    let byAddress = gitIdentities.get(rawName);
    if (!byAddress) gitIdentities.set(rawName, (byAddress = new Map()));
    let read = byAddress.get(rawEmail);
    if (!read) {
      const found = mailmap.lookup(rawName, rawEmail);
      const written = driverName(found.name);
      const plain = plainName(written);
      const tool = tools.classify({ name: plain || written, email: found.email });
      const name = tool ? written : plain;
      const email = found.email;
      const identity: IdentityText = { ...(name ? { name } : {}), ...(email ? { email } : {}) };
      read = { name, email, written, tool, identity, shown: written && email ? `${written} <${email}>` : written || email };
      byAddress.set(rawEmail, read);
    }
    return read;
  };
  /** The history's identities as resolveIdentity reads them. */
  const mapped = [...history.authors, ...history.trailers].map((identity) => gitIdentity(identity.name, identity.email));
  const shared = sharedMailboxes(mapped);
  const guesser = createGuesser(shared);
  /** Counts every change to anyone's names, addresses or existence: the list guess.ts was handed stays right until it moves. */
  let changes = 0;
  const touch = (person: PersonState): void => {
    person.stamp += 1;
    changes += 1;
  };
  /** Whether the history's identities are all met and joined: only then may a guess name a person, against everyone the history names. */
  let settled = false;

  const indexName = (person: PersonState, name: string): void => {
    const key = normalizeName(name);
    if (key && !byName.has(key)) byName.set(key, person);
    const compact = compactName(name);
    if (compact && !byCompactName.has(compact)) byCompactName.set(compact, person);
    // A capitalised first name (`Max`) is no login; `sj-williams` and `hvanz` are.
    const login = name.trim();
    if (LOGIN.test(login) && isHandle(login) && !byLogin.has(login)) byLogin.set(login, person);
    // `Steve "Ardalis" Smith`: the nickname in quotes is the login such a person goes by (`ardalis`).
    const nickname = /\s["'‘“]([^"'’”\s]{3,39})["'’”]\s/.exec(` ${name} `)?.[1]?.toLowerCase();
    if (nickname !== undefined && isHandle(nickname) && !byLogin.has(nickname)) byLogin.set(nickname, person);
  };
  const indexHandle = (person: PersonState, handle: string): void => {
    if (!byHandle.has(handle)) byHandle.set(handle, person);
    // `sophie-macmillan` spells a full name, as an e-mail box `sophiemacmillan93` does.
    const spelled = handle.includes('-') ? compactName(handle) : null;
    if (spelled && !byCompactName.has(spelled)) byCompactName.set(spelled, person);
  };
  const create = (name: string, isLeader = false, tool: ToolClass | null = null, also: readonly string[] = []): PersonState => {
    changes += 1;
    const base = slugOf(name, also);
    let id = base;
    for (let suffix = 2; persons.has(id); suffix += 1) id = `${base}-${suffix}`;
    const nameAlone = tools.classify({ name, email: '' });
    const person: PersonState = {
      id, name, emails: new Set(), aliases: new Set(), isLeader, tool: tool ?? nameAlone, configured: false, mergedBecause: new Set(), seenAs: new Set(), aliasKeys: new Set(), notSame: new Set(), listed: false, stamp: 0,
    };
    persons.set(id, person);
    // A tool known by its address alone ("Claude <noreply@anthropic.com>") lends its name to nobody.
    if (person.tool === nameAlone) indexName(person, name);
    return person;
  };
  const addEmail = (person: PersonState, email: string): void => {
    const key = normalizeEmail(email);
    if (!key) return;
    person.emails.add(key);
    // A shared mailbox is listed with each of its people and leads to none of them.
    if (shared.has(key)) return;
    if (!byEmail.has(key)) byEmail.set(key, person);
    const handle = githubHandleOfEmail(key);
    const account = githubIdOfEmail(key);
    if (account && !byGithubId.has(account)) byGithubId.set(account, person);
    if (handle) {
      indexHandle(person, handle);
      person.seenAs.add(`@${handle}`);
    }
    const local = key.split('@')[0];
    if (local && !byEmailLocalPart.has(local)) byEmailLocalPart.set(local, person);
    if (!handle) {
      const clue = localPartClue(key);
      if (clue.name && !byCompactName.has(clue.name)) byCompactName.set(clue.name, person);
      if (clue.login && !byLogin.has(clue.login)) byLogin.set(clue.login, person);
    }
    person.tool ??= tools.classify({ name: person.name, email: key });
  };
  const addIdentity = (person: PersonState, identity: IdentityText): void => {
    touch(person);
    if (identity.email) addEmail(person, identity.email);
    if (identity.handle) {
      indexHandle(person, identity.handle);
      person.seenAs.add(`@${identity.handle}`);
    }
    if (identity.name) {
      // A tool known by its address alone lends its name to nobody.
      if (person.tool === tools.classify({ name: identity.name, email: '' })) indexName(person, identity.name);
      // A full name shows better than a login, a box or an `@handle` (`andhesky` → Andrew Hesky); configured names stay.
      if (!person.configured && shownRank(identity.name) > shownRank(person.name)) {
        person.seenAs.add(person.name);
        person.name = identity.name;
      }
      if (identity.name !== person.name) person.seenAs.add(identity.name);
    }
  };
  const addAlias = (person: PersonState, alias: string): void => {
    person.aliases.add(alias);
    const identity = parseIdentityText(alias);
    for (const key of identityKeys(identity)) if (!key.startsWith('n:')) person.aliasKeys.add(key);
    addIdentity(person, identity);
  };

  for (const entry of [...config.leadership.map((leader) => ({ ...leader, isLeader: true })), ...config.people.map((p) => ({ ...p, isLeader: false }))]) {
    const existing = entry.isLeader ? undefined : byName.get(normalizeName(entry.name));
    const person = existing ?? create(entry.name, entry.isLeader);
    person.configured = true;
    person.listed = true;
    for (const alias of entry.aliases) addAlias(person, alias);
    for (const other of entry.notSame ?? []) for (const key of identityKeys(parseIdentityText(other))) person.notSame.add(key);
  }

  /** What the rules of `candidates` read from an identity alone, before asking who has it. */
  const cluesOf = (identity: IdentityText, written: string): Clues => {
    const email = identity.email ? normalizeEmail(identity.email) : '';
    const handle = identity.handle ?? (email ? githubHandleOfEmail(email) : null);
    const name = identity.name ?? '';
    const single = name !== '' && !/\s/.test(name.trim());
    const compact = name ? compactName(name) ?? (single ? normalizeName(name).replace(/ /g, '') : null) : null;
    const host = email && single && compact ? /@(([a-z]{3,})\.[a-z.]+)$/.exec(email) : null;
    return {
      email,
      account: email ? githubIdOfEmail(email) : null,
      handle,
      clue: email && !handle && !shared.has(email) ? localPartClue(email) : { name: null, login: null, box: null },
      name,
      nameKey: name ? normalizeName(name) : '',
      // Two addresses under one first name (`Marko`, `Jake`) may be two people; a full name or a login is one.
      namesOne: /\s/.test(name.trim()) || LOGIN.test(name.trim()),
      writtenKey: written && written !== name && /\s/.test(written.trim()) ? normalizeName(written) : null,
      single,
      compact,
      login: single && isHandle(name.trim()) ? normalizeHandle(name) : null,
      host: host?.[1],
      domain: host?.[2],
    };
  };
  /** The clues of each history identity, read once for the many times bridge() asks about it. */
  const keptClues = new WeakMap<IdentityText, Clues>();
  const cluesKept = (identity: IdentityText, written: string): Clues => {
    let clues = keptClues.get(identity);
    if (!clues) keptClues.set(identity, (clues = cluesOf(identity, written)));
    return clues;
  };

  /** Every person an identity names, the strongest evidence first: the first is the one it resolves to. */
  const candidates = (shown: string, tool: ToolClass | null, clues: Clues): Found[] => {
    const { email, account, handle, clue, name, single, compact, login, host, domain } = clues;
    const found: Found[] = [];
    const byMail = email ? byEmail.get(email) : undefined;
    if (byMail) found.push({ person: byMail, because: null });
    // A name joins identities of one kind only: the assistant "Claude <noreply@anthropic.com>" is not Claude the person.
    // A reason is written only for a person found: most rules find no one.
    const meet = (person: PersonState | undefined, because: () => string): void => {
      if (person && person.tool === tool) found.push({ person, because: because() });
    };
    if (account) meet(byGithubId.get(account), () => `${shown}: the same GitHub account (number ${account}) under another handle`);
    if (handle) {
      meet(byHandle.get(handle), () => `${shown} has the GitHub handle ${handle}`);
      meet(byLogin.get(handle), () => `${shown}: the GitHub handle ${handle} is the login another of their identities goes by`);
      meet(byCompactName.get(handle), () => `${shown}: the GitHub handle ${handle} is their full name without spaces`);
    }
    // A first name only a record gave meets the first address that comes with it.
    const named = name ? byName.get(clues.nameKey) : undefined;
    const exact = named && (!email || named.emails.size === 0 || clues.namesOne) ? named : undefined;
    if (exact && exact.tool === tool) found.push({ person: exact, because: normalizeName(exact.name) === clues.nameKey ? `${shown} has the same name` : `${shown} has a name they were already met under` });
    // `Alex | Interchain Labs` at two addresses: a name written alike with its decoration is one person's, though `Alex` alone is not.
    if (clues.writtenKey !== null) meet(byName.get(clues.writtenKey), () => `${shown} is written as another identity of theirs is`);
    // A single word is compared with full names without their spaces (`markwallace`); initials never are.
    // Both ways round: a full name meets a single word a record gave first (`markwallace`, then Mark Wallace's commits).
    const spelledTogether = compact && !single ? byName.get(compact) : undefined;
    if (login) meet(byHandle.get(login), () => `${shown} is a GitHub handle of theirs`);
    if (compact) meet(byCompactName.get(compact) ?? spelledTogether, () => `${shown}: the same full name with spaces, case or CamelCase left out`);
    if (compact) meet(byHandle.get(compact), () => `${shown}: their GitHub handle is this name without spaces`);
    if (clue.name) meet(byCompactName.get(clue.name), () => `${shown}: the e-mail address spells their full name`);
    if (clue.login) meet(byHandle.get(clue.login), () => `${shown}: the e-mail box is their GitHub handle`);
    if (clue.box) meet(byCompactName.get(clue.box), () => `${shown}: the e-mail box is their full name run together`);
    // `roch <trinque@…>`, `Marko <marko@baricevic.me>`: a first name and a box or a domain that is the family name.
    if (clue.login && single && compact) meet(byCompactName.get(`${compact}${clue.login}`), () => `${shown}: the name and the e-mail box together spell their full name`);
    if (domain && compact) meet(byCompactName.get(`${compact}${domain}`), () => `${shown}: the name and the address's domain together spell their full name`);
    // `Albert <me@albert.sh>` and `Albert <github@albert.sh>`: one name at a domain named after it is that person's own.
    const own = domain && domain === compact && named && [...named.emails].some((e) => e.endsWith(`@${host ?? ''}`)) ? named : undefined;
    if (own) meet(own, () => `${shown}: the same name at their own domain ${host ?? ''}`);
    return found;
  };
  const lookup = (identity: IdentityText, shown: string): Found | null => candidates(shown, null, cluesOf(identity, ''))[0] ?? null;

  /** The one person a login or a made-up address's first name fits (guess.ts); `own` is the identity's person, if any. */
  const guessed = (identity: IdentityText, own: PersonState | undefined, shown: string, tool: ToolClass | null): Found | null => {
    if (own && isFullName(own.name)) return null;
    const known = own ? { person: own, names: [own.name, ...own.seenAs], emails: own.emails } : null;
    return guesser.guess(identity, known, () => pool(tool), shown);
  };
  /** Everyone of a kind as guess.ts reads them: the list made again after any change, each person's reading after a change to them. */
  const kept = new Map<ToolClass | null, { at: number; pool: GuessCandidate<PersonState>[] }>();
  const reading = keptUntilChanged((person): GuessCandidate<PersonState> => ({ person, names: [person.name, ...person.seenAs], emails: [...person.emails] }));
  const pool = (tool: ToolClass | null): GuessCandidate<PersonState>[] => {
    let list = kept.get(tool);
    if (list?.at !== changes) kept.set(tool, (list = { at: changes, pool: [...persons.values()].filter((p) => p.tool === tool).map(reading) }));
    return list.pool;
  };

  /** The found person unless config says this identity is someone else; then the one kept apart. */
  const admitted = (found: Found | null, identity: IdentityText): Found | null => {
    const keys = identityKeys(identity);
    if (found && !keys.some((key) => found.person.notSame.has(key))) return found;
    for (const key of keys) {
      const kept = separate.get(key);
      if (kept) return { person: kept, because: null };
    }
    return null;
  };

  const join = (found: Found, identity: IdentityText): ResolvedPerson => {
    const { person, because } = found;
    const knownBefore = identity.email ? person.emails.has(normalizeEmail(identity.email)) : !identity.handle && identity.name === person.name;
    const configured = identityKeys(identity).some((key) => person.aliasKeys.has(key));
    if (because && !knownBefore && !configured) person.mergedBecause.add(because);
    addIdentity(person, identity);
    return { id: person.id, unknown: false };
  };

  const createFor = (identity: IdentityText, display: string, found: Found | null, tool: ToolClass | null = null): PersonState => {
    const person = create(display, false, tool, loginsOf(identity, shared));
    addIdentity(person, identity);
    // Kept apart from someone by `notSame`: later sightings of this identity come here.
    if (found) for (const key of identityKeys(identity)) if (!separate.has(key)) separate.set(key, person);
    return person;
  };

  const resolveIdentity = (rawName: string, rawEmail: string): ResolvedPerson => {
    const { name, email, written, tool, identity, shown } = gitIdentity(rawName, rawEmail);
    const candidate = candidates(shown, tool, cluesKept(identity, written))[0] ?? (settled ? guessed(identity, undefined, shown, tool) : null);
    const found = admitted(candidate, identity);
    const resolved = found ? join(found, identity) : { id: createFor(identity, name || mailboxShown(email), candidate, tool ?? machineTool(name, email)).id, unknown: false };
    const person = persons.get(resolved.id);
    if (person && written && written !== name) {
      if (written !== person.name && !person.seenAs.has(written)) {
        person.seenAs.add(written);
        touch(person);
      }
      const key = normalizeName(written);
      if (/\s/.test(written.trim()) && !byName.has(key)) byName.set(key, person);
    }
    return resolved;
  };

  /**
   * `Ubuntu <ubuntu@ip-10-0-0-1.ec2.internal>`, nameless at a machine's default box, and met under
   * no one's address or alias: it names nobody, so it is a tool whose work is its driver's (a
   * co-author's or a merger's), as an assistant's is, and never a person of its own (ADR 0019).
   */
  const machineTool = (name: string, email: string): ToolClass | null => (!name && isMachineAccount(normalizeEmail(email).split('@')[0] ?? '') ? 'assistant' : null);

  /** A nameless identity shows its box, or the whole address when the box says nothing (`ubuntu@ip-10-0-0-1.ec2.internal`). */
  const mailboxShown = (email: string): string => {
    const box = normalizeEmail(email).split('@')[0] ?? '';
    return box && !isGenericLocalPart(box) ? box : normalizeEmail(email);
  };

  const resolveText = (text: string): ResolvedPerson => {
    const parsed = parseIdentityText(text);
    if (parsed.email) return resolveIdentity(parsed.name ?? '', parsed.email);
    const shown = `"${text.trim()}"`;
    const candidate = lookup(parsed, shown) ?? localPartOf(parsed, shown) ?? (settled ? guessed(parsed, undefined, shown, null) ?? variantOfRecordName(parsed) : null);
    const found = admitted(candidate, parsed);
    if (found) return { ...join(found, parsed), unknown: false };
    const tool = parsed.handle && !parsed.name ? tools.classify({ name: '', email: '', login: parsed.handle }) : null;
    const person = createFor(parsed, parsed.name ?? `@${parsed.handle ?? ''}`, candidate, tool);
    return { id: person.id, unknown: true };
  };

  /** `Ann B Lee` in a record meets the one person whose name it is a variant of (variants.ts). */
  const variantOfRecordName = (parsed: IdentityText): Found | null => {
    const last = parsed.name && !parsed.handle ? spokenName(parsed.name)?.last : undefined;
    if (!parsed.name || !last) return null;
    // Only people who share the family name can fit: reading everyone's logins for each name would cost more.
    const near = [...persons.values()].filter((person) => [person.name, ...person.seenAs].some((name) => spokenName(name)?.last === last));
    const found = variantOfName(parsed.name, namesakesOf(near));
    return found ? { person: found.person, because: found.because } : null;
  };

  /** `dana` or `Dana Chen` in a record meets dana@… or dana.chen@… of a commit. */
  const localPartOf = (parsed: IdentityText, shown: string): Found | null => {
    if (!parsed.name) return null;
    const key = normalizeName(parsed.name);
    const person = byEmailLocalPart.get(key.replace(/ /g, '.')) ?? byEmailLocalPart.get(key);
    return person ? { person, because: `${shown} is the name part of their e-mail address` } : null;
  };

  /** Keys of every identity a person was met under, as `notSame` names them. */
  const keysOf = (person: PersonState): string[] => [
    ...[...person.emails].map((e) => `e:${e}`),
    ...[...person.seenAs, person.name].flatMap((text) => identityKeys(parseIdentityText(text))),
  ];
  /** Config keeps two configured people, two kinds of identity and a `notSame` pair apart. */
  const joinable = (a: PersonState, b: PersonState): boolean => a !== b && persons.get(b.id) === b && a.tool === b.tool && !(a.configured && b.configured)
    && !keysOf(b).some((key) => a.notSame.has(key)) && !keysOf(a).some((key) => b.notSame.has(key));
  /** One person from two: the configured one, else the one with a full name, else the first met, keeps its id. */
  const absorb = (a: PersonState, b: PersonState, because: string): PersonState => {
    const rank = (p: PersonState): number => (p.configured ? 2 : isFullName(p.name) ? 1 : 0);
    const [into, from] = rank(b) > rank(a) ? [b, a] : [a, b];
    for (const index of [byEmail, byName, byCompactName, byHandle, byGithubId, byLogin, byEmailLocalPart, separate]) {
      for (const [key, person] of index) if (person === from) index.set(key, into);
    }
    for (const email of from.emails) into.emails.add(email);
    for (const alias of from.aliases) into.aliases.add(alias);
    for (const key of from.aliasKeys) into.aliasKeys.add(key);
    for (const key of from.notSame) into.notSame.add(key);
    for (const why of from.mergedBecause) into.mergedBecause.add(why);
    for (const seen of from.seenAs) into.seenAs.add(seen);
    into.isLeader ||= from.isLeader;
    into.listed ||= from.listed;
    into.configured ||= from.configured;
    if (!into.configured && !isFullName(into.name) && isFullName(from.name)) {
      into.seenAs.add(into.name);
      into.name = from.name;
    }
    if (from.name !== into.name) into.seenAs.add(from.name);
    into.mergedBecause.add(because);
    persons.delete(from.id);
    touch(into);
    return into;
  };
  /**
   * Joins the people one identity names by two rules at once (`rtrinque <roch.trinque@…>`:
   * Roch Trinqué's address, and the name of the `rtrinque` noreply identity), until none is left.
   */
  const bridge = (): void => {
    for (let joined = true; joined;) {
      joined = false;
      for (const { written, tool, identity, shown } of mapped) {
        const [first, ...others] = candidates(shown, tool, cluesKept(identity, written));
        if (!first) continue;
        let person = first.person;
        for (const other of others) {
          if (!joinable(person, other.person)) continue;
          person = absorb(person, other.person, `one person: ${first.because ?? `${shown} has their e-mail address`}, and ${other.because ?? `${shown} has their e-mail address`}`);
          joined = true;
        }
      }
    }
  };
  /** Joins the person of each history identity with the one person its login or made-up address's first name fits (guess.ts); true when it joined anyone. */
  const guessAll = (): boolean => {
    let joined = false;
    for (const { email, tool, identity, shown } of mapped) {
      // Without an address an identity has no person of its own to join.
      const own = email ? byEmail.get(normalizeEmail(email)) : undefined;
      if (!own) continue;
      const guess = guessed(identity, own, shown, tool);
      if (!guess || !joinable(own, guess.person)) continue;
      absorb(own, guess.person, `one person: ${shown} has their e-mail address, and ${guess.because ?? shown}`);
      joined = true;
    }
    return joined;
  };

  /** The humans among `people` as variants.ts reads them. */
  const namesakesOf = (people: readonly PersonState[]): Array<Namesake<PersonState>> => people.filter((person) => person.tool === null).map(namesakeOf);
  /** Each person's reading, kept until a change to them (as `reading` is for guess.ts): joinVariants reads everyone on each of its turns. */
  const namesakeOf = keptUntilChanged((person): Namesake<PersonState> => {
    const names = [person.name, ...person.seenAs].filter((name) => !name.startsWith('@'));
    const emails = [...person.emails];
    const logins = new Set([...names.flatMap((name) => loginsOf({ name }, shared)), ...emails.flatMap((email) => loginsOf({ email }, shared))]);
    return { person, names, emails, logins: [...logins] };
  });
  /** Joins each two humans who are one by a variant of their names, each the other's only fitting one (variants.ts); true when it joined anyone. */
  const joinVariants = (): boolean => {
    const namesakes = namesakesOf([...persons.values()]);
    /** Who a group's fullest person is after its earlier joins. */
    const became = new Map<PersonState, PersonState>();
    for (const { a, b, because } of variantJoins(namesakes)) {
      const into = became.get(a) ?? a;
      if (joinable(into, b)) became.set(a, absorb(into, b, `one person: ${because}`));
    }
    return became.size > 0;
  };

  const toPerson = (state: PersonState): Person => ({
    id: state.id,
    name: state.name,
    emails: [...state.emails].sort(),
    aliases: [...state.aliases].sort(),
    isLeader: state.isLeader,
    isBot: state.tool === 'bot',
    ...(state.seenAs.size > 0 ? { seenAs: [...state.seenAs].sort() } : {}),
    ...(state.mergedBecause.size > 0 ? { mergedBecause: [...state.mergedBecause].sort() } : {}),
  });

  /** The person a caller is given is listed among the people. */
  const named = (resolved: ResolvedPerson): ResolvedPerson => {
    const person = persons.get(resolved.id);
    if (person) person.listed = true;
    return resolved;
  };
  for (const { name, email } of history.authors) named(resolveIdentity(name, email));
  for (const { name, email } of history.trailers) resolveIdentity(name, email);
  bridge();
  // Guesses only once every identity the history names is in: a login fits one full name of all of them, or none.
  while (guessAll() || joinVariants()) bridge();
  settled = true;

  return {
    resolveIdentity: (name, email) => named(resolveIdentity(name, email)),
    resolveText: (text) => named(resolveText(text)),
    person: (id) => {
      const state = persons.get(id);
      return state ? toPerson(state) : undefined;
    },
    isBot: (id) => persons.get(id)?.tool === 'bot',
    isAssistant: (id) => persons.get(id)?.tool === 'assistant',
    people: () => [...persons.values()].filter((p) => p.listed).map(toPerson).sort((a, b) => a.id.localeCompare(b.id)),
  };
}
