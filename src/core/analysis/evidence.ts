// Evidence per decision, exactly by ARCHITECTURE.md's involvement table: each piece says
// who, in which role, from which source, where, and the level it gives.
import type { FileHistory } from '../git/file-history';
import type { ParsedAdr, AdrNameRef } from '../model/adr';
import type { GitIdentity, KeptCommit, UpdaterBot } from '../model/history';
import type { IdentityResolver } from '../model/people';
import type { Evidence, EvidenceRole, EvidenceSource, Involvement, RecordChangeKind } from '../model/report';
import { updaterOf } from '../git/updater-text';
import type { HistoryIndex } from './history-index';
import type { BulkCommits } from './bulk-commits';

export interface EvidenceContext {
  index: HistoryIndex;
  resolver: IdentityResolver;
  /** Trailer keys that count as reviews, compared case-insensitively. */
  reviewTrailers: readonly string[];
}

class EvidenceList {
  private readonly items: Evidence[] = [];

  /** Lists hold a handful of items: a scan costs less than a set of joined keys. */
  add(person: string, role: EvidenceRole, source: EvidenceSource, ref: string, level: Involvement, inferred: boolean, change?: RecordChangeKind): void {
    for (const e of this.items) if (e.person === person && e.role === role && e.source === source && e.ref === ref && e.level === level) return;
    this.items.push(change === undefined ? { person, role, source, ref, inferred, level } : { person, role, source, ref, inferred, level, change });
  }

  list(): Evidence[] {
    return this.items;
  }
}

/** The values of the commit's trailers whose key (compared lower-cased) is in `keys`, in order. */
function trailerValues(commit: KeptCommit, keys: ReadonlySet<string>): string[] {
  const values: string[] = [];
  for (const trailer of commit.trailers) if (keys.has(trailer.key.toLowerCase())) values.push(trailer.value);
  return values;
}

function trailerPeople(commit: KeptCommit, keys: ReadonlySet<string>, resolver: IdentityResolver): string[] {
  return trailerValues(commit, keys).map((value) => resolver.resolveText(value).id);
}

const CO_AUTHOR_KEYS: ReadonlySet<string> = new Set(['co-authored-by']);

function coAuthors(commit: KeptCommit, resolver: IdentityResolver): string[] {
  return trailerPeople(commit, CO_AUTHOR_KEYS, resolver);
}

const reviewKeySets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The review trailer keys, lower-cased, made once per list rather than once per commit. */
function reviewKeys(reviewTrailers: readonly string[]): ReadonlySet<string> {
  let keys = reviewKeySets.get(reviewTrailers);
  if (!keys) reviewKeySets.set(reviewTrailers, (keys = new Set(reviewTrailers.map((k) => k.toLowerCase()))));
  return keys;
}

function reviewers(commit: KeptCommit, ctx: EvidenceContext): string[] {
  return trailerPeople(commit, reviewKeys(ctx.reviewTrailers), ctx.resolver);
}

/** Ids by identity object (history shares one per author), per resolver. */
const identityIds = new WeakMap<IdentityResolver, WeakMap<GitIdentity, string>>();

function idOfIdentity(identity: GitIdentity, resolver: IdentityResolver): string {
  let ids = identityIds.get(resolver);
  if (!ids) identityIds.set(resolver, (ids = new WeakMap()));
  let id = ids.get(identity);
  if (id === undefined) ids.set(identity, (id = resolver.resolveIdentity(identity.name, identity.email).id));
  return id;
}

function authorOf(commit: KeptCommit, resolver: IdentityResolver): string {
  return idOfIdentity(commit.author, resolver);
}

/** The merge commit of a commit's PR, when it was merged by one (its author is the merger). */
function mergeOf(sha: string, index: HistoryIndex): KeptCommit | undefined {
  const pr = index.pullRequestOf(sha);
  return pr?.viaMergeCommit ? index.commit(pr.mergeCommit) : undefined;
}

function mergerOf(sha: string, ctx: EvidenceContext): { person: string; ref: string } | null {
  const merge = mergeOf(sha, ctx.index);
  return merge ? { person: authorOf(merge, ctx.resolver), ref: merge.sha } : null;
}

/** Who worked on a commit, in this order: its author, its reviewers by trailer, the merger of its PR. */
export function commitPeople(commit: KeptCommit, ctx: EvidenceContext): string[] {
  const merger = mergerOf(commit.sha, ctx);
  return [authorOf(commit, ctx.resolver), ...reviewers(commit, ctx), ...(merger ? [merger.person] : [])];
}

export interface AdrEvidenceInput {
  adr: ParsedAdr;
  /** The record's history; absent when git knows nothing of it (uncommitted). */
  fileHistory: FileHistory | undefined;
  /** Commits of the record's PR that carried signal files (they join its evidence). */
  joinedCommits: readonly string[];
  /** Commits that touched or added many records at once: they give nobody involvement (bulk-commits.ts). */
  bulk?: BulkCommits;
  /** What each later commit changed in the record, by sha (record-edits.ts); a commit absent here could not be read. */
  changes?: ReadonlyMap<string, RecordChangeKind>;
}

/**
 * A later commit that changed the status or the decision consulted its authors; one
 * that changed only other text informed them. Committing the status change to
 * accepted counts as approving the record: decided (inferred) when the record names
 * no decision-makers. A commit whose text could not be read (a blob missing from a
 * partial clone) is taken as a status or decision change, as before.
 */
function laterLevel(change: RecordChangeKind | undefined, namesMakers: boolean): Involvement {
  if (change === 'other') return 'informed';
  return change === 'accepted' && !namesMakers ? 'decided' : 'consulted';
}

export interface AdrPeople {
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  evidence: Evidence[];
}

function resolveField(refs: readonly AdrNameRef[], resolver: IdentityResolver): Array<{ id: string; line: number }> {
  return refs.map((ref) => ({ id: resolver.resolveText(ref.text).id, line: ref.line }));
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export function adrEvidence(input: AdrEvidenceInput, ctx: EvidenceContext): AdrPeople {
  const { adr } = input;
  const list = new EvidenceList();
  const makers = resolveField(adr.decisionMakers, ctx.resolver);
  const consulted = resolveField(adr.consulted, ctx.resolver);
  const informed = resolveField(adr.informed, ctx.resolver);
  for (const m of makers) list.add(m.id, 'decision-maker', 'adr-field', `${adr.path}:${m.line}`, 'decided', false);
  for (const c of consulted) list.add(c.id, 'consulted', 'adr-field', `${adr.path}:${c.line}`, 'consulted', false);
  for (const i of informed) list.add(i.id, 'informed', 'adr-field', `${adr.path}:${i.line}`, 'informed', false);

  const namesMakers = makers.length > 0;
  const counts = (sha: string): boolean => !input.bulk?.records.has(sha);
  const firstSha = input.fileHistory?.added ?? null;
  const addedSha = firstSha !== null && !input.bulk?.added.get(firstSha)?.includes(adr.path) ? firstSha : null;
  const addAuthors = (sha: string, level: Involvement, change?: RecordChangeKind): void => {
    const commit = ctx.index.commit(sha);
    if (!commit) return;
    const author = authorOf(commit, ctx.resolver);
    list.add(author, 'author', 'commit-author', sha, level, true, change);
    for (const person of coAuthors(commit, ctx.resolver)) if (person !== author) list.add(person, 'co-author', 'trailer', sha, level, true, change);
  };
  if (addedSha !== null) addAuthors(addedSha, namesMakers ? 'consulted' : 'decided');
  const later = (input.fileHistory?.commits ?? []).filter((sha) => sha !== firstSha && counts(sha));
  for (const sha of later) {
    const change = input.changes?.get(sha);
    addAuthors(sha, laterLevel(change, namesMakers), change);
  }
  for (const sha of input.joinedCommits.filter(counts)) addAuthors(sha, 'consulted');
  for (const sha of [...(addedSha === null ? [] : [addedSha]), ...later, ...input.joinedCommits.filter(counts)]) {
    const commit = ctx.index.commit(sha);
    if (commit) for (const person of reviewers(commit, ctx)) list.add(person, 'reviewer', 'trailer', sha, 'consulted', false);
  }
  const merger = addedSha === null ? null : mergerOf(addedSha, ctx);
  if (merger) list.add(merger.person, 'merger', 'merge-commit', merger.ref, 'consulted', true);

  return {
    decisionMakers: unique(makers.map((m) => m.id)),
    consulted: unique(consulted.map((c) => c.id)),
    informed: unique(informed.map((i) => i.id)),
    evidence: list.list(),
  };
}

/**
 * One piece of evidence before the resolver names its person: the git identity
 * or the trailer text that gave it. Kept between analyses, it lets a refresh name
 * the people of an unchanged decision again without walking its commits.
 */
export interface Witness {
  who: GitIdentity | string;
  role: EvidenceRole;
  source: EvidenceSource;
  ref: string;
  level: Involvement;
  inferred: boolean;
}

/**
 * The identity each updater authors its own commits under on GitHub. A commit that
 * is an updater's bump (git/updater-text.ts) is that updater's work, whoever the
 * forge made its author: tool-work.ts takes the person's part as a merger's.
 */
const UPDATER_IDENTITIES: Readonly<Record<UpdaterBot, GitIdentity>> = {
  dependabot: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
  renovate: { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' },
};

/** A git signal: authors and co-authors decided; reviewers and the merger were consulted. */
export function signalWitnesses(commits: readonly string[], ctx: Pick<EvidenceContext, 'index' | 'reviewTrailers'>): Witness[] {
  const witnesses: Witness[] = [];
  const keys = reviewKeys(ctx.reviewTrailers);
  for (const sha of commits) {
    const commit = ctx.index.commit(sha);
    if (!commit) continue;
    witnesses.push({ who: commit.author, role: 'author', source: 'commit-author', ref: sha, level: 'decided', inferred: false });
    const updater = updaterOf(commit);
    if (updater !== null) witnesses.push({ who: UPDATER_IDENTITIES[updater], role: 'author', source: 'commit-author', ref: sha, level: 'decided', inferred: true });
    for (const who of trailerValues(commit, CO_AUTHOR_KEYS)) witnesses.push({ who, role: 'co-author', source: 'trailer', ref: sha, level: 'decided', inferred: false });
    for (const who of trailerValues(commit, keys)) witnesses.push({ who, role: 'reviewer', source: 'trailer', ref: sha, level: 'consulted', inferred: false });
  }
  // One merger per merge commit, in the order their commits came; the list drops repeats.
  for (const sha of commits) {
    const merge = mergeOf(sha, ctx.index);
    if (merge) witnesses.push({ who: merge.author, role: 'merger', source: 'merge-commit', ref: merge.sha, level: 'consulted', inferred: false });
  }
  return witnesses;
}

/** The person each witness names, in order (the order a fresh build meets them in). */
export function witnessPeople(witnesses: readonly Witness[], resolver: IdentityResolver): string[] {
  return witnesses.map((w) => (typeof w.who === 'string' ? resolver.resolveText(w.who).id : idOfIdentity(w.who, resolver)));
}

/**
 * The evidence of witnesses and the people they name, repeats dropped, and a commit's
 * author named again in its own Co-authored-by trailer (a squash under another address).
 */
export function witnessEvidence(witnesses: readonly Witness[], people: readonly string[]): Evidence[] {
  const list = new EvidenceList();
  const authorOfCommit = new Map<string, string>();
  witnesses.forEach((w, i) => {
    const person = people[i] ?? '';
    if (w.role === 'author' && !w.inferred) authorOfCommit.set(w.ref, person);
    if (w.role === 'co-author' && authorOfCommit.get(w.ref) === person) return;
    list.add(person, w.role, w.source, w.ref, w.level, w.inferred);
  });
  return list.list();
}
