// Reads `.decision-orbit.yml` (or an explicit file), validates it with the zod schema
// and merges the host's settings under it. A bad file never stops an analysis: it
// yields ONE warning naming the key and line, and the keys in error fall back to
// their defaults.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Warning } from '../model/report';
import { configSchema, DEFAULT_CONFIG, type DecisionOrbitConfig } from './schema';
import { mergeConfigLayers } from './merge';
import { lineOfPath } from './yaml-lines';

export const CONFIG_FILE_NAME = '.decision-orbit.yml';

export interface LoadedConfig {
  config: DecisionOrbitConfig;
  /** Repository-relative path of the file read, or null when there was none. */
  file: string | null;
  warnings: Warning[];
}

export interface LoadConfigOptions {
  /** The repository root. */
  root: string;
  /** An explicit file (`--config`): absolute, or relative to the root. */
  configFile?: string;
  hostConfig?: Partial<DecisionOrbitConfig>;
  /** Unsaved editor contents by repository-relative path. */
  overlays?: ReadonlyMap<string, string>;
}

/** A config file the user named explicitly cannot be used (missing, outside the repository). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
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

async function locate(options: LoadConfigOptions): Promise<{ absolute: string; relative: string; explicit: boolean }> {
  const root = await realOrSelf(options.root);
  if (options.configFile === undefined) {
    return { absolute: path.join(root, CONFIG_FILE_NAME), relative: CONFIG_FILE_NAME, explicit: false };
  }
  const absolute = await realOrSelf(path.resolve(root, options.configFile));
  const relative = toPosix(path.relative(root, absolute));
  if (escapes(relative)) {
    throw new ConfigError(`config file ${options.configFile} is outside the repository ${root}`);
  }
  return { absolute, relative, explicit: true };
}

async function readText(options: LoadConfigOptions, where: { absolute: string; relative: string; explicit: boolean }): Promise<string | null> {
  const overlay = options.overlays?.get(where.relative);
  if (overlay !== undefined) return overlay;
  try {
    return await fs.readFile(where.absolute, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (where.explicit) throw new ConfigError(`config file ${where.relative} does not exist`);
    return null;
  }
}

function issueKey(issue: z.core.$ZodIssue): string {
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const parts = [...issue.path.map(String), ...(keys.length > 0 ? [keys[0] ?? ''] : [])];
  return parts.length > 0 ? parts.join('.') : '(top level)';
}

/** Validates, dropping top-level keys in error until the rest passes. */
function validate(raw: Record<string, unknown>): { config: DecisionOrbitConfig; issues: z.core.$ZodIssue[] } {
  const issues: z.core.$ZodIssue[] = [];
  let candidate = { ...raw };
  for (;;) {
    const result = configSchema.safeParse(candidate);
    if (result.success) return { config: result.data, issues };
    issues.push(...result.error.issues);
    const bad = new Set(result.error.issues.map((issue) => {
      const first = issue.path[0];
      if (first !== undefined) return String(first);
      return issue.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : '';
    }));
    const next = Object.fromEntries(Object.entries(candidate).filter(([key]) => !bad.has(key)));
    if (Object.keys(next).length === Object.keys(candidate).length) return { config: DEFAULT_CONFIG, issues };
    candidate = next;
  }
}

/** Parses one config text; host settings are merged under it. */
export function parseConfigText(text: string, file: string, hostConfig?: Partial<DecisionOrbitConfig>): { config: DecisionOrbitConfig; warnings: Warning[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const host = hostConfig ?? {};
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const line = syntaxError.linePos?.[0].line;
    return {
      config: validate(host).config,
      warnings: [{ code: 'config-invalid', message: `${file}${line !== undefined ? ` line ${line}` : ''}: not valid YAML (${(syntaxError.message.split('\n')[0] ?? '').replace(/\s+at line \d+, column \d+:?$/, '')}); using defaults`, path: file, ...(line !== undefined ? { line } : {}) }],
    };
  }
  const parsed: unknown = doc.toJS() ?? {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      config: validate(host).config,
      warnings: [{ code: 'config-invalid', message: `${file} line 1: expected a mapping of settings; using defaults`, path: file, line: 1 }],
    };
  }
  const merged = mergeConfigLayers(host, parsed) as Record<string, unknown>;
  const { config, issues } = validate(merged);
  const first = issues[0];
  if (!first) return { config, warnings: [] };
  const key = issueKey(first);
  const line = lineOfPath(doc, lines, first.path, first.code === 'unrecognized_keys' ? first.keys[0] : undefined);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return {
    config,
    warnings: [{
      code: 'config-invalid',
      message: `${file}${line !== undefined ? ` line ${line}` : ''}: ${key}: ${first.message}${more}; the keys in error use their defaults`,
      path: file,
      ...(line !== undefined ? { line } : {}),
    }],
  };
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

export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const where = await locate(options);
  const text = await readText(options, where);
  const file = text === null ? null : where.relative;
  const parsed = text === null
    ? parseConfigText('{}', CONFIG_FILE_NAME, options.hostConfig)
    : parseConfigText(text, where.relative, options.hostConfig);
  const confined = confineToRepository(parsed.config, file);
  return { config: confined.config, file, warnings: [...parsed.warnings, ...confined.warnings] };
}
