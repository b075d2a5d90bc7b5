// `decision-orbit`'s entry (dist/cli.js): runs the engine's bundle (dist/cli-engine.js)
// with V8 set for one analysis (v8-settings.ts), compiled from V8's code kept in the
// cache folder by the last analysis when there is one, else from the code the build
// kept beside the engine (code-cache.ts), and keeps it after an analysis that had to
// compile it. Holds no more than that, so it starts in
// a few milliseconds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { optionsOf } from './args';
import { cliCacheDir } from './cache-dir';
import { codeCacheFile, readCodeCache, sha256, writeCodeCache } from './code-cache';
import { useCliV8Flags } from './v8-settings';

const ENGINE = path.join(__dirname, 'cli-engine.js');

interface Engine {
  runProcess: (argv: string[], engineSha256: string) => Promise<number>;
  runsAnalysis: (argv: readonly string[]) => boolean;
}

type ModuleWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

function isEngine(value: unknown): value is Engine {
  const engine = value as Partial<Engine> | null;
  return typeof engine?.runProcess === 'function' && typeof engine.runsAnalysis === 'function';
}

/** The engine's exports, evaluated as Node evaluates a CommonJS module. */
function evaluate(script: vm.Script): Engine {
  const engineModule = { exports: {} };
  const wrapper = script.runInThisContext() as ModuleWrapper;
  wrapper.call(engineModule.exports, engineModule.exports, createRequire(ENGINE), engineModule, ENGINE, path.dirname(ENGINE));
  if (!isEngine(engineModule.exports)) throw new Error(`${ENGINE} is not the decision-orbit engine: build it again`);
  return engineModule.exports;
}

async function launch(argv: string[]): Promise<void> {
  useCliV8Flags();
  const bytes = readFileSync(ENGINE);
  const engineHash = sha256(bytes);
  const source = bytes.toString('utf8');
  // `--no-cache` leaves the cache folder alone, this file included.
  const file = optionsOf(argv).includes('--no-cache') ? undefined : codeCacheFile(cliCacheDir(process.env), engineHash);
  const cachedData = (file === undefined ? undefined : readCodeCache(file, engineHash)) ?? readCodeCache(codeCacheFile(__dirname, engineHash), engineHash, 'built');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: ENGINE, cachedData });
  const engine = evaluate(script);
  const code = await engine.runProcess(argv, engineHash);
  const compiled = cachedData === undefined || script.cachedDataRejected === true;
  // Made after the run, so it holds every function the analysis compiled on the way.
  if (file !== undefined && compiled && code === 0 && engine.runsAnalysis(argv)) {
    await writeCodeCache(file, engineHash, script.createCachedData()).catch(() => undefined);
  }
}

launch(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`decision-orbit: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
