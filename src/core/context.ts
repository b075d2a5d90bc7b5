// What a host (the CLI or the VS Code extension) hands the core for one analysis.
// The core never reaches for globals the host did not give it.
import type { DecisionOrbitConfig } from './config/schema';
import type { AnalysisCache } from './analysis-cache';

export interface AnalysisProgress {
  message: string;
  /** 0..1 when known. */
  fraction?: number;
  /** Once history is read: the commits git had to read (0 when the cache held HEAD), and those the analysis keeps. */
  history?: { read: number; kept: number };
}

/** What the host lends the core to read a forge; the core never reads the environment itself. */
export interface ForgeAccess {
  /** Turns forge reviews on for this analysis (`--forge github`); the config's `forge:` also does. */
  provider?: 'github';
  /** The token for a forge host (`github.com`, `ghe.example.com`): kept in memory only, never written or shown. */
  token(host: string): Promise<string | undefined> | string | undefined;
  /** Milliseconds per request before it is given up. */
  timeoutMs?: number;
  /** The longest rate-limit wait before the read stops with what it has. */
  maxWaitMs?: number;
}

export interface AnalysisContext {
  /** Absolute path of the repository's working tree root (or a folder inside it). */
  root: string;
  /** The git executable; `git` from PATH when not set. */
  gitPath?: string;
  /** The environment git runs in; the host process's own when absent. */
  env?: NodeJS.ProcessEnv;
  /** Where to keep the incremental cache; never inside the repository. No cache when absent. */
  cacheDir?: string;
  /** What a long-lived host keeps between analyses; one made from cacheDir for this analysis when absent. */
  cache?: AnalysisCache;
  /** Settings from the host (VS Code settings); `.decision-orbit.yml` wins key by key. */
  hostConfig?: Partial<DecisionOrbitConfig>;
  /** An explicit config file (`--config`). */
  configFile?: string;
  since?: string;
  until?: string;
  /** "Now", so that windows and activity are reproducible in tests. */
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (progress: AnalysisProgress) => void;
  /** Unsaved editor contents by repository-relative path, read instead of the disk. */
  overlays?: ReadonlyMap<string, string>;
  /** Milliseconds before git is stopped. */
  gitTimeoutMs?: number;
  /** Forge access (tokens); no request leaves the machine without it and an opt-in. */
  forge?: ForgeAccess;
}
