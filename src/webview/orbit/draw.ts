// Paints an orbit layout on a canvas: the Goldilocks band, the rings, the area
// sectors, every mark (shape by source, fill by status, size by weight) and the
// owner labels that fit. Marks are batched into one path per style, and marks
// outside the viewport are skipped, so 10,000 decisions paint in a few ms.
import type { DecisionStatus } from '../../core/model/report';
import type { Palette } from '../theme';
import { CENTRE_RADIUS, type Mark, type OrbitLayout } from './layout';

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

function visibleBounds(view: Viewport): { left: number; right: number; top: number; bottom: number } {
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

  drawRings(ctx, layout, palette, px);
  drawSectors(ctx, layout, palette, px);
  drawMarks(ctx, options.marks, palette, px);
  drawCentre(ctx, palette, options, px);
  // Text in screen pixels at fixed sizes: a font size that changed with every zoom
  // frame would have every glyph rasterised anew, which costs more than the marks.
  ctx.setTransform(ratio, 0, 0, ratio, originX, originY);
  drawRingLabels(ctx, layout, palette, view.k);
  drawSectorLabels(ctx, layout, palette, view.k);
  drawLabels(ctx, layout, view, palette, options);
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

function drawSectors(ctx: CanvasRenderingContext2D, layout: OrbitLayout, palette: Palette, px: number): void {
  ctx.strokeStyle = palette.ring;
  ctx.lineWidth = px;
  ctx.setLineDash([2 * px, 3 * px]);
  ctx.beginPath();
  for (const sector of layout.sectors) {
    for (const angle of [sector.start, sector.end]) {
      ctx.moveTo(Math.cos(angle) * CENTRE_RADIUS, Math.sin(angle) * CENTRE_RADIUS);
      ctx.lineTo(Math.cos(angle) * layout.radius, Math.sin(angle) * layout.radius);
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

/** Every mark as one path per style, in layout units: built once per picture, drawn every frame at any pan and zoom. */
export interface MarkPaths {
  batches: MarkBatch[];
  /** Outlines around the highlighted marks. */
  highlights: Path2D;
}

export function buildMarkPaths(layout: OrbitLayout, highlighted: ReadonlySet<string>): MarkPaths {
  const batches = new Map<string, MarkBatch>();
  const dim = highlighted.size > 0;
  const highlights = new Path2D();
  for (const mark of layout.marks) {
    const status = mark.decision.status;
    const fill = STATUS_FILL[status];
    const dimmed = dim && !highlighted.has(mark.decision.id);
    const key = `${status}:${dimmed}`;
    let batch = batches.get(key);
    if (!batch) {
      batch = { status, fill, dimmed, path: new Path2D(), crosses: new Path2D() };
      batches.set(key, batch);
    }
    addShape(batch.path, mark);
    if (fill === 'crossed') addCross(batch.crosses, mark);
    if (dim && !dimmed) addShape(highlights, mark);
  }
  return { batches: [...batches.values()], highlights };
}

function drawMarks(ctx: CanvasRenderingContext2D, paths: MarkPaths, palette: Palette, px: number): void {
  ctx.lineWidth = 1.4 * px;
  for (const batch of paths.batches) {
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

/**
 * Owner labels, biggest clusters first, skipping any that would overlap one already
 * drawn. In screen pixels, origin at the orbit's centre.
 */
function drawLabels(ctx: CanvasRenderingContext2D, layout: OrbitLayout, view: Viewport, palette: Palette, options: DrawOptions): void {
  const bounds = visibleBounds(view);
  const k = view.k;
  const minimumSize = k >= 2.5 ? 1 : k >= 1.2 ? 2 : 3;
  const taken: Array<{ left: number; right: number; top: number; bottom: number }> = [];
  ctx.font = `11px ${palette.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const clusters = layout.clusters
    .filter((c) => c.owner !== null && c.size >= minimumSize && c.x > bounds.left && c.x < bounds.right && c.y > bounds.top && c.y < bounds.bottom)
    .sort((a, b) => b.size - a.size);
  for (const cluster of clusters.slice(0, 400)) {
    const text = `${options.ownerName(cluster.owner ?? '')} (${cluster.size})`;
    const width = labelWidth(ctx, text, palette.font);
    const x = cluster.x * k;
    const y = cluster.y * k;
    const box = { left: x - width / 2 - 3, right: x + width / 2 + 3, top: y - 16, bottom: y - 3 };
    if (taken.some((t) => t.left < box.right && box.left < t.right && t.top < box.bottom && box.top < t.bottom)) continue;
    taken.push(box);
    ctx.fillStyle = palette.background;
    ctx.globalAlpha = 0.8;
    ctx.fillRect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    ctx.globalAlpha = 1;
    ctx.fillStyle = palette.foreground;
    ctx.fillText(text, x, (box.top + box.bottom) / 2);
  }
}
