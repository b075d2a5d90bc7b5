// Logins and addresses people make from pieces of their own name: `jsmith`, `jsmith-acme`,
// `johsmigov`, `jlieb10`, `andresilva-guardian`; and the first name a machine's default
// address pairs with (`Ana <ana@laptop.local>`). Weaker than anything else the resolver
// goes by, so it asks that exactly one person's full name fits (resolver.ts).
import { memoizedText } from '../util/text-memo';
import { mailboxOf, nameWords, normalizeEmail } from './normalize';

export interface NameParts {
  first: string;
  /** The family name as the last word, and, for a longer name, every word after the first run together (`Cherry-Kynaston`). */
  surnames: string[];
}

/** A name with its first and family names written out, and whatever stands between (words or initials). */
export interface SpokenName {
  readonly first: string;
  readonly middles: readonly string[];
  readonly last: string;
}

/** `Ann Beth Lee`, `Ann B Lee`, `Lee, Ann`: null unless the first and the last word are more than initials. */
export const spokenName: (name: string) => SpokenName | null = memoizedText((name) => {
  const words = nameWords(name);
  const first = words[0];
  const last = words[words.length - 1];
  if (words.length < 2 || !first || !last || first.length < 2 || last.length < 2) return null;
  return { first, middles: words.slice(1, -1), last };
});

/** A full name's first name and family name; null unless both are more than an initial. */
export function nameParts(name: string): NameParts | null {
  const spoken = spokenName(name);
  if (!spoken) return null;
  const { first, middles, last } = spoken;
  return { first, surnames: middles.length > 0 ? [last, [...middles, last].join('')] : [last] };
}

/** Labels of an address's domain that may close a login run together (`gov` of `agency.gov.uk`). */
export function domainLabels(email: string): string[] {
  const domain = normalizeEmail(email).split('@')[1] ?? '';
  return domain === 'users.noreply.github.com' ? [] : domain.split(/[.-]/).filter((label) => /^[a-z]{2,}$/.test(label));
}

/** What may follow the name's pieces: nothing, a number, a separated word (`-acme`), or a label of their domain. */
function suffixFits(suffix: string, domains: ReadonlySet<string>): boolean {
  if (suffix === '' || /^\d+$/.test(suffix) || /^[._-][a-z\d]+(?:[._-][a-z\d]+)*$/.test(suffix)) return true;
  const word = /^([a-z]+)\d*$/.exec(suffix)?.[1];
  return word !== undefined && domains.has(word);
}

/**
 * Whether a login is a piece of the first name (its first letter at least) followed by
 * the family name or its first three letters or more (four after a lone initial), and
 * at most a suffix: `jsmith`, `j-smith-acme`, `johsmigov`, `jlieb10` for Joshua
 * Lieberman; or the whole first name, a middle name and the whole family name
 * (`joshuathomaslieberman`). Never the first name with an initial (`jamieb`), never
 * fewer than five letters of the name.
 */
export function loginSpellsName(login: string, parts: NameParts, domains: ReadonlySet<string>): boolean {
  const text = login.toLowerCase();
  if (!/^[a-z\d][a-z\d._-]*$/.test(text)) return false;
  for (let i = 1; i <= parts.first.length && text[i - 1] === parts.first[i - 1]; i += 1) {
    const rest = text.slice(i).replace(/^[._-]/, '');
    for (const surname of parts.surnames) {
      // Only a piece of the surname the rest starts with can fit: the letters both share lead.
      let shared = 0;
      while (shared < surname.length && rest[shared] === surname[shared]) shared += 1;
      for (let j = shared; j >= 2; j -= 1) {
        if (j !== surname.length && j < (i === 1 ? 4 : 3)) break;
        if (i + j >= 5 && suffixFits(rest.slice(j), domains)) return true;
      }
    }
  }
  const letters = text.replace(/[._-]/g, '').replace(/\d+$/, '');
  return parts.surnames.some((surname) => surname.length >= 4 && letters.length >= parts.first.length + 2 + surname.length
    && letters.startsWith(parts.first) && letters.endsWith(surname));
}

/** `ky.truong@…`, `dan-criddle@…`: a box of two words spells a full name; one of more words may hold a team or a job. */
export function boxName(email: string): string | null {
  const words = mailboxOf(email).split(/[._-]/);
  return words.length === 2 && words.every((w) => /^[a-z]{2,}$/.test(w)) ? words.join(' ') : null;
}

const PRIVATE_TOP_LEVELS = new Set(['local', 'localdomain', 'lan', 'home', 'internal', 'intranet', 'localhost', 'none']);
/** The domains kept for documentation (RFC 2606), as in git's own `you@example.com`: an address there is a placeholder typed into a git config. */
const DOCUMENTATION_DOMAINS = new Set(['example.com', 'example.org', 'example.net']);

/** Mail services anyone can sign up to: a domain of these says nothing about an employer. */
const PUBLIC_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.co.uk', 'outlook.com', 'live.com', 'live.co.uk', 'yahoo.com', 'yahoo.co.uk',
  'icloud.com', 'me.com', 'mac.com', 'protonmail.com', 'proton.me', 'pm.me', 'aol.com', 'gmx.de', 'gmx.net', 'mail.ru', 'qq.com',
  '163.com', 'users.noreply.github.com',
]);

/** The domains of an organisation someone has an address at: no public mail service, no made-up host. */
export function organisationDomains(emails: Iterable<string>): Set<string> {
  const domains = new Set<string>();
  for (const email of emails) {
    const domain = normalizeEmail(email).split('@')[1] ?? '';
    if (domain && !PUBLIC_MAIL.has(domain) && !isMadeUpAddress(email)) domains.add(domain);
  }
  return domains;
}

/**
 * A login of someone's whole first name and a word of their organisation's domain
 * (`tamaralogeecom`, `john-acme` for John Smith at acme.example): the login ties the name to
 * the organisation. `organisation`: the labels of their organisations' domains, four letters or more.
 */
export function loginIsFirstNameAt(login: string, first: string, organisation: ReadonlySet<string>): boolean {
  const text = login.toLowerCase();
  if (first.length < 4 || !text.startsWith(first)) return false;
  return organisation.has(text.slice(first.length).replace(/^[._-]/, ''));
}

/**
 * An address nobody receives mail at: made up by git from a machine's name (`ana@UNKNOWN.Home`,
 * `jae@laptop.local`, `cason@gandria`) or typed as a placeholder (`tamara@example.com`).
 */
export function isMadeUpAddress(email: string): boolean {
  const host = normalizeEmail(email).split('@')[1] ?? '';
  const top = host.split('.').pop() ?? '';
  return host !== '' && (!host.includes('.') || PRIVATE_TOP_LEVELS.has(top.replace(/[()]/g, '')) || DOCUMENTATION_DOMAINS.has(host));
}
