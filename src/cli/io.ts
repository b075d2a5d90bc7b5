// The CLI's contact with the outside world, passed in so tests can run it in-process.
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: progress lines are shown only then. */
  stderrIsTty: boolean;
  /** True when stdout is a terminal: the summary is coloured only then (and without NO_COLOR). */
  stdoutIsTty?: boolean;
  env: NodeJS.ProcessEnv;
}

/** Bad usage: exit code 2 with one line on stderr (and a pointer to --help unless the line has one). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly hint: boolean;

  constructor(message: string, options: { hint?: boolean } = {}) {
    super(message);
    this.hint = options.hint ?? true;
  }
}

export const EXIT_OK = 0;
export const EXIT_ANALYSIS_ERROR = 1;
export const EXIT_USAGE = 2;
