// What the git layer needs from a host for one read, and nothing else: the git
// layer knows nothing of configuration, records or the analysis that called it.

export interface GitProgress {
  message: string;
}

export interface GitContext {
  /** The git executable; `git` from PATH when not set. */
  gitPath?: string;
  /** The environment git runs in (the safety variables are set over it); the host's own when absent. */
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Milliseconds before git is stopped. */
  timeoutMs?: number;
  onProgress?: (progress: GitProgress) => void;
  /** Where to keep the history cache; never inside the repository. No cache when absent. */
  cacheDir?: string;
}
