// Identities the roster gives twice: the same leader listed twice, or one alias (or
// name) claimed by two different people. Either makes a person's evidence land on
// whichever entry the resolver met first, so a leader reads as "100 % around"; the
// config is refused instead, naming both lines.
import { normalizeEmail, normalizeName, parseIdentityText } from '../people/normalize';
import type { ConfigProblem } from './problems';

interface Entry {
  name: string;
  aliases: readonly string[];
}

export interface RosterSection {
  key: 'leadership' | 'people';
  entries: readonly Entry[];
}

/** The 1-based line of a path in the file (e.g. ['leadership', 1, 'aliases', 0]). */
export type LineOf = (path: readonly (string | number)[]) => number | undefined;

interface Claim {
  person: string;
  who: string;
  line: number | undefined;
}

/** What the resolver matches an alias by: its email, its handle, or its name. */
function identityKey(text: string): string | null {
  const parsed = parseIdentityText(text);
  if (parsed.email) return `email:${normalizeEmail(parsed.email)}`;
  if (parsed.handle) return `handle:${parsed.handle}`;
  const name = normalizeName(parsed.name ?? text);
  return name === '' ? null : `name:${name}`;
}

function atLine(line: number | undefined): string {
  return line === undefined ? '' : ` (line ${line})`;
}

export function rosterConflicts(sections: readonly RosterSection[], lineOf: LineOf): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const claims = new Map<string, Claim>();
  const leaders = new Map<string, number | undefined>();
  const claim = (key: string | null, current: Claim, what: string): void => {
    if (key === null) return;
    const earlier = claims.get(key);
    if (!earlier) {
      claims.set(key, current);
      return;
    }
    if (earlier.person === current.person) return;
    problems.push({
      ...(current.line !== undefined ? { line: current.line } : {}),
      message: `${what} is also claimed by ${earlier.who}${atLine(earlier.line)}: one identity can belong to one person only`,
    });
  };
  for (const section of sections) {
    section.entries.forEach((entry, index) => {
      const person = normalizeName(entry.name);
      const line = lineOf([section.key, index, 'name']);
      if (section.key === 'leadership' && person !== '') {
        if (leaders.has(person)) {
          const first = leaders.get(person);
          problems.push({
            ...(line !== undefined ? { line } : {}),
            message: `${entry.name} is listed twice in leadership${first !== undefined && line !== undefined ? ` (lines ${first} and ${line})` : ''}`,
          });
          return;
        }
        leaders.set(person, line);
      }
      claim(identityKey(entry.name), { person, who: entry.name, line }, `the name ${JSON.stringify(entry.name)}`);
      entry.aliases.forEach((alias, aliasIndex) => {
        const aliasLine = lineOf([section.key, index, 'aliases', aliasIndex]) ?? line;
        claim(identityKey(alias), { person, who: entry.name, line: aliasLine }, `the alias ${JSON.stringify(alias)} of ${entry.name}`);
      });
    });
  }
  return problems;
}
