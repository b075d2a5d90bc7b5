// Command-line options checked in our own words before Node's parser sees them:
// its messages quote unevenly and name no way out. Every complaint names the
// option and where the options are listed.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP = "'decision-orbit --help' lists the options";

/** The tokens before a `--`: the options and positionals, not what follows the end of options. */
export function optionsOf(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end === -1 ? argv : argv.slice(0, end);
}

/** The option a token names (`--html=x` → `html`), or undefined for a positional. */
function optionName(token: string, options: Options): { name: string | undefined; inline: boolean } {
  if (token.startsWith('--')) {
    const [name = ''] = token.slice(2).split('=', 1);
    return { name: name in options ? name : undefined, inline: token.includes('=') };
  }
  const short = token.slice(1, 2);
  const name = Object.keys(options).find((key) => options[key]?.short === short);
  return { name, inline: token.length > 2 };
}

/** Throws a UsageError for the first token Node's parser would refuse. */
export function checkOptions(argv: readonly string[], options: Options): void {
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] ?? '';
    if (token === '--') return;
    if (!token.startsWith('-') || token === '-') continue;
    const { name, inline } = optionName(token, options);
    const shown = token.split('=', 1)[0] ?? token;
    if (name === undefined) throw new UsageError(`unknown option ${shown}; ${HELP}`, { hint: false });
    const takesValue = options[name]?.type === 'string';
    if (!takesValue && inline) throw new UsageError(`${shown} takes no value`);
    if (!takesValue || inline) continue;
    const next = argv[index + 1];
    if (next === undefined) throw new UsageError(`${shown} needs a value`);
    if (next.startsWith('-') && next !== '-') throw new UsageError(`${shown} needs a value, and ${JSON.stringify(next)} looks like an option (write ${shown}=${next} if it is the value)`);
    index += 1;
  }
}

/** `parseArgs` after our own check; anything it still refuses becomes a usage error. */
export function parseCliArgs<T extends Options>(
  argv: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  checkOptions(argv, options);
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch {
    throw new UsageError(`the options could not be read; ${HELP}`, { hint: false });
  }
}
