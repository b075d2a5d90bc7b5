// Where the labelled repositories are on this machine, and what git says about
// the labelled units (their commits), read with the engine's own safe git runner.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runGit } from '../../src/core/git';
import { corpusFileSchema, type CorpusFile } from './types';
import type { UnitCommits } from './grade';

/** `DECISION_ORBIT_CORPUS` holds one folder per repository name. */
export const CORPUS_ENV = 'DECISION_ORBIT_CORPUS';

/** `DECISION_ORBIT_CORPUS_GOVUK_AWS` for `govuk-aws`: one repository elsewhere, winning over the shared folder. */
export function repositoryEnvName(repository: string): string {
  return `${CORPUS_ENV}_${repository.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

export function readLabelFiles(dir: string): CorpusFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = corpusFileSchema.safeParse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`bench/corpus/${f} does not follow bench/corpus/types.ts: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      if (`${parsed.data.repository}.json` !== f) throw new Error(`bench/corpus/${f} labels "${parsed.data.repository}"; the file must be named after it`);
      return parsed.data;
    });
}

/** The repository's working tree, or null (with where it was looked for) when absent. */
export function locateRepository(repository: string, env: NodeJS.ProcessEnv): { root: string | null; looked: string } {
  const own = env[repositoryEnvName(repository)];
  const shared = env[CORPUS_ENV];
  const candidate = own ?? (shared === undefined ? undefined : path.join(shared, repository));
  if (candidate === undefined) return { root: null, looked: `neither ${repositoryEnvName(repository)} nor ${CORPUS_ENV} is set` };
  return existsSync(path.join(candidate, '.git')) ? { root: candidate, looked: candidate } : { root: null, looked: `${candidate} (no git repository there)` };
}

async function git(root: string, args: readonly string[]): Promise<string> {
  return (await runGit(args, { cwd: root })).stdout;
}

export async function headOf(root: string): Promise<string> {
  return (await git(root, ['rev-parse', 'HEAD'])).trim();
}

/**
 * Each labelled unit's commits. Every labelled sha must be a first-parent commit of
 * HEAD: otherwise the labels are of another history and nothing can be measured.
 */
export async function unitCommits(root: string, labels: CorpusFile): Promise<UnitCommits> {
  const parentsOf = new Map<string, string[]>();
  for (const line of (await git(root, ['rev-list', '--first-parent', '--parents', 'HEAD'])).split('\n')) {
    const [sha, ...parents] = line.trim().split(' ');
    if (sha) parentsOf.set(sha, parents);
  }
  const wanted = [...new Set([...labels.signals.map((s) => s.sha), ...labels.involvement.flatMap((i) => (i.decision.source === 'git' ? [i.decision.sha] : []))])];
  const units = new Map<string, ReadonlySet<string>>();
  for (const sha of wanted) {
    const parents = parentsOf.get(sha);
    if (parents === undefined) throw new Error(`${labels.repository}: labelled unit ${sha} is not a first-parent commit of HEAD here`);
    const [first, second] = parents;
    const branch = first !== undefined && second !== undefined ? (await git(root, ['rev-list', `${first}..${sha}`])).split('\n').filter(Boolean) : [];
    units.set(sha, new Set([sha, ...branch]));
  }
  return units;
}
