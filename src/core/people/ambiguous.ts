// A person the history knows by a first name alone (`Anna`, `Olly`, `George B`) beside someone
// whose full name starts with that first name or one it shortens: the resolver keeps them apart
// (nothing says which of them it is, docs/adr/0017), and a reader cannot tell who they are
// either, so such a name is never offered as a leader on its own (docs/adr/0019).
import type { Person } from '../model/report';
import { spokenName } from './logins';
import { nameWords } from './normalize';
import { initialledName, isShortFormOf } from './variants';

/** Their names as a reader sees them: the shown name and the others, `@handles` left out. */
function namesOf(person: Person): string[] {
  return [person.name, ...(person.seenAs ?? [])].filter((name) => !name.startsWith('@'));
}

/** `Ann Lee`, never `Ann`, `Jo B` or `Jake LK`: a first and a family name written out. */
function isWrittenOut(name: string): boolean {
  return spokenName(name) !== null && initialledName(name) === null;
}

/** The first name someone with no name written out goes by: `Anna` → anna, `George B` → george; null for a full name or no single word. */
function firstNameAlone(person: Person): string | null {
  const names = namesOf(person);
  if (names.some(isWrittenOut)) return null;
  const initialled = initialledName(person.name);
  if (initialled) return initialled.first;
  const words = nameWords(person.name);
  return words.length === 1 ? words[0] ?? null : null;
}

/**
 * The ids of people known by a first name alone that begins another person's full name, as
 * written or in its common short or long form (`Olly` beside `Oliver Lloyd`). A first name no
 * one else's full name starts with (`Cristina` alone) says who it is as far as the report goes.
 */
export function ambiguousFirstNames(people: readonly Person[]): Set<string> {
  const fullFirstNames = new Map<string, Set<string>>();
  for (const person of people) {
    for (const name of namesOf(person)) {
      const first = isWrittenOut(name) ? spokenName(name)?.first : undefined;
      if (!first) continue;
      const ids = fullFirstNames.get(first) ?? new Set<string>();
      fullFirstNames.set(first, ids.add(person.id));
    }
  }
  const ambiguous = new Set<string>();
  for (const person of people) {
    const first = firstNameAlone(person);
    if (first === null) continue;
    const others = [...fullFirstNames].some(([full, ids]) => (full === first || isShortFormOf(first, full)) && [...ids].some((id) => id !== person.id));
    if (others) ambiguous.add(person.id);
  }
  return ambiguous;
}
