// `decision-orbit [PATH] [--json [--schema v1] | --md | --html FILE] [--since] [--until] [--config]`:
// analyse a repository and print the summary, or write the chosen format.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { analyzeRepository } from '../../core/analyze';
import { isDay } from '../../rules/zone-window';
import { cliCacheDir } from '../cache-dir';
import { envForgeAccess } from '../forge-token';
import { CliIo, EXIT_OK, UsageError } from '../io';
import { parseCliArgs } from '../args';
import { checkOutputFile, writeOutputFile } from '../output-file';
import { renderHtmlReport } from '../../present/html';
import { formatJson, isJsonSchema, JSON_SCHEMAS, type JsonSchema } from '../../present/json';
import { formatMarkdown } from '../../present/markdown';
import { formatSummary } from '../../present/summary';

const REPORT_OPTIONS = {
  json: { type: 'boolean' },
  md: { type: 'boolean' },
  html: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  config: { type: 'string' },
  'no-cache': { type: 'boolean' },
  forge: { type: 'string' },
  schema: { type: 'string' },
} as const;

function checkDate(flag: string, value: string | undefined): void {
  if (value !== undefined && !isDay(value)) {
    throw new UsageError(`--${flag} expects a date as YYYY-MM-DD, not ${JSON.stringify(value)}`);
  }
}

/** The window the flags ask for must not end before it starts (`--until` defaults to today). */
function checkWindow(since: string | undefined, until: string | undefined): void {
  const end = until ?? new Date().toISOString().slice(0, 10);
  if (since !== undefined && since > end) {
    throw new UsageError(`--since ${since} is after ${until === undefined ? `today (${end})` : `--until ${until}`}: the window would be empty`);
  }
}

/** PATH must be an existing folder; said before git is asked anything. */
async function checkTarget(target: string): Promise<void> {
  const stat = await fs.stat(target).catch(() => null);
  if (!stat) throw new Error(`${target} does not exist: give the folder of a git repository as PATH`);
  if (!stat.isDirectory()) throw new Error(`${target} is not a folder: give the folder of a git repository as PATH`);
}

/** `--schema` names a JSON shape, so it goes with `--json` only. */
function checkSchema(schema: string | undefined, json: boolean | undefined): JsonSchema {
  if (schema === undefined) return 'v2';
  if (!isJsonSchema(schema)) throw new UsageError(`--schema expects one of ${JSON_SCHEMAS.join(', ')}, not ${JSON.stringify(schema)}`);
  if (json !== true) throw new UsageError('--schema applies to --json only');
  return schema;
}

async function checkConfigFile(file: string): Promise<void> {
  if (!(await fs.stat(file).catch(() => null))) throw new UsageError(`--config ${file} does not exist`);
}

export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(argv, REPORT_OPTIONS);
  if (positionals.length > 1) throw new UsageError(`expected at most one PATH, got ${positionals.length}: ${positionals.join(' ')}`);
  const formats = [values.json && '--json', values.md && '--md', values.html !== undefined && '--html'].filter(Boolean);
  if (formats.length > 1) throw new UsageError(`choose one output format, not ${formats.join(' and ')}`);
  if (values.html === '') throw new UsageError('--html needs a FILE to write');
  if (values.config === '') throw new UsageError('--config needs a FILE to read');
  const schema = checkSchema(values.schema, values.json);
  checkDate('since', values.since);
  checkDate('until', values.until);
  const forge = envForgeAccess(io.env, values.forge);
  checkWindow(values.since, values.until);
  const configFile = values.config !== undefined ? path.resolve(io.cwd, values.config) : undefined;
  if (configFile !== undefined) await checkConfigFile(configFile);
  const htmlFile = values.html !== undefined ? path.resolve(io.cwd, values.html) : undefined;
  if (htmlFile !== undefined) await checkOutputFile('--html', htmlFile);

  const target = path.resolve(io.cwd, positionals[0] ?? '.');
  await checkTarget(target);

  const showProgress = io.stderrIsTty;
  let progressShown = false;
  const report = await analyzeRepository({
    root: target,
    env: io.env,
    ...(values['no-cache'] ? {} : { cacheDir: cliCacheDir(io.env) }),
    ...(configFile !== undefined ? { configFile } : {}),
    ...(values.since !== undefined ? { since: values.since } : {}),
    ...(values.until !== undefined ? { until: values.until } : {}),
    forge,
    ...(showProgress ? {
      onProgress: ({ message }): void => {
        progressShown = true;
        io.stderr(`\r\x1b[K${message}…`);
      },
    } : {}),
  }).finally(() => {
    if (progressShown) io.stderr('\r\x1b[K');
  });

  if (values.json) {
    io.stdout(formatJson(report, schema));
  } else if (values.md) {
    io.stdout(formatMarkdown(report));
  } else {
    // Written before the summary, so that the summary never reads as success when the write failed.
    if (htmlFile !== undefined) await writeOutputFile(htmlFile, renderHtmlReport(report));
    const colour = io.stdoutIsTty === true && io.env.NO_COLOR === undefined;
    io.stdout(formatSummary(report, { colour }));
    if (htmlFile !== undefined) io.stdout(`\nHTML report written to ${htmlFile}\n`);
  }
  return EXIT_OK;
}
