// One person per human, from every way a repository names them.
import type { DecisionOrbitConfig } from '../config/schema';
import type { IdentityResolver, ResolvedPerson } from '../model/people';
import type { Person } from '../model/report';
import type { Mailmap } from './mailmap';
import { createToolClassifier, driverName, type ToolClass } from './bots';
import { githubHandleOfEmail, normalizeEmail, normalizeName, parseIdentityText, slugOf } from './normalize';

interface PersonState {
  id: string;
  name: string;
  emails: Set<string>;
  aliases: Set<string>;
  isLeader: boolean;
  tool: ToolClass | null;
}

export interface IdentityResolverOptions {
  mailmap: Mailmap;
  config: Pick<DecisionOrbitConfig, 'leadership' | 'people' | 'bots' | 'assistants'>;
}

export function createIdentityResolver({ mailmap, config }: IdentityResolverOptions): IdentityResolver {
  const persons = new Map<string, PersonState>();
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string>();
  const byHandle = new Map<string, string>();
  const byEmailLocalPart = new Map<string, string>();
  const tools = createToolClassifier(config);

  const create = (name: string, isLeader = false, tool: ToolClass | null = null): PersonState => {
    const base = slugOf(name);
    let id = base;
    for (let suffix = 2; persons.has(id); suffix += 1) id = `${base}-${suffix}`;
    const nameAlone = tools.classify({ name, email: '' });
    const person: PersonState = { id, name, emails: new Set(), aliases: new Set(), isLeader, tool: tool ?? nameAlone };
    persons.set(id, person);
    // A tool known by its address alone ("Claude <noreply@anthropic.com>") lends its name to nobody.
    if (person.tool === nameAlone && !byName.has(normalizeName(name))) byName.set(normalizeName(name), id);
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
    person.tool ??= tools.classify({ name: person.name, email: key });
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

  /** A name joins identities of one kind only: the assistant "Claude <noreply@anthropic.com>" is not Claude the person. */
  const sameKindByName = (name: string, tool: ToolClass | null): ResolvedPerson | null => {
    const found = known(byName.get(normalizeName(name)));
    return found && persons.get(found.id)?.tool === tool ? found : null;
  };

  const resolveIdentity = (rawName: string, rawEmail: string): ResolvedPerson => {
    const mapped = mailmap.lookup(rawName, rawEmail);
    const name = driverName(mapped.name);
    const emailKey = normalizeEmail(mapped.email);
    const handle = githubHandleOfEmail(emailKey);
    const tool = tools.classify({ name, email: emailKey });
    const found =
      known(byEmail.get(emailKey)) ??
      (handle ? known(byHandle.get(handle)) : null) ??
      (name ? sameKindByName(name, tool) : null);
    if (found) {
      const person = persons.get(found.id);
      if (person && emailKey) addEmail(person, emailKey);
      return found;
    }
    const person = create(name || emailKey.split('@')[0] || emailKey, false, tool);
    if (emailKey) addEmail(person, emailKey);
    return { id: person.id, unknown: false };
  };

  const resolveText = (text: string): ResolvedPerson => {
    const parsed = parseIdentityText(text);
    if (parsed.email) return resolveIdentity(parsed.name ?? '', parsed.email);
    if (parsed.handle) {
      const found = known(byHandle.get(parsed.handle));
      if (found) return found;
      const person = create(`@${parsed.handle}`, false, tools.classify({ name: '', email: '', login: parsed.handle }));
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
    isBot: state.tool === 'bot',
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
