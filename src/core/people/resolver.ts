// One person per human, from every way a repository names them, and never two humans as one:
// identities meet on the same e-mail, a GitHub handle (from a noreply address, an `@handle`
// or a configured alias), or the same full name with case, accents, spaces and CamelCase
// left out — never on initials. Every meeting beyond the same e-mail is written down
// (`mergedBecause`), and `notSame` in the config undoes one.
import type { DecisionOrbitConfig } from '../config/schema';
import type { IdentityResolver, ResolvedPerson } from '../model/people';
import type { Person } from '../model/report';
import { createToolClassifier, driverName, type ToolClass } from './bots';
import type { Mailmap } from './mailmap';
import {
  compactName, githubHandleOfEmail, githubIdOfEmail, type IdentityText, isHandle, localPartClue, normalizeEmail, normalizeHandle,
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
}

/** A word that reads as a login, not a first name: `hvanz`, `sj-williams`, `jayt106` (never `Max`). */
const LOGIN = /^[a-z\d-]{5,}$|^[a-z\d-]*[-\d][a-z\d-]*$/;

export interface IdentityResolverOptions {
  mailmap: Mailmap;
  config: Pick<DecisionOrbitConfig, 'leadership' | 'people' | 'bots' | 'assistants'>;
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

export function createIdentityResolver({ mailmap, config }: IdentityResolverOptions): IdentityResolver {
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
  const tools = createToolClassifier(config);

  const indexName = (person: PersonState, name: string): void => {
    const key = normalizeName(name);
    if (key && !byName.has(key)) byName.set(key, person);
    const compact = compactName(name);
    if (compact && !byCompactName.has(compact)) byCompactName.set(compact, person);
    // A capitalised first name (`Max`) is no login; `sj-williams` and `hvanz` are.
    const login = name.trim();
    if (LOGIN.test(login) && isHandle(login) && !byLogin.has(login)) byLogin.set(login, person);
  };
  const indexHandle = (person: PersonState, handle: string): void => {
    if (!byHandle.has(handle)) byHandle.set(handle, person);
  };
  const create = (name: string, isLeader = false, tool: ToolClass | null = null): PersonState => {
    const base = slugOf(name);
    let id = base;
    for (let suffix = 2; persons.has(id); suffix += 1) id = `${base}-${suffix}`;
    const nameAlone = tools.classify({ name, email: '' });
    const person: PersonState = {
      id, name, emails: new Set(), aliases: new Set(), isLeader, tool: tool ?? nameAlone, configured: false, mergedBecause: new Set(), seenAs: new Set(), aliasKeys: new Set(), notSame: new Set(),
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
    if (identity.email) addEmail(person, identity.email);
    if (identity.handle) {
      indexHandle(person, identity.handle);
      person.seenAs.add(`@${identity.handle}`);
    }
    if (identity.name) {
      // A tool known by its address alone lends its name to nobody.
      if (person.tool === tools.classify({ name: identity.name, email: '' })) indexName(person, identity.name);
      // A full name shows better than a login or an `@handle` (`andhesky` → Andrew Hesky); configured names stay.
      if (!person.configured && (person.name.startsWith('@') || compactName(person.name) === null) && compactName(identity.name) !== null) {
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
    for (const alias of entry.aliases) addAlias(person, alias);
    for (const other of entry.notSame ?? []) for (const key of identityKeys(parseIdentityText(other))) person.notSame.add(key);
  }

  /** The person an identity names, by the strongest evidence first. */
  const lookup = (identity: IdentityText, shown: string, tool: ToolClass | null = null): Found | null => {
    const email = identity.email ? normalizeEmail(identity.email) : '';
    const byMail = email ? byEmail.get(email) : undefined;
    if (byMail) return { person: byMail, because: null };
    // A name joins identities of one kind only: the assistant "Claude <noreply@anthropic.com>" is not Claude the person.
    const meet = (person: PersonState | undefined, because: string): Found | null => (person && person.tool === tool ? { person, because } : null);
    const account = email ? githubIdOfEmail(email) : null;
    const sameAccount = account ? meet(byGithubId.get(account), `${shown}: the same GitHub account (number ${account}) under another handle`) : null;
    if (sameAccount) return sameAccount;
    const handle = identity.handle ?? (email ? githubHandleOfEmail(email) : null);
    if (handle) {
      const found = meet(byHandle.get(handle), `${shown} has the GitHub handle ${handle}`)
        ?? meet(byLogin.get(handle), `${shown}: the GitHub handle ${handle} is the login another of their identities goes by`)
        ?? meet(byCompactName.get(handle), `${shown}: the GitHub handle ${handle} is their full name without spaces`);
      if (found) return found;
    }
    const clue = email && !handle ? localPartClue(email) : { name: null, login: null };
    const name = identity.name ?? '';
    // Two addresses under one first name (`Marko`, `Jake`) may be two people; a full name or a login is one.
    // A first name only a record gave meets the first address that comes with it.
    const named = name ? byName.get(normalizeName(name)) : undefined;
    const exact = named && (!email || named.emails.size === 0 || /\s/.test(name.trim()) || LOGIN.test(name.trim())) ? named : undefined;
    if (exact && exact.tool === tool) return { person: exact, because: normalizeName(exact.name) === normalizeName(name) ? `${shown} has the same name` : `${shown} has a name they were already met under` };
    // A single word is compared with full names without their spaces (`markwallace`); initials never are.
    const compact = name ? compactName(name) ?? (/\s/.test(name.trim()) ? null : normalizeName(name).replace(/ /g, '')) : null;
    const login = name && !/\s/.test(name.trim()) && isHandle(name.trim()) ? normalizeHandle(name) : null;
    // Both ways round: a full name meets a single word a record gave first (`markwallace`, then Mark Wallace's commits).
    const spelledTogether = compact && /\s/.test(name.trim()) ? byName.get(compact) : undefined;
    return (compact ? meet(byCompactName.get(compact) ?? spelledTogether, `${shown}: the same full name with spaces, case or CamelCase left out`) : null)
      ?? (login ? meet(byHandle.get(login), `${shown} is a GitHub handle of theirs`) : null)
      ?? (compact ? meet(byHandle.get(compact), `${shown}: their GitHub handle is this name without spaces`) : null)
      ?? (clue.name ? meet(byCompactName.get(clue.name), `${shown}: the e-mail address spells their full name`) : null)
      ?? (clue.login ? meet(byHandle.get(clue.login), `${shown}: the e-mail box is their GitHub handle`) : null);
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
    const person = create(display, false, tool);
    addIdentity(person, identity);
    // Kept apart from someone by `notSame`: later sightings of this identity come here.
    if (found) for (const key of identityKeys(identity)) if (!separate.has(key)) separate.set(key, person);
    return person;
  };

  const resolveIdentity = (rawName: string, rawEmail: string): ResolvedPerson => {
    const mapped = mailmap.lookup(rawName, rawEmail);
    const name = driverName(mapped.name);
    const email = mapped.email;
    const tool = tools.classify({ name, email: normalizeEmail(email) });
    const identity: IdentityText = { ...(name ? { name } : {}), ...(email ? { email } : {}) };
    const shown = name && email ? `${name} <${email}>` : name || email;
    const candidate = lookup(identity, shown, tool);
    const found = admitted(candidate, identity);
    if (found) return join(found, identity);
    const person = createFor(identity, name || email.split('@')[0] || email, candidate, tool);
    return { id: person.id, unknown: false };
  };

  const resolveText = (text: string): ResolvedPerson => {
    const parsed = parseIdentityText(text);
    if (parsed.email) return resolveIdentity(parsed.name ?? '', parsed.email);
    const shown = `"${text.trim()}"`;
    const candidate = lookup(parsed, shown) ?? localPartOf(parsed, shown);
    const found = admitted(candidate, parsed);
    if (found) return { ...join(found, parsed), unknown: false };
    const tool = parsed.handle && !parsed.name ? tools.classify({ name: '', email: '', login: parsed.handle }) : null;
    const person = createFor(parsed, parsed.name ?? `@${parsed.handle ?? ''}`, candidate, tool);
    return { id: person.id, unknown: true };
  };

  /** `dana` or `Dana Chen` in a record meets dana@… or dana.chen@… of a commit. */
  const localPartOf = (parsed: IdentityText, shown: string): Found | null => {
    if (!parsed.name) return null;
    const key = normalizeName(parsed.name);
    const person = byEmailLocalPart.get(key.replace(/ /g, '.')) ?? byEmailLocalPart.get(key);
    return person ? { person, because: `${shown} is the name part of their e-mail address` } : null;
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

  return {
    resolveIdentity,
    resolveText,
    person: (id) => {
      const state = persons.get(id);
      return state ? toPerson(state) : undefined;
    },
    isBot: (id) => persons.get(id)?.tool === 'bot',
    isAssistant: (id) => persons.get(id)?.tool === 'assistant',
    people: () => [...persons.values()].map(toPerson).sort((a, b) => a.id.localeCompare(b.id)),
  };
}
