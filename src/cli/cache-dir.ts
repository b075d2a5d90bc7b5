import os from 'node:os';
import path from 'node:path';

/** The CLI's cache folder: under the user's cache folder, never inside the repository. */
export function cliCacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(env.HOME ?? os.homedir(), '.cache');
  return path.join(base, 'decision-orbit');
}
