import assert from 'node:assert/strict';
import type { Decision, Involvement } from '../../../../src/core/model/report';
import { fitText, overlaps, ownerPriority, placeLabels, type LabelInput } from '../../../../src/webview/orbit/labels';
import { layoutOrbit, type Cluster } from '../../../../src/webview/orbit/layout';

function decision(i: number, area: string, owner: string, level: Involvement): Decision {
  return {
    id: `git:${i}`, source: i % 5 === 0 ? 'adr' : 'git', kind: i % 5 === 0 ? 'adr' : 'ci', title: `D${i}`, path: null, number: null, status: 'accepted', statusText: '',
    date: '2026-01-01', area, decisionMakers: [owner], consulted: [], informed: [], involvement: level,
    evidence: [], commits: [], pr: null, supersedes: [], supersededBy: [], weight: i % 5 === 0 ? 1 : 0.5, counted: true, notCountedReason: null, kinds: [],
  };
}

/** Seven pixels a character: what a canvas gives for an 11 px sans-serif, near enough. */
const measure: LabelInput['measure'] = (text) => text.length * 7;

function crowded(): LabelInput {
  const levels: Involvement[] = ['decided', 'consulted', 'around', 'automated'];
  const owners = Array.from({ length: 12 }, (_, i) => `person-with-a-long-name-${i}`);
  const decisions = Array.from({ length: 1500 }, (_, i) => decision(i, `area-${i % 8}`, owners[(i * 7) % owners.length] ?? 'x', levels[i % levels.length] ?? 'around'));
  const layout = layoutOrbit({ decisions, levelOf: (d) => d.involvement, ownerName: (id) => id });
  const isLeader = (id: string): boolean => id === 'person-with-a-long-name-11';
  return { layout, k: 0.4, visible: { left: -600, right: 600, top: -400, bottom: 400 }, centreLabel: 'Decision Orbit maintainers', centreDetail: 'Too far', measure, ownerText: (c) => `${c.owner ?? ''} (${c.size})`, isLeader, owners: ownerPriority(layout.clusters, isLeader) };
}

describe('orbit labels', () => {
  it('never places two labels over each other, nor anything over the centre disc, nor past the canvas', () => {
    const input = crowded();
    const labels = placeLabels(input);
    assert.ok(labels.filter((l) => l.kind === 'owner').length > 3, 'some owners are labelled');
    assert.ok(labels.some((l) => l.kind === 'area') && labels.some((l) => l.kind === 'ring'));
    for (let i = 0; i < labels.length; i += 1) {
      for (let j = i + 1; j < labels.length; j += 1) {
        const a = labels[i];
        const b = labels[j];
        assert.ok(a && b && !overlaps(a.box, b.box), `${a?.text} over ${b?.text}`);
      }
    }
    const disc = (input.layout.centre - 6) * input.k;
    for (const label of labels.filter((l) => l.kind !== 'centre')) {
      assert.ok(!overlaps(label.box, { left: -disc, right: disc, top: -disc, bottom: disc }), `${label.text} over the centre`);
      assert.ok(label.box.left >= input.visible.left && label.box.right <= input.visible.right && label.box.top >= input.visible.top && label.box.bottom <= input.visible.bottom, label.text);
    }
    assert.deepEqual(labels.filter((l) => l.kind === 'centre').map((l) => l.text), ['Decision Orbit maintainers', 'Too far'], 'the centre\'s words in full');
  });

  it('labels leaders first, then owners by the weight of their decisions', () => {
    const cluster = (owner: string, size: number, weight: number): Cluster => ({ owner, ring: 0, area: 'a', x: 0, y: 0, size, weight });
    const order = ownerPriority([cluster('many-signals', 10, 5), cluster('records', 6, 6), cluster('leader', 1, 0.5), { ...cluster('x', 3, 3), owner: null }], (id) => id === 'leader');
    assert.deepEqual(order.map((c) => c.owner), ['leader', 'records', 'many-signals']);
    const input = crowded();
    const leader = placeLabels(input).find((l) => l.kind === 'owner');
    assert.match(leader?.text ?? '', /^person-with-a-long-name-11 /);
  });

  it('cuts a text to the width with an ellipsis', () => {
    assert.equal(fitText('payments', 100, 'area', measure), 'payments');
    assert.equal(fitText('payments-and-billing', 65, 'area', measure), 'payments…');
    assert.equal(fitText('payments', 5, 'area', measure), '');
  });
});
