// The one GraphQL query the GitHub reader sends, and the shape of its answer as
// GitHub's public schema documents it (validated on arrival: a forge's answer is input).
import * as z from 'zod';
import type { ForgeActor, ForgePullRequest } from './types';
import { FORGE_REVIEW_STATES } from './types';

/** PRs per query: 50 × (50 reviews + 20 requests + 100 commits) nodes stays far below GitHub's node limit. */
export const GITHUB_PAGE_SIZE = 50;

export const MERGED_PULL_REQUESTS_QUERY = `query($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: MERGED, first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        url
        updatedAt
        author { __typename login }
        mergedBy { __typename login }
        mergeCommit { oid }
        reviews(first: 50) { nodes { state submittedAt author { __typename login } } }
        reviewRequests(first: 20) {
          nodes { requestedReviewer { __typename ... on User { login } ... on Bot { login } ... on Mannequin { login } ... on Team { slug } } }
        }
        commits(first: 100) { nodes { commit { oid } } }
      }
    }
  }
  rateLimit { remaining resetAt }
}`;

const actorSchema = z.object({ __typename: z.string().optional(), login: z.string() }).nullable();

const pullRequestNodeSchema = z.object({
  number: z.number().int().positive(),
  url: z.string(),
  updatedAt: z.string(),
  author: actorSchema,
  mergedBy: actorSchema,
  mergeCommit: z.object({ oid: z.string() }).nullable(),
  reviews: z.object({
    nodes: z.array(z.object({ state: z.enum(FORGE_REVIEW_STATES), submittedAt: z.string().nullable(), author: actorSchema }).nullable()),
  }).nullable(),
  reviewRequests: z.object({
    nodes: z.array(z.object({
      requestedReviewer: z.object({ __typename: z.string(), login: z.string().optional(), slug: z.string().optional() }).nullable(),
    }).nullable()),
  }).nullable(),
  commits: z.object({ nodes: z.array(z.object({ commit: z.object({ oid: z.string() }) }).nullable()) }),
});

export const mergedPullRequestsResponseSchema = z.object({
  repository: z.object({
    pullRequests: z.object({
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
      nodes: z.array(pullRequestNodeSchema.nullable()),
    }),
  }).nullable(),
  rateLimit: z.object({ remaining: z.number(), resetAt: z.string() }).nullable().optional(),
});
export type MergedPullRequestsResponse = z.infer<typeof mergedPullRequestsResponseSchema>;
type PullRequestNode = z.infer<typeof pullRequestNodeSchema>;

function actor(login: string, typename: string | undefined): ForgeActor {
  return { login, bot: typename === 'Bot' || /\[bot\]$/i.test(login) };
}

function actorOf(node: z.infer<typeof actorSchema>): ForgeActor | null {
  return node ? actor(node.login, node.__typename) : null;
}

function present<T>(items: ReadonlyArray<T | null>): T[] {
  return items.filter((item): item is T => item !== null);
}

export function pullRequestOfNode(node: PullRequestNode): ForgePullRequest {
  const requested = present(node.reviewRequests?.nodes ?? []).map((r) => r.requestedReviewer).filter((r) => r !== null);
  return {
    number: node.number,
    url: node.url,
    author: actorOf(node.author),
    mergedBy: actorOf(node.mergedBy),
    mergeCommit: node.mergeCommit?.oid ?? null,
    reviews: present(node.reviews?.nodes ?? []).map((r) => ({ state: r.state, author: actorOf(r.author), submittedAt: r.submittedAt })),
    reviewRequests: {
      users: requested.flatMap((r) => (r.__typename !== 'Team' && r.login !== undefined ? [actor(r.login, r.__typename)] : [])),
      teams: requested.flatMap((r) => (r.__typename === 'Team' && r.slug !== undefined ? [r.slug] : [])),
    },
    commits: present(node.commits.nodes).map((c) => c.commit.oid),
    updatedAt: node.updatedAt,
  };
}

export function pullRequestsOfResponse(response: MergedPullRequestsResponse): { pullRequests: ForgePullRequest[]; nextCursor: string | null } | null {
  const connection = response.repository?.pullRequests;
  if (!connection) return null;
  return {
    pullRequests: present(connection.nodes).map(pullRequestOfNode),
    nextCursor: connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null,
  };
}
