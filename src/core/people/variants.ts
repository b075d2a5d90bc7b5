// Two spellings of one name a reader takes for one person, though their full forms differ:
// a middle name or initial one of them leaves out (`Ann Lee`, `Ann B Lee`, `Ann Beth Lee`),
// a first name and its common short form at one employer (`Jon Roe`, `Jonathan Roe`), a
// first name with the initials of the rest (`Jo B`, `Sal C Y`, `Ann BL`) and a login of the
// first name and a number (`wajid-01`). Each is weaker than a name written in full, so two
// people are joined only when each is the other's one fitting variant (docs/adr/0017).
import { loginSpellsName, nameParts, organisationDomains, spokenName, type SpokenName } from './logins';
import { compactName, localPartClue, nameWords } from './normalize';

/** A first name followed by initials only: `Jo B`, `Sal C Y`, `Ann BL`, `Ann B. L.`. */
export interface InitialledName {
  first: string;
  initials: string[];
}

/** A word written as initials: one letter (`B`, `B.`), or two or three capitals beside a first name that is not in capitals (`LK`). */
function initialsOf(word: string, capitalsAreInitials: boolean): string[] | null {
  if (/^\p{L}\.?$/u.test(word)) return [word[0]?.toLowerCase() ?? ''];
  if (capitalsAreInitials && /^\p{Lu}{2,3}$/u.test(word)) return [...word.toLowerCase()];
  return null;
}

/** `Jo B`, `Sal C Y`, `Ann BL`: a first name of two letters or more, then initials only; null for anything else. */
export function initialledName(name: string): InitialledName | null {
  const words = name.trim().split(/\s+/);
  const firstWord = words[0] ?? '';
  if (words.length < 2 || !/^\p{L}{2,}$/u.test(firstWord)) return null;
  const capitalsAreInitials = firstWord !== firstWord.toUpperCase();
  const initials: string[] = [];
  for (const word of words.slice(1)) {
    const read = initialsOf(word, capitalsAreInitials);
    if (!read) return null;
    initials.push(...read);
  }
  return { first: nameWords(firstWord)[0] ?? '', initials };
}

/**
 * Short forms of first names in common use, each beside the names it shortens. A short
 * form meets only a name it shortens (`Sam` meets Samuel and Samantha, never Samuel
 * Samantha), never another short form.
 */
const SHORT_FORMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['al', ['alan', 'albert', 'alexander', 'alfred', 'alistair', 'allan']],
  ['alex', ['alexander', 'alexandra', 'alexandre', 'alexandru', 'alexis']],
  ['andy', ['andrew', 'andreas']], ['ben', ['benjamin', 'benedict']], ['bill', ['william']], ['bob', ['robert']],
  ['chris', ['christopher', 'christian', 'christine', 'christina']], ['dan', ['daniel']], ['danny', ['daniel']],
  ['dave', ['david']], ['dom', ['dominic', 'dominik']], ['ed', ['edward', 'edmund']], ['fred', ['frederick', 'frederic']],
  ['freddie', ['frederick']], ['greg', ['gregory']], ['jim', ['james']], ['joe', ['joseph']], ['jon', ['jonathan', 'jonathon']],
  ['josh', ['joshua']], ['kate', ['katherine', 'catherine', 'kathryn']], ['ken', ['kenneth']], ['liz', ['elizabeth']],
  ['matt', ['matthew', 'matthias']], ['mike', ['michael']], ['nick', ['nicholas', 'nicolas']], ['ollie', ['oliver']],
  ['olly', ['oliver']], ['pat', ['patrick', 'patricia']], ['pete', ['peter']], ['phil', ['philip', 'phillip']],
  ['rob', ['robert']], ['sam', ['samuel', 'samantha']], ['steve', ['stephen', 'steven']], ['sue', ['susan', 'suzanne']],
  ['tim', ['timothy']], ['tom', ['thomas']], ['tony', ['anthony', 'antony']], ['will', ['william']], ['zach', ['zachary']],
];
const SHORTENS = new Map(SHORT_FORMS.map(([short, names]) => [short, new Set(names)]));

/** `jon` and `jonathan`, either way round: one is a short form of the other. */
export function isShortFormOf(a: string, b: string): boolean {
  return SHORTENS.get(a)?.has(b) === true || SHORTENS.get(b)?.has(a) === true;
}

/** Middle words that fit together: one side has none, or each pair is the same word or a word and its initial. */
function middlesAgree(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.length === b.length && a.every((word, i) => {
    const other = b[i] ?? '';
    return word === other || (word.length === 1 && other.startsWith(word)) || (other.length === 1 && word.startsWith(other));
  });
}

/** How two names with first and family names written out are one person's, or null when they are not. */
function spokenVariant(a: SpokenName, b: SpokenName): 'same' | 'middle' | 'short' | null {
  if (a.last !== b.last || !middlesAgree(a.middles, b.middles)) return null;
  if (a.first !== b.first) return isShortFormOf(a.first, b.first) ? 'short' : null;
  return a.middles.join(' ') === b.middles.join(' ') ? 'same' : 'middle';
}

/** Whether initials fit a name: the last is the family name's; those before it the middle names', unless the name writes none. */
function initialsFit(initials: readonly string[], name: SpokenName): boolean {
  const last = initials[initials.length - 1];
  if (last !== name.last[0]) return false;
  const middles = initials.slice(0, -1);
  return name.middles.length === 0 || (middles.length === name.middles.length && middles.every((initial, i) => name.middles[i]?.[0] === initial));
}

/** Everything a person is known by that their names' variants are read from. */
export interface Namesake<T> {
  person: T;
  /** The names shown and seen (`@handles` are left out). */
  names: readonly string[];
  emails: readonly string[];
  /** Logins the person goes by: handles, e-mail boxes, names that read as logins (guess.ts). */
  logins: readonly string[];
}

interface Read<T> {
  namesake: Namesake<T>;
  /** Their names with first and family names written out, each with the text it came from. */
  spoken: Array<{ written: string; name: SpokenName }>;
  /** Their names of a first name and initials (`Jo B`); read only for someone with no name written out. */
  initialled: InitialledName[];
  /** First names their logins of a first name and a number give (`wajid-01` → wajid); read only for someone with no name written out. */
  numbered: string[];
  organisations: Set<string>;
  compacts: string[];
  /** Names their separated e-mail boxes spell, run together (`jon.roe` → jonroe). */
  spelledBoxes: string[];
}

const NUMBERED_LOGIN = /^(\p{L}{3,})[._-]?\d+$/u;

/** Each namesake's reading, kept while the caller hands the same (unchanged) namesake: the resolver asks about everyone on each of its turns. */
const readings = new WeakMap<object, Read<unknown>>();

function read<T>(namesake: Namesake<T>): Read<T> {
  let known = readings.get(namesake) as Read<T> | undefined;
  if (!known) readings.set(namesake, (known = readAfresh(namesake)));
  return known;
}

function readAfresh<T>(namesake: Namesake<T>): Read<T> {
  const spoken: Read<T>['spoken'] = [];
  const initialled: InitialledName[] = [];
  for (const written of namesake.names) {
    const initials = initialledName(written);
    const name = initials ? null : spokenName(written);
    if (initials) initialled.push(initials);
    else if (name) spoken.push({ written, name });
  }
  const full = spoken.length > 0;
  return {
    namesake,
    spoken,
    initialled: full ? [] : initialled,
    numbered: full ? [] : namesake.logins.map((login) => NUMBERED_LOGIN.exec(login.toLowerCase())?.[1] ?? '').filter((first) => first !== ''),
    organisations: organisationDomains(namesake.emails),
    compacts: spoken.map(({ written }) => compactName(written) ?? nameWords(written).join('')),
    spelledBoxes: namesake.emails.map((email) => localPartClue(email).name ?? '').filter((spelled) => spelled !== ''),
  };
}

/** The first name a name or login gives: `Jo B`, `Jo`, `jo-42` → jo. */
function firstOf(name: string): string {
  return NUMBERED_LOGIN.exec(name.toLowerCase())?.[1] ?? initialledName(name)?.first ?? nameWords(name)[0] ?? '';
}

/** Nothing someone without a full name goes by speaks against `full`: every name is that first name, every box that spells a name spells theirs. */
function nothingAgainst<T>(short: Read<T>, full: Read<T>, first: string): boolean {
  return short.namesake.names.every((name) => name.startsWith('@') || firstOf(name) === first)
    && short.spelledBoxes.every((spelled) => full.compacts.some((compact) => spelled.startsWith(compact)));
}

/** Why `a` and `b`, both with first and family names written out, are one person; null if they are not or it is no variant. */
function namesVariant<T>(a: Read<T>, b: Read<T>): string | null {
  const kinds = new Set<string>();
  let pair = '';
  for (const x of a.spoken) {
    for (const y of b.spoken) {
      const kind = spokenVariant(x.name, y.name) ?? 'apart';
      kinds.add(kind);
      if (kind !== 'same') pair ||= `"${x.written}" and "${y.written}"`;
    }
  }
  if (kinds.has('apart') || !pair) return null;
  if (!kinds.has('short')) return `${pair}: the same first and family name, a middle name or initial left out by one, and no one else's name fits`;
  const shared = [...a.organisations].find((domain) => b.organisations.has(domain));
  return shared ? `${pair}: a first name and its short form, the same family name, both at ${shared}, and no one else's name fits` : null;
}

/** Why `short` (a first name with initials, or a login of a first name and a number) is `full`; null if it is not. */
function shortVariant<T>(short: Read<T>, full: Read<T>): string | null {
  const firsts = new Set(full.spoken.map(({ name }) => name.first));
  const first = firsts.size === 1 ? [...firsts][0] ?? '' : '';
  if (!first || !nothingAgainst(short, full, first)) return null;
  const shown = full.spoken[0]?.written ?? '';
  const initialled = short.initialled.filter((name) => name.first === first);
  if (initialled.length > 0 && initialled.every((name) => full.spoken.every(({ name: spoken }) => initialsFit(name.initials, spoken)))) {
    const parts = nameParts(shown);
    const login = short.namesake.logins.find((l) => l.toLowerCase().startsWith(first) || (parts !== null && loginSpellsName(l, parts, new Set())));
    if (login) return `"${short.namesake.names[0] ?? ''}" is ${shown} by the first name and initials, the login ${login} agrees, and no one else's name fits`;
  }
  const login = short.namesake.logins.find((l) => NUMBERED_LOGIN.exec(l.toLowerCase())?.[1] === first);
  if (login) return `the login ${login} is ${shown}'s first name with a number, and no one else's full name has that first name`;
  return null;
}

export interface VariantJoin<T> {
  /** The one whose name says most (`Ann Beth Lee`, `Jonathan Roe`, `Jo Bell`): a join keeps it when nothing else decides. */
  a: T;
  b: T;
  because: string;
}

/** How much of a name someone's fullest name writes out: a name with first and family names first, then its letters. */
function fullness<T>(entry: Read<T>): number {
  return entry.spoken.length === 0 ? 0 : Math.max(...entry.spoken.map(({ written }) => nameWords(written).join('').length));
}

/**
 * The people who are one by variants of their names: a group in which each fits each
 * other and no one outside (`Ann Lee`, `Ann B Lee` and `Ann Beth Lee` are one; beside
 * `Ann C Lee` no one is chosen, and two people with different middle initials never join).
 * Each join names the group's fullest name first.
 */
export function variantJoins<T>(namesakes: readonly Namesake<T>[]): VariantJoin<T>[] {
  const reads = namesakes.map((namesake) => read(namesake));
  const bySurname = new Map<string, Array<Read<T>>>();
  const byFirst = new Map<string, Array<Read<T>>>();
  const add = (index: Map<string, Array<Read<T>>>, key: string, entry: Read<T>): void => {
    const list = index.get(key);
    if (!list) index.set(key, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  };
  for (const entry of reads) {
    for (const { name } of entry.spoken) {
      add(bySurname, name.last, entry);
      add(byFirst, name.first, entry);
    }
  }
  const fits = new Map<Read<T>, Map<Read<T>, string>>();
  const fit = (a: Read<T>, b: Read<T>, because: string): void => {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let found = fits.get(x);
      if (!found) fits.set(x, (found = new Map()));
      found.set(y, because);
    }
  };
  for (const entry of reads) {
    if (entry.spoken.length > 0) {
      for (const { name } of entry.spoken) {
        for (const other of bySurname.get(name.last) ?? []) {
          const because = other !== entry && !fits.get(entry)?.has(other) ? namesVariant(entry, other) : null;
          if (because) fit(entry, other, because);
        }
      }
      continue;
    }
    for (const first of new Set([...entry.initialled.map((name) => name.first), ...entry.numbered])) {
      for (const other of byFirst.get(first) ?? []) {
        const because = shortVariant(entry, other);
        if (because) fit(entry, other, because);
      }
    }
  }
  const joins: VariantJoin<T>[] = [];
  const seen = new Set<Read<T>>();
  for (const [entry, found] of fits) {
    if (seen.has(entry)) continue;
    const group = [entry, ...found.keys()];
    for (const member of group) seen.add(member);
    const closed = group.every((member) => fits.get(member)?.size === group.length - 1 && group.every((other) => other === member || fits.get(member)?.has(other)));
    if (!closed) continue;
    const [fullest, ...others] = [...group].sort((a, b) => fullness(b) - fullness(a));
    if (!fullest) continue;
    for (const other of others) joins.push({ a: fullest.namesake.person, b: other.namesake.person, because: fits.get(fullest)?.get(other) ?? '' });
  }
  return joins;
}

/**
 * The one person a name met only in a record is a variant of (`Ann B Lee` in a decider field,
 * `Ann Lee` in git), by the same rules as between people: each the other's one fit, so the
 * name and that person make a group no one else fits. Null when none or more than one fits.
 */
export function variantOfName<T>(name: string, namesakes: readonly Namesake<T>[]): { person: T; because: string } | null {
  const spoken = initialledName(name) ? null : spokenName(name);
  if (!spoken) return null;
  const near = namesakes.filter((namesake) => namesake.names.some((written) => spokenName(written)?.last === spoken.last));
  const asked: Namesake<T | null> = { person: null, names: [name], emails: [], logins: [] };
  const joins = variantJoins<T | null>([asked, ...near]);
  const [only] = joins;
  if (joins.length !== 1 || !only) return null;
  const person = only.a === null ? only.b : only.b === null ? only.a : null;
  return person === null ? null : { person, because: only.because };
}
