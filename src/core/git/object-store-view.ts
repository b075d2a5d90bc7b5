// A partial clone's object store seen without its promisor remote. There, with
// lazy fetches off (run.ts), `git cat-file --batch` does not answer `missing` for
// a blob the clone lacks: it exits 128 ("could not fetch … from promisor remote")
// at the first one, whether it is named by id or by `<rev>:<path>`, and every
// name after it goes unanswered. Through a git folder of our own that knows no
// promisor (and no hook, alias or other setting of the repository) pointed at the
// repository's objects, a lacking blob is `missing` like in a snapshot that lost
// it, and the commits and trees (which a blob:none clone has) still resolve paths.
// The repository's replacements (`refs/replace/`, which its `git log` applies) are
// copied in, so a blob is read as the history pass saw it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { GitContext } from './git-context';
import { runShortGit } from './short-call';

export interface ObjectStoreView {
  /** Global options to put before the git command. */
  args: string[];
  /** The host's environment with the repository's object folder named. */
  env: NodeJS.ProcessEnv;
  /** Removes the folder; safe to call more than once. */
  remove: () => Promise<void>;
}

/** Our folder's config: no promisor remote, the repository's object format (git knows two). */
function shadowConfig(objectFormat: string): string {
  return objectFormat === 'sha256'
    ? '[core]\n\trepositoryformatversion = 1\n[extensions]\n\tobjectFormat = sha256\n'
    : '[core]\n\trepositoryformatversion = 0\n';
}

const REPLACE_REF = /^([0-9a-f]{40}(?:[0-9a-f]{24})?) (refs\/replace\/[0-9a-f]{40}(?:[0-9a-f]{24})?)$/;

/** `for-each-ref` lines (`<id> <ref>`) as a packed-refs file (no header: git reads it unsorted), only well-formed replacements. */
export function packedReplaceRefs(output: string): string {
  return output.split('\n').map((line) => REPLACE_REF.exec(line.trim())).map((match) => (match ? `${match[1]} ${match[2]}\n` : '')).join('');
}

/** Makes the view for the repository at `root`; the caller removes it when its git call is over. */
export async function openObjectStoreView(root: string, git: GitContext): Promise<ObjectStoreView> {
  const options = { cwd: root, gitPath: git.gitPath, env: git.env, signal: git.signal, timeoutMs: git.timeoutMs };
  const [facts, replacements] = await Promise.all([
    runShortGit(['rev-parse', '--show-object-format', '--git-path', 'objects'], options),
    runShortGit(['for-each-ref', '--format=%(objectname) %(refname)', 'refs/replace/'], options),
  ]);
  const [objectFormat = 'sha1', objects = '.git/objects'] = facts.stdout.split('\n').map((line) => line.trim());
  const dir = await mkdtemp(join(tmpdir(), 'decision-orbit-objects-'));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    await Promise.all([mkdir(join(dir, 'objects')), mkdir(join(dir, 'refs'))]);
    await writeFile(join(dir, 'HEAD'), 'ref: refs/heads/none\n');
    await writeFile(join(dir, 'config'), shadowConfig(objectFormat));
    await writeFile(join(dir, 'packed-refs'), packedReplaceRefs(replacements.stdout));
  } catch (error) {
    await remove();
    throw error;
  }
  // A relative path from rev-parse is relative to where it ran.
  return { args: [`--git-dir=${dir}`], env: { ...(git.env ?? process.env), GIT_OBJECT_DIRECTORY: resolve(root, objects) }, remove };
}
