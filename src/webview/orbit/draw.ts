// Paints an orbit layout on a canvas: the Goldilocks band, the rings, the area
// sectors, every mark (colour by leadership's involvement, shape by source, fill
// by status, size by weight; records drawn over signals) and the labels that fit
// without overlapping (labels.ts). Marks are batched into one path per style and tile, and
// tiles and sector lines outside the viewport are skipped, so 10,000 decisions
// paint (and rasterise) in a few ms.
import type { Decision, DecisionStatus, Involvement } from '../../core/model/report';
import type { Palette, Tone } from '../theme';
import { LABEL_FONT_PX, ownerPriority, overlaps, placeLabels, type Box, type LabelFont, type PlacedLabel } from './labels';
import type { Cluster, Mark, OrbitLayout } from './layout';

export interface Viewport {
  width: number;
  height: number;
  /** d3-zoom transform: screen = layout * k + (x, y), with (0, 0) at the canvas centre. */
  x: number;
  y: number;
  k: number;
}

export interface DrawOptions {
  centreLabel: string;
  centreDetail: string;
  marks: MarkPaths;
  ownerName(personId: string): string;
  isLeader(personId: string): boolean;
}

/** Status is drawn as fill style too, so colour never carries it alone. */
export type MarkFill = 'solid' | 'hollow' | 'faded' | 'crossed';

export const STATUS_FILL: Record<DecisionStatus, MarkFill> = {
  accepted: 'solid', proposed: 'hollow', unknown: 'hollow', superseded: 'faded', deprecated: 'faded', rejected: 'crossed',
};

/** Colour says how involved leadership was: decided, consulted or informed, routed around, or not counted. */
export function toneOf(level: Involvement): Tone {
  if (level === 'decided') return 'decided';
  if (level === 'consulted' || level === 'informed') return 'middle';
  return level === 'around' ? 'around' : 'muted';
}

function addShape(path: Path2D, mark: Mark): void {
  const r = mark.radius;
  if (mark.decision.source === 'adr') {
    path.moveTo(mark.x + r, mark.y);
    path.arc(mark.x, mark.y, r, 0, Math.PI * 2);
  } else {
    const d = r * 1.25;
    path.moveTo(mark.x, mark.y - d);
    path.lineTo(mark.x + d, mark.y);
    path.lineTo(mark.x, mark.y + d);
    path.lineTo(mark.x - d, mark.y);
    path.closePath();
  }
}

function addCross(path: Path2D, mark: Mark): void {
  const r = mark.radius * 0.8;
  path.moveTo(mark.x - r, mark.y - r);
  path.lineTo(mark.x + r, mark.y + r);
  path.moveTo(mark.x + r, mark.y - r);
  path.lineTo(mark.x - r, mark.y + r);
}

/** What the canvas shows, in layout units, with a margin of 12 screen pixels. */
function visibleBounds(view: Viewport): Box {
  const margin = 12;
  return {
    left: (-view.width / 2 - view.x - margin) / view.k,
    right: (view.width / 2 - view.x + margin) / view.k,
    top: (-view.height / 2 - view.y - margin) / view.k,
    bottom: (view.height / 2 - view.y + margin) / view.k,
  };
}

export function drawOrbit(ctx: CanvasRenderingContext2D, layout: OrbitLayout, view: Viewport, palette: Palette, options: DrawOptions): PlacedLabel[] {
  const ratio = ctx.canvas.width / Math.max(1, view.width);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  // An opaque canvas composites faster: paint the background instead of clearing.
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  const originX = ratio * (view.width / 2 + view.x);
  const originY = ratio * (view.height / 2 + view.y);
  ctx.setTransform(ratio * view.k, 0, 0, ratio * view.k, originX, originY);
  const px = 1 / view.k;
  const visible = visibleBounds(view);

  drawRings(ctx, layout, palette, px);
  drawSectors(ctx, layout, palette, px, visible);
  drawMarks(ctx, options.marks, palette, px, visible);
  drawCentre(ctx, layout, palette, px);
  // Text in screen pixels at fixed sizes: a font size that changed with every zoom
  // frame would have every glyph rasterised anew, which costs more than the marks.
  ctx.setTransform(ratio, 0, 0, ratio, originX, originY);
  const labels = placeLabels({
    layout,
    k: view.k,
    visible: { left: -view.width / 2 - view.x, right: view.width / 2 - view.x, top: -view.height / 2 - view.y, bottom: view.height / 2 - view.y },
    centreLabel: options.centreLabel,
    centreDetail: options.centreDetail,
    measure: labelMeasure(palette.font),
    ownerText: (cluster) => ownerText(cluster, options.ownerName),
    isLeader: options.isLeader,
    owners: ownersInOrder(layout, options),
  });
  drawLabels(ctx, labels, palette);
  return labels;
}

function drawRings(ctx: CanvasRenderingContext2D, layout: OrbitLayout, palette: Palette, px: number): void {
  const [decided, consulted, informed] = layout.rings;
  if (decided && consulted && informed) {
    // The Goldilocks band: consulted and informed, between deciding and being routed around.
    ctx.beginPath();
    ctx.arc(0, 0, informed.outer, 0, Math.PI * 2);
    ctx.arc(0, 0, consulted.inner, 0, Math.PI * 2, true);
    ctx.fillStyle = palette.band;
    ctx.fill();
  }
  ctx.lineWidth = px;
  ctx.strokeStyle = palette.ring;
  layout.rings.forEach((ring, index) => {
    ctx.setLineDash(index === layout.rings.length - 1 ? [4 * px, 4 * px] : []);
    ctx.beginPath();
    ctx.arc(0, 0, ring.outer, 0, Math.PI * 2);
    ctx.stroke();
  });
  ctx.setLineDash([]);
}

/**
 * The part of the ray at `angle` from `from` to `to` (distances from the centre)
 * inside `bounds`, or null (Liang–Barsky clipping).
 */
export function clipRay(angle: number, from: number, to: number, bounds: Box): { from: number; to: number } | null {
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  let low = from;
  let high = to;
  for (const [d, min, max] of [[dx, bounds.left, bounds.right], [dy, bounds.top, bounds.bottom]] as const) {
    if (Math.abs(d) < 1e-12) {
      if (min > 0 || max < 0) return null;
      continue;
    }
    const a = min / d;
    const b = max / d;
    low = Math.max(low, Math.min(a, b));
    high = Math.min(high, Math.max(a, b));
  }
  return low < high ? { from: low, to: high } : null;
}

function drawSectors(ctx: CanvasRenderingContext2D, layout: OrbitLayout, palette: Palette, px: number, visible: Box): void {
  ctx.strokeStyle = palette.ring;
  ctx.lineWidth = px;
  const period = 5 * px;
  ctx.setLineDash([2 * px, 3 * px]);
  ctx.beginPath();
  for (const sector of layout.sectors) {
    for (const angle of [sector.start, sector.end]) {
      // Dashing is paid per dash, also off screen: only the visible part of each
      // divider is drawn. Its start moves back to a whole dash period from the
      // centre, so the dashes stand where the full line would put them.
      const part = clipRay(angle, layout.centre, layout.radius, visible);
      if (!part) continue;
      const from = layout.centre + Math.floor((part.from - layout.centre) / period) * period;
      ctx.moveTo(Math.cos(angle) * from, Math.sin(angle) * from);
      ctx.lineTo(Math.cos(angle) * part.to, Math.sin(angle) * part.to);
    }
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

export interface MarkBatch {
  tone: Tone;
  source: Decision['source'];
  fill: MarkFill;
  dimmed: boolean;
  path: Path2D;
  crosses: Path2D;
}

/** The marks of one square of layout space, batched by style. */
export interface MarkTile {
  /** Layout units, marks' extent included. */
  bounds: Box;
  batches: MarkBatch[];
}

/** Every mark as one path per style and tile, in layout units: built once per picture, drawn every frame at any pan and zoom. */
export interface MarkPaths {
  tiles: MarkTile[];
  /** Outlines around the highlighted marks. */
  highlights: Path2D;
}

/** Marks per tile, about: fewer tiles cost more off screen, more tiles more draw calls. */
const MARKS_PER_TILE = 600;
const MAX_TILES_PER_SIDE = 6;

/** The square grid the marks are split into: `side` tiles a side from (`left`, `top`), `size` layout units each. */
export function tileGrid(marks: readonly Mark[]): { left: number; top: number; size: number; side: number } {
  let left = Infinity;
  let top = Infinity;
  let extent = 0;
  for (const mark of marks) {
    left = Math.min(left, mark.x);
    top = Math.min(top, mark.y);
  }
  for (const mark of marks) extent = Math.max(extent, mark.x - left, mark.y - top);
  const side = Math.max(1, Math.min(MAX_TILES_PER_SIDE, Math.round(Math.sqrt(marks.length / MARKS_PER_TILE))));
  return { left: Number.isFinite(left) ? left : 0, top: Number.isFinite(top) ? top : 0, size: Math.max(1, extent / side), side };
}

export function buildMarkPaths(layout: OrbitLayout, highlighted: ReadonlySet<string>): MarkPaths {
  const grid = tileGrid(layout.marks);
  const tiles = new Map<number, { bounds: Box; batches: Map<string, MarkBatch> }>();
  const dim = highlighted.size > 0;
  const highlights = new Path2D();
  for (const mark of layout.marks) {
    const column = Math.min(grid.side - 1, Math.floor((mark.x - grid.left) / grid.size));
    const row = Math.min(grid.side - 1, Math.floor((mark.y - grid.top) / grid.size));
    let tile = tiles.get(row * grid.side + column);
    if (!tile) {
      tile = { bounds: { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity }, batches: new Map() };
      tiles.set(row * grid.side + column, tile);
    }
    // The diamond reaches 1.25 radii from its centre, the outline a pixel past that.
    const reach = mark.radius * 1.25 + 2;
    tile.bounds.left = Math.min(tile.bounds.left, mark.x - reach);
    tile.bounds.right = Math.max(tile.bounds.right, mark.x + reach);
    tile.bounds.top = Math.min(tile.bounds.top, mark.y - reach);
    tile.bounds.bottom = Math.max(tile.bounds.bottom, mark.y + reach);
    const fill = STATUS_FILL[mark.decision.status];
    const tone = toneOf(mark.level);
    const source = mark.decision.source;
    const dimmed = dim && !highlighted.has(mark.decision.id);
    const key = `${source}:${tone}:${fill}:${dimmed}`;
    let batch = tile.batches.get(key);
    if (!batch) {
      batch = { tone, source, fill, dimmed, path: new Path2D(), crosses: new Path2D() };
      tile.batches.set(key, batch);
    }
    addShape(batch.path, mark);
    if (fill === 'crossed') addCross(batch.crosses, mark);
    if (dim && !dimmed) addShape(highlights, mark);
  }
  // Records over signals: where they crowd together, the ADRs stay on top.
  const recordsLast = (a: MarkBatch, b: MarkBatch): number => Number(a.source === 'adr') - Number(b.source === 'adr');
  return { tiles: [...tiles.values()].map((tile) => ({ bounds: tile.bounds, batches: [...tile.batches.values()].sort(recordsLast) })), highlights };
}

function drawMarks(ctx: CanvasRenderingContext2D, paths: MarkPaths, palette: Palette, px: number, visible: Box): void {
  // One screen pixel: Skia draws a stroke of at most one device pixel as an
  // anti-aliased hairline, about seven times cheaper to rasterise than the 1.4 px
  // outline this was, which cost a third of the marks' frame time.
  ctx.lineWidth = px;
  for (const tile of paths.tiles) {
    if (!overlaps(tile.bounds, visible)) continue;
    for (const batch of tile.batches) {
      const alpha = batch.dimmed ? 0.35 : 1;
      const colour = palette.tone[batch.tone];
      if (batch.fill === 'solid' || batch.fill === 'faded') {
        ctx.globalAlpha = alpha * (batch.fill === 'faded' ? 0.45 : 1);
        ctx.fillStyle = colour;
        ctx.fill(batch.path);
      }
      // Stroking thousands of small paths is what costs most in a software-rendered
      // canvas: solid marks are filled only.
      if (batch.fill === 'solid') continue;
      ctx.globalAlpha = alpha;
      ctx.strokeStyle = colour;
      ctx.stroke(batch.path);
      if (batch.fill === 'crossed') ctx.stroke(batch.crosses);
    }
  }
  ctx.globalAlpha = 1;
  ctx.strokeStyle = palette.foreground;
  ctx.lineWidth = 2 * px;
  ctx.stroke(paths.highlights);
}

function drawCentre(ctx: CanvasRenderingContext2D, layout: OrbitLayout, palette: Palette, px: number): void {
  ctx.beginPath();
  ctx.arc(0, 0, layout.centre - 6, 0, Math.PI * 2);
  ctx.fillStyle = palette.background;
  ctx.fill();
  ctx.strokeStyle = palette.foreground;
  ctx.lineWidth = 1.5 * px;
  ctx.stroke();
}

const FONT_WEIGHT: Record<LabelFont, string> = { centre: '600', 'centre-detail': '400', ring: '400', owner: '400', area: '600' };

function fontOf(font: LabelFont, family: string): string {
  return `${FONT_WEIGHT[font]} ${LABEL_FONT_PX[font]}px ${family}`;
}

const labelWidths = new Map<string, number>();

/** A canvas of its own for measuring, whose font is set only when the font measured changes: a font set is parsed anew. */
let measuring: { context: CanvasRenderingContext2D | null; font: string } | undefined;

/** Measured once per text and font: labels are laid out every frame. */
function labelWidth(text: string, font: LabelFont, family: string): number {
  const key = `${font}\u0000${family}\u0000${text}`;
  let width = labelWidths.get(key);
  if (width === undefined) {
    measuring ??= { context: document.createElement('canvas').getContext('2d'), font: '' };
    const wanted = fontOf(font, family);
    if (measuring.context && measuring.font !== wanted) {
      measuring.context.font = wanted;
      measuring.font = wanted;
    }
    width = measuring.context?.measureText(text).width ?? 0;
    labelWidths.set(key, width);
  }
  return width;
}

/** Text widths at the label fonts in `family`, in screen pixels. */
export function labelMeasure(family: string): (text: string, font: LabelFont) => number {
  return (text, font) => labelWidth(text, font, family);
}

function ownerText(cluster: Cluster, ownerName: (personId: string) => string): string {
  return `${ownerName(cluster.owner ?? '')} (${cluster.size})`;
}

interface OwnerOrder {
  options: Pick<DrawOptions, 'ownerName' | 'isLeader'>;
  clusters: Cluster[];
}

const ownerOrders = new WeakMap<OrbitLayout, OwnerOrder>();

/** The owners' clusters in label priority: sorted once per picture, not on every pan and zoom frame. */
function ownersInOrder(layout: OrbitLayout, options: DrawOptions): Cluster[] {
  let order = ownerOrders.get(layout);
  if (!order || order.options.ownerName !== options.ownerName || order.options.isLeader !== options.isLeader) {
    order = { options: { ownerName: options.ownerName, isLeader: options.isLeader }, clusters: ownerPriority(layout.clusters, options.isLeader) };
    ownerOrders.set(layout, order);
  }
  return order.clusters;
}

const LABEL_COLOUR: Record<PlacedLabel['kind'], 'foreground' | 'muted'> = { centre: 'foreground', ring: 'muted', owner: 'foreground', area: 'foreground' };

/** In screen pixels, origin at the orbit's centre; labels inside the orbit on a plate, so the marks under them do not show through. */
function drawLabels(ctx: CanvasRenderingContext2D, labels: readonly PlacedLabel[], palette: Palette): void {
  ctx.textBaseline = 'middle';
  let font = '';
  for (const label of labels) {
    if (label.kind !== 'area') {
      ctx.fillStyle = palette.background;
      ctx.globalAlpha = 0.85;
      ctx.fillRect(label.box.left, label.box.top, label.box.right - label.box.left, label.box.bottom - label.box.top);
      ctx.globalAlpha = 1;
    }
    // Set only when it changes: the labels come grouped by kind, and a font set is parsed.
    const wanted = fontOf(label.font, palette.font);
    if (wanted !== font) {
      ctx.font = wanted;
      font = wanted;
    }
    ctx.textAlign = label.align;
    ctx.fillStyle = label.kind === 'centre' && label.font === 'centre-detail' ? palette.muted : palette[LABEL_COLOUR[label.kind]];
    ctx.fillText(label.text, label.x, label.y);
  }
}
