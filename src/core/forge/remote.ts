// Where a repository lives on its forge: owner and name from a remote's URL, and
// the GraphQL endpoint of github.com or of a GitHub Enterprise Server.
import type { GitRunOptions } from '../git/run';
import { runShortGit } from '../git/short-call';

export interface ForgeRemote {
  /** The host the remote names (`github.com`, `ghe.example.com`), without credentials. */
  host: string;
  owner: string;
  name: string;
}

const SCP_LIKE = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/;

/** `https://github.com/o/n.git`, `git@github.com:o/n.git`, `ssh://git@host:22/o/n`: owner and name are the last two path segments. */
export function parseRemoteUrl(url: string): ForgeRemote | null {
  const trimmed = url.trim();
  let host: string;
  let path: string;
  const scp = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? null : SCP_LIKE.exec(trimmed);
  if (scp) {
    host = scp[1] ?? '';
    path = scp[2] ?? '';
  } else {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return null;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol)) return null;
    host = parsed.hostname;
    path = decodeURIComponent(parsed.pathname);
  }
  const segments = path.replace(/\/+$/, '').replace(/\.git$/, '').split('/').filter((s) => s !== '');
  const name = segments[segments.length - 1];
  const owner = segments[segments.length - 2];
  const valid = (s: string | undefined): s is string => s !== undefined && /^[\w.-]+$/.test(s) && s !== '.' && s !== '..';
  if (!valid(owner) || !valid(name) || !/^[\w.-]+$/.test(host)) return null;
  return { host: host.toLowerCase(), owner, name };
}

/** The URL of `remote` (default `origin`), read through the short-call runner and its safety flags; null when unset. */
export async function readRemoteUrl(
  root: string, remote: string, options: Pick<GitRunOptions, 'gitPath' | 'signal' | 'timeoutMs'>,
): Promise<string | null> {
  if (!/^[\w.-]+$/.test(remote)) return null;
  const result = await runShortGit(['config', '--get', `remote.${remote}.url`], { ...options, cwd: root, okExitCodes: [1] });
  const url = result.stdout.trim();
  return result.exitCode === 0 && url !== '' ? url : null;
}

export interface ForgeEndpoint {
  /** The GraphQL URL. */
  url: string;
  /** The host a token is asked for (`github.com` for github.com). */
  host: string;
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/**
 * github.com's API, or `<url>/api/graphql` for a GitHub Enterprise Server named
 * in the config (or guessed from a remote on another host). Plain http only to
 * loopback: a token never crosses a network in clear text.
 */
export function githubEndpoint(remote: ForgeRemote, configuredUrl: string | undefined): ForgeEndpoint {
  if (configuredUrl === undefined && remote.host === 'github.com') return { url: 'https://api.github.com/graphql', host: 'github.com' };
  const base = new URL(configuredUrl ?? `https://${remote.host}`);
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && isLoopback(base.hostname))) {
    throw new Error(`forge.url must use https (${base.protocol} would send the token in clear text)`);
  }
  if (base.hostname === 'github.com' || base.hostname === 'api.github.com') return { url: 'https://api.github.com/graphql', host: 'github.com' };
  return { url: `${base.origin}${base.pathname.replace(/\/+$/, '')}/api/graphql`, host: base.host };
}
