// Forge tokens for the CLI, from the environment as the GitHub CLI reads them:
// GITHUB_TOKEN / GH_TOKEN for github.com; GH_ENTERPRISE_TOKEN /
// GITHUB_ENTERPRISE_TOKEN only for the Enterprise host GH_HOST names, so a
// repository's config cannot send a token to a host the user did not name.
import type { ForgeAccess } from '../core/context';
import { UsageError } from './io';

const PROVIDERS = ['github'] as const;

function nonEmpty(...values: Array<string | undefined>): string | undefined {
  return values.find((value) => value !== undefined && value !== '');
}

export function envForgeAccess(env: NodeJS.ProcessEnv, provider: string | undefined): ForgeAccess {
  if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider)) {
    throw new UsageError(`--forge expects ${PROVIDERS.join(' or ')}, not ${JSON.stringify(provider)}`);
  }
  return {
    ...(provider === 'github' ? { provider } : {}),
    token: (host) => (host === 'github.com'
      ? nonEmpty(env.GITHUB_TOKEN, env.GH_TOKEN)
      : env.GH_HOST?.toLowerCase() === host.toLowerCase() ? nonEmpty(env.GH_ENTERPRISE_TOKEN, env.GITHUB_ENTERPRISE_TOKEN) : undefined),
  };
}
