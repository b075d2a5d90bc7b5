// What a host (the CLI or the VS Code extension) hands the core for one analysis.
// The core never reaches for globals the host did not give it.
import type { DecisionOrbitConfig } from './config/schema';
import type { AnalysisCache } from './analysis-cache';

export interface AnalysisProgress {
  message: string;
  /** 0..1 when known. */
  fraction?: number;
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
}
