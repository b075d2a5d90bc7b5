// `decision-orbit`: the command line on top of src/core. One clear line on stderr
// for every failure: exit 2 for bad usage (a broken config file included, with
// every problem on a line of its own), 1 for an analysis error.
import '../zod-jitless';
import path from 'node:path';
import { ConfigError, formatConfigProblem } from '../core/config/problems';
import { knowEngineBuild } from '../core/util/cache-file';
import { optionsOf } from './args';
import { CliIo, EXIT_ANALYSIS_ERROR, EXIT_OK, EXIT_USAGE, UsageError } from './io';
import { HELP_TEXT, VERSION } from './usage';

type Subcommand = (argv: string[], io: CliIo) => Promise<number>;

// Loaded when run: the bundle keeps each command's modules (the analysis, the
// record writers) unevaluated until then, so `--version` and `--help` start none.
const SUBCOMMANDS = {
  tag: async () => (await import('./commands/tag')).runTag,
  new: async () => (await import('./commands/new')).runNew,
} satisfies Record<string, () => Promise<Subcommand>>;

function isSubcommand(name: string | undefined): name is keyof typeof SUBCOMMANDS {
  return name !== undefined && Object.hasOwn(SUBCOMMANDS, name);
}

/** The options before a `--`: a help flag anywhere among them asks for help. */
function asksForHelp(argv: readonly string[]): boolean {
  return optionsOf(argv).some((arg) => arg === '--help' || arg === '-h');
}

/** The config file as the user would open it from where they stand. */
function shownConfigPath(error: ConfigError, cwd: string): string {
  const relative = path.relative(cwd, error.file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : error.file;
}

function reportConfigError(error: ConfigError, io: CliIo): number {
  const file = shownConfigPath(error, io.cwd);
  for (const problem of error.problems) io.stderr(`${formatConfigProblem(file, problem)}\n`);
  const count = error.problems.length;
  io.stderr(`decision-orbit: ${count} problem${count === 1 ? '' : 's'} in the config file ${file}; nothing was analysed.\n`);
  return EXIT_USAGE;
}

type Command = 'version' | 'help' | 'report' | keyof typeof SUBCOMMANDS;

/** Which command `argv` runs. */
function commandOf(argv: readonly string[]): Command {
  const first = argv[0];
  if (first === '--version' || first === '-v') return 'version';
  if (first === 'help' || asksForHelp(argv)) return 'help';
  return isSubcommand(first) ? first : 'report';
}

/** Whether `argv` analyses a repository: the run whose compiled code is worth keeping for the next. */
export function runsAnalysis(argv: readonly string[]): boolean {
  return commandOf(argv) === 'report';
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const command = commandOf(argv);
    if (command === 'version') {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    if (command === 'help') {
      io.stdout(HELP_TEXT);
      return EXIT_OK;
    }
    if (command === 'report') return await (await import('./commands/report')).runReport(argv, io);
    return await (await SUBCOMMANDS[command]())(argv.slice(1), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`decision-orbit: ${error.message}\n${error.hint ? "Run 'decision-orbit --help' for usage.\n" : ''}`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) return reportConfigError(error, io);
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`decision-orbit: ${message.split('\n')[0] ?? message}\n`);
    return EXIT_ANALYSIS_ERROR;
  }
}

/**
 * The command line of this process: its arguments and streams; sets its exit code and returns it.
 * `engineSha256` is the hash of this bundle when the launcher read it: not read and hashed again.
 */
export async function runProcess(argv: string[], engineSha256?: string): Promise<number> {
  if (engineSha256 !== undefined) knowEngineBuild(engineSha256);
  // A reader that stops early (`| head`) closes the pipe: what it did not want is no error, and
  // the run goes on so a report file being written still ends whole.
  let readerGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
  });
  const code = await runCli(argv, {
    cwd: process.cwd(),
    stdout: (text) => {
      if (!readerGone) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: Boolean(process.stderr.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    env: process.env,
  });
  process.exitCode = code;
  return code;
}
