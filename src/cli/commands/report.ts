// `decision-orbit [PATH] [--json | --md | --html FILE] [--since] [--until] [--config]`:
// analyse a repository and print the summary, or write the chosen format.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeRepository } from '../../core/analyze';
import { isDay } from '../../core/analysis/zone';
import { CliIo, EXIT_OK, UsageError } from '../io';
import { parseCliArgs } from '../main';
import { renderHtmlReport } from '../format/html';
import { formatJson } from '../format/json';
import { formatMarkdown } from '../format/markdown';
import { formatSummary } from '../format/summary';

const REPORT_OPTIONS = {
  json: { type: 'boolean' },
  md: { type: 'boolean' },
  html: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  config: { type: 'string' },
  'no-cache': { type: 'boolean' },
} as const;

/** The CLI's history cache: under the user's cache folder, never inside the repository. */
export function cliCacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(env.HOME ?? os.homedir(), '.cache');
  return path.join(base, 'decision-orbit');
}

function checkDate(flag: string, value: string | undefined): void {
  if (value !== undefined && !isDay(value)) {
    throw new UsageError(`--${flag} expects a date as YYYY-MM-DD, not ${JSON.stringify(value)}`);
  }
}

export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(argv, REPORT_OPTIONS);
  if (positionals.length > 1) throw new UsageError(`expected at most one PATH, got ${positionals.length}: ${positionals.join(' ')}`);
  const formats = [values.json && '--json', values.md && '--md', values.html !== undefined && '--html'].filter(Boolean);
  if (formats.length > 1) throw new UsageError(`choose one output format, not ${formats.join(' and ')}`);
  if (values.html === '') throw new UsageError('--html needs a FILE to write');
  checkDate('since', values.since);
  checkDate('until', values.until);

  const target = path.resolve(io.cwd, positionals[0] ?? '.');
  const stat = await fs.stat(target).catch(() => null);
  if (!stat?.isDirectory()) throw new Error(`${target} is not a folder`);

  const showProgress = io.stderrIsTty;
  let progressShown = false;
  const report = await analyzeRepository({
    root: target,
    env: io.env,
    ...(values['no-cache'] ? {} : { cacheDir: cliCacheDir(io.env) }),
    ...(values.config !== undefined ? { configFile: path.resolve(io.cwd, values.config) } : {}),
    ...(values.since !== undefined ? { since: values.since } : {}),
    ...(values.until !== undefined ? { until: values.until } : {}),
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
    io.stdout(formatJson(report));
  } else if (values.md) {
    io.stdout(formatMarkdown(report));
  } else {
    const colour = io.stdoutIsTty === true && io.env.NO_COLOR === undefined;
    io.stdout(formatSummary(report, { colour }));
    if (values.html !== undefined) {
      const file = path.resolve(io.cwd, values.html);
      await fs.writeFile(file, renderHtmlReport(report));
      io.stdout(`\nHTML report written to ${file}\n`);
    }
  }
  return EXIT_OK;
}
