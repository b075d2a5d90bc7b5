import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Decision, Involvement } from '../../../../src/core/model/report';
import { layoutOrbit, readingOrder, RINGS, ringOf, SLOT, sectorsOf, LABEL_WEDGE } from '../../../../src/webview/orbit/layout';

const LEVELS: Involvement[] = ['decided', 'consulted', 'informed', 'around', 'automated', 'pending'];

function decision(i: number, area: string, owner: string | null, level: Involvement): Decision & { level: Involvement } {
  return {
    id: `adr:d/${i}.md`, source: i % 2 ? 'adr' : 'git', kind: i % 2 ? 'adr' : 'ci', title: `D${i}`, path: null, number: null, status: 'accepted', statusText: '',
    date: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, area, decisionMakers: owner ? [owner] : [], consulted: [], informed: [], involvement: level,
    evidence: [], commits: [], pr: null, supersedes: [], supersededBy: [], weight: i % 2 ? 1 : 0.5, level, counted: true, notCountedReason: null, kinds: [],
  };
}

const arbitraryDecisions = fc.array(
  fc.record({ area: fc.constantFrom('api', 'db', 'web', 'payments', 'ops'), owner: fc.option(fc.constantFrom('ann', 'bob', 'cy'), { nil: null }), level: fc.constantFrom(...LEVELS) }),
  { maxLength: 400 },
).map((items) => items.map((item, i) => decision(i, item.area, item.owner, item.level)));

function angleOf(x: number, y: number): number {
  return Math.atan2(y, x);
}

function within(angle: number, start: number, end: number): boolean {
  const turn = Math.PI * 2;
  const normal = (value: number): number => ((value % turn) + turn) % turn;
  const span = end - start;
  return normal(angle - start) <= span + 1e-9;
}

describe('orbit layout', () => {
  it('puts every decision on the ring of its level and in the sector of its area, no two marks overlapping', () => {
    fc.assert(fc.property(arbitraryDecisions, (decisions) => {
      const layout = layoutOrbit({ decisions, levelOf: (d) => d.involvement, ownerName: (id) => id.toUpperCase() });
      assert.equal(layout.marks.length, decisions.length);
      for (const mark of layout.marks) {
        const ring = layout.rings[mark.ring];
        assert.ok(ring);
        assert.equal(mark.ring, ringOf(mark.decision.involvement));
        const radius = Math.hypot(mark.x, mark.y);
        assert.ok(radius > ring.inner && radius < ring.outer, `${radius} outside ${ring.inner}..${ring.outer}`);
        const sector = layout.sectors.find((s) => s.area === mark.area);
        assert.ok(sector);
        assert.ok(within(angleOf(mark.x, mark.y), sector.start - SLOT / radius, sector.end + SLOT / radius), mark.decision.id);
      }
      const byRing = new Map<number, typeof layout.marks>();
      for (const mark of layout.marks) byRing.set(mark.ring, [...(byRing.get(mark.ring) ?? []), mark]);
      for (const marks of byRing.values()) {
        for (let i = 0; i < marks.length; i += 1) {
          for (let j = i + 1; j < marks.length; j += 1) {
            const a = marks[i];
            const b = marks[j];
            if (a && b) assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= SLOT * 0.95, `${a.decision.id} and ${b.decision.id} overlap`);
          }
        }
      }
    }), { numRuns: 60 });
  });

  it('counts each ring and groups each owner\'s marks into one cluster per ring and area', () => {
    const decisions = [decision(1, 'api', 'bob', 'decided'), decision(2, 'api', 'ann', 'decided'), decision(3, 'api', 'bob', 'decided'), decision(4, 'db', null, 'around')];
    const layout = layoutOrbit({ decisions, levelOf: (d) => d.involvement, ownerName: (id) => id });
    assert.deepEqual(layout.rings.map((r) => r.count), [3, 0, 0, 1, 0]);
    assert.deepEqual(layout.rings.map((r) => r.label), RINGS.map((r) => r.label));
    // Records first (decisions 1 and 3 are ADRs), then git signals: the ADRs take the inner rows.
    assert.deepEqual(layout.clusters.map((c) => [c.owner, c.area, c.ring, c.size, c.weight]), [['bob', 'api', 0, 2, 2], ['ann', 'api', 0, 1, 0.5], [null, 'db', 3, 1, 0.5]]);
  });

  it('leaves the label wedge at twelve o\'clock free and shares the rest by count, every area at least a sliver', () => {
    const sectors = sectorsOf(new Map([['a', 1], ['b', 1000], ['c', 0]]));
    assert.deepEqual(sectors.map((s) => s.area), ['a', 'b', 'c']);
    const first = sectors[0];
    const last = sectors[sectors.length - 1];
    assert.ok(first && last);
    assert.ok(first.start >= -Math.PI / 2 + LABEL_WEDGE / 2 - 1e-9);
    assert.ok(last.end <= Math.PI * 1.5 - LABEL_WEDGE / 2 + 1e-9);
    for (const sector of sectors) assert.ok(sector.end - sector.start > 0.05, sector.area);
    assert.ok((sectors[1]?.end ?? 0) - (sectors[1]?.start ?? 0) > 4);
  });

  it('reads marks ring by ring from the centre, clockwise', () => {
    const decisions = Array.from({ length: 30 }, (_, i) => decision(i, ['api', 'db', 'web'][i % 3] ?? 'api', null, LEVELS[i % 4] ?? 'decided'));
    const order = readingOrder(layoutOrbit({ decisions, levelOf: (d) => d.involvement, ownerName: (id) => id }).marks);
    const rings = order.map((m) => m.ring);
    assert.deepEqual(rings, [...rings].sort((a, b) => a - b));
    const firstRing = order.filter((m) => m.ring === 0).map((m) => { const a = Math.atan2(m.y, m.x) + Math.PI / 2; return a < 0 ? a + Math.PI * 2 : a; });
    assert.deepEqual(firstRing, [...firstRing].sort((a, b) => a - b));
  });
});
