// `architecture` signals: a commit that brings a new top-level directory or a new
// workspace package of source code. Documentation folders, dot-directories, ADR
// files and files another kind covers do not make one.
import { addFolders } from '../git/folders';
import { globToRegExp } from './glob';
import { folderPattern, inNonProductFolder } from './non-product';

const DOC_DIRS = new Set(['doc', 'docs', 'documentation', 'adr', 'adrs', 'decisions']);
/** Folders that hold no product code: tests, fixtures, examples, samples, vendored code, and also specs, demos, benchmarks and stories. */
const NON_PRODUCT_DIR = folderPattern(['specs?', 'demos?', 'benchmarks?', 'bench', 'stories', 'storybook']);
/** Test files by their own names: `*_test.go`, `*.test.ts`, `*.spec.js`, `test_x.py`, `XTest.java`, `XTests.cs`. */
const TEST_FILE = /(?:_test\.go|\.(?:test|spec|stories)\.[cm]?[jt]sx?|(?:^|\/)test_[^/]*\.py|_test\.py|Tests?\.(?:java|kt|cs|scala|swift))$/;
/** A new module holds at least this many source files when it arrives: one file is an experiment, not a module. */
const MIN_MODULE_FILES = 2;
/** Source code, as opposed to docs, data and settings files (JSON, YAML, Markdown, images). */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|go|rs|java|kts?|scala|groovy|rb|php|cs|fs|c|h|cc|cpp|cxx|hpp|m|mm|swift|dart|exs?|erl|hs|clj[sc]?|lua|pl|r|jl|vue|svelte|sh|zig|nim|mli?|elm|sol|sql)$/i;

export interface ArchitectureRules {
  /** Workspace package globs (`services/*`), from the root manifest and config. */
  packageGlobs: readonly string[];
  /** True for files another signal kind covers, and for ADR files. */
  isCovered: (path: string) => boolean;
}

interface PackageGlob {
  /** How many folders deep the glob's packages lie. */
  depth: number;
  matcher: RegExp;
}

const packageGlobs = new Map<string, PackageGlob>();

function packageGlob(glob: string): PackageGlob {
  let known = packageGlobs.get(glob);
  if (known === undefined) {
    const bare = glob.replace(/\/$/, '');
    packageGlobs.set(glob, (known = { depth: bare.split('/').length, matcher: globToRegExp(bare) }));
  }
  return known;
}

/** Where the path's first `depth` folders end (the slash after them), or -1 when nothing lies below them. */
function endOfFolders(path: string, depth: number): number {
  let end = -1;
  for (let folder = 0; folder < depth; folder += 1) {
    end = path.indexOf('/', end + 1);
    if (end === -1) return -1;
  }
  return end;
}

/** The workspace package folder a path lives in, when a package glob names one. */
export function packageRootOf(path: string, globs: readonly string[]): string | null {
  // Asked for every file of every commit: the globs are read once, and the path is not split.
  for (const glob of globs) {
    const { depth, matcher } = packageGlob(glob);
    const end = endOfFolders(path, depth);
    if (end === -1) continue;
    const candidate = path.slice(0, end);
    if (matcher.test(candidate)) return candidate;
  }
  return null;
}

function isSourceFile(path: string, rules: ArchitectureRules): boolean {
  // The file's own name first: one that is no source, or a test, needs no split.
  if (!CODE_FILE.test(path) || TEST_FILE.test(path)) return false;
  const slash = path.indexOf('/');
  const top = slash === -1 ? path : path.slice(0, slash);
  return !top.startsWith('.') && !DOC_DIRS.has(top.toLowerCase()) && !inNonProductFolder(path, NON_PRODUCT_DIR) && !rules.isCovered(path);
}

/**
 * Tracks which folders history has already seen, commit by commit, oldest first;
 * `newModules` answers which new modules (top-level folders or packages) a commit brings.
 */
export class ModuleTracker {
  private readonly seen = new Set<string>();

  constructor(private readonly rules: ArchitectureRules) {}

  newModules(addedPaths: readonly string[]): string[] {
    const files = new Map<string, number>();
    const count = (module: string): void => {
      if (!this.seen.has(module)) files.set(module, (files.get(module) ?? 0) + 1);
    };
    for (const path of addedPaths) {
      if (!path.includes('/') || !isSourceFile(path, this.rules)) continue;
      count(path.slice(0, path.indexOf('/')));
      const pkg = packageRootOf(path, this.rules.packageGlobs);
      if (pkg !== null) count(pkg);
    }
    for (const path of addedPaths) addFolders(path, this.seen);
    return [...files].filter(([, n]) => n >= MIN_MODULE_FILES).map(([module]) => module).sort();
  }
}
