// `decision-orbit new "Title" [--dir DIR]`: a new record in the repository's dominant dialect
// with the next number; never overwrites a file.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createAdr, writeFileAtomic } from '../../core/adr';
import { loadConfig } from '../../core/config/load';
import { findRepositoryRoot } from '../../core/git/repository';
import { CliIo, EXIT_OK, UsageError } from '../io';
import { parseCliArgs } from '../main';

export async function runNew(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(argv, { dir: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('new needs a title, e.g. decision-orbit new "Use PostgreSQL"');
  if (positionals.length > 1) throw new UsageError('new takes one title: quote it, e.g. decision-orbit new "Use PostgreSQL"');
  const title = (positionals[0] ?? '').trim();
  if (title === '') throw new UsageError('the title is empty');
  if (values.dir !== undefined && values.dir.trim() === '') throw new UsageError('--dir needs a folder');

  const root = await findRepositoryRoot(io.cwd).catch(() => io.cwd);
  const { config } = await loadConfig({ root });
  const dir = values.dir === undefined ? undefined : path.resolve(io.cwd, values.dir);
  const created = await createAdr({ root, title, ...(dir === undefined ? {} : { dir }), date: new Date().toISOString().slice(0, 10), config });
  const absolute = path.join(root, created.path);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFileAtomic(absolute, created.text, { exclusive: true });
  io.stdout(`${path.relative(io.cwd, absolute).split(path.sep).join('/')}\n`);
  return EXIT_OK;
}
