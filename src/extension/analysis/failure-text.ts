// The words of a failed analysis that need no editor: what the output channel
// gets, and which failures count as one for notifications. Kept apart from
// errors.ts (the notifications) so they are tested without VS Code.
import { ConfigError, formatConfigProblem } from '../../core/config/problems';
import { GitError } from '../../core/git/errors';

/** What the output channel gets: our one line, then what it stands on (each config problem, git's own words). */
export function failureDetails(error: unknown): string {
  if (error instanceof ConfigError) return [error.message, ...error.problems.map((problem) => `  ${formatConfigProblem(error.path, problem)}`)].join('\n');
  if (error instanceof GitError) {
    const stderr = error.stderr.trim();
    return [error.message, ...(error.args.length > 0 ? [`  git ${error.args.join(' ')}`] : []), ...(stderr ? [`  ${stderr.split('\n').join('\n  ')}`] : [])].join('\n');
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Failures of one kind are one notification until an analysis succeeds again. */
export function failureKind(error: unknown): string {
  if (error instanceof ConfigError) return `config:${error.file}`;
  if (error instanceof GitError) return `git:${error.code}`;
  return `error:${error instanceof Error ? error.message : String(error)}`;
}
