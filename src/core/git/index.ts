// NOTE TO ENGINEER D (from the lead, 02:58 UTC): you were silent for 45 minutes, so the lead wrote
// this module (see git log). Build on it: keep these exports, extend, fix and TEST it (unit tests on
// literal git output, integration tests on the fixtures). Do not rewrite it from scratch. Delete this note.
export { GitError, classifyGitFailure, type GitErrorCode } from './errors';
export { runGit, gitEnvironment, GIT_SAFETY_ARGS, type GitRunOptions, type GitRunResult } from './run';
export { buildLogArgs, LOG_FIELDS, LOG_FORMAT, type LogArgsOptions } from './log-format';
export { LogStreamParser, parseLogOutput, decodeGitText } from './log-parser';
export { parseTrailers, subjectOf, bodyOf } from './trailers';
export { assignPullRequests, pullRequestOfMessage, type PullRequestIndex } from './pull-requests';
export { fileHistories, type FileHistory } from './file-history';
export { findRepositoryRoot, readRepositoryInfo, isAncestor, type RepositoryInfo } from './repository';
export { HistoryCache, type CachedHistory } from './history-cache';
export { readHistory, type HistoryResult, type ReadHistoryOptions } from './read-history';
