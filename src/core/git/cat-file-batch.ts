// `git cat-file --batch=%(objectname) %(objecttype) %(objectsize)` output read as
// it streams: one entry per name asked, in the order asked, each object's content
// cut from the chunks as soon as it is whole. Nothing holds more than the object
// in progress, so a history's worth of blobs never sits in memory at once.
import { utf8Text } from './utf8-text';

export interface BatchEntry {
  /** The object id; null where the name did not resolve (`missing`, `ambiguous`, …). */
  id: string | null;
  type: string | null;
  /** The content as text; null where there is none, or it is not a blob or is larger than the limit. */
  text: string | null;
}

const HEADER = /^([0-9a-f]{40,64}) (\w+) (\d+)$/;

export class CatFileBatchParser {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The object whose content (and the LF after it) is still arriving. */
  private body: { id: string; type: string; size: number } | null = null;
  /** Bytes of an object too large to keep, still to be passed over. */
  private skipping = 0;

  /** `maxTextBytes`: larger blobs are passed over without being decoded or buffered. */
  constructor(private readonly maxTextBytes: number) {}

  push(chunk: Buffer, emit: (entry: BatchEntry) => void): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.skipping > 0 && !this.pass()) return;
      if (this.body === null) {
        const line = this.takeLine();
        if (line === null) return;
        const match = HEADER.exec(line);
        // `<name> missing` and its kin carry no content.
        if (!match) {
          emit({ id: null, type: null, text: null });
          continue;
        }
        const size = Number(match[3]);
        if (match[2] !== 'blob' || size > this.maxTextBytes) {
          this.skipping = size + 1;
          emit({ id: match[1] as string, type: match[2] as string, text: null });
          continue;
        }
        this.body = { id: match[1] as string, type: match[2] as string, size };
      }
      if (this.buffered < this.body.size + 1) return;
      const content = this.take(this.body.size + 1);
      emit({ id: this.body.id, type: this.body.type, text: utf8Text(content, 0, this.body.size) });
      this.body = null;
    }
  }

  /** Whether every name asked has had its entry: anything left means cat-file stopped early. */
  get idle(): boolean {
    return this.buffered === 0 && this.body === null && this.skipping === 0;
  }

  /** Drops buffered bytes of a skipped object; true when it is passed. */
  private pass(): boolean {
    while (this.skipping > 0 && this.chunks.length > 0) {
      const first = this.chunks[0] as Buffer;
      if (first.length <= this.skipping) {
        this.chunks.shift();
        this.buffered -= first.length;
        this.skipping -= first.length;
      } else {
        this.chunks[0] = first.subarray(this.skipping);
        this.buffered -= this.skipping;
        this.skipping = 0;
      }
    }
    return this.skipping === 0;
  }

  private takeLine(): string | null {
    let length = 0;
    for (const chunk of this.chunks) {
      const end = chunk.indexOf(0x0a);
      if (end >= 0) {
        const line = this.take(length + end + 1);
        return line.toString('utf8', 0, line.length - 1);
      }
      length += chunk.length;
    }
    return null;
  }

  /** The next `count` buffered bytes: a view of one chunk when they lie in it, else one copy. */
  private take(count: number): Buffer {
    this.buffered -= count;
    const first = this.chunks[0] as Buffer;
    if (first.length >= count) {
      if (first.length === count) this.chunks.shift();
      else this.chunks[0] = first.subarray(count);
      return first.subarray(0, count);
    }
    const parts: Buffer[] = [];
    let left = count;
    while (left > 0) {
      const chunk = this.chunks[0] as Buffer;
      if (chunk.length <= left) {
        parts.push(chunk);
        this.chunks.shift();
        left -= chunk.length;
      } else {
        parts.push(chunk.subarray(0, left));
        this.chunks[0] = chunk.subarray(left);
        left = 0;
      }
    }
    return Buffer.concat(parts, count);
  }
}
