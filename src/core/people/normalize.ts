// How two spellings of one person's name, email or handle are made comparable.

export function normalizeName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** `123+handle@users.noreply.github.com` or `handle@users.noreply.github.com` → `handle`. */
export function githubHandleOfEmail(email: string): string | null {
  const match = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(email.trim());
  return match?.[1] ? normalizeHandle(match[1]) : null;
}

export function slugOf(name: string): string {
  return normalizeName(name).replace(/ /g, '-') || 'someone';
}

/** Parses `Name <email>`, a bare email, an `@handle` or a bare name. */
export function parseIdentityText(text: string): { name?: string; email?: string; handle?: string } {
  const trimmed = text.trim();
  const angle = /^(.*?)\s*<([^>]*)>\s*$/.exec(trimmed);
  if (angle) return { name: angle[1]?.trim() || undefined, email: angle[2]?.trim() || undefined };
  if (/^@[\w.-]+$/.test(trimmed)) return { handle: normalizeHandle(trimmed) };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return { email: trimmed };
  return { name: trimmed };
}
