// What the marks on the map mean: colour is leadership's involvement, shape is
// the source, fill is the status. Drawn with the same shapes as the canvas. And
// the switches that bring bots' and automated work onto the orbit and fold the
// git signals.
import { DECISION_STATUSES, type DecisionStatus } from '../core/model/report';
import { element, svgElement } from './dom';
import { formatCount, STATUS_TEXT } from './format';
import { STATUS_FILL, type MarkFill } from './orbit/draw';
import type { Tone } from './theme';

function swatch(shape: 'circle' | 'diamond', tone: Tone, fill: MarkFill): SVGSVGElement {
  const className = `legend-mark tone-${tone} fill-${fill}`;
  const mark = shape === 'circle' ? svgElement('circle', { cx: 8, cy: 8, r: 5, class: className }) : svgElement('path', { d: 'M 8 1.5 L 14.5 8 L 8 14.5 L 1.5 8 Z', class: className });
  const parts: SVGElement[] = [mark];
  if (fill === 'crossed') parts.push(svgElement('path', { d: 'M 4 4 L 12 12 M 12 4 L 4 12', class: `${className} cross` }));
  return svgElement('svg', { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': 'true', class: `tone-${tone}` }, parts);
}

const TONES: ReadonlyArray<[Tone, string]> = [['decided', 'leadership decided'], ['middle', 'consulted or informed'], ['around', 'routed around'], ['muted', 'not counted']];

/** One status a fill: the first status that draws that way names it, the others follow. */
function fills(): Array<[MarkFill, DecisionStatus[]]> {
  const byFill = new Map<MarkFill, DecisionStatus[]>();
  for (const status of DECISION_STATUSES) byFill.set(STATUS_FILL[status], [...(byFill.get(STATUS_FILL[status]) ?? []), status]);
  return [...byFill];
}

export interface LegendSwitches {
  automated: {
    /** Decisions in view that bots or automation made. */
    automated: number;
    shown: boolean;
    toggle(on: boolean): void;
  };
  fold: {
    /** Git signals on the orbit, unfolded. */
    signals: number;
    folded: boolean;
    toggle(on: boolean): void;
  };
}

function checkbox(name: string, checked: boolean, toggle: (on: boolean) => void, text: string): HTMLElement {
  const box = element('input', { attributes: { type: 'checkbox', name } });
  box.checked = checked;
  box.addEventListener('change', () => toggle(box.checked));
  return element('label', { className: 'legend-switch' }, [box, element('span', { text: ` ${text}` })]);
}

function group(title: string, items: HTMLElement[]): HTMLElement {
  return element('li', { className: 'legend-group' }, [element('span', { className: 'legend-title', text: title }), element('ul', { className: 'legend' }, items)]);
}

export function renderLegend({ automated, fold }: LegendSwitches): HTMLElement {
  return element('section', { className: 'legend-panel', attributes: { 'aria-label': 'Legend' } }, [
    element('ul', { className: 'legend-groups' }, [
      group('Colour: leadership', TONES.map(([tone, text]) => element('li', { attributes: { 'data-tone': tone } }, [swatch('circle', tone, 'solid'), element('span', { text })]))),
      group('Shape: source', [
        element('li', {}, [swatch('circle', 'middle', 'solid'), element('span', { text: 'ADR (drawn larger, inner rows)' })]),
        element('li', {}, [swatch('diamond', 'middle', 'solid'), element('span', { text: 'git signal' })]),
      ]),
      group('Fill: status', fills().map(([fill, statuses]) => element('li', {}, [swatch('circle', 'middle', fill), element('span', { text: statuses.map((s) => STATUS_TEXT[s]).join(', ') })]))),
      element('li', { className: 'legend-group' }, [element('span', { className: 'swatch band', attributes: { 'aria-hidden': 'true' } }), element('span', { text: 'Goldilocks band: consulted and informed' })]),
    ]),
    element('div', { className: 'legend-switches' }, [
      checkbox('automated', automated.shown, automated.toggle, `Show bots' and automated work on the orbit (${formatCount(automated.automated)} in view)`),
      checkbox('fold', fold.folded, fold.toggle, `Fold the ${formatCount(fold.signals)} git signals: one mark per kind, area and quarter (open one to unfold its area)`),
    ]),
  ]);
}
