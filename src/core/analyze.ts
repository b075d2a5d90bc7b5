// One analysis, end to end: config → ADRs → history (cached) → identities →
// signals → involvement → zones → the JSON report. The same repository gives the
// same report (except `analyzedAt`): every list has a deterministic order.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { lintAdrs, readAdrs } from './adr';
import { KeptRecordParses } from './adr/parse-file';
import { findingWarning } from './adr/lint';
import { readSlashedDatesByHistory } from './adr/slashed-dates';
import { parseCodeowners, rulesMatching, CODEOWNERS_PATHS, type CodeownersRule } from './analysis/codeowners';
import { bulkImportWarnings, bulkRecordCommits } from './analysis/bulk-commits';
import { buildDecisions } from './analysis/decisions';
import { RecordEditMemo } from './analysis/record-edits';
import { indexHistory } from './analysis/history-index';
import { historyScope } from './analysis/history-scope';
import { historyIdentities } from './analysis/history-identities';
import { ResolverMemo } from './analysis/memo-resolver';
import { computeInsights } from './analysis/insights';
import { readWorkspaceGlobs } from './analysis/workspaces';
import { computeZones } from '../rules/zone';
import { baseWindow, checkWindowFlags } from './analysis/base-window';
import { unionWindow, WIDEN_TO, type Window } from '../rules/zone-window';
import { loadConfig } from './config/load';
import { joinForgeEvidence } from './forge/evidence';
import { readForge } from './forge/read';
import type { AnalysisContext } from './context';
import { BlobReader, fileHistories, readHistory, readRepositoryInfo, type GitContext } from './git';
import type { ParsedAdr } from './model/adr';
import type { AuthorActivity } from './model/history';
import type { IdentityResolver } from './model/people';
import { REPORT_SCHEMA_ID, type Person, type Report, type Warning } from './model/report';
import { createIdentityResolver, readMailmap } from './people';
import { detectSignals } from './signals/detect';
import { StructuralAssessor } from './signals/structural/assess';
import { EarlyBlobFacts } from './signals/structural/early-facts';
import { SignalUnitBuilder } from './signals/units';
import { createPathClassifier, signalWeight } from './signals/rules';
import { formatCount } from './util/format-count';

/** `--since/--until`, else the configured span up to HEAD's committer day (today in a repository without commits). */
export function analysisWindow(ctx: Pick<AnalysisContext, 'since' | 'until'>, windowDuration: string, headDate: string | null, now: Date): Window {
  return baseWindow(ctx, windowDuration, headDate?.slice(0, 10) ?? now.toISOString().slice(0, 10));
}

async function readCodeowners(root: string): Promise<{ file: string; rules: CodeownersRule[] } | null> {
  for (const file of CODEOWNERS_PATHS) {
    const text = await fs.readFile(path.join(root, file), 'utf8').catch(() => null);
    if (text !== null) return { file, rules: parseCodeowners(text) };
  }
  return null;
}

/**
 * Every commit author becomes a known person before ADR fields are read, so a
 * handle or name in a record finds the committer it names. Returns last activity.
 */
function registerCommitters(authors: readonly AuthorActivity[], resolver: IdentityResolver): Map<string, string> {
  const last = new Map<string, string>();
  for (const { identity, lastDay } of authors) {
    const id = resolver.resolveIdentity(identity.name, identity.email).id;
    if ((last.get(id) ?? '') < lastDay) last.set(id, lastDay);
  }
  return last;
}

function peopleOf(resolver: IdentityResolver, leaders: ReadonlySet<string>, last: ReadonlyMap<string, string>): Person[] {
  // AI assistants are tools, never people: their work is their driver's and no evidence names them.
  return resolver.people()
    .filter((p) => !resolver.isAssistant(p.id))
    .map((p) => ({ ...p, isLeader: leaders.has(p.id), lastActive: last.get(p.id) ?? null }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** What the ADR linter flags as a warning or an error (infos stay in the editor). */
function lintWarnings(records: ParsedAdr[]): Warning[] {
  return [...lintAdrs(records)].sort(([a], [b]) => a.localeCompare(b)).flatMap(([file, diagnostics]) => diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => findingWarning(file, d)));
}

export async function analyzeRepository(ctx: AnalysisContext): Promise<Report> {
  const now = ctx.now ?? new Date();
  const progress = (message: string): void => ctx.onProgress?.({ message });
  const checkpoint = (): void => ctx.signal?.throwIfAborted();
  const git: GitContext = { gitPath: ctx.gitPath, env: ctx.env, signal: ctx.signal, timeoutMs: ctx.gitTimeoutMs, onProgress: ctx.onProgress, cacheDir: ctx.cacheDir };
  // Without a cache kept by the host, nothing is remembered past this analysis but the history (in ctx.cacheDir).
  const kept = ctx.cache;

  progress('Finding the repository');
  // A refresh after a commit learns HEAD from its history pass' log rather than from rev-parse.
  const recalled = kept && (await kept.repository.recall(ctx.root, git));
  const repository = recalled && recalled.headMoved ? recalled.facts : await readRepositoryInfo(ctx.root, git, kept?.repository);
  const { root } = repository;
  progress('Reading configuration');
  const loaded = await loadConfig({ root, configFile: ctx.configFile, hostConfig: ctx.hostConfig, overlays: ctx.overlays });
  const { config } = loaded;
  // Bad dates fail before any history is read; the window itself ends on HEAD's date, known after.
  checkWindowFlags(ctx);
  checkpoint();
  // Off unless the user turned it on; the network wait overlaps the history pass.
  const forgeRead = readForge(ctx, config, root, ctx.cacheDir ?? kept?.dir);
  forgeRead.catch(() => undefined);

  // The records are read and parsed while git walks history in its own process.
  progress('Reading decision records');
  // The CLI keeps parsed records in its cache folder, the extension in its AnalysisCache.
  const parses = kept === undefined && ctx.cacheDir !== undefined ? await KeptRecordParses.load(ctx.cacheDir, root) : undefined;
  const parser = kept?.records ?? parses;
  const adrsRead = readAdrs(root, config, { overlays: ctx.overlays, parse: parser ? (file, text) => parser.parse(file, text) : undefined });
  const codeowners = await readCodeowners(root);
  progress('Reading history');
  const classify = createPathClassifier(config.signals);
  const rulesOf = rulesMatching(codeowners?.rules ?? []);
  const scope = historyScope(config.signals, codeowners?.rules ?? [], classify, rulesOf);
  // One cat-file for the analysis, started while the history pass runs: the signal
  // files' versions the log names are read and parsed while git's log is the slower side.
  const blobReader = new BlobReader(root, git, repository.partialClone);
  const early = new EarlyBlobFacts('head' in repository && typeof repository.head === 'string' ? repository.head : undefined, classify, blobReader);
  const closeBlobReader = (): Promise<void> => {
    early.stop();
    return blobReader.close();
  };
  // The records' later edits are read as the log meets them, once the records are known.
  adrsRead.then((read) => early.knowRecords(read.records.map((record) => record.path)), () => undefined);
  try {
    const historyRead = readHistory(root, git, { scope, repository, cache: kept?.history, memo: kept?.repository, onCommit: (commit) => early.commit(commit) })
      .finally(() => early.end());
    const [adrs, { history, authors, warnings: historyWarnings, saving, commitsRead }, mailmap, packageGlobs] = await Promise.all([
      adrsRead, historyRead, readMailmap(root), readWorkspaceGlobs(root),
    ]);
    const parsesSaving = parses?.save();
    checkpoint();
    ctx.onProgress?.({ message: `Read ${formatCount(commitsRead)} new commits`, history: { read: commitsRead, kept: history.commits.length } });

    progress('Resolving people');
    const identities = kept ? kept.identities.of(authors, history.commits, config.reviewTrailers) : historyIdentities(authors, history.commits, config.reviewTrailers);
    // Everything the resolver is made from: the same gives the same people in the same order.
    const repositoryName = path.basename(root);
    const resolverMadeOf = JSON.stringify([config.leadership, config.people, config.bots, config.assistants, mailmap.source, identities, repositoryName]);
    const resolver = (kept?.people ?? new ResolverMemo()).session(resolverMadeOf, () => createIdentityResolver({ mailmap, config, history: identities, repositoryName }));
    const leadership = config.leadership.map((leader) => ({ person: resolver.resolveText(leader.name).id, role: leader.role, ...(leader.areas ? { areas: leader.areas } : {}) }));
    const leaders = [...new Set(leadership.map((l) => l.person))];
    const lastActive = registerCommitters(authors, resolver);

    progress('Finding decisions');
    const adrPaths = adrs.records.map((r) => r.path);
    const histories = fileHistories(history, adrPaths);
    const adrFiles = new Set([...adrPaths, ...[...histories.values()].flatMap((h) => h.previousPaths)]);
    const signalOptions = { signals: config.signals, packageGlobs, adrPaths: adrFiles, classify };
    const index = kept ? kept.index.of(history) : indexHistory(history);
    const authoredDay = (sha: string): string | null => index.commit(sha)?.authorDate.slice(0, 10) ?? null;
    const records = readSlashedDatesByHistory(adrs.records, (file) => (histories.get(file)?.commits ?? []).flatMap((sha) => authoredDay(sha) ?? []));
    const groups = kept ? kept.signals.detect(history, signalOptions, index) : detectSignals(history, signalOptions, index);
    progress('Comparing manifests, infrastructure and pipelines');
    const statedDates = new Map(records.map((record) => [record.path, record.date]));
    const bulk = bulkRecordCommits(histories, (sha) => index.commit(sha)?.files ?? [], {
      stated: (file) => statedDates.get(file) ?? null,
      authored: authoredDay,
    });
    // Waiting costs nothing: cat-file answers the early names before any asked now.
    const [assessments, changes] = await early.settled().then(() => Promise.all([
      (kept?.structure ?? new StructuralAssessor(ctx.cacheDir)).assess(groups, history, root, blobReader, early),
      (kept?.recordEdits ?? new RecordEditMemo(ctx.cacheDir)).classify(histories, bulk.records, blobReader, root, early),
    ])).finally(closeBlobReader);
    const signals = (kept?.units ?? new SignalUnitBuilder()).build(groups, assessments);
    const evidence = { index, resolver, reviewTrailers: config.reviewTrailers };
    const involvementPeople = { leaders, isBot: (id: string) => resolver.isBot(id), isAssistant: (id: string) => resolver.isAssistant(id) };
    const built = buildDecisions({
      adrs: records,
      fileHistories: histories,
      signals,
      evidence,
      people: involvementPeople,
      areas: { areas: config.areas, packageGlobs },
      adrWeight: config.adr.weight ?? 1,
      signalWeight: (kind) => signalWeight(config.signals, kind),
      memo: kept?.decisions,
      replay: kept ? resolver : undefined,
      bulk,
      changes,
    });
    const forge = await forgeRead;
    const { decisions, drift: forgeDrift } = forge.enabled
      ? joinForgeEvidence(built, forge.pullRequests, { index, resolver, people: involvementPeople })
      : { decisions: built, drift: [] };
    checkpoint();

    progress('Weighing the zone');
    // Names first seen in ADR fields and trailers join the people list here.
    const people = peopleOf(resolver, new Set(leaders), lastActive);
    const window = analysisWindow(ctx, config.zone.window, history.commits[0]?.committerDate ?? null, now);
    const leaderAreas = Object.fromEntries(config.leadership.flatMap((leader, i) => (leader.areas ? [[leadership[i]?.person ?? '', leader.areas]] : [])));
    const zone = computeZones(decisions, leaders, { window, widenTo: ctx.since === undefined ? WIDEN_TO : null, rules: config.zone, leaderAreas });
    const sourceWindows = Object.values(zone.overall.sources ?? {}).flatMap((z) => (z.window ? [{ since: z.window.since, until: z.window.until }] : []));
    const insights = computeInsights({
      decisions, people, leaders, now, index, resolver, reviewTrailers: config.reviewTrailers, codeowners: codeowners && { ...codeowners, rulesOf },
    });
    insights.drift.push(...forgeDrift);
    await Promise.all([saving, parsesSaving]);
    const warnings: Warning[] = [
      ...loaded.warnings, ...adrs.warnings, ...historyWarnings, ...(forge.warning ? [forge.warning] : []), ...lintWarnings(records),
      ...bulkImportWarnings(bulk),
    ];
    if (leaders.length === 0) {
      const likeliest = insights.suggestedLeaders.slice(0, 3).map((s) => resolver.person(s.person)?.name ?? s.person);
      warnings.push({
        code: 'no-roster',
        message: `No leadership roster is configured (leadership: in .decision-orbit.yml)${likeliest.length > 0 ? `; likeliest leaders: ${likeliest.join(', ')}` : ''}.`,
        path: null,
      });
    }

    return {
      schema: REPORT_SCHEMA_ID,
      repository: { root, head: history.head, analyzedAt: now.toISOString(), window: unionWindow(sourceWindows, window) },
      leadership,
      people,
      decisions,
      zone,
      insights,
      warnings,
    };
  } finally {
    // Also when the analysis fails or is cancelled: cat-file is not left waiting for names.
    await closeBlobReader();
  }
}
