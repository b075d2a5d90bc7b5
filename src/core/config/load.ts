// Reads `.decision-orbit.yml` (or an explicit file), validates it with the zod schema
// and merges the host's settings under it. A file with errors is refused whole
// (ConfigError, every problem with its line): the keys in error never quietly
// fall back to defaults, which would change verdicts without a word.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod';
import type { Warning } from '../model/report';
import { configSchema, type DecisionOrbitConfig } from './schema';
import { mergeConfigLayers } from './merge';
import { ConfigError, type ConfigProblem } from './problems';
import { rosterConflicts, type RosterSection } from './roster-conflicts';
import { lineOfPath } from './yaml-lines';

export { ConfigError, formatConfigProblem, type ConfigProblem } from './problems';

export const CONFIG_FILE_NAME = '.decision-orbit.yml';

export interface LoadedConfig {
  config: DecisionOrbitConfig;
  /** Repository-relative path of the file read (absolute for an explicit file outside), or null when there was none. */
  file: string | null;
  warnings: Warning[];
}

export interface LoadConfigOptions {
  /** The repository root. */
  root: string;
  /** An explicit file (`--config`): absolute, or relative to the root. It may live anywhere. */
  configFile?: string;
  hostConfig?: Partial<DecisionOrbitConfig>;
  /** Unsaved editor contents by repository-relative path. */
  overlays?: ReadonlyMap<string, string>;
}

interface Location {
  absolute: string;
  /** Repository-relative when inside the repository, else absolute. */
  shown: string;
  explicit: boolean;
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

function escapes(relative: string): boolean {
  return relative === '..' || relative.startsWith('../') || path.isAbsolute(relative);
}

async function realOrSelf(file: string): Promise<string> {
  return fs.realpath(file).catch(() => path.resolve(file));
}

async function locate(options: LoadConfigOptions, root: string): Promise<Location> {
  if (options.configFile === undefined) {
    return { absolute: path.join(root, CONFIG_FILE_NAME), shown: CONFIG_FILE_NAME, explicit: false };
  }
  // The user's own argument: a roster shared by many repositories lives outside each of them.
  const absolute = path.resolve(root, options.configFile);
  const relative = toPosix(path.relative(root, await realOrSelf(absolute)));
  return { absolute, shown: escapes(relative) ? absolute : relative, explicit: true };
}

const READ_FAILURES: Record<string, string> = {
  EISDIR: 'is a folder, not a config file',
  EACCES: 'cannot be read (permission denied)',
  EPERM: 'cannot be read (permission denied)',
};

/** The text of the file, null when the repository has none; a file that cannot be used is a ConfigError. */
async function readText(options: LoadConfigOptions, root: string, where: Location): Promise<string | null> {
  const overlay = where.explicit ? undefined : options.overlays?.get(where.shown);
  if (overlay !== undefined) return overlay;
  const refuse = (message: string): never => {
    throw new ConfigError(where.absolute, where.shown, [{ message }]);
  };
  if (!where.explicit) {
    // The repository's own file is confined to it: a link out of it is not followed.
    const real = await fs.realpath(where.absolute).catch(() => null);
    if (real !== null && escapes(path.relative(root, real))) refuse('is a link to a file outside the repository; it is not read');
  }
  try {
    return await fs.readFile(where.absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT' && !where.explicit) return null;
    return refuse(code === 'ENOENT' ? 'does not exist' : (READ_FAILURES[code] ?? `cannot be read (${code || String(error)})`));
  }
}

function withLine(line: number | undefined, message: string): ConfigProblem {
  return line === undefined ? { message } : { line, message };
}

function keyPath(parts: readonly PropertyKey[]): string {
  return parts.map(String).join('.');
}

/** One problem per zod issue, and one per unknown key, each at its line. */
function schemaProblems(issues: readonly z.core.$ZodIssue[], doc: Document, lines: LineCounter): ConfigProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => withLine(lineOfPath(doc, lines, issue.path, key), `${keyPath([...issue.path, key])}: unknown key`));
    }
    const where = issue.path.length > 0 ? `${keyPath(issue.path)}: ` : '';
    return [withLine(lineOfPath(doc, lines, issue.path), `${where}${issue.message}`)];
  });
}

function rosterSections(file: Record<string, unknown>, config: DecisionOrbitConfig): RosterSection[] {
  // Only what the file itself lists has lines to name; entries from settings are checked where they are typed.
  return [
    ...('leadership' in file ? [{ key: 'leadership' as const, entries: config.leadership }] : []),
    ...('people' in file ? [{ key: 'people' as const, entries: config.people }] : []),
  ];
}

export type ParsedConfig = { config: DecisionOrbitConfig; problems?: undefined } | { config?: undefined; problems: ConfigProblem[] };

/** Parses one config text; host settings are merged under it. Either a config or its problems, never both. */
export function parseConfigText(text: string, hostConfig?: Partial<DecisionOrbitConfig>): ParsedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((error) => withLine(error.linePos?.[0].line, `not valid YAML: ${(error.message.split('\n')[0] ?? '').replace(/\s+at line \d+, column \d+:?$/, '')}`)) };
  }
  const parsed: unknown = doc.toJS() ?? {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { problems: [{ line: 1, message: 'expected a mapping of settings (key: value)' }] };
  }
  const file = parsed as Record<string, unknown>;
  const result = configSchema.safeParse(mergeConfigLayers(hostConfig ?? {}, file));
  if (!result.success) return { problems: schemaProblems(result.error.issues, doc, lines) };
  const problems = rosterConflicts(rosterSections(file, result.data), (at) => lineOfPath(doc, lines, at));
  return problems.length > 0 ? { problems } : { config: result.data };
}

/** Drops configured paths and globs that point outside the repository. */
function confineToRepository(config: DecisionOrbitConfig, file: string | null): { config: DecisionOrbitConfig; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const inside = (pattern: string, key: string): boolean => {
    const normal = path.posix.normalize(pattern.replace(/\\/g, '/'));
    if (!escapes(normal) && !pattern.startsWith('/')) return true;
    warnings.push({ code: 'config-path-outside', message: `${key}: ${JSON.stringify(pattern)} points outside the repository and is ignored`, path: file });
    return false;
  };
  const adrPaths = config.adr.paths?.filter((p) => inside(p, 'adr.paths'));
  const areas = Object.fromEntries(Object.entries(config.areas).map(([area, globs]) => [area, globs.filter((g) => inside(g, `areas.${area}`))]));
  const signals = Object.fromEntries(Object.entries(config.signals).map(([kind, rule]) => [
    kind,
    rule.paths ? { ...rule, paths: rule.paths.filter((g) => inside(g, `signals.${kind}.paths`)) } : rule,
  ]));
  return { config: { ...config, adr: { ...config.adr, ...(adrPaths ? { paths: adrPaths } : {}) }, areas, signals }, warnings };
}

/** The config for an analysis; throws ConfigError when the file cannot be read or has any problem. */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const root = await realOrSelf(options.root);
  const where = await locate(options, root);
  const text = await readText(options, root, where);
  const parsed = parseConfigText(text ?? '{}', options.hostConfig);
  if (parsed.problems) throw new ConfigError(where.absolute, where.shown, parsed.problems);
  const file = text === null ? null : where.shown;
  const confined = confineToRepository(parsed.config, file);
  return { config: confined.config, file, warnings: confined.warnings };
}
