// The GitHub reader: merged PRs through GraphQL (@octokit/graphql), a batch of
// PRs per query, for github.com and GitHub Enterprise Server. Rate limits wait
// for the reset the server names (up to a cap, cancellable) and resume; every
// failure becomes a ForgeError whose message never holds the token.
import { graphql, GraphqlResponseError } from '@octokit/graphql';
import { GITHUB_PAGE_SIZE, MERGED_PULL_REQUESTS_QUERY, mergedPullRequestsResponseSchema, pullRequestsOfResponse } from './github-query';
import type { ForgeRemote } from './remote';
import { ForgeError, type ForgePage, type ForgeReader } from './types';
import { cancellableDelay } from './wait';

export interface RateLimitWait {
  /** Seconds until the server said to try again. */
  seconds: number;
  kind: 'primary' | 'secondary';
}

export interface GitHubReaderOptions {
  endpoint: string;
  remote: ForgeRemote;
  token: string;
  /** Milliseconds per request before it is given up (default 30 s). */
  timeoutMs?: number;
  /** The longest rate-limit wait before giving up (default 15 min). */
  maxWaitMs?: number;
  pageSize?: number;
  /** Told before each rate-limit wait. */
  onWait?: (wait: RateLimitWait) => void;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_WAIT_MS = 15 * 60_000;
/** A secondary limit without Retry-After: GitHub asks for at least a minute. */
const SECONDARY_FALLBACK_S = 60;

type Headers = Record<string, string | number | undefined>;

function headerNumber(headers: Headers | undefined, name: string): number | null {
  const value = headers?.[name];
  const number = typeof value === 'number' ? value : Number.parseFloat(value ?? '');
  return Number.isFinite(number) ? number : null;
}

/**
 * The wait a rate-limited answer names, or null when the answer is no rate limit.
 * `saysRateLimited`: the body says so (GraphQL's RATE_LIMITED, or a 403 whose
 * message names a rate limit but that carries no header).
 */
function rateLimitWait(status: number, headers: Headers | undefined, saysRateLimited: boolean, now: number): RateLimitWait | null {
  const limited = status === 403 || status === 429;
  const retryAfter = headerNumber(headers, 'retry-after');
  if (retryAfter !== null && limited) return { seconds: Math.max(0, retryAfter), kind: 'secondary' };
  const remaining = headerNumber(headers, 'x-ratelimit-remaining');
  const reset = headerNumber(headers, 'x-ratelimit-reset');
  if ((saysRateLimited || limited) && remaining === 0 && reset !== null) return { seconds: Math.max(0, Math.ceil(reset - now / 1000)), kind: 'primary' };
  if (saysRateLimited) return { seconds: SECONDARY_FALLBACK_S, kind: status === 200 ? 'primary' : 'secondary' };
  return null;
}

interface HttpFailure {
  status: number;
  headers: Headers | undefined;
  message: string;
}

function httpFailureOf(error: unknown): HttpFailure | null {
  if (typeof error !== 'object' || error === null || !('status' in error) || typeof error.status !== 'number') return null;
  const response = 'response' in error ? (error.response as { headers?: Headers; data?: unknown } | undefined) : undefined;
  // No response at all: the request never got an answer (a dropped connection, DNS, a refused port).
  if (!response) return { status: 0, headers: undefined, message: error instanceof Error ? error.message : 'no answer' };
  const data = typeof response.data === 'string' ? response.data : JSON.stringify(response.data ?? '');
  return { status: error.status, headers: response.headers, message: data };
}

export class GitHubReader implements ForgeReader {
  readonly repository: string;
  private readonly client: typeof graphql;

  constructor(private readonly options: GitHubReaderOptions) {
    this.repository = `${new URL(options.endpoint).host}/${options.remote.owner}/${options.remote.name}`;
    this.client = graphql.defaults({
      url: options.endpoint,
      headers: { authorization: `bearer ${options.token}`, 'user-agent': 'decision-orbit' },
      request: { fetch: options.fetch ?? globalThis.fetch },
    });
  }

  async mergedPullRequests(cursor: string | null, signal?: AbortSignal): Promise<ForgePage> {
    const maxWaitMs = this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    for (;;) {
      const outcome = await this.request(cursor, signal);
      if ('page' in outcome) return outcome.page;
      const { wait } = outcome;
      if (wait.seconds * 1000 > maxWaitMs) {
        throw new ForgeError('RateLimited', `GitHub's rate limit resets in ${formatSeconds(wait.seconds)}, longer than the ${formatSeconds(maxWaitMs / 1000)} we wait`);
      }
      this.options.onWait?.(wait);
      await cancellableDelay(wait.seconds * 1000, signal);
    }
  }

  private async request(cursor: string | null, signal: AbortSignal | undefined): Promise<{ page: ForgePage } | { wait: RateLimitWait }> {
    signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let data: unknown;
    try {
      data = await this.client(MERGED_PULL_REQUESTS_QUERY, {
        owner: this.options.remote.owner,
        name: this.options.remote.name,
        first: this.options.pageSize ?? GITHUB_PAGE_SIZE,
        after: cursor,
        request: { signal: combined },
      });
    } catch (error) {
      if (signal?.aborted) throw new ForgeError('Cancelled', 'the analysis was cancelled');
      if (timeout.aborted) throw new ForgeError('Timeout', `GitHub did not answer within ${formatSeconds((this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)}`);
      return { wait: this.failure(error) };
    }
    const parsed = mergedPullRequestsResponseSchema.safeParse(data);
    if (!parsed.success) throw new ForgeError('BadResponse', 'GitHub answered in a shape we do not know');
    const page = pullRequestsOfResponse(parsed.data);
    if (!page) throw this.notFound();
    return { page };
  }

  /** A rate limit to wait for, or the ForgeError thrown. */
  private failure(error: unknown): RateLimitWait {
    const now = Date.now();
    if (error instanceof GraphqlResponseError) {
      const types = (error.errors ?? []).map((e) => (e as { type?: string }).type);
      const wait = rateLimitWait(200, error.headers as Headers, types.includes('RATE_LIMITED'), now);
      if (wait) return wait;
      if (types.includes('NOT_FOUND')) throw this.notFound();
      throw new ForgeError('BadResponse', `GitHub answered with an error: ${this.redact((error.errors ?? []).map((e) => e.message).join('; ')).slice(0, 300)}`);
    }
    const http = httpFailureOf(error);
    if (!http) throw new ForgeError('Network', 'GitHub could not be reached');
    if (http.status === 0) throw new ForgeError('Network', `GitHub could not be reached (${this.redact(http.message).slice(0, 120)})`);
    if (http.status === 401) throw new ForgeError('Unauthorized', 'GitHub refused the token (401 Unauthorized): sign in again or use a valid token');
    const wait = rateLimitWait(http.status, http.headers, /rate limit/i.test(http.message), now);
    if (wait) return wait;
    if (http.status === 403) throw new ForgeError('Unauthorized', `GitHub denied access to ${this.repository} (403 Forbidden): the token may lack the repo scope`);
    if (http.status === 404) throw this.notFound();
    throw new ForgeError('Network', `GitHub answered ${http.status}`);
  }

  /** Text from the server or the network, with the token taken out should it echo it. */
  private redact(text: string): string {
    return text.split(this.options.token).join('[token]');
  }

  private notFound(): ForgeError {
    return new ForgeError('NotFound', `GitHub does not know ${this.repository}, or the token may not read it`);
  }
}

function formatSeconds(seconds: number): string {
  return seconds >= 90 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds)} s`;
}
