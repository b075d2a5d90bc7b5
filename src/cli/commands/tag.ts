// `decision-orbit tag FILE [--decision-makers "A, B"] [--consulted ..] [--informed ..] [--status S]`:
// sets people fields and the status of one record in its own dialect, nothing else.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyAdrTextEdits, decodeAdrText, planAdrEdit, writeFileAtomic, type AdrEdit } from '../../core/adr';
import type { AdrPeopleField } from '../../core/model/adr';
import { CliIo, EXIT_OK, UsageError } from '../io';
import { parseCliArgs } from '../main';

const PEOPLE_FLAGS: ReadonlyArray<[flag: 'decision-makers' | 'consulted' | 'informed', field: AdrPeopleField]> = [
  ['decision-makers', 'decisionMakers'],
  ['consulted', 'consulted'],
  ['informed', 'informed'],
];

function namesOf(value: string): string[] {
  return value.split(',').map((n) => n.trim()).filter((n) => n.length > 0);
}

export async function runTag(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(argv, {
    'decision-makers': { type: 'string' },
    consulted: { type: 'string' },
    informed: { type: 'string' },
    status: { type: 'string' },
  });
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('tag needs the record FILE to edit');
  if (extra.length > 0) throw new UsageError(`tag edits one FILE; unexpected: ${extra.join(' ')}`);
  const edits: AdrEdit[] = [];
  for (const [flag, field] of PEOPLE_FLAGS) {
    const value = values[flag];
    if (value !== undefined) edits.push({ kind: 'people', field, names: namesOf(value) });
  }
  if (values.status !== undefined) {
    if (values.status.trim() === '') throw new UsageError('--status needs a value');
    edits.push({ kind: 'status', status: values.status });
  }
  if (edits.length === 0) throw new UsageError('tag needs at least one of --decision-makers, --consulted, --informed, --status');

  const absolute = path.resolve(io.cwd, file);
  const bytes = await readFile(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `${file}: no such file` : `${file}: ${error.message}`);
  });
  const decoded = decodeAdrText(bytes);
  if (decoded.warning) throw new Error(`${file} is ${decoded.warning}; save it as UTF-8 before tagging it`);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  const recordPath = path.relative(io.cwd, absolute).split(path.sep).join('/');
  const before = bom + decoded.text;
  let text = before;
  for (const edit of edits) text = applyAdrTextEdits(text, planAdrEdit(text, recordPath, edit));
  if (text === before) {
    io.stdout(`${file}: already up to date\n`);
    return EXIT_OK;
  }
  await writeFileAtomic(absolute, text);
  const changed = edits.map((e) => (e.kind === 'people' ? PEOPLE_FLAGS.find(([, f]) => f === e.field)?.[0] : e.kind));
  io.stdout(`${file}: updated ${changed.join(', ')}\n`);
  return EXIT_OK;
}
