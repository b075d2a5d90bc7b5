// Paints an orbit layout on a canvas: the Goldilocks band, the rings, the area
// sectors, every mark (shape by source, fill by status, size by weight) and the
// owner labels that fit. Marks are batched into one path per style and tile, and
// tiles and sector lines outside the viewport are skipped, so 10,000 decisions
// paint (and rasterise) in a few ms.
import type { DecisionStatus } from '../../core/model/report';
import type { Palette } from '../theme';
import { CENTRE_RADIUS, type Cluster, type Mark, type OrbitLayout } from './layout';

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
}

/** Status is drawn as fill style too, so colour never carries it alone. */
export type MarkFill = 'solid' | 'hollow' | 'faded' | 'crossed';

export const STATUS_FILL: Record<DecisionStatus, MarkFill> = {
  accepted: 'solid', proposed: 'hollow', unknown: 'hollow', superseded: 'faded', deprecated: 'faded', rejected: 'crossed',
};

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

interface Bounds {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** What the canvas shows, in layout units, with a margin of 12 screen pixels. */
function visibleBounds(view: Viewport): Bounds {
  const margin = 12;
  return {
    left: (-view.width / 2 - view.x - margin) / view.k,
    right: (view.width / 2 - view.x + margin) / view.k,
    top: (-view.height / 2 - view.y - margin) / view.k,
    bottom: (view.height / 2 - view.y + margin) / view.k,
  };
}

export function drawOrbit(ctx: CanvasRenderingContext2D, layout: OrbitLayout, view: Viewport, palette: Palette, options: DrawOptions): void {
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
  drawCentre(ctx, palette, options, px);
  // Text in screen pixels at fixed sizes: a font size that changed with every zoom
  // frame would have every glyph rasterised anew, which costs more than the marks.
  ctx.setTransform(ratio, 0, 0, ratio, originX, originY);
  drawRingLabels(ctx, layout, palette, view.k);
  drawSectorLabels(ctx, layout, palette, view.k);
  drawLabels(ctx, layout, view.k, visible, palette, options);
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

/** In screen pixels, origin at the orbit's centre: `k` scales layout units. */
function drawRingLabels(ctx: CanvasRenderingContext2D, layout: OrbitLayout, palette: Palette, k: number): void {
  ctx.font = `11px ${palette.font}`;
  ctx.fillStyle = palette.muted;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  for (const ring of layout.rings) ctx.fillText(`${ring.label} (${ring.count})`, 0, -ring.outer * k - 2);
}

/**
 * The part of the ray at `angle` from `from` to `to` (distances from the centre)
 * inside `bounds`, or null (Liang–Barsky clipping).
 */
export function clipRay(angle: number, from: number, to: number, bounds: Bounds): { from: number; to: number } | null {
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

function drawSectors(ctx: CanvasRenderingContext2D, layout: OrbitLayout, palette: Palette, px: number, visible: Bounds): void {
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
      const part = clipRay(angle, CENTRE_RADIUS, layout.radius, visible);
      if (!part) continue;
      const from = CENTRE_RADIUS + Math.floor((part.from - CENTRE_RADIUS) / period) * period;
      ctx.moveTo(Math.cos(angle) * from, Math.sin(angle) * from);
      ctx.lineTo(Math.cos(angle) * part.to, Math.sin(angle) * part.to);
    }
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

/** In screen pixels, origin at the orbit's centre: `k` scales layout units. */
function drawSectorLabels(ctx: CanvasRenderingContext2D, layout: OrbitLayout, palette: Palette, k: number): void {
  ctx.fillStyle = palette.foreground;
  ctx.font = `600 12px ${palette.font}`;
  ctx.textBaseline = 'middle';
  for (const sector of layout.sectors) {
    const angle = (sector.start + sector.end) / 2;
    const r = layout.radius * k + 14;
    ctx.textAlign = Math.cos(angle) >= 0 ? 'left' : 'right';
    ctx.fillText(sector.area, Math.cos(angle) * r, Math.sin(angle) * r);
  }
}

export interface MarkBatch {
  status: DecisionStatus;
  fill: MarkFill;
  dimmed: boolean;
  path: Path2D;
  crosses: Path2D;
}

/** The marks of one square of layout space, batched by style. */
export interface MarkTile {
  /** Layout units, marks' extent included. */
  bounds: Bounds;
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
  const tiles = new Map<number, { bounds: Bounds; batches: Map<string, MarkBatch> }>();
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
    const status = mark.decision.status;
    const fill = STATUS_FILL[status];
    const dimmed = dim && !highlighted.has(mark.decision.id);
    const key = `${status}:${dimmed}`;
    let batch = tile.batches.get(key);
    if (!batch) {
      batch = { status, fill, dimmed, path: new Path2D(), crosses: new Path2D() };
      tile.batches.set(key, batch);
    }
    addShape(batch.path, mark);
    if (fill === 'crossed') addCross(batch.crosses, mark);
    if (dim && !dimmed) addShape(highlights, mark);
  }
  return { tiles: [...tiles.values()].map((tile) => ({ bounds: tile.bounds, batches: [...tile.batches.values()] })), highlights };
}

function drawMarks(ctx: CanvasRenderingContext2D, paths: MarkPaths, palette: Palette, px: number, visible: Bounds): void {
  // One screen pixel: Skia draws a stroke of at most one device pixel as an
  // anti-aliased hairline, about seven times cheaper to rasterise than the 1.4 px
  // outline this was, which cost a third of the marks' frame time.
  ctx.lineWidth = px;
  for (const tile of paths.tiles) {
    if (!overlaps(tile.bounds, visible)) continue;
    for (const batch of tile.batches) {
      const alpha = batch.dimmed ? 0.35 : 1;
      const colour = palette.status[batch.status];
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

function drawCentre(ctx: CanvasRenderingContext2D, palette: Palette, options: DrawOptions, px: number): void {
  ctx.beginPath();
  ctx.arc(0, 0, CENTRE_RADIUS - 6, 0, Math.PI * 2);
  ctx.fillStyle = palette.background;
  ctx.fill();
  ctx.strokeStyle = palette.foreground;
  ctx.lineWidth = 1.5 * px;
  ctx.stroke();
  ctx.fillStyle = palette.foreground;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `600 13px ${palette.font}`;
  ctx.fillText(options.centreLabel, 0, -7, (CENTRE_RADIUS - 12) * 2);
  ctx.font = `11px ${palette.font}`;
  ctx.fillStyle = palette.muted;
  ctx.fillText(options.centreDetail, 0, 9, (CENTRE_RADIUS - 12) * 2);
}

const labelWidths = new Map<string, number>();

/** Width at 11 px, measured once per text: labels are laid out every frame. */
function labelWidth(ctx: CanvasRenderingContext2D, text: string, font: string): number {
  const key = `${font}\u0000${text}`;
  let width = labelWidths.get(key);
  if (width === undefined) {
    const saved = ctx.font;
    ctx.font = `11px ${font}`;
    width = ctx.measureText(text).width;
    ctx.font = saved;
    labelWidths.set(key, width);
  }
  return width;
}

interface LabelOrder {
  ownerName: (personId: string) => string;
  clusters: Cluster[];
  texts: string[];
}

const labelOrders = new WeakMap<OrbitLayout, LabelOrder>();

/**
 * The owners' clusters biggest first, with their label texts: sorted once per
 * picture, not on every pan and zoom frame (the sort is stable, so filtering this
 * order gives what filtering and then sorting gave).
 */
function labelOrder(layout: OrbitLayout, ownerName: (personId: string) => string): LabelOrder {
  let order = labelOrders.get(layout);
  if (!order || order.ownerName !== ownerName) {
    const clusters = layout.clusters.filter((c) => c.owner !== null).sort((a, b) => b.size - a.size);
    order = { ownerName, clusters, texts: clusters.map((c) => `${ownerName(c.owner ?? '')} (${c.size})`) };
    labelOrders.set(layout, order);
  }
  return order;
}

/**
 * Owner labels, biggest clusters first, skipping any that would overlap one already
 * drawn. In screen pixels, origin at the orbit's centre.
 */
function drawLabels(ctx: CanvasRenderingContext2D, layout: OrbitLayout, k: number, bounds: Bounds, palette: Palette, options: DrawOptions): void {
  const minimumSize = k >= 2.5 ? 1 : k >= 1.2 ? 2 : 3;
  const taken: Bounds[] = [];
  ctx.font = `11px ${palette.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const { clusters, texts } = labelOrder(layout, options.ownerName);
  let considered = 0;
  for (let i = 0; i < clusters.length && considered < 400; i += 1) {
    const cluster = clusters[i];
    const text = texts[i];
    if (!cluster || text === undefined) continue;
    if (cluster.size < minimumSize) break;
    if (!(cluster.x > bounds.left && cluster.x < bounds.right && cluster.y > bounds.top && cluster.y < bounds.bottom)) continue;
    considered += 1;
    const width = labelWidth(ctx, text, palette.font);
    const x = cluster.x * k;
    const y = cluster.y * k;
    const box = { left: x - width / 2 - 3, right: x + width / 2 + 3, top: y - 16, bottom: y - 3 };
    if (taken.some((t) => overlaps(t, box))) continue;
    taken.push(box);
    ctx.fillStyle = palette.background;
    ctx.globalAlpha = 0.8;
    ctx.fillRect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    ctx.globalAlpha = 1;
    ctx.fillStyle = palette.foreground;
    ctx.fillText(text, x, (box.top + box.bottom) / 2);
  }
}
