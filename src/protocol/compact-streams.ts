// The two ends of a compact stream: the Writer the encoder fills (strings and
// numbers as their indices in shared tables, integers as they are) and the Reader
// the decoder takes them back with. Reading is total: an index out of its table, a
// length past the end of its stream, a stream cut short, all throw Malformed,
// which decodeReport turns into `undefined`.

/** Stream values that are not table indices (which are never negative). */
export const NULL = -1;
export const ABSENT = -2;

/** Thrown inside the reader only; `decodeReport` turns it into `undefined`. */
export class Malformed extends Error {}

/** The string and number tables being built: each value once, in the order first met. */
export class Tables {
  // Map keys compare with SameValueZero: -0 shares 0's entry, as JSON would write it anyway.
  readonly strings = new Map<string, number>();
  readonly numbers = new Map<number, number>();

  static index<T>(table: Map<T, number>, value: T): number {
    let index = table.get(value);
    if (index === undefined) {
      index = table.size;
      table.set(value, index);
    }
    return index;
  }
}

/** One stream being written. */
export class Writer {
  readonly items: number[] = [];

  constructor(private readonly tables: Tables) {}

  integer(value: number): void {
    this.items.push(value);
  }

  number(value: number): void {
    this.items.push(Tables.index(this.tables.numbers, value));
  }

  string(value: string): void {
    this.items.push(Tables.index(this.tables.strings, value));
  }
}

/** values[index], for an index read from a stream: negative, fractional or too large fails. */
export function pick<T>(values: readonly T[], index: number): T {
  const value = values[index];
  if (value === undefined) throw new Malformed();
  return value;
}

export class Reader {
  private at = 0;

  constructor(private readonly stream: readonly number[], readonly strings: readonly string[], readonly numbers: readonly number[]) {}

  get done(): boolean {
    return this.at >= this.stream.length;
  }

  next(): number {
    const value = this.stream[this.at];
    if (value === undefined) throw new Malformed();
    this.at += 1;
    return value;
  }

  /** Takes the next value when it is `sentinel`; leaves it otherwise. */
  skip(sentinel: number): boolean {
    if (this.stream[this.at] !== sentinel) return false;
    this.at += 1;
    return true;
  }

  /** Every item takes at least one number, so a length beyond the rest of the stream is a lie. */
  length(): number {
    const value = this.next();
    if (!Number.isInteger(value) || value < 0 || value > this.stream.length - this.at) throw new Malformed();
    return value;
  }
}
