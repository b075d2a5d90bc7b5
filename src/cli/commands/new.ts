// `decision-orbit new "Title" [--dir DIR]`: a new record in the repository's dominant dialect
// with the next number; never overwrites a file, never writes outside the repository or
// through a link (a folder outside or a link in the record's place is bad usage: exit 2).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { confineNew, createAdr, writeConfined, WriteRefusedError } from '../../core/adr';
import { loadConfig } from '../../core/config/load';
import { findRepositoryRoot } from '../../core/git/repository';
import { CliIo, EXIT_OK, UsageError } from '../io';
import { parseCliArgs } from '../args';
import { refusalAsUsage } from './write-refusal';

export async function runNew(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(argv, { dir: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('new needs a title, e.g. decision-orbit new "Use PostgreSQL"');
  if (positionals.length > 1) throw new UsageError('new takes one title: quote it, e.g. decision-orbit new "Use PostgreSQL"');
  const title = (positionals[0] ?? '').trim();
  if (title === '') throw new UsageError('the title is empty');
  if (values.dir !== undefined && values.dir.trim() === '') throw new UsageError('--dir needs a folder');

  const root = await findRepositoryRoot(io.cwd, { env: io.env }).catch(() => {
    throw new UsageError('new writes into a git repository: run it inside one');
  });
  const { config } = await loadConfig({ root });
  const dir = values.dir === undefined ? undefined : path.resolve(io.cwd, values.dir);
  const created = await createAdr({ root, title, ...(dir === undefined ? {} : { dir }), date: new Date().toISOString().slice(0, 10), config }).catch((error: unknown) => {
    // Named as the user wrote it, not as resolved.
    refusalAsUsage(error instanceof WriteRefusedError && values.dir !== undefined ? new WriteRefusedError(error.reason, values.dir) : error);
  });
  const shown = path.relative(io.cwd, path.join(root, created.path)).split(path.sep).join('/');
  const target = await confineNew(root, created.path, { shown }).catch(refusalAsUsage);
  await mkdir(path.dirname(target.absolute), { recursive: true });
  await writeConfined(target, created.text).catch(refusalAsUsage);
  io.stdout(`${shown}\n`);
  return EXIT_OK;
}
