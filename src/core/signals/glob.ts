// Repository-relative glob matching for config (`signals.<kind>.paths`, `areas`,
// workspace package globs): `**`, `*`, `?`, `{a,b}`. A pattern without a slash
// matches a file's base name anywhere, as in .gitignore.
const cache = new Map<string, RegExp>();

function escapeChar(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

function translate(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] ?? '';
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const slashAfter = pattern[i + 2] === '/';
        out += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '{') {
      const close = pattern.indexOf('}', i);
      if (close < 0) {
        out += '\\{';
      } else {
        out += `(?:${pattern.slice(i + 1, close).split(',').map(translate).join('|')})`;
        i = close;
      }
    } else {
      out += escapeChar(char);
    }
  }
  return out;
}

export function globToRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const stripped = pattern.replace(/^\.\//, '').replace(/^\//, '');
  const anchored = stripped.replace(/\/$/, '').includes('/') || pattern.startsWith('/');
  const body = stripped.endsWith('/') ? `${stripped}**` : stripped;
  const regex = new RegExp(anchored ? `^${translate(body)}$` : `^(?:.*/)?${translate(body)}$`);
  cache.set(pattern, regex);
  return regex;
}

export function matchesGlob(path: string, pattern: string): boolean {
  return globToRegExp(pattern).test(path);
}

export function matchesAnyGlob(path: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesGlob(path, pattern));
}
