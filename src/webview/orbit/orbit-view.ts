// The orbit map as a person uses it: a canvas with pan and zoom (d3-zoom), a
// tooltip on hover, a click to select, and a keyboard cursor over every mark
// (arrows move, Enter selects, + / - / 0 zoom) announced to screen readers.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { Decision } from '../../core/model/report';
import { element } from '../dom';
import { LEVEL_TEXT, STATUS_TEXT } from '../format';
import type { Palette } from '../theme';
import { buildMarkPaths, drawOrbit, labelMeasure, type MarkPaths, type Viewport } from './draw';
import { HitGrid } from './hit-grid';
import { labelRoom, type Box, type PlacedLabel } from './labels';
import { readingOrder, type Mark, type OrbitLayout } from './layout';

export interface OrbitContent {
  layout: OrbitLayout;
  centreLabel: string;
  centreDetail: string;
  ownerName(personId: string): string;
  isLeader(personId: string): boolean;
  describe(decision: Decision): string;
  highlighted: ReadonlySet<string>;
}

export interface OrbitCallbacks {
  onSelect(decision: Decision): void;
}

export class OrbitView {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly tooltip: HTMLElement;
  private readonly cursor: HTMLElement;
  private readonly announcer: HTMLElement;
  private readonly zoomBehaviour: ZoomBehavior<HTMLCanvasElement, unknown>;
  private content: OrbitContent | undefined;
  private marks: MarkPaths | undefined;
  // The hit grid and the keyboard's reading order are built when a pointer or a
  // key first needs them, not before the first frame (10,000 marks sorted by angle).
  private gridCache: HitGrid | undefined;
  private orderCache: Mark[] | undefined;
  private transform: ZoomTransform = zoomIdentity;
  private focusIndex = -1;
  private frame = 0;
  private needsFit = false;
  private size = { width: 0, height: 0 };
  private labels: PlacedLabel[] = [];
  /** Milliseconds the last paint took, for the frame-time bench. */
  lastPaintMs = 0;
  paints = 0;

  constructor(private palette: Palette, private readonly callbacks: OrbitCallbacks) {
    this.canvas = element('canvas', {
      className: 'orbit-canvas',
      attributes: {
        tabindex: '0',
        role: 'application',
        'aria-roledescription': 'orbit map',
        'aria-describedby': 'orbit-help',
        'data-focus-key': 'orbit',
      },
    });
    this.tooltip = element('div', { className: 'orbit-tooltip', attributes: { role: 'tooltip', id: 'orbit-tooltip' } });
    this.tooltip.hidden = true;
    this.cursor = element('div', { className: 'orbit-cursor', attributes: { 'aria-hidden': 'true' } });
    this.cursor.hidden = true;
    this.announcer = element('p', { className: 'visually-hidden', attributes: { 'aria-live': 'polite', id: 'orbit-announcer' } });
    const help = element('p', { className: 'orbit-help', attributes: { id: 'orbit-help' }, text: 'Arrow keys move between decisions (left/right along a ring, up/down between rings), Enter opens one, + and − zoom, 0 fits the map. Drag to pan, scroll to zoom.' });
    this.element = element('div', { className: 'orbit' }, [this.canvas, this.cursor, this.tooltip, this.announcer, help]);

    this.zoomBehaviour = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.05, 40])
      .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        this.transform = event.transform;
        this.hideTooltip();
        this.schedule();
      });
    select(this.canvas).call(this.zoomBehaviour).on('dblclick.zoom', null);
    this.canvas.addEventListener('pointermove', (event) => this.hover(event));
    this.canvas.addEventListener('pointerleave', () => this.hideTooltip());
    this.canvas.addEventListener('click', (event) => {
      // The details open beside the map: a tooltip left standing would cover them and squeeze.
      this.hideTooltip();
      const mark = this.markAt(event);
      if (mark) {
        this.focusIndex = this.order.indexOf(mark);
        this.callbacks.onSelect(mark.decision);
        this.schedule();
      }
    });
    this.canvas.addEventListener('keydown', (event) => this.key(event));
    this.canvas.addEventListener('focus', () => {
      if (this.focusIndex < 0 && this.order.length > 0) this.moveFocus(0);
      else this.schedule();
    });
    this.canvas.addEventListener('blur', () => {
      this.cursor.hidden = true;
    });
    new ResizeObserver(() => this.resize()).observe(this.element);
    window.addEventListener('resize', () => {
      this.fitHeight();
      this.needsFit = true;
      this.schedule();
    });
  }

  setPalette(palette: Palette): void {
    this.palette = palette;
    this.schedule();
  }

  /** `refit`: the reader changed what the map shows (window, filters, centre) or came back to it: fit the whole orbit in view again. */
  update(content: OrbitContent, selectedId: string | null, refit = false): void {
    const previous = (this.focusIndex >= 0 ? this.order[this.focusIndex]?.decision.id : undefined) ?? selectedId;
    const first = this.content === undefined;
    this.content = content;
    this.gridCache = undefined;
    this.orderCache = undefined;
    this.marks = buildMarkPaths(content.layout, content.highlighted);
    this.focusIndex = previous === null ? -1 : this.order.findIndex((mark) => mark.decision.id === previous);
    this.canvas.setAttribute('aria-label', `Orbit map of ${content.layout.marks.length} decisions around ${content.centreLabel}: ${content.layout.rings.map((ring) => `${ring.count} ${ring.label}`).join(', ')}.`);
    this.canvas.dataset.marks = String(content.layout.marks.length);
    // The canvas may not be in the page yet: measure and fit when it paints.
    if (first || refit) this.needsFit = true;
    this.schedule();
  }

  private get grid(): HitGrid {
    this.gridCache ??= new HitGrid(this.content?.layout.marks ?? []);
    return this.gridCache;
  }

  private get order(): Mark[] {
    this.orderCache ??= readingOrder(this.content?.layout.marks ?? []);
    return this.orderCache;
  }

  /** Zooms so the whole orbit, with the area names around it, fits the canvas. */
  fit(): void {
    if (!this.content || this.size.width === 0) return;
    const { layout } = this.content;
    const room = labelRoom(layout, labelMeasure(this.palette.font));
    const k = Math.max(0.05, Math.min((this.size.width / 2 - room.across) / layout.radius, (this.size.height / 2 - room.down) / layout.radius, 3));
    select(this.canvas).call(this.zoomBehaviour.transform, zoomIdentity.scale(k));
  }

  /** The canvas fills the window below where it starts, so the whole orbit is in view on open; never shorter than 360 px. */
  private fitHeight(): void {
    if (!this.canvas.isConnected) return;
    const top = this.canvas.getBoundingClientRect().top + window.scrollY;
    const below = this.element.getBoundingClientRect().bottom - this.canvas.getBoundingClientRect().bottom;
    this.canvas.style.height = `${Math.round(Math.max(360, window.innerHeight - top - below - 12))}px`;
  }

  /** The labels drawn in the last paint, in canvas pixels from its top left: the layout test measures them. */
  get placedLabels(): Array<{ kind: string; text: string; box: Box }> {
    const dx = this.size.width / 2 + this.transform.x;
    const dy = this.size.height / 2 + this.transform.y;
    return this.labels.map((label) => ({ kind: label.kind, text: label.text, box: { left: label.box.left + dx, right: label.box.right + dx, top: label.box.top + dy, bottom: label.box.bottom + dy } }));
  }

  /** The orbit's outer ring in canvas pixels, and the canvas's size: whether the whole orbit is in view. */
  get extent(): { orbit: Box; width: number; height: number } {
    const r = (this.content?.layout.radius ?? 0) * this.transform.k;
    const x = this.size.width / 2 + this.transform.x;
    const y = this.size.height / 2 + this.transform.y;
    return { orbit: { left: x - r, right: x + r, top: y - r, bottom: y + r }, width: this.size.width, height: this.size.height };
  }

  /** Pans and zooms by a transform; the bench drives frames through this. */
  zoomTo(transform: ZoomTransform): void {
    select(this.canvas).call(this.zoomBehaviour.transform, transform);
  }

  get currentTransform(): ZoomTransform {
    return this.transform;
  }

  /** Paints now (the bench and the first frame); otherwise paints are coalesced to one per animation frame. */
  paint(): void {
    if (!this.content || !this.marks || !this.canvas.isConnected) return;
    // Measured once here (and on a fit); then the ResizeObserver keeps the size, so
    // a pan or zoom frame forces no layout.
    if (this.needsFit) this.fitHeight();
    if (this.size.width === 0 || this.needsFit) this.resize();
    const context = this.canvas.getContext('2d', { alpha: false });
    if (!context || this.size.width === 0) return;
    if (this.needsFit) {
      this.needsFit = false;
      this.fit();
    }
    // The resize and the fit ask for a frame to show them: this paint is that frame,
    // so the first frame is painted once, not again on the next.
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const started = performance.now();
    const view: Viewport = { width: this.size.width, height: this.size.height, x: this.transform.x, y: this.transform.y, k: this.transform.k };
    this.labels = drawOrbit(context, this.content.layout, view, this.palette, {
      centreLabel: this.content.centreLabel,
      centreDetail: this.content.centreDetail,
      marks: this.marks,
      ownerName: this.content.ownerName,
      isLeader: this.content.isLeader,
    });
    this.placeCursor();
    this.lastPaintMs = performance.now() - started;
    this.paints += 1;
  }

  private schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.paint());
  }

  private resize(): void {
    if (!this.canvas.isConnected) return;
    const rect = this.canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    if (rect.width === this.size.width && rect.height === this.size.height) return;
    this.size = { width: rect.width, height: rect.height };
    this.canvas.width = Math.round(rect.width * ratio);
    this.canvas.height = Math.round(rect.height * ratio);
    this.schedule();
  }

  private toScreen(mark: Mark): { x: number; y: number } {
    return { x: this.size.width / 2 + this.transform.x + mark.x * this.transform.k, y: this.size.height / 2 + this.transform.y + mark.y * this.transform.k };
  }

  private markAt(event: MouseEvent): Mark | undefined {
    const rect = this.canvas.getBoundingClientRect();
    const x = (event.clientX - rect.left - this.size.width / 2 - this.transform.x) / this.transform.k;
    const y = (event.clientY - rect.top - this.size.height / 2 - this.transform.y) / this.transform.k;
    return this.grid.find(x, y, 4 / this.transform.k);
  }

  private hover(event: PointerEvent): void {
    const mark = this.markAt(event);
    this.canvas.style.cursor = mark ? 'pointer' : 'grab';
    if (!mark || !this.content) {
      this.hideTooltip();
      return;
    }
    this.tooltip.replaceChildren(...tooltipLines(mark, this.content));
    this.tooltip.hidden = false;
    const point = this.toScreen(mark);
    const left = Math.min(point.x + 14, this.size.width - this.tooltip.offsetWidth - 4);
    this.tooltip.style.left = `${Math.max(4, left)}px`;
    this.tooltip.style.top = `${Math.max(4, point.y + 14)}px`;
    this.canvas.setAttribute('aria-describedby', 'orbit-tooltip orbit-help');
  }

  /** Touches the DOM only when the tooltip shows: it runs on every pan and zoom frame. */
  private hideTooltip(): void {
    if (this.tooltip.hidden) return;
    this.tooltip.hidden = true;
    this.canvas.setAttribute('aria-describedby', 'orbit-help');
  }

  private key(event: KeyboardEvent): void {
    const handled = this.keyAction(event.key);
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  private keyAction(key: string): boolean {
    const count = this.order.length;
    switch (key) {
      case 'ArrowRight':
        if (count > 0) this.moveFocus((this.focusIndex + 1) % count);
        return true;
      case 'ArrowLeft':
        if (count > 0) this.moveFocus((this.focusIndex - 1 + count) % count);
        return true;
      case 'ArrowUp':
      case 'ArrowDown':
        this.moveAcrossRings(key === 'ArrowUp' ? -1 : 1);
        return true;
      case 'Home':
        if (count > 0) this.moveFocus(0);
        return true;
      case 'End':
        if (count > 0) this.moveFocus(count - 1);
        return true;
      case 'Enter':
      case ' ': {
        const mark = this.order[this.focusIndex];
        if (mark) this.callbacks.onSelect(mark.decision);
        return true;
      }
      case '+':
      case '=':
        select(this.canvas).call(this.zoomBehaviour.scaleBy, 1.5);
        return true;
      case '-':
      case '_':
        select(this.canvas).call(this.zoomBehaviour.scaleBy, 1 / 1.5);
        return true;
      case '0':
        this.fit();
        return true;
      default:
        return false;
    }
  }

  /** Up moves towards the centre (a more involved ring), down away from it, keeping the angle. */
  private moveAcrossRings(direction: -1 | 1): void {
    const current = this.order[this.focusIndex];
    if (!current) {
      if (this.order.length > 0) this.moveFocus(0);
      return;
    }
    const rings = [...new Set(this.order.map((mark) => mark.ring))].sort((a, b) => a - b);
    const target = rings[rings.indexOf(current.ring) + direction];
    if (target === undefined) return;
    const angle = Math.atan2(current.y, current.x);
    let best = -1;
    let bestGap = Infinity;
    this.order.forEach((mark, index) => {
      if (mark.ring !== target) return;
      const gap = Math.abs(Math.atan2(Math.sin(Math.atan2(mark.y, mark.x) - angle), Math.cos(Math.atan2(mark.y, mark.x) - angle)));
      if (gap < bestGap) {
        best = index;
        bestGap = gap;
      }
    });
    if (best >= 0) this.moveFocus(best);
  }

  private moveFocus(index: number): void {
    this.focusIndex = index;
    const mark = this.order[index];
    if (!mark || !this.content) return;
    this.keepVisible(mark);
    this.placeCursor();
    const ringTotal = this.order.filter((m) => m.ring === mark.ring);
    this.announcer.textContent = `${this.content.describe(mark.decision)} ${ringTotal.indexOf(mark) + 1} of ${ringTotal.length} on the ${this.content.layout.rings[mark.ring]?.label ?? ''} ring.`;
    this.schedule();
  }

  private keepVisible(mark: Mark): void {
    const point = this.toScreen(mark);
    const margin = 40;
    if (point.x >= margin && point.x <= this.size.width - margin && point.y >= margin && point.y <= this.size.height - margin) return;
    const k = this.transform.k;
    this.zoomTo(zoomIdentity.translate(-mark.x * k, -mark.y * k).scale(k));
  }

  private placeCursor(): void {
    const mark = document.activeElement === this.canvas ? this.order[this.focusIndex] : undefined;
    if (!mark) {
      this.cursor.hidden = true;
      return;
    }
    const point = this.toScreen(mark);
    const size = Math.max(14, mark.radius * 2 * this.transform.k + 10);
    this.cursor.hidden = false;
    this.cursor.style.left = `${point.x - size / 2}px`;
    this.cursor.style.top = `${point.y - size / 2}px`;
    this.cursor.style.width = `${size}px`;
    this.cursor.style.height = `${size}px`;
    this.cursor.dataset.decision = mark.decision.id;
  }
}

function tooltipLines(mark: Mark, content: OrbitContent): HTMLElement[] {
  const decision = mark.decision;
  const owners = decision.decisionMakers.map((id) => content.ownerName(id)).join(', ') || 'no decision-maker named';
  return [
    element('strong', { text: decision.title }),
    element('span', { text: `${decision.source === 'adr' ? 'ADR' : `git signal (${decision.kind})`} · ${STATUS_TEXT[decision.status]} · ${decision.date ?? 'undated'}` }),
    element('span', { text: `Owners: ${owners}` }),
    element('span', { text: `Leadership: ${LEVEL_TEXT[mark.level]} · ${decision.area}` }),
  ];
}
