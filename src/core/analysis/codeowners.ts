// CODEOWNERS rules (pattern → owners), read for the declared-vs-actual drift check.
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'] as const;

export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
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
