// Where the orbit's words go on screen, so that no two ever overlap: the centre
// first, then the ring names, then the owners (leaders first, then by the weight
// of their decisions), then the area names. A label that would collide with one
// already placed, or leave the canvas, is not drawn. Screen pixels, origin at
// the orbit's centre; pure, so it is tested without a canvas.
import type { Cluster, OrbitLayout } from './layout';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export type LabelKind = 'centre' | 'ring' | 'owner' | 'area';

export interface PlacedLabel {
  kind: LabelKind;
  text: string;
  /** Where the text is drawn: its anchor, with `align` saying which end (baseline middle). */
  x: number;
  y: number;
  align: 'left' | 'center' | 'right';
  font: LabelFont;
  box: Box;
}

export type LabelFont = 'centre' | 'centre-detail' | 'ring' | 'owner' | 'area';

/** Font sizes in screen pixels: fixed, whatever the zoom, so every label stays readable. */
export const LABEL_FONT_PX: Record<LabelFont, number> = { centre: 15, 'centre-detail': 13, ring: 11, owner: 11, area: 12 };

export interface LabelInput {
  layout: OrbitLayout;
  /** Zoom: screen pixels per layout unit. */
  k: number;
  /** What the canvas shows, in screen pixels around the orbit's centre. */
  visible: Box;
  centreLabel: string;
  centreDetail: string;
  /** Text width in screen pixels at a label font. */
  measure(text: string, font: LabelFont): number;
  ownerText(cluster: Cluster): string;
  isLeader(personId: string): boolean;
  /** The owners' clusters to label, in priority order (see `ownerPriority`). */
  owners: readonly Cluster[];
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inside(box: Box, bounds: Box): boolean {
  return box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
}

/** Leaders' clusters first, then by weight, then by size; nobody's cluster is never labelled. */
export function ownerPriority(clusters: readonly Cluster[], isLeader: (personId: string) => boolean): Cluster[] {
  return clusters
    .filter((cluster) => cluster.owner !== null)
    .sort((a, b) => Number(isLeader(b.owner ?? '')) - Number(isLeader(a.owner ?? '')) || b.weight - a.weight || b.size - a.size);
}

/** The longest text that fits `width` at `font`, cut with an ellipsis. */
export function fitText(text: string, width: number, font: LabelFont, measure: LabelInput['measure']): string {
  if (measure(text, font) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(`${text.slice(0, middle)}…`, font) <= width) low = middle;
    else high = middle - 1;
  }
  return low === 0 ? '' : `${text.slice(0, low)}…`;
}

/** Owners labelled at most per frame: the rest are too small to read at once anyway. */
const MAX_OWNER_LABELS = 400;
const AREA_TEXT_PX = 180;
const CENTRE_TEXT_PX = 240;

export function placeLabels(input: LabelInput): PlacedLabel[] {
  const { layout, k, visible, measure } = input;
  const placed: PlacedLabel[] = [];
  const taken: Box[] = [];
  const free = (box: Box): boolean => inside(box, visible) && !taken.some((t) => overlaps(t, box));
  const take = (label: PlacedLabel): void => {
    placed.push(label);
    taken.push(label.box);
  };
  const boxAt = (x: number, y: number, width: number, height: number, align: PlacedLabel['align']): Box => {
    const left = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
    return { left: left - 2, right: left + width + 2, top: y - height / 2 - 1, bottom: y + height / 2 + 1 };
  };

  // The centre is the reader's anchor: its words at full size, on a plate where
  // the disc is too small for them at this zoom, and nothing else may cover it.
  const disc = Math.max(0, (layout.centre - 6) * k);
  taken.push({ left: -disc, right: disc, top: -disc, bottom: disc });
  for (const [text, font, y] of [[input.centreLabel, 'centre', -9], [input.centreDetail, 'centre-detail', 10]] as const) {
    const shown = fitText(text, CENTRE_TEXT_PX, font, measure);
    if (shown === '') continue;
    const box = boxAt(0, y, measure(shown, font), LABEL_FONT_PX[font], 'center');
    placed.push({ kind: 'centre', text: shown, x: 0, y, align: 'center', font, box });
    taken.push(box);
  }

  for (const ring of layout.rings) {
    const text = `${ring.label} (${ring.count})`;
    const y = -ring.outer * k - 8;
    const box = boxAt(0, y, measure(text, 'ring'), LABEL_FONT_PX.ring, 'center');
    if (free(box)) take({ kind: 'ring', text, x: 0, y, align: 'center', font: 'ring', box });
  }

  const minimumSize = k >= 2.5 ? 1 : k >= 1.2 ? 2 : 3;
  let considered = 0;
  for (const cluster of input.owners) {
    if (considered >= MAX_OWNER_LABELS) break;
    if (cluster.size < minimumSize) continue;
    const x = cluster.x * k;
    const y = cluster.y * k - 10;
    if (x < visible.left || x > visible.right || y < visible.top || y > visible.bottom) continue;
    considered += 1;
    const text = input.ownerText(cluster);
    const box = boxAt(x, y, measure(text, 'owner'), LABEL_FONT_PX.owner, 'center');
    if (free(box)) take({ kind: 'owner', text, x, y, align: 'center', font: 'owner', box });
  }

  const areas = [...layout.sectors].sort((a, b) => b.count - a.count);
  for (const sector of areas) {
    const angle = (sector.start + sector.end) / 2;
    const align = Math.abs(Math.cos(angle)) < 0.2 ? 'center' : Math.cos(angle) > 0 ? 'left' : 'right';
    const text = fitText(sector.area, AREA_TEXT_PX, 'area', measure);
    const width = measure(text, 'area');
    // Out from the rim, a step further each time the nearest place is taken.
    for (const gap of [14, 30, 46]) {
      const r = layout.radius * k + gap;
      const x = Math.cos(angle) * r;
      const y = Math.sin(angle) * r + (align === 'center' ? Math.sign(Math.sin(angle)) * 6 : 0);
      const box = boxAt(x, y, width, LABEL_FONT_PX.area, align);
      if (!free(box)) continue;
      take({ kind: 'area', text, x, y, align, font: 'area', box });
      break;
    }
  }
  return placed;
}

/** How far the area names can reach past the orbit's rim, in screen pixels: the fit keeps this much room on each side. */
export function labelRoom(layout: OrbitLayout, measure: LabelInput['measure']): { across: number; down: number } {
  const widest = Math.max(0, ...layout.sectors.map((sector) => measure(fitText(sector.area, AREA_TEXT_PX, 'area', measure), 'area')));
  return { across: 46 + widest + 4, down: 46 + LABEL_FONT_PX.area + 4 };
}
