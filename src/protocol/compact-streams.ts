// The two ends of a compact stream. A stream is one string of variable-length
// digits: every value (a table code, an enum position, a length, a sentinel) is
// one to seven characters of a 64-character alphabet that JSON and the page's
// script block carry as they are. Most values are small (enum positions, short
// lists, a string used once), so most take one character, where a JSON array
// took two to six with its comma and a JSON.parse of half a million numbers.
// Strings and numbers sit in tables ranked by use: those used more than once,
// most used first, by their rank; those used once, in the order the streams
// meet them, as one code (the next of them), so the many ids, titles and shas
// of a report cost a character each in the streams.
// Reading is total: a character outside the alphabet, a value cut short, a code
// out of its table, a length past the end of its stream all throw Malformed, and
// a table with used-once values left over reads as unfinished; decodeReport
// turns either into `undefined`.

/** Stream values that are neither table codes nor positions (which are never negative). */
export const NULL = -1;
export const ABSENT = -2;
/** The smallest value a stream holds; digits carry the value minus this. */
const LOWEST = ABSENT;

// A digit below HALF ends its value; one above carries five more bits, least significant first.
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HALF = 32;
/** Seven digits hold 35 bits, more than any table or list has entries. */
const MAX_DIGITS = 7;
const DIGIT_CODES = Uint8Array.from(DIGITS, (digit) => digit.charCodeAt(0));
const DIGIT_VALUES = new Int8Array(128).fill(-1);
DIGIT_CODES.forEach((code, value) => {
  DIGIT_VALUES[code] = value;
});

/** Thrown inside the reader only; `decodeReport` turns it into `undefined`. */
export class Malformed extends Error {}

/** A table as it travels: the values used more than once, most used first, then those used once, in the order the streams use them. */
export interface Table<T> {
  shared: T[];
  once: T[];
}

/** Where the values of a stream go. */
export interface Sink {
  integer(value: number): void;
  number(value: number): void;
  string(value: string): void;
}

/** The first pass: how often each string and number is used. */
export class Counter implements Sink {
  // Map keys compare with SameValueZero: -0 shares 0's entry, as JSON would write it anyway.
  readonly strings = new Map<string, number>();
  readonly numbers = new Map<number, number>();

  private static count<T>(counts: Map<T, number>, value: T): void {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }

  integer(): void {}

  number(value: number): void {
    Counter.count(this.numbers, value);
  }

  string(value: string): void {
    Counter.count(this.strings, value);
  }
}

/** A table being written: each shared value's code, and the used-once values as the streams meet them. */
class TableWriter<T> {
  private readonly codes = new Map<T, number>();
  readonly table: Table<T> = { shared: [], once: [] };

  constructor(counts: Map<T, number>) {
    // Sorting is stable: values used equally often keep the order they were first met in.
    const shared = [...counts].filter(([, count]) => count > 1).sort((a, b) => b[1] - a[1]);
    shared.forEach(([value], rank) => {
      this.codes.set(value, rank + 1);
      this.table.shared.push(value);
    });
  }

  /** 0 for a value used once (the next of them), rank + 1 for a shared one. */
  code(value: T): number {
    const code = this.codes.get(value);
    if (code !== undefined) return code;
    this.table.once.push(value);
    return 0;
  }
}

/** The tables being written, shared by every stream of one report. */
export class Tables {
  readonly strings: TableWriter<string>;
  readonly numbers: TableWriter<number>;

  constructor(counter: Counter) {
    this.strings = new TableWriter(counter.strings);
    this.numbers = new TableWriter(counter.numbers);
  }
}

/** Writes one stream's values in digits, alone (`tables` absent: integers only) or with a report's tables. */
export class Writer implements Sink {
  // The digits' character codes, made a string once at the end: a million one-character strings joined cost several times more.
  private bytes = new Uint8Array(1024);
  private size = 0;

  constructor(private readonly tables?: Tables) {}

  get text(): string {
    // The digits are ASCII, which every single-byte decoding reads alike.
    return new TextDecoder('latin1').decode(this.bytes.subarray(0, this.size));
  }

  integer(value: number): void {
    let rest = value - LOWEST;
    if (!Number.isInteger(rest) || rest < 0 || rest >= HALF ** MAX_DIGITS) throw new RangeError(`${value} cannot be written in a compact stream`);
    if (this.size + MAX_DIGITS > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    while (rest >= HALF) {
      this.bytes[this.size++] = DIGIT_CODES[HALF + (rest % HALF)] as number;
      rest = Math.floor(rest / HALF);
    }
    this.bytes[this.size++] = DIGIT_CODES[rest] as number;
  }

  number(value: number): void {
    this.integer(this.table().numbers.code(value));
  }

  string(value: string): void {
    this.integer(this.table().strings.code(value));
  }

  private table(): Tables {
    if (!this.tables) throw new RangeError('a stream without tables holds integers only');
    return this.tables;
  }
}

/** values[index], for an index read from a stream: negative, fractional or too large fails. */
export function pick<T>(values: readonly T[], index: number): T {
  const value = values[index];
  if (value === undefined) throw new Malformed();
  return value;
}

/** A table being read: the used-once values are taken in turn, across every stream of the report. */
export class TableReader<T> {
  private next = 0;

  constructor(private readonly table: Table<T>) {}

  take(code: number): T {
    if (code !== 0) return pick(this.table.shared, code - 1);
    const value = pick(this.table.once, this.next);
    this.next += 1;
    return value;
  }

  /** Every used-once value was used: a table with values left over belongs to other streams. */
  get finished(): boolean {
    return this.next === this.table.once.length;
  }
}

export class Reader {
  private at = 0;

  constructor(private readonly text: string, private readonly strings?: TableReader<string>, private readonly numbers?: TableReader<number>) {}

  get done(): boolean {
    return this.at >= this.text.length;
  }

  next(): number {
    let value = 0;
    let scale = 1;
    for (let count = 0; count < MAX_DIGITS; count += 1) {
      const digit = DIGIT_VALUES[this.text.charCodeAt(this.at)] ?? -1;
      if (digit < 0) throw new Malformed();
      this.at += 1;
      if (digit < HALF) return value + digit * scale + LOWEST;
      value += (digit - HALF) * scale;
      scale *= HALF;
    }
    throw new Malformed();
  }

  /** Takes the next value when it is `sentinel`; leaves it otherwise. */
  skip(sentinel: number): boolean {
    // A sentinel is one digit: compared as a character, without decoding.
    if (this.text.charCodeAt(this.at) !== DIGIT_CODES[sentinel - LOWEST]) return false;
    this.at += 1;
    return true;
  }

  /** Every item of a list takes at least one character (no codec of compact-fields.ts writes nothing for a whole item), so a length beyond the rest of the stream is a lie. */
  length(): number {
    const value = this.next();
    if (value < 0 || value > this.text.length - this.at) throw new Malformed();
    return value;
  }

  string(): string {
    if (!this.strings) throw new Malformed();
    return this.strings.take(this.next());
  }

  number(): number {
    if (!this.numbers) throw new Malformed();
    return this.numbers.take(this.next());
  }
}
