// Parsed records kept between analyses (the extension's refreshes): a refresh
// reads every record again, but parses only those whose text changed.
import type { ParsedAdr } from '../model/adr';
import { parseAdr } from './parse';

export class AdrParseMemo {
  private readonly byPath = new Map<string, { text: string; record: ParsedAdr }>();

  /** parseAdr(path, text), from memory when this path last had this text. */
  parse(path: string, text: string): ParsedAdr {
    const known = this.byPath.get(path);
    if (known?.text === text) return known.record;
    const record = parseAdr(path, text);
    this.byPath.set(path, { text, record });
    return record;
  }
}
