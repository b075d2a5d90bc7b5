// Which mark is under the pointer: a uniform grid over layout space, so a
// pointer move looks at a handful of marks, not all 10,000.
import type { Mark } from './layout';

const CELL = 24;

export class HitGrid {
  private readonly cells = new Map<string, Mark[]>();

  constructor(marks: readonly Mark[]) {
    for (const mark of marks) {
      const key = this.key(Math.floor(mark.x / CELL), Math.floor(mark.y / CELL));
      const cell = this.cells.get(key);
      if (cell) cell.push(mark);
      else this.cells.set(key, [mark]);
    }
  }

  private key(column: number, row: number): string {
    return `${column},${row}`;
  }

  /** The nearest mark within `slack` layout units of its edge, if any. */
  find(x: number, y: number, slack: number): Mark | undefined {
    const column = Math.floor(x / CELL);
    const row = Math.floor(y / CELL);
    let best: Mark | undefined;
    let bestDistance = Infinity;
    for (let dc = -1; dc <= 1; dc += 1) {
      for (let dr = -1; dr <= 1; dr += 1) {
        for (const mark of this.cells.get(this.key(column + dc, row + dr)) ?? []) {
          const distance = Math.hypot(mark.x - x, mark.y - y) - mark.radius;
          if (distance <= slack && distance < bestDistance) {
            best = mark;
            bestDistance = distance;
          }
        }
      }
    }
    return best;
  }
}
