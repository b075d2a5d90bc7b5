// The forge part of one analysis: nothing at all unless the user turned it on;
// then the remote, the endpoint, the host's token, and an incremental read into
// the cache. It never fails the analysis: whatever stops it (offline, signed
// out, rate-limited, refused) becomes ONE warning, and the PRs read so far (or
// cached before) are still used. Only cancellation goes through.
import type { DecisionOrbitConfig } from '../config/schema';
import type { AnalysisContext } from '../context';
import type { Warning } from '../model/report';
import { ForgeCache } from './cache';
import { githubEndpoint, parseRemoteUrl, readRemoteUrl } from './remote';
import { syncPullRequests } from './sync';
import type { ForgePullRequest } from './types';

export interface ForgeReadResult {
  /** False when the forge is off: no request was made and nothing is said. */
  enabled: boolean;
  pullRequests: ForgePullRequest[];
  warning: Warning | null;
}

const OFF: ForgeReadResult = { enabled: false, pullRequests: [], warning: null };

function warning(message: string): Warning {
  return { code: 'forge-unavailable', message: `GitHub reviews ${message}`, path: null };
}

export async function readForge(
  ctx: Pick<AnalysisContext, 'forge' | 'gitPath' | 'signal' | 'gitTimeoutMs' | 'onProgress'>,
  config: Pick<DecisionOrbitConfig, 'forge'>,
  root: string,
  cacheDir: string | undefined,
): Promise<ForgeReadResult> {
  const provider = ctx.forge?.provider ?? config.forge?.provider;
  if (provider === undefined) return OFF;
  const missing = (why: string): ForgeReadResult => ({ enabled: true, pullRequests: [], warning: warning(`were not read: ${why}; who approved and who merged comes from git alone.`) });
  const remoteName = config.forge?.remote ?? 'origin';
  const url = await readRemoteUrl(root, remoteName, { gitPath: ctx.gitPath, signal: ctx.signal, timeoutMs: ctx.gitTimeoutMs });
  if (url === null) return missing(`the repository has no remote "${remoteName}" to name it on GitHub`);
  const remote = parseRemoteUrl(url);
  if (remote === null) return missing(`the remote "${remoteName}" does not name an owner and repository`);
  let endpoint;
  try {
    endpoint = githubEndpoint(remote, config.forge?.url);
  } catch (error) {
    return missing(error instanceof Error ? error.message : String(error));
  }
  const token = ctx.forge ? await ctx.forge.token(endpoint.host) : undefined;
  if (token === undefined || token === '') {
    return missing(`no token for ${endpoint.host} (CLI: set GITHUB_TOKEN or GH_TOKEN; VS Code: run Decision Orbit: Connect GitHub)`);
  }

  const progress = (message: string): void => ctx.onProgress?.({ message });
  // Loaded only when the forge is on: @octokit's user-agent probe reads `navigator`
  // as its module loads, which the extension host reports as an error on every activation.
  const { GitHubReader } = await import('./github');
  const reader = new GitHubReader({
    endpoint: endpoint.url,
    remote,
    token,
    timeoutMs: ctx.forge?.timeoutMs,
    maxWaitMs: ctx.forge?.maxWaitMs,
    onWait: ({ seconds, kind }) => progress(`GitHub ${kind} rate limit: waiting ${Math.ceil(seconds)} s for the reset, then resuming`),
  });
  const cache = new ForgeCache(cacheDir, reader.repository);
  const result = await syncPullRequests(reader, cache, { signal: ctx.signal, onProgress: progress });
  const problems: string[] = [];
  if (result.error) {
    const kept = result.pullRequests.length;
    problems.push(`are incomplete: ${result.error.message}; ${kept === 0 ? 'none were read' : `${kept.toLocaleString('en-US')} PRs read or cached are used`}, the rest comes from git alone`);
  }
  if (cache.writeError !== null) problems.push(`could not be cached (${cache.writeError}): the next analysis reads them again`);
  return { enabled: true, pullRequests: result.pullRequests, warning: problems.length === 0 ? null : warning(`${problems.join('; they also ')}.`) };
}
