// Where every decision sits on the orbit map, in layout units around (0, 0):
// rings outward by involvement (decided, consulted, informed, routed around, then
// what is not counted), one sector per area, marks on a ring grouped by their
// owner so each owner's decisions form a cluster. Pure: the same input gives the
// same picture, whatever the screen.
import type { Decision, Involvement } from '../../core/model/report';
import { COUNTED_LEVELS, NOT_COUNTED_LEVELS } from '../../rules/decision-rules';

export const RINGS: ReadonlyArray<{ label: string; levels: readonly Involvement[] }> = [
  ...COUNTED_LEVELS.map((level) => ({ label: level === 'around' ? 'routed around' : level, levels: [level] })),
  { label: 'not counted', levels: NOT_COUNTED_LEVELS },
];

/** The centre's least radius; a large orbit gets a larger one, so the centre's words stay readable when the whole orbit is fitted. */
export const CENTRE_RADIUS = 70;
/** The centre's radius as a share of the orbit's. */
const CENTRE_SHARE = 0.2;
/** Room for the largest mark plus a gap: one slot per decision along a row. */
export const SLOT = 13;
const RING_PADDING = 8;
const RING_GAP = 6;
const MIN_RING_WIDTH = 44;

export interface Mark {
  decision: Decision;
  level: Involvement;
  ring: number;
  area: string;
  /** The person the decision belongs to (its first decision-maker), or null when nobody is named. */
  owner: string | null;
  x: number;
  y: number;
  radius: number;
}

export interface Ring {
  label: string;
  inner: number;
  outer: number;
  count: number;
}

export interface Sector {
  area: string;
  start: number;
  end: number;
  count: number;
}

export interface Cluster {
  owner: string | null;
  ring: number;
  area: string;
  x: number;
  y: number;
  size: number;
  /** The members' weights summed: ADRs weigh more than git signals. */
  weight: number;
}

export interface OrbitLayout {
  marks: Mark[];
  rings: Ring[];
  sectors: Sector[];
  clusters: Cluster[];
  /** Outer radius of the outermost ring. */
  radius: number;
  /** Radius of the centre disc, inside the first ring. */
  centre: number;
}

export interface LayoutInput {
  decisions: readonly Decision[];
  levelOf(decision: Decision): Involvement;
  ownerName(personId: string): string;
}

export function ringOf(level: Involvement): number {
  return RINGS.findIndex((ring) => ring.levels.includes(level));
}

export function markRadius(weight: number): number {
  return Math.min(6, Math.max(2.5, 5 * Math.sqrt(weight)));
}

/** A wedge at twelve o'clock stays free of marks: the ring labels stand there. */
export const LABEL_WEDGE = 0.32;

/** Angles clockwise from twelve o'clock past the label wedge; each area at least a sliver, the rest by count. */
export function sectorsOf(counts: ReadonlyMap<string, number>): Sector[] {
  const areas = [...counts.keys()].sort((a, b) => a.localeCompare(b));
  if (areas.length === 0) return [];
  const full = Math.PI * 2 - LABEL_WEDGE;
  const gap = areas.length === 1 ? 0 : Math.min(0.05, (full * 0.2) / areas.length);
  const available = full - gap * areas.length;
  const minimum = Math.min(0.12, (available * 0.5) / areas.length);
  const total = areas.reduce((sum, area) => sum + (counts.get(area) ?? 0), 0);
  const spare = available - minimum * areas.length;
  let angle = -Math.PI / 2 + LABEL_WEDGE / 2 + gap / 2;
  return areas.map((area) => {
    const count = counts.get(area) ?? 0;
    const span = minimum + (total === 0 ? spare / areas.length : (spare * count) / total);
    const sector = { area, start: angle, end: angle + span, count };
    angle += span + gap;
    return sector;
  });
}

function rowCapacity(span: number, radius: number): number {
  return Math.max(1, Math.floor((span * radius) / SLOT));
}

function rowsNeeded(count: number, span: number, inner: number): number {
  let rows = 0;
  let capacity = 0;
  while (capacity < count) {
    capacity += rowCapacity(span, inner + RING_PADDING + (rows + 0.5) * SLOT);
    rows += 1;
  }
  return rows;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * ADRs first (the inner rows of their ring: a CTO reads the records first), then
 * owners by name (nobody last), then oldest first: plain comparisons, since
 * 10,000 marks sort here.
 */
function markOrder(ownerName: (id: string) => string): (a: Mark, b: Mark) => number {
  const keys = new Map<string, string>();
  const key = (owner: string): string => {
    let value = keys.get(owner);
    if (value === undefined) {
      value = `${ownerName(owner).toLowerCase()}\u0000${owner}`;
      keys.set(owner, value);
    }
    return value;
  };
  return (a, b) => {
    if (a.decision.source !== b.decision.source) return a.decision.source === 'adr' ? -1 : 1;
    if (a.owner !== b.owner) {
      if (a.owner === null) return 1;
      if (b.owner === null) return -1;
      return compareText(key(a.owner), key(b.owner));
    }
    return compareText(a.decision.date ?? '', b.decision.date ?? '') || compareText(a.decision.id, b.decision.id);
  };
}

/** Each ring's inner and outer radius around a centre of `centre`, from how many marks each area puts on it. */
function ringBounds(groups: ReadonlyMap<string, Mark[]>, sectors: readonly Sector[], centre: number): Array<{ inner: number; outer: number }> {
  let inner = centre;
  return RINGS.map((_, ringIndex) => {
    const rows = Math.max(1, ...sectors.map((sector) => rowsNeeded(groups.get(`${ringIndex}\u0000${sector.area}`)?.length ?? 0, sector.end - sector.start, inner)));
    const bounds = { inner, outer: inner + Math.max(MIN_RING_WIDTH, rows * SLOT + 2 * RING_PADDING) };
    inner = bounds.outer + RING_GAP;
    return bounds;
  });
}

export function layoutOrbit(input: LayoutInput): OrbitLayout {
  const marks: Mark[] = input.decisions.map((decision) => {
    const level = input.levelOf(decision);
    return { decision, level, ring: ringOf(level), area: decision.area, owner: decision.decisionMakers[0] ?? null, x: 0, y: 0, radius: markRadius(decision.weight) };
  });
  const areaCounts = new Map<string, number>();
  for (const mark of marks) areaCounts.set(mark.area, (areaCounts.get(mark.area) ?? 0) + 1);
  const sectors = sectorsOf(areaCounts);
  const groups = new Map<string, Mark[]>();
  for (const mark of marks) {
    const key = `${mark.ring}\u0000${mark.area}`;
    const group = groups.get(key);
    if (group) group.push(mark);
    else groups.set(key, [mark]);
  }
  // Rings narrow a little as the centre grows (each row holds more): measured once more with the larger centre, near enough.
  const least = ringBounds(groups, sectors, CENTRE_RADIUS);
  const outermost = least[least.length - 1]?.outer ?? CENTRE_RADIUS;
  const centre = Math.max(CENTRE_RADIUS, outermost * CENTRE_SHARE);
  const bounds = centre === CENTRE_RADIUS ? least : ringBounds(groups, sectors, centre);
  const order = markOrder(input.ownerName);
  const rings: Ring[] = [];
  const clusters: Cluster[] = [];
  RINGS.forEach((ring, ringIndex) => {
    const { inner, outer } = bounds[ringIndex] ?? { inner: centre, outer: centre };
    let count = 0;
    for (const sector of sectors) {
      const group = groups.get(`${ringIndex}\u0000${sector.area}`);
      if (!group) continue;
      count += group.length;
      group.sort(order);
      placeGroup(group, sector, inner);
      clusters.push(...clustersOf(group, ringIndex, sector.area));
    }
    rings.push({ label: ring.label, inner, outer, count });
  });
  return { marks, rings, sectors, clusters, radius: rings[rings.length - 1]?.outer ?? centre, centre };
}

/** Fills rows from the inside out, each row centred in its sector. */
function placeGroup(group: Mark[], sector: Sector, inner: number): void {
  const span = sector.end - sector.start;
  const middle = (sector.start + sector.end) / 2;
  let placed = 0;
  for (let row = 0; placed < group.length; row += 1) {
    const radius = inner + RING_PADDING + (row + 0.5) * SLOT;
    const take = Math.min(group.length - placed, rowCapacity(span, radius));
    const step = SLOT / radius;
    const first = middle - ((take - 1) * step) / 2;
    for (let i = 0; i < take; i += 1) {
      const mark = group[placed + i];
      if (!mark) continue;
      const angle = first + i * step;
      mark.x = Math.cos(angle) * radius;
      mark.y = Math.sin(angle) * radius;
    }
    placed += take;
  }
}

function clustersOf(group: readonly Mark[], ring: number, area: string): Cluster[] {
  const clusters: Cluster[] = [];
  let start = 0;
  for (let i = 1; i <= group.length; i += 1) {
    if (i < group.length && group[i]?.owner === group[start]?.owner) continue;
    const members = group.slice(start, i);
    const x = members.reduce((sum, m) => sum + m.x, 0) / members.length;
    const y = members.reduce((sum, m) => sum + m.y, 0) / members.length;
    clusters.push({ owner: members[0]?.owner ?? null, ring, area, x, y, size: members.length, weight: members.reduce((sum, m) => sum + m.decision.weight, 0) });
    start = i;
  }
  return clusters;
}

/** Reading order for the keyboard: ring by ring from the centre, clockwise within a ring. */
export function readingOrder(marks: readonly Mark[]): Mark[] {
  const angle = (mark: Mark): number => {
    const a = Math.atan2(mark.y, mark.x) + Math.PI / 2;
    return a < 0 ? a + Math.PI * 2 : a;
  };
  return [...marks].sort((a, b) => a.ring - b.ring || angle(a) - angle(b) || Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y));
}
