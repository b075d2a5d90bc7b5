// V8's settings for the CLI's one analysis, set by the launcher before the engine's
// bundle is compiled. A cold analysis runs beside git, on as few as two cores: with
// V8's defaults, TurboFan's background compiles of functions that have run only a
// little, and the young generation's helper threads, take CPU that git's `log` and
// `cat-file` wait for: on dotcom-rendering, V8's own threads took 1.4 s of node's
// 3.2 s of CPU, against 0.35 s with these settings. Optimizing later, in the mid tier
// first where the V8 has one (Maglev), and collecting the young generation on the
// main thread shortened the cold run on each training repository and on the
// 100,000-commit history (ADR 0021). The extension host is shared with other
// extensions and keeps its defaults.
import { setFlagsFromString } from 'node:v8';

/** Eight times V8 11's default budget before a function is optimized (67,584 bytes of bytecode run). */
const V8_11_FLAGS = ['--maglev', '--interrupt-budget=540672', '--no-parallel-scavenge'];
/** V8 12 tiers through Maglev by default and counts calls instead: eight times its default 3,000. */
const V8_12_FLAGS = ['--invocation-count-for-turbofan=24000', '--no-parallel-scavenge'];

/**
 * The flags for the V8 of `v8Version` (`process.versions.v8`): Node 20's and 22's.
 * Another V8 gets none, since V8 writes an error for a flag it does not know and
 * these flags are renamed between versions.
 */
export function cliV8Flags(v8Version: string): readonly string[] {
  const major = v8Version.split('.')[0];
  if (major === '11') return V8_11_FLAGS;
  if (major === '12') return V8_12_FLAGS;
  return [];
}

/** Sets `cliV8Flags` for this process; only code compiled afterwards is affected, so it comes before the engine's bundle. */
export function useCliV8Flags(): void {
  for (const flag of cliV8Flags(process.versions.v8)) setFlagsFromString(flag);
}
