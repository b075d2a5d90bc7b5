// A mailbox several people commit under (`team@`, `platform@`) is nobody's: meeting on it
// would make every one of them one person, and bridge each of their other identities too.
import { normalizeEmail, normalizeName } from './normalize';

export interface NamedAddress {
  name: string;
  email: string;
}

/** Words of three letters or more in a full name (two words at least); null for a single word. */
function fullNameWords(name: string): string[] | null {
  const words = normalizeName(name).split(' ').filter((w) => w.length > 0);
  return words.length >= 2 ? words.filter((w) => w.length >= 3) : null;
}

/**
 * Addresses used under two full names with no word in common where the address names
 * neither (`Alice Smith <team@acme.io>`, `Bob Jones <team@acme.io>`). A box that spells
 * one of its names (`garyt@…` under "Gary Tomato" and "Greg Szabo", a pseudonym) or a
 * renamed person (`Jane Doe`, `Jane Roe`) stays one person's.
 */
export function sharedMailboxes(identities: Iterable<NamedAddress>): Set<string> {
  const names = new Map<string, Map<string, string[]>>();
  for (const { name, email } of identities) {
    const words = fullNameWords(name);
    const key = normalizeEmail(email);
    if (!words || !key) continue;
    let byName = names.get(key);
    if (!byName) names.set(key, (byName = new Map()));
    byName.set(normalizeName(name), words);
  }
  const shared = new Set<string>();
  for (const [email, byName] of names) {
    if (byName.size < 2) continue;
    const address = email.replace(/[^a-z0-9]+/g, '');
    const lists = [...byName.values()];
    if (lists.some((words) => words.some((w) => address.includes(w)))) continue;
    const apart = lists.some((a, i) => lists.slice(i + 1).some((b) => !a.some((w) => b.includes(w))));
    if (apart) shared.add(email);
  }
  return shared;
}
