// `decision-orbit tag FILE [--decision-makers "A, B"] [--consulted ..] [--informed ..] [--status S]`:
// sets people fields and the status of one record in its own dialect, nothing else.
// Every refusal (a file that is no record of this repository, a link, a status or name
// the dialect cannot hold) is bad usage: exit 2, one line, nothing written.
import path from 'node:path';
import { discoverAdrs, editRecordFile, type AdrEdit } from '../../core/adr';
import { checkNames, checkStatus } from '../../core/adr/edit-checks';
import { loadConfig } from '../../core/config/load';
import { findRepositoryRoot } from '../../core/git/repository';
import type { AdrDialect, AdrPeopleField } from '../../core/model/adr';
import { CliIo, EXIT_OK, UsageError } from '../io';
import { parseCliArgs } from '../args';
import { refusalAsUsage } from './write-refusal';

type PeopleFlag = 'decision-makers' | 'consulted' | 'informed';

const PEOPLE_FLAGS: ReadonlyArray<[flag: PeopleFlag, field: AdrPeopleField]> = [
  ['decision-makers', 'decisionMakers'],
  ['consulted', 'consulted'],
  ['informed', 'informed'],
];

const VALUE_HINTS: Record<PeopleFlag | 'status', string> = {
  'decision-makers': 'names separated by commas, e.g. --decision-makers "Ann Lee, Bo Kim"',
  consulted: 'names separated by commas, e.g. --consulted "Ann Lee, Bo Kim"',
  informed: 'names separated by commas, e.g. --informed "Ann Lee, Bo Kim"',
  status: 'a status, e.g. --status accepted',
};

/** `--consulted ---` or a flag last on the line: our words, not the argument parser's. */
function refuseMissingValues(argv: readonly string[]): void {
  for (let index = 0; index < argv.length; index += 1) {
    const flag = /^--([a-z-]+)$/.exec(argv[index] ?? '')?.[1];
    if (flag === undefined || !(flag in VALUE_HINTS)) continue;
    const value = argv[index + 1];
    const hint = VALUE_HINTS[flag as keyof typeof VALUE_HINTS];
    if (value === undefined) throw new UsageError(`--${flag} needs ${hint}`);
    if (value.startsWith('-')) throw new UsageError(`--${flag} needs ${hint}; "${value}" is not one (write --${flag}="${value}" if you mean it)`);
    index += 1;
  }
}

/**
 * A comma-separated list; a name that holds a comma is written in double quotes:
 * `--decision-makers '"Smith, Jr.", Ann Lee'`.
 */
export function parseNameList(flag: PeopleFlag, value: string): string[] {
  const names: string[] = [];
  const item = /^\s*(?:"([^"]*)"|([^,"]*))\s*(,|$)/;
  for (let rest = value; ; ) {
    const match = item.exec(rest);
    if (!match) throw new UsageError(`--${flag}: write a name that holds a comma in double quotes, e.g. '"Smith, Jr.", Ann Lee'`);
    const name = (match[1] ?? match[2] ?? '').trim();
    if (name !== '') names.push(name);
    rest = rest.slice(match[0].length);
    if (match[3] === '') break;
  }
  if (names.length === 0) throw new UsageError(`--${flag} needs at least one name: ${VALUE_HINTS[flag]}`);
  return names;
}

function statusEdit(dialect: AdrDialect, status: string): AdrEdit {
  const checked = checkStatus(dialect, status);
  if ('error' in checked) throw new UsageError(`--status: ${checked.error}`);
  return { kind: 'status', status: checked.status };
}

/** The repository you stand in; outside any, the one holding the file. */
async function repositoryFor(io: CliIo, absolute: string, shown: string): Promise<string> {
  for (const from of [io.cwd, path.dirname(absolute)]) {
    const root = await findRepositoryRoot(from, { env: io.env }).catch(() => undefined);
    if (root) return root;
  }
  throw new UsageError(`${shown} is not in a git repository; Decision Orbit edits only records of a repository`);
}

export async function runTag(argv: string[], io: CliIo): Promise<number> {
  refuseMissingValues(argv);
  const { values, positionals } = parseCliArgs(argv, {
    'decision-makers': { type: 'string' },
    consulted: { type: 'string' },
    informed: { type: 'string' },
    status: { type: 'string' },
  });
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('tag needs the record FILE to edit');
  if (extra.length > 0) throw new UsageError(`tag edits one FILE; unexpected: ${extra.join(' ')}`);
  const people: Array<{ flag: PeopleFlag; field: AdrPeopleField; names: string[] }> = [];
  for (const [flag, field] of PEOPLE_FLAGS) {
    const value = values[flag];
    if (value !== undefined) people.push({ flag, field, names: parseNameList(flag, value) });
  }
  if (values.status !== undefined && values.status.trim() === '') throw new UsageError(`--status needs ${VALUE_HINTS.status}`);
  if (people.length === 0 && values.status === undefined) throw new UsageError('tag needs at least one of --decision-makers, --consulted, --informed, --status');

  const absolute = path.resolve(io.cwd, file);
  const root = await repositoryFor(io, absolute, file);
  const { config } = await loadConfig({ root });
  const records = new Set((await discoverAdrs(root, config)).files);
  const { changed } = await editRecordFile(root, absolute, {
    shown: file,
    allowed: (relative) => records.has(relative),
    edits: ({ dialect }) => [
      ...people.map(({ flag, field, names }): AdrEdit => {
        const problem = checkNames(dialect, field, names);
        if (problem !== null) throw new UsageError(`--${flag}: ${problem}`);
        return { kind: 'people', field, names };
      }),
      ...(values.status === undefined ? [] : [statusEdit(dialect, values.status)]),
    ],
  }).catch(refusalAsUsage);
  if (!changed) {
    io.stdout(`${file}: already up to date\n`);
    return EXIT_OK;
  }
  const updated = [...people.map((entry) => entry.flag), ...(values.status !== undefined ? ['status'] : [])];
  io.stdout(`${file}: updated ${updated.join(', ')}\n`);
  return EXIT_OK;
}
