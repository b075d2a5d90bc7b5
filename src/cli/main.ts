// `decision-orbit`: the command line on top of src/core. One clear line on stderr
// for every failure: exit 2 for bad usage, 1 for an analysis error.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliIo, EXIT_ANALYSIS_ERROR, EXIT_OK, EXIT_USAGE, UsageError } from './io';
import { HELP_TEXT, VERSION } from './usage';
import { runReport } from './commands/report';
import { runTag } from './commands/tag';
import { runNew } from './commands/new';

type Subcommand = (argv: string[], io: CliIo) => Promise<number>;

const SUBCOMMANDS: Record<string, Subcommand> = {
  tag: runTag,
  new: runNew,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-v') {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.stdout(HELP_TEXT);
      return EXIT_OK;
    }
    const subcommand = first !== undefined ? SUBCOMMANDS[first] : undefined;
    if (subcommand) return await subcommand(rest, io);
    return await runReport(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`decision-orbit: ${error.message}\nRun 'decision-orbit --help' for usage.\n`);
      return EXIT_USAGE;
    }
    io.stderr(`decision-orbit: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_ANALYSIS_ERROR;
  }
}

/** `parseArgs` whose complaints (unknown flag, missing value) become usage errors. */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] ?? 'bad arguments' : 'bad arguments');
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: Boolean(process.stderr.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
