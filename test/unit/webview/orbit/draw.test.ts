import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clipRay, tileGrid } from '../../../../src/webview/orbit/draw';
import type { Mark } from '../../../../src/webview/orbit/layout';

const view = { left: -100, right: 300, top: -50, bottom: 250 };

function inside(x: number, y: number): boolean {
  const e = 1e-6;
  return x >= view.left - e && x <= view.right + e && y >= view.top - e && y <= view.bottom + e;
}

describe('clipRay: the visible part of a sector divider', () => {
  it('keeps a ray that lies wholly in view as it is', () => {
    assert.deepEqual(clipRay(0, 10, 200, view), { from: 10, to: 200 });
  });

  it('gives nothing for a ray that misses the view', () => {
    assert.equal(clipRay(Math.PI, 150, 400, view), null);
    assert.equal(clipRay(-Math.PI / 2, 60, 400, view), null);
  });

  it('cuts a ray at the edges of the view, and only there', () => {
    fc.assert(fc.property(fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), (angle, a, b) => {
      const from = Math.min(a, b);
      const to = Math.max(a, b);
      const part = clipRay(angle, from, to, view);
      // Sample the ray: a point is in the part exactly when it is in view.
      for (let i = 0; i <= 50; i += 1) {
        const r = from + ((to - from) * i) / 50;
        const x = Math.cos(angle) * r;
        const y = Math.sin(angle) * r;
        const inPart = part !== null && r >= part.from - 1e-6 && r <= part.to + 1e-6;
        if (inPart) assert.ok(inside(x, y), `r ${r} drawn but out of view`);
        else if (part !== null) assert.ok(!inside(x + Math.cos(angle) * 1e-3, y + Math.sin(angle) * 1e-3) || !inside(x - Math.cos(angle) * 1e-3, y - Math.sin(angle) * 1e-3), `r ${r} in view but not drawn`);
      }
      if (part) assert.ok(part.from >= from && part.to <= to && part.from < part.to);
    }));
  });
});

describe('tileGrid: the squares the marks are batched in', () => {
  const mark = (x: number, y: number): Mark => ({ x, y, radius: 3 }) as Mark;

  it('puts every mark in a tile of the grid, a few hundred marks a tile', () => {
    const marks = Array.from({ length: 10_000 }, (_, i) => mark(Math.cos(i) * (100 + (i % 700)), Math.sin(i) * (100 + (i % 700))));
    const grid = tileGrid(marks);
    assert.ok(grid.side >= 2 && grid.side <= 6, `side ${grid.side}`);
    for (const m of marks) {
      const column = Math.min(grid.side - 1, Math.floor((m.x - grid.left) / grid.size));
      const row = Math.min(grid.side - 1, Math.floor((m.y - grid.top) / grid.size));
      assert.ok(column >= 0 && column < grid.side && row >= 0 && row < grid.side);
    }
  });

  it('is one tile for a few marks or none', () => {
    assert.equal(tileGrid([mark(1, 2), mark(3, 4)]).side, 1);
    assert.deepEqual(tileGrid([]), { left: 0, top: 0, size: 1, side: 1 });
  });
});
