// How two spellings of one person's name, email or handle are made comparable.
import { memoizedText } from '../util/text-memo';
import { latinFold } from '../util/latin-fold';

export const normalizeName: (name: string) => string = memoizedText((name) =>
  latinFold(name).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim());

/**
 * The name with case, accents, spaces and CamelCase left out (`SergeyMenshykh`,
 * `sergey menshykh`, `Sergey Menshykh` → `sergeymenshykh`); null when a part of the
 * name is a single letter, since initials never make two names one.
 */
export const compactName: (name: string) => string | null = memoizedText((name) => {
  const words = nameWords(name);
  if (words.length < 2 || words.some((w) => w.length === 1)) return null;
  return words.join('');
});

/** The words of a name in the order spoken, CamelCase split: `Milosevic, Zarko` and `ZarkoMilosevic` → zarko, milosevic. */
export const nameWords: (name: string) => readonly string[] = memoizedText((name) => {
  const reversed = /^([^,]+),\s*([^,]+)$/.exec(name.trim());
  const ordered = reversed ? `${reversed[2] ?? ''} ${reversed[1] ?? ''}` : name;
  return normalizeName(ordered.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')).split(' ').filter((w) => w.length > 0);
});

const GENERIC_LOCAL_PARTS = new Set(['admin', 'contact', 'github', 'hello', 'info', 'mail', 'noreply', 'no-reply', 'root', 'user', 'users', 'dev', 'code', 'git', 'email']);

/**
 * Accounts an operating system or a cloud image sets up, as `normalizeName` spells them, and
 * the placeholders of a git config copied from a guide (`name <email>`, `Your Name`).
 */
const MACHINE_ACCOUNTS = new Set([
  'root', 'admin', 'administrator', 'ubuntu', 'ec2 user', 'centos', 'debian', 'fedora', 'vagrant', 'azureuser',
  'localhost', 'user', 'unknown', 'your name', 'www data', 'name', 'email', 'username', 'your email', 'your username',
]);

/** `Ubuntu`, `root`, `ec2-user`, a git config's `name`: a machine's default account or a placeholder, as a name or an e-mail box; it names nobody. */
export function isMachineAccount(text: string): boolean {
  return MACHINE_ACCOUNTS.has(normalizeName(text));
}

/** A box that says nothing about its owner: `info@`, `root@`, `ubuntu@`. */
export function isGenericLocalPart(local: string): boolean {
  return GENERIC_LOCAL_PARTS.has(local) || isMachineAccount(local);
}

export interface LocalPartClue {
  /** A full name the box spells with separators (`sebastian.schmieschek`). */
  readonly name: string | null;
  /** A word that may be their login elsewhere (`dskamiotis`). */
  readonly login: string | null;
  /** The box run together without separators or a trailing number (`rochtrinque`, `jaytseng106`): a full name only if someone's is spelled so. */
  readonly box: string | null;
}

/** An address's mailbox: its local part without a `+tag` (`ann+ci@acme.io` → `ann`). */
export function mailboxOf(email: string): string {
  return normalizeEmail(email).split('@')[0]?.replace(/\+.*$/, '') ?? '';
}

/** What an e-mail's local part says about its owner; generic boxes say nothing. */
export const localPartClue: (email: string) => LocalPartClue = memoizedText((email) => {
  const local = mailboxOf(email);
  if (isGenericLocalPart(local)) return { name: null, login: null, box: null };
  const name = /[._-]/.test(local) ? compactName(local.replace(/[._-]+/g, ' ')) : null;
  const login = local.length >= 5 && isHandle(local) ? local : null;
  const run = local.replace(/[._-]+/g, '').replace(/\d+$/, '');
  return { name, login, box: /^[a-z]{5,}$/.test(run) ? run : null };
});

const QUOTES = /^["'`\u00a8\u00ab\u00bb\u2018\u2019\u201c\u201d]+|["'`\u00a8\u00ab\u00bb\u2018\u2019\u201c\u201d]+$/g;

/** Without the quotes a name or an address was pasted in with (`“sue@news.example”`, `¨Oscar Wyatt¨`). */
export function unquoted(text: string): string {
  return text.trim().replace(QUOTES, '').trim();
}

export function normalizeEmail(email: string): string {
  return unquoted(email).toLowerCase();
}

export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** A GitHub login: letters, digits and single hyphens, at most 39 characters. */
export function isHandle(text: string): boolean {
  return /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i.test(text);
}

/** `123+handle@users.noreply.github.com` or `handle@users.noreply.github.com` → `handle`. */
export function githubHandleOfEmail(email: string): string | null {
  const match = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(email.trim());
  return match?.[1] ? normalizeHandle(match[1]) : null;
}

/** `123+handle@users.noreply.github.com` → `123`: the account's number, which outlives a renamed handle. */
export function githubIdOfEmail(email: string): string | null {
  return /^(\d+)\+[^@]+@users\.noreply\.github\.com$/i.exec(email.trim())?.[1] ?? null;
}

/** A person's id from their name, else (a name in a script without Latin letters: `杨丽`) from the first of `also` (their logins) that gives one. */
export function slugOf(name: string, also: readonly string[] = []): string {
  for (const text of [name, ...also]) {
    const slug = normalizeName(text).replace(/ /g, '-');
    if (slug) return slug;
  }
  return 'someone';
}

export interface IdentityText {
  name?: string;
  email?: string;
  handle?: string;
}

/** A whole text that is one Markdown link: `[Ann Lee](https://ann.example/profile#me)`. */
const MARKDOWN_LINK = /^\[([^\]]+)\]\(\s*<?([^)\s>]*)>?\s*\)$/;

/**
 * A person written as a link in a record (`[Ann Lee](https://github.com/annlee)`): the link's
 * text names them, and its target adds what it can: a GitHub profile's handle, a `mailto:` address.
 */
function linkedIdentity(label: string, target: string): IdentityText {
  const named = parseIdentityText(label);
  const handle = /^https?:\/\/(?:www\.)?github\.com\/([\w-]+)\/?$/i.exec(target)?.[1];
  if (handle && isHandle(handle) && !named.handle) return { ...named, handle: normalizeHandle(handle) };
  const email = /^mailto:([^\s?]+@[^\s?]+)/i.exec(target)?.[1];
  if (email && !named.email) return { ...named, email };
  return named;
}

/** Parses `Name <email>`, `Name email`, `Name @handle` (trailers without an address), a bare email, an `@handle`, a Markdown link to one of these, or a bare name. */
export function parseIdentityText(text: string): IdentityText {
  const trimmed = text.trim();
  const link = MARKDOWN_LINK.exec(trimmed);
  if (link) return linkedIdentity(link[1]?.trim() ?? '', link[2]?.trim() ?? '');
  const angle = /^(.*?)\s*<([^>]*)>\s*$/.exec(trimmed);
  if (angle) return { name: angle[1]?.trim() || undefined, email: angle[2]?.trim() || undefined };
  if (/^@[\w.-]+$/.test(trimmed)) return { handle: normalizeHandle(trimmed) };
  const named = /^(.*\S)\s+\(?@([\w-]+)\)?$/.exec(trimmed);
  if (named?.[1] && named[2] && isHandle(named[2])) return { name: named[1], handle: normalizeHandle(named[2]) };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return { email: trimmed };
  // A trailer that left out the angle brackets: `Signed-off-by: Marko Baricevic marbar3778@yahoo.com`.
  const bare = /^(.*\S)\s+([^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/.exec(trimmed);
  if (bare?.[1] && bare[2]) return { name: bare[1], email: bare[2] };
  return { name: trimmed };
}
