// A config file with errors is refused as a whole: every problem is collected with
// its line, and the host shows them all (the CLI as `file:line: message` lines and
// exit 2, the extension as diagnostics in the file). A report is never computed on
// defaults that stand in for what the user wrote.

export interface ConfigProblem {
  /** 1-based, when the problem has a place in the file. */
  line?: number;
  message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    /** Absolute path of the config file. */
    readonly file: string,
    /** The file as the repository names it (repository-relative), or its absolute path when outside. */
    readonly path: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    super(`${first ? formatConfigProblem(path, first) : path}${more}`);
  }
}

/** `file:line: message`, the form editors and terminals link to. */
export function formatConfigProblem(file: string, problem: ConfigProblem): string {
  return `${file}${problem.line !== undefined ? `:${problem.line}` : ''}: ${problem.message}`;
}
