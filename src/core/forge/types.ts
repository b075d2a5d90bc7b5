// What a forge (GitHub now, GitLab later) tells about merged pull requests, and
// the one interface a reader of a forge implements. Nothing else in the core
// talks to the network (ARCHITECTURE.md "Safety").
import * as z from 'zod';

/** A person or bot on the forge, by login. */
export const forgeActorSchema = z.object({ login: z.string(), bot: z.boolean() });
export type ForgeActor = z.infer<typeof forgeActorSchema>;

export const FORGE_REVIEW_STATES = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING'] as const;

export const forgeReviewSchema = z.object({
  state: z.enum(FORGE_REVIEW_STATES),
  author: forgeActorSchema.nullable(),
  submittedAt: z.string().nullable(),
});
export type ForgeReview = z.infer<typeof forgeReviewSchema>;

export const forgePullRequestSchema = z.object({
  number: z.number().int().positive(),
  /** The PR's page on the forge: the `ref` of its evidence. */
  url: z.string(),
  author: forgeActorSchema.nullable(),
  mergedBy: forgeActorSchema.nullable(),
  /** The merge commit, or for a squash or rebase merge the commit that landed. */
  mergeCommit: z.string().nullable(),
  reviews: z.array(forgeReviewSchema),
  /** Requests still open when the PR merged: asked by name (users) or by team. */
  reviewRequests: z.object({ users: z.array(forgeActorSchema), teams: z.array(z.string()) }),
  commits: z.array(z.string()),
  updatedAt: z.string(),
});
export type ForgePullRequest = z.infer<typeof forgePullRequestSchema>;

/** One page of merged PRs, most recently updated first. */
export interface ForgePage {
  pullRequests: ForgePullRequest[];
  /** Where the next page starts; null after the last one. */
  nextCursor: string | null;
}

export interface ForgeReader {
  /** Names the repository on its forge (`github.com/owner/name`): the cache key, never a secret. */
  readonly repository: string;
  /** Merged PRs ordered by update time, newest first, one page from `cursor` (null: the start). */
  mergedPullRequests(cursor: string | null, signal?: AbortSignal): Promise<ForgePage>;
}

export type ForgeErrorCode = 'Unauthorized' | 'NotFound' | 'RateLimited' | 'Network' | 'Timeout' | 'Cancelled' | 'BadResponse' | 'NoRemote';

/** A forge failure, in words that never hold the token. */
export class ForgeError extends Error {
  override readonly name = 'ForgeError';

  constructor(readonly code: ForgeErrorCode, message: string) {
    super(message);
  }
}
