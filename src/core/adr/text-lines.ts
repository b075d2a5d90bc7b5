// Line bookkeeping shared by the parser and the editors: offsets stay valid in the
// original text (BOM and CRLF included), lines are 1-based.
export interface TextLine {
  /** 1-based line number. */
  number: number;
  /** 0-based index in the line array. */
  index: number;
  /** Offset of the first character. */
  start: number;
  /** Offset just before the line terminator. */
  end: number;
  /** The line without its terminator. */
  text: string;
}

export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const stop = newline === -1 ? text.length : newline;
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    lines.push({ number, index: number - 1, start, end, text: text.slice(start, end) });
    if (newline === -1) break;
    start = newline + 1;
    number += 1;
  }
  return lines;
}

/** The line terminator a file uses most: edits write the same one. */
export function lineEnding(text: string): string {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/** 1-based line holding `offset`, given the sorted line start offsets. */
export function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

export const BOM = '\uFEFF';

/** Length of a leading byte-order mark (0 or 1). */
export function bomLength(text: string): number {
  return text.startsWith(BOM) ? 1 : 0;
}
