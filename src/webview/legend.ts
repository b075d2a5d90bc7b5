// What the marks on the map mean: shape is the source, fill is the status, the
// ring is leadership's involvement. Drawn with the same shapes as the canvas.
import { DECISION_STATUSES } from '../core/model/report';
import { element, svgElement } from './dom';
import { STATUS_TEXT } from './format';
import { STATUS_FILL } from './orbit/draw';

function swatch(shape: 'circle' | 'diamond', status: string, fill: string): SVGSVGElement {
  const className = `legend-mark status-${status} fill-${fill}`;
  const mark = shape === 'circle' ? svgElement('circle', { cx: 8, cy: 8, r: 5, class: className }) : svgElement('path', { d: 'M 8 1.5 L 14.5 8 L 8 14.5 L 1.5 8 Z', class: className });
  const parts: SVGElement[] = [mark];
  if (fill === 'crossed') parts.push(svgElement('path', { d: 'M 4 4 L 12 12 M 12 4 L 4 12', class: `${className} cross` }));
  return svgElement('svg', { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': 'true' }, parts);
}

export function renderLegend(): HTMLElement {
  return element('section', { className: 'legend-panel', attributes: { 'aria-label': 'Legend' } }, [
    element('ul', { className: 'legend' }, [
      element('li', {}, [swatch('circle', 'accepted', 'solid'), element('span', { text: 'ADR' })]),
      element('li', {}, [swatch('diamond', 'accepted', 'solid'), element('span', { text: 'git signal' })]),
      ...DECISION_STATUSES.map((status) => element('li', {}, [swatch('circle', status, STATUS_FILL[status]), element('span', { text: `${STATUS_TEXT[status]} (${STATUS_FILL[status]})` })])),
      element('li', {}, [element('span', { className: 'swatch band', attributes: { 'aria-hidden': 'true' } }), element('span', { text: 'Goldilocks band: consulted and informed' })]),
    ]),
  ]);
}
