// CODEOWNERS rules (pattern → owners), read for the declared-vs-actual drift check.
import { globToRegExp } from '../signals/glob';

export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'] as const;

export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
}

/** The indices of the rules whose pattern matches a path. */
export type RulesOfPath = (path: string) => readonly number[];

/**
 * Matches each path against the rules once: the history pass keeps a commit's change
 * per rule it matches, and the drift check asks again of the kept commits' paths.
 */
export function rulesMatching(rules: readonly CodeownersRule[]): RulesOfPath {
  const patterns = rules.map((rule) => globToRegExp(rule.pattern));
  const known = new Map<string, readonly number[]>();
  return (path) => {
    let matched = known.get(path);
    if (matched === undefined) known.set(path, (matched = patterns.flatMap((pattern, index) => (pattern.test(path) ? [index] : []))));
    return matched;
  };
}

export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '' || line.startsWith('[')) return;
    const [pattern, ...owners] = line.split(/\s+/);
    if (pattern !== undefined && owners.length > 0) rules.push({ pattern, owners, line: index + 1 });
  });
  return rules;
}
