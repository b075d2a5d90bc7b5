// Whether one unit's changes to candidate files decide something: the old and new
// side of each file compared as structure, never as text.
import { baseName, folderOf, type FileSignalKind } from '../rules';
import { addFacts, newBlobFacts, type BlobFacts } from './blob-facts';
import { compareCi, emptyCi, readCi, type CiFacts } from './ci';
import { compareOwnership, compareSchema, isGenerated, schemaNames } from './data';
import type { ChangeFinding } from './findings';
import { compareInfrastructure, emptyInfrastructure, readInfrastructure, type InfrastructureFacts } from './infrastructure';
import { compareManifestFacts, emptyFacts, siblingKeyOf, type ManifestFacts, type UnitDeclarations } from './manifest-facts';
import { manifestReader } from './manifests';

export interface UnitFileChange {
  kind: FileSignalKind;
  path: string;
  /** The path at the unit's base (differs when the unit renamed the file). */
  basePath: string;
  /** From the history's statuses: whether the file was there before and after the unit. */
  existedBefore: boolean;
  existsAfter: boolean;
  /** The contents; null where the file is absent or could not be read. */
  before: string | null;
  after: string | null;
  /** The blobs' ids, when known: the same id is the same text, read once per BlobFacts. */
  beforeId?: string;
  afterId?: string;
}

export interface UnitAssessment {
  findings: ChangeFinding[];
  /** Files whose old or new side the object store could not give (a partial clone, a damaged snapshot). */
  unreadable: string[];
}

function manifestFacts(path: string, text: string | null, id: string | undefined, blobs: BlobFacts): ManifestFacts | null {
  if (text === null) return emptyFacts();
  return blobs.manifests.of(path, id, () => manifestReader(path)?.(text) ?? null);
}

/** The folder a file is read for is part of what it gives (Terraform stacks are folders). */
const infrastructureName = (path: string, folder: string): string => `${path}\u0000${folder}`;

function infrastructureOf(path: string, text: string, id: string | undefined, blobs: BlobFacts, folder = folderOf(path)): InfrastructureFacts {
  return blobs.infrastructure.of(infrastructureName(path, folder), id, () => {
    const facts = emptyInfrastructure();
    readInfrastructure(path, text, facts, folder);
    return facts;
  });
}

function ciOf(path: string, text: string, id: string | undefined, blobs: BlobFacts): CiFacts {
  return blobs.ci.of(path, id, () => {
    const facts = emptyCi();
    readCi(path, text, facts);
    return facts;
  });
}

function schemaNamesOf(path: string, text: string | null, id: string | undefined, blobs: BlobFacts): Set<string> {
  return blobs.schemas.of(path, text === null ? undefined : id, () => schemaNames(path, text ?? ''));
}

function generatedOf(path: string, text: string | null, id: string | undefined, blobs: BlobFacts): boolean {
  return blobs.generated.of(path, text === null ? undefined : id, () => isGenerated(path, text));
}

/** A file's change as a unit's side of it is named: `basePath` for the old side, `path` for the new. */
type ChangePaths = Pick<UnitFileChange, 'path' | 'basePath'>;

/**
 * Reads one side of a change into `blobs` under the name assessUnitChanges asks for
 * it by (the old side of a manifest or infrastructure file by its old path,
 * infrastructure for the new path's folder, pipelines and schemas by the new path),
 * so that an assessment of the unit finds it done. CODEOWNERS is compared as text.
 */
export function readSideFacts(kind: FileSignalKind, side: 'before' | 'after', change: ChangePaths, text: string, id: string, blobs: BlobFacts): void {
  const path = side === 'before' ? change.basePath : change.path;
  if (kind === 'dependency') manifestFacts(path, text, id, blobs);
  else if (kind === 'infrastructure') infrastructureOf(path, text, id, blobs, folderOf(change.path));
  else if (kind === 'ci') ciOf(change.path, text, id, blobs);
  else if (kind === 'data' && !generatedOf(change.path, text, id, blobs)) schemaNamesOf(change.path, text, id, blobs);
}

/**
 * Whether everything assessUnitChanges reads of this side is kept in `blobs`, so
 * that its text is not needed: for a schema, that it is not generated and its
 * names. Never for CODEOWNERS (compared as text).
 */
export function sideFactsKnown(kind: FileSignalKind, side: 'before' | 'after', change: ChangePaths, id: string, blobs: BlobFacts): boolean {
  const path = side === 'before' ? change.basePath : change.path;
  if (kind === 'dependency') return blobs.manifests.has(path, id);
  if (kind === 'infrastructure') return blobs.infrastructure.has(infrastructureName(path, folderOf(change.path)), id);
  if (kind === 'ci') return blobs.ci.has(change.path, id);
  // A generated side's text is read again: its names count where the other side is not generated.
  if (kind === 'data') return blobs.generated.get(change.path, id) === false && blobs.schemas.has(change.path, id);
  return false;
}

/**
 * Counts this unit's manifests into `own` (per name, the manifests that give the project's
 * own package that name) and says which names are the project's own before or after the
 * unit: a workspace package added beside its first user, or removed with its last, is no
 * dependency anyone chose; one that left the workspace for a registry is one again.
 */
function ownPackages(sides: readonly ManifestSides[], own: Map<string, number>): (name: string) => boolean {
  /** Names that were the project's own before the unit and whose last manifest it removed or renamed. */
  let gone: Set<string> | undefined;
  for (const side of sides) {
    for (const name of side.before.own) {
      const was = own.get(name) ?? 0;
      if (was > 1) own.set(name, was - 1);
      else {
        own.delete(name);
        if (was === 1) (gone ??= new Set()).add(name);
      }
    }
    for (const name of side.after.own) own.set(name, (own.get(name) ?? 0) + 1);
  }
  const left = gone;
  const owned = left === undefined ? (key: string): boolean => own.has(key) : (key: string): boolean => own.has(key) || left.has(key);
  return (name) => {
    const sibling = siblingKeyOf(name);
    return owned(name) || (sibling !== null && owned(sibling));
  };
}

interface ManifestSides {
  change: UnitFileChange;
  before: ManifestFacts;
  after: ManifestFacts;
}

/** Manifests one side lacks are paired by name: a package moved by delete and add is one move. */
function compareManifests(changes: readonly UnitFileChange[], blobs: BlobFacts, own: Map<string, number>): ChangeFinding[] {
  const sides: ManifestSides[] = [];
  for (const change of changes) {
    const before = manifestFacts(change.basePath, change.before, change.beforeId, blobs);
    const after = manifestFacts(change.path, change.after, change.afterId, blobs);
    if (before && after) sides.push({ change, before, after });
  }
  const isOwn = ownPackages(sides, own);
  // Asked of the few sides themselves: a set of every name they declare cost a monorepo's run a tenth of a second.
  const existedBefore = sides.filter(({ change }) => change.existedBefore);
  const existsAfter = sides.filter(({ change }) => change.existsAfter);
  const unit: UnitDeclarations = {
    before: (name) => existedBefore.some((side) => side.before.dependencies.has(name)),
    after: (name) => existsAfter.some((side) => side.after.dependencies.has(name)),
  };
  const found: ChangeFinding[] = [];
  let removed: Map<string, ManifestFacts> | undefined;
  let added: Map<string, ManifestFacts> | undefined;
  for (const { change, before, after } of sides) {
    const name = baseName(change.path);
    // A project that set its own target, deleted whole: a module given up, not a target moved.
    if (!change.existsAfter && before.platform.size > 0) found.push({ kind: 'architecture', what: `removed project ${folderOf(change.path) || '.'}` });
    if (!change.existsAfter) merge((removed ??= new Map()), name, before);
    else if (!change.existedBefore) merge((added ??= new Map()), name, after);
    else found.push(...compareManifestFacts(before, after, isOwn, unit));
  }
  if (removed === undefined && added === undefined) return found;
  for (const name of new Set([...(removed?.keys() ?? []), ...(added?.keys() ?? [])])) {
    const gone = removed?.get(name);
    const came = added?.get(name);
    const findings = compareManifestFacts(gone ?? emptyFacts(), came ?? emptyFacts(), isOwn, unit);
    // A project deleted or added whole moves no target: the repository's other projects keep theirs (see above).
    found.push(...(gone && came ? findings : findings.filter((finding) => finding.kind !== 'platform')));
  }
  return found;
}

function merge(into: Map<string, ManifestFacts>, name: string, facts: ManifestFacts): void {
  into.set(name, addFacts(into.get(name) ?? emptyFacts(), facts));
}

/**
 * What existed before the unit, less what `seen` has from a manifest version already
 * (`named`): most of a unit's old manifests are the new ones of the unit before it.
 */
function namesBefore(changes: readonly UnitFileChange[], infrastructure: InfrastructureFacts, blobs: BlobFacts, named: WeakSet<ManifestFacts>): string[] {
  const names: string[] = [];
  for (const change of changes) {
    if (change.kind !== 'dependency' || change.before === null) continue;
    const facts = manifestFacts(change.basePath, change.before, change.beforeId, blobs);
    if (!facts || named.has(facts)) continue;
    for (const dep of facts.dependencies.keys()) names.push(`dependency ${dep}`);
  }
  for (const thing of infrastructure.things) names.push(`infrastructure ${thing}`);
  for (const image of infrastructure.images.keys()) names.push(`image ${image}`);
  for (const runtime of infrastructure.runtimes) names.push(`runtime ${runtime}`);
  return names;
}

/**
 * The new manifests whose every dependency is now in `seen`: each one the unit
 * compared (compareManifests), since a dependency of the new side is either on the
 * old side (namesBefore) or added (a finding that introduces it).
 */
function markNamed(changes: readonly UnitFileChange[], blobs: BlobFacts, named: WeakSet<ManifestFacts>): void {
  for (const change of changes) {
    // Only a version known by its id is met again (as the next unit's old side); others would be read again for nothing.
    if (change.kind !== 'dependency' || change.after === null || change.afterId === undefined) continue;
    const before = manifestFacts(change.basePath, change.before, change.beforeId, blobs);
    const after = manifestFacts(change.path, change.after, change.afterId, blobs);
    if (before && after) named.add(after);
  }
}

/** What the units before this one built up, oldest first: extended by each unit assessed. */
export interface RepositoryMemory {
  /** Every name (dependency, resource type, image, runtime, …) the history has shown so far. */
  seen: Set<string>;
  /** Infrastructure files per folder: a folder that gains its first is a new stack, one that loses its last a removed one. */
  stacks: Map<string, number>;
  /** The project's own packages: per name, how many manifests give it (see ownPackages). */
  own: Map<string, number>;
  /** Manifest versions whose every dependency is in `seen` (made again by each process: not kept in a file). */
  named?: WeakSet<ManifestFacts>;
}

export function newRepositoryMemory(): RepositoryMemory {
  return { seen: new Set(), stacks: new Map(), own: new Map() };
}

/** Infrastructure folders this unit creates or empties (a Terraform project, a chart, a service's manifests). */
function stackChanges(changes: readonly UnitFileChange[], stacks: Map<string, number>): ChangeFinding[] {
  const found: ChangeFinding[] = [];
  let delta: Map<string, number> | undefined;
  for (const change of changes) {
    if (change.kind !== 'infrastructure' || change.existedBefore === change.existsAfter) continue;
    const folder = folderOf(change.existsAfter ? change.path : change.basePath);
    delta ??= new Map();
    delta.set(folder, (delta.get(folder) ?? 0) + (change.existsAfter ? 1 : -1));
  }
  for (const [folder, difference] of delta ?? []) {
    const before = stacks.get(folder) ?? 0;
    const after = Math.max(0, before + difference);
    stacks.set(folder, after);
    if (before === 0 && after > 0) found.push({ kind: 'infrastructure', what: `new infrastructure in ${folder}`, introduces: `stack ${folder}` });
    else if (before > 0 && after === 0) found.push({ kind: 'infrastructure', what: `infrastructure in ${folder} removed` });
  }
  return found;
}

/** What a unit that touches no infrastructure or pipeline has on either side: read, never added to. */
const NO_INFRASTRUCTURE: InfrastructureFacts = emptyInfrastructure();
const NO_CI: CiFacts = emptyCi();

/**
 * `memory` holds what the units before this one (oldest first) built up; it is
 * extended with this unit's.
 */
export function assessUnitChanges(changes: readonly UnitFileChange[], memory: RepositoryMemory = newRepositoryMemory(), blobs: BlobFacts = newBlobFacts()): UnitAssessment {
  const { seen } = memory;
  const unreadable: string[] = [];
  const readable = changes.filter((change) => {
    const ok = (!change.existedBefore || change.before !== null) && (!change.existsAfter || change.after !== null);
    if (!ok) unreadable.push(change.path);
    return ok;
  });
  const findings: ChangeFinding[] = [];
  findings.push(...compareManifests(readable.filter((change) => change.kind === 'dependency'), blobs, memory.own));
  // Most units touch no infrastructure or pipeline: their facts are made only for those that do.
  const infrastructure = readable.some((change) => change.kind === 'infrastructure');
  const ci = readable.some((change) => change.kind === 'ci');
  const infraBefore = infrastructure ? emptyInfrastructure() : NO_INFRASTRUCTURE;
  const infraAfter = infrastructure ? emptyInfrastructure() : NO_INFRASTRUCTURE;
  const ciBefore = ci ? emptyCi() : NO_CI;
  const ciAfter = ci ? emptyCi() : NO_CI;
  for (const change of readable) {
    if (change.kind === 'infrastructure') {
      // The old side is read for the new path's folder: a stack moved by a rename is the same stack.
      if (change.before !== null) addFacts(infraBefore, infrastructureOf(change.basePath, change.before, change.beforeId, blobs, folderOf(change.path)));
      if (change.after !== null) addFacts(infraAfter, infrastructureOf(change.path, change.after, change.afterId, blobs));
    } else if (change.kind === 'ci') {
      // Keyed by the new path, so that a renamed pipeline is the same pipeline.
      if (change.before !== null) addFacts(ciBefore, ciOf(change.path, change.before, change.beforeId, blobs));
      if (change.after !== null) addFacts(ciAfter, ciOf(change.path, change.after, change.afterId, blobs));
    } else if (change.kind === 'data') {
      const [before, after] = [[change.before, change.beforeId], [change.after, change.afterId]] as const;
      findings.push(...compareSchema(
        change.path, change.before, change.after,
        (side) => schemaNamesOf(change.path, ...(side === 'before' ? before : after), blobs),
        (side) => generatedOf(change.path, ...(side === 'before' ? before : after), blobs),
      ));
    }
    else if (change.kind === 'ownership') findings.push(...compareOwnership(change.before, change.after));
  }
  if (infrastructure) findings.push(...compareInfrastructure(infraBefore, infraAfter));
  if (ci) findings.push(...compareCi(ciBefore, ciAfter));
  findings.push(...stackChanges(changes, memory.stacks));
  const novel = findings.filter((finding) => finding.introduces === undefined || !seen.has(finding.introduces));
  for (const finding of findings) if (finding.introduces !== undefined) seen.add(finding.introduces);
  memory.named ??= new WeakSet();
  for (const name of namesBefore(readable, infraBefore, blobs, memory.named)) seen.add(name);
  markNamed(readable, blobs, memory.named);
  return { findings: novel, unreadable };
}
