// The structural assessment of every candidate signal group of an analysis: the
// files' changes found in the history, both sides read through the analysis's one `cat-file --batch`,
// and each group's findings. Kept between refreshes by a long-lived host: a group
// whose commits did not change is not read again.
import { blobIdsOf, existedBefore, pathBefore, type FileChange, type History, type KeptCommit } from '../../model/history';
import type { BlobContent, BlobReader, BlobRequest } from '../../git/read-blobs';
import { newBlobFacts, type BlobFacts, type KnownBlobs } from './blob-facts';
import { loadAssessments, saveAssessments } from './assessment-file';
import type { SignalGroup } from '../detect';
import type { FileSignalKind } from '../rules';
import { isReleaseToolCommit } from './release-tools';
import { assessUnitChanges, newRepositoryMemory, sideFactsKnown, type RepositoryMemory, type UnitAssessment, type UnitFileChange } from './assess-unit';

/** The commit whose tree is the unit's result: a PR's merge or squash commit, or the lone commit. */
function tipOf(group: SignalGroup, mergeOf: ReadonlyMap<string, string>): string {
  // Only a `pr-N` unit is named by its number; any other unit is named by its tip.
  if (group.pr !== null && group.unit.startsWith('pr-')) return mergeOf.get(group.pr) ?? group.unit;
  return group.unit.replace(/^merge-/, '');
}

function groupKey(group: SignalGroup, tip: string): string {
  return `${group.unit}\u0000${group.kind}\u0000${tip}\u0000${group.commits.join(',')}`;
}

interface PendingChange {
  change: Omit<UnitFileChange, 'before' | 'after'>;
  before: BlobRequest | null;
  after: BlobRequest | null;
}

/**
 * Both sides of a file the unit touched: `<tip>^1:<base path>` and `<tip>:<path>`,
 * by blob id where the tip's own change to the file is the unit's only one (the
 * history pass read the ids of that change, against the tip's first parent: the
 * same two blobs). A merge tip has no changes in the history, so its sides are
 * named by path, or by the ids an earlier read of those paths learnt (`idOf`).
 */
function changesOf(group: SignalGroup, commitsBySha: ReadonlyMap<string, KeptCommit>, tip: string, idOf: KnownBlobs['idOf']): PendingChange[] {
  if (group.commits.every((sha) => isReleaseToolCommit(commitsBySha.get(sha)?.subject ?? ''))) return [];
  const files = new Set(group.files);
  const firstAndLast = new Map<string, { first: FileChange; last: FileChange; firstIn: string }>();
  for (const sha of group.commits) {
    for (const file of commitsBySha.get(sha)?.files ?? []) {
      if (!files.has(file.path)) continue;
      const seen = firstAndLast.get(file.path);
      if (seen) seen.last = file;
      else firstAndLast.set(file.path, { first: file, last: file, firstIn: sha });
    }
  }
  const pending: PendingChange[] = [];
  for (const [path, { first, last, firstIn }] of firstAndLast) {
    const basePath = pathBefore(first);
    const wasThere = existedBefore(first);
    const existsAfter = last.status !== 'D';
    const ids = first === last && firstIn === tip ? blobIdsOf(first) : NO_IDS;
    pending.push({
      change: { kind: group.kind as FileSignalKind, path, basePath, existedBefore: wasThere, existsAfter },
      before: wasThere ? sideRequest(ids.before, `${tip}^1`, basePath, idOf) : null,
      after: existsAfter ? sideRequest(ids.after, tip, path, idOf) : null,
    });
  }
  return pending;
}

const NO_IDS = { before: null, after: null } as const;

/** A side by its id when the history or an earlier read gave it (cat-file answers an id cheapest), else by path. */
function sideRequest(id: string | null, revision: string, path: string, idOf: KnownBlobs['idOf']): BlobRequest {
  const known = id ?? idOf(revision, path);
  return known === undefined ? { revision, path } : { id: known };
}

/** A side to read, or one whose facts the run has already (its text is not needed: sideFactsKnown). */
type Side = { request: BlobRequest } | { blob: BlobContent };

/** The text given for a side whose facts are known: the readers never see it. */
const KNOWN_TEXT = '';

function sidesOf({ change, before, after }: PendingChange, facts: BlobFacts): Side[] {
  const sides: Side[] = [];
  for (const [side, request] of [['before', before], ['after', after]] as const) {
    if (request === null) continue;
    if ('id' in request && sideFactsKnown(change.kind, side, change, request.id, facts)) sides.push({ blob: { id: request.id, text: KNOWN_TEXT } });
    else sides.push({ request });
  }
  return sides;
}

/** The unit's changes with their blobs, given in the order sidesOf gave their sides. */
function withBlobs(pending: readonly PendingChange[], blobs: readonly BlobContent[]): UnitFileChange[] {
  let next = 0;
  return pending.map(({ change, before, after }) => {
    const old = before ? blobs[next++] : undefined;
    const now = after ? blobs[next++] : undefined;
    return { ...change, before: old?.text ?? null, after: now?.text ?? null, beforeId: old?.id ?? undefined, afterId: now?.id ?? undefined };
  });
}

interface UnitToRead {
  group: SignalGroup;
  key: string;
  pending: PendingChange[];
  /** Where the unit's newest commit stands in history (0 is HEAD's). */
  age: number;
}

/**
 * Every unit's blobs through one cat-file, the units in the order given (oldest
 * first: each extends `memory`); a unit is assessed as soon as its last blob
 * arrives and its texts are let go, so no more than one unit's are ever held.
 * What was read from each blob is kept by its id for the run (BlobFacts).
 */
async function assessInOrder(units: readonly UnitToRead[], memory: RepositoryMemory, blobReader: BlobReader, facts: BlobFacts, done: (unit: UnitToRead, assessment: UnitAssessment) => void): Promise<void> {
  const sides = units.map(({ pending }) => pending.flatMap((change) => sidesOf(change, facts)));
  let current = 0;
  let blobs: BlobContent[] = [];
  const assessReady = (): void => {
    for (; current < units.length; current += 1, blobs = []) {
      const unitSides = sides[current] as Side[];
      for (let side = unitSides[blobs.length]; side && 'blob' in side; side = unitSides[blobs.length]) blobs.push(side.blob);
      if (blobs.length < unitSides.length) return;
      const unit = units[current] as UnitToRead;
      done(unit, assessUnitChanges(withBlobs(unit.pending, blobs), memory, facts));
    }
  };
  assessReady();
  const requests = sides.flatMap((unitSides) => unitSides.flatMap((side) => ('request' in side ? [side.request] : [])));
  const { asked, repeats } = askEachIdOnce(requests);
  const held = new Map<string, BlobContent>();
  let delivered = 0;
  const deliver = (blob: BlobContent): void => {
    delivered += 1;
    blobs.push(blob);
    assessReady();
  };
  await blobReader.stream(asked, (index, blob) => {
    const request = asked[index] as BlobRequest;
    if ('id' in request && (repeats.get(request.id) ?? 0) > 0) held.set(request.id, blob);
    deliver(blob);
    // The sides after it that name an id already read: answered from what it gave, in their turn.
    for (let next = requests[delivered]; next !== undefined && next !== asked[index + 1]; next = requests[delivered]) {
      const key = 'id' in next ? next.id : '';
      const left = (repeats.get(key) ?? 0) - 1;
      const known = held.get(key) ?? NONE;
      if (left > 0) repeats.set(key, left);
      else held.delete(key);
      deliver(known);
    }
  });
}

const NONE: BlobContent = { id: null, text: null };

/**
 * A blob named by id is asked of cat-file once: the new side of a file in one unit
 * is most often its old side in the next unit that touches it, and the same id is
 * the same content. `repeats` counts, per id, the later sides that reuse it, so the
 * content is held only until its last one is answered.
 */
function askEachIdOnce(requests: readonly BlobRequest[]): { asked: BlobRequest[]; repeats: Map<string, number> } {
  const asked: BlobRequest[] = [];
  const repeats = new Map<string, number>();
  for (const request of requests) {
    if (!('id' in request)) asked.push(request);
    else if (repeats.has(request.id)) repeats.set(request.id, (repeats.get(request.id) ?? 0) + 1);
    else {
      repeats.set(request.id, 0);
      asked.push(request);
    }
  }
  return { asked, repeats };
}

const newestOf = (group: SignalGroup): string => group.commits[group.commits.length - 1] ?? '';

/**
 * Where the newest known group and each group to read stand in history (0 is
 * HEAD's), and the commits of the groups to read, from one scan from HEAD that
 * stops once it has them all: a refresh reads a few new groups in front of a
 * history of 100,000 commits. Every group's commits are in the history it was
 * found in, so the scan meets each it looks for.
 */
function lookups(commits: readonly KeptCommit[], known: readonly SignalGroup[], toRead: readonly SignalGroup[]): { ageOf: (group: SignalGroup) => number; newestKnown: number; commitsBySha: Map<string, KeptCommit> } {
  const knownNewest = new Set(known.map(newestOf));
  const readNewest = new Set(toRead.map(newestOf));
  const wanted = new Set(toRead.flatMap((group) => group.commits));
  const age = new Map<string, number>();
  const commitsBySha = new Map<string, KeptCommit>();
  let newestKnown = Infinity;
  for (let index = 0; index < commits.length; index += 1) {
    if ((newestKnown !== Infinity || knownNewest.size === 0) && commitsBySha.size === wanted.size) break;
    const commit = commits[index] as KeptCommit;
    if (newestKnown === Infinity && knownNewest.has(commit.sha)) newestKnown = index;
    if (readNewest.has(commit.sha)) age.set(commit.sha, index);
    if (wanted.has(commit.sha)) commitsBySha.set(commit.sha, commit);
  }
  return { ageOf: (group) => age.get(newestOf(group)) ?? 0, newestKnown, commitsBySha };
}

const NOTHING_KNOWN = (): KnownBlobs => ({ facts: newBlobFacts(), idOf: () => undefined });

export class StructuralAssessor {
  private known = new Map<string, UnitAssessment>();
  /** Each group's key as last made, with the tip it was made for: a group kept by the detector keeps its key. */
  private keys = new WeakMap<SignalGroup, { tip: string; key: string }>();
  /** What the assessed units built up, oldest first (see assessUnitChanges). */
  private memory = newRepositoryMemory();
  /** The repository whose kept assessments were looked for in `dir`. */
  private loadedFor: string | undefined;

  /** `dir`: a cache folder where the assessments are also kept, for the next process (the CLI's re-run). */
  constructor(private readonly dir?: string) {}

  /** `known`: what this analysis has read of blobs already (early-facts.ts); a side whose facts are known there is not read again. */
  async assess(groups: readonly SignalGroup[], history: Pick<History, 'commits' | 'pullRequests'>, root: string, blobReader: BlobReader, known: KnownBlobs = NOTHING_KNOWN()): Promise<Map<SignalGroup, UnitAssessment>> {
    if (this.dir !== undefined && this.loadedFor !== root) {
      this.loadedFor = root;
      const kept = await loadAssessments(this.dir, root);
      if (kept) ({ known: this.known, memory: this.memory } = kept);
    }
    // Oldest first: a number named again maps to its newest PR, the `pr-N` unit.
    const mergeOf = new Map(history.pullRequests.map((pr) => [pr.id, pr.mergeCommit]));
    const result = new Map<SignalGroup, UnitAssessment>();
    const next = new Map<string, UnitAssessment>();
    const knownGroups: SignalGroup[] = [];
    const fresh: Array<{ group: SignalGroup; key: string; tip: string }> = [];
    for (const group of groups) {
      if (group.kind === 'architecture' || group.kind === 'platform') continue;
      const tip = tipOf(group, mergeOf);
      const made = this.keys.get(group);
      const key = made?.tip === tip ? made.key : groupKey(group, tip);
      if (made?.key !== key) this.keys.set(group, { tip, key });
      const known = this.known.get(key);
      if (known) {
        result.set(group, known);
        next.set(key, known);
        knownGroups.push(group);
      } else fresh.push({ group, key, tip });
    }
    const { ageOf, newestKnown, commitsBySha } = lookups(history.commits, knownGroups, fresh.map(({ group }) => group));
    const toRead: UnitToRead[] = fresh.map(({ group, key, tip }) => ({ group, key, pending: changesOf(group, commitsBySha, tip, known.idOf), age: ageOf(group) }));
    // What a unit decides depends on the units before it: a refresh that only adds
    // newer units goes on from what is known, anything else is read from the start,
    // also when a unit the memory holds is gone (a rewritten or reset history).
    if (toRead.some(({ age }) => age >= newestKnown) || next.size < this.known.size) {
      this.known = new Map();
      return this.assess(groups, history, root, blobReader, known);
    }
    if (next.size === 0) this.memory = newRepositoryMemory();
    // By the age found once per unit: a comparator looking it up meets each unit a dozen times.
    toRead.sort((a, b) => b.age - a.age);
    await assessInOrder(toRead, this.memory, blobReader, known.facts, ({ group, key }, assessment) => {
      result.set(group, assessment);
      next.set(key, assessment);
    });
    const changed = toRead.length > 0 || next.size !== this.known.size;
    this.known = next;
    // Not kept costs the next run its reading, nothing else: a failed write does not fail the analysis.
    if (this.dir !== undefined && changed) await saveAssessments(this.dir, root, { known: next, memory: this.memory }).catch(() => undefined);
    return result;
  }
}
