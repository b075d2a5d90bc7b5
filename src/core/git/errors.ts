// Typed git failures: each code maps to one message a user can act on.

export type GitErrorCode =
  | 'GitMissing'
  | 'NotAGitRepository'
  | 'BareRepository'
  | 'EmptyRepository'
  | 'ShallowClone'
  | 'DubiousOwnership'
  | 'MissingObjects'
  | 'Timeout'
  | 'Cancelled'
  | 'Unknown';

export class GitError extends Error {
  override readonly name = 'GitError';

  constructor(
    readonly code: GitErrorCode,
    message: string,
    readonly args: readonly string[] = [],
    readonly exitCode: number | null = null,
    readonly stderr: string = '',
    /** A shell command the user can run to fix it, when there is one. */
    readonly remedy?: string,
  ) {
    super(message);
  }
}

export interface GitFailure {
  code: GitErrorCode;
  message: string;
  remedy?: string;
}

/** POSIX single quotes: the one quoting in which a shell expands nothing. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The folder git names (its worktree's top, which safe.directory must match), else the folder we ran in. */
function refusedRepository(stderr: string, cwd: string): string {
  return /dubious ownership in repository at '(.*)'$/m.exec(stderr)?.[1] ?? /unsafe repository \('(.*)' is owned by someone else\)$/m.exec(stderr)?.[1] ?? cwd;
}

/** Reads git's stderr (LC_ALL=C, so English) to tell what went wrong. */
export function classifyGitFailure(stderr: string, cwd: string): GitFailure {
  // git ≥ 2.36 says "dubious ownership"; 2.35.2–2.35.x said "unsafe repository ... owned by someone else".
  if (/detected dubious ownership|unsafe repository \(.*is owned by someone else\)/is.test(stderr)) {
    const repository = refusedRepository(stderr, cwd);
    // Built here rather than copied from git's hint: git 2.35 printed the path unquoted.
    const remedy = `git config --global --add safe.directory ${shellQuote(repository)}`;
    return { code: 'DubiousOwnership', message: `git refuses to read ${repository}: the folder is owned by another user. If you trust it, run: ${remedy}`, remedy };
  }
  if (/not a git repository/i.test(stderr)) {
    return { code: 'NotAGitRepository', message: `${cwd} is not inside a git repository: open or name the working tree of a clone` };
  }
  if (/must be run in a work tree/i.test(stderr)) {
    return { code: 'BareRepository', message: `${cwd} is a bare repository (or a .git folder) with no working tree to read records from: clone it and analyse the clone (git clone ${shellQuote(cwd)})` };
  }
  if (/does not have any commits yet|unknown revision or path not in the working tree.*HEAD|ambiguous argument 'HEAD'/is.test(stderr)) {
    return { code: 'EmptyRepository', message: `the repository at ${cwd} has no commits yet` };
  }
  if (/shallow file has changed since we read it|attempt to fetch\/clone from a shallow repository|shallow update not allowed/i.test(stderr)) {
    return { code: 'ShallowClone', message: `git cannot read past the shallow boundary of ${cwd} (a shallow clone): run git fetch --unshallow for its whole history` };
  }
  if (/missing (blob|tree|commit|object)|bad object|unable to read|could not read|loose object .* is corrupt|fatal: packed object|from promisor remote|failed to traverse parents/i.test(stderr)) {
    return { code: 'MissingObjects', message: `the repository at ${cwd} is missing objects (a partial clone or a damaged repository): run git fsck there to see what is missing, and fetch or clone it again` };
  }
  const firstLine = stderr.split('\n').find((line) => line.trim() !== '') ?? 'git failed';
  return { code: 'Unknown', message: firstLine.replace(/^(fatal|error): /, '') };
}
