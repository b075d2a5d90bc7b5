// One person per human, from every way a repository names them.
import type { DecisionOrbitConfig } from '../config/schema';
import type { IdentityResolver, ResolvedPerson } from '../model/people';
import type { Person } from '../model/report';
import type { Mailmap } from './mailmap';
import { githubHandleOfEmail, looksLikeBot, normalizeEmail, normalizeName, parseIdentityText, slugOf } from './normalize';

interface PersonState {
  id: string;
  name: string;
  emails: Set<string>;
  aliases: Set<string>;
  isLeader: boolean;
  isBot: boolean;
}

export interface IdentityResolverOptions {
  mailmap: Mailmap;
  config: Pick<DecisionOrbitConfig, 'leadership' | 'people' | 'bots'>;
}

export function createIdentityResolver({ mailmap, config }: IdentityResolverOptions): IdentityResolver {
  const persons = new Map<string, PersonState>();
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string>();
  const byHandle = new Map<string, string>();
  const byEmailLocalPart = new Map<string, string>();
  const botNames = new Set(config.bots.map(normalizeName));

  const create = (name: string, isLeader = false): PersonState => {
    const base = slugOf(name);
    let id = base;
    for (let suffix = 2; persons.has(id); suffix += 1) id = `${base}-${suffix}`;
    const person: PersonState = { id, name, emails: new Set(), aliases: new Set(), isLeader, isBot: botNames.has(normalizeName(name)) };
    persons.set(id, person);
    if (!byName.has(normalizeName(name))) byName.set(normalizeName(name), id);
    return person;
  };
  const addEmail = (person: PersonState, email: string): void => {
    const key = normalizeEmail(email);
    if (!key) return;
    person.emails.add(key);
    if (!byEmail.has(key)) byEmail.set(key, person.id);
    const handle = githubHandleOfEmail(key);
    if (handle && !byHandle.has(handle)) byHandle.set(handle, person.id);
    const local = key.split('@')[0];
    if (local && !byEmailLocalPart.has(local)) byEmailLocalPart.set(local, person.id);
    if (looksLikeBot(person.name, key)) person.isBot = true;
  };
  const addAlias = (person: PersonState, alias: string): void => {
    person.aliases.add(alias);
    const parsed = parseIdentityText(alias);
    if (parsed.email) addEmail(person, parsed.email);
    if (parsed.handle && !byHandle.has(parsed.handle)) byHandle.set(parsed.handle, person.id);
    if (parsed.name && !parsed.email && !byName.has(normalizeName(parsed.name))) byName.set(normalizeName(parsed.name), person.id);
  };

  for (const leader of config.leadership) {
    const person = create(leader.name, true);
    for (const alias of leader.aliases) addAlias(person, alias);
  }
  for (const entry of config.people) {
    const existing = byName.get(normalizeName(entry.name));
    const person = (existing && persons.get(existing)) || create(entry.name);
    for (const alias of entry.aliases) addAlias(person, alias);
  }

  const known = (id: string | undefined): ResolvedPerson | null => (id && persons.has(id) ? { id, unknown: false } : null);

  const resolveIdentity = (rawName: string, rawEmail: string): ResolvedPerson => {
    const { name, email } = mailmap.lookup(rawName, rawEmail);
    const emailKey = normalizeEmail(email);
    const handle = githubHandleOfEmail(emailKey);
    const found =
      known(byEmail.get(emailKey)) ??
      (handle ? known(byHandle.get(handle)) : null) ??
      (name ? known(byName.get(normalizeName(name))) : null);
    if (found) {
      const person = persons.get(found.id);
      if (person && emailKey) addEmail(person, emailKey);
      return found;
    }
    const person = create(name || email.split('@')[0] || email);
    if (emailKey) addEmail(person, emailKey);
    if (looksLikeBot(name, emailKey)) person.isBot = true;
    return { id: person.id, unknown: false };
  };

  const resolveText = (text: string): ResolvedPerson => {
    const parsed = parseIdentityText(text);
    if (parsed.email) return resolveIdentity(parsed.name ?? '', parsed.email);
    if (parsed.handle) {
      const found = known(byHandle.get(parsed.handle));
      if (found) return found;
      const person = create(`@${parsed.handle}`);
      byHandle.set(parsed.handle, person.id);
      return { id: person.id, unknown: true };
    }
    const name = parsed.name ?? text.trim();
    const key = normalizeName(name);
    const found = known(byName.get(key)) ?? known(byEmailLocalPart.get(key.replace(/ /g, '.'))) ?? known(byEmailLocalPart.get(key));
    if (found) return found;
    const person = create(name);
    return { id: person.id, unknown: true };
  };

  const toPerson = (state: PersonState): Person => ({
    id: state.id,
    name: state.name,
    emails: [...state.emails].sort(),
    aliases: [...state.aliases].sort(),
    isLeader: state.isLeader,
    isBot: state.isBot,
  });

  return {
    resolveIdentity,
    resolveText,
    person: (id) => {
      const state = persons.get(id);
      return state ? toPerson(state) : undefined;
    },
    isBot: (id) => persons.get(id)?.isBot === true,
    people: () => [...persons.values()].map(toPerson).sort((a, b) => a.id.localeCompare(b.id)),
  };
}
