// Forge reviews joined to decisions, as ARCHITECTURE.md's involvement table says:
// a PR joins a decision by its merge or squash commit, by a commit it brought,
// or by the PR number the history pass read (`(#N)`, merge subjects). Decisions
// a PR touches get its evidence (source `forge-review`, ref the PR's URL) and
// their involvement again; every other decision is returned as it was.
import type { HistoryIndex } from '../analysis/history-index';
import { decisionInvolvement, type InvolvementPeople } from '../analysis/involvement';
import type { IdentityResolver } from '../model/people';
import type { Decision, Evidence, ForgeAction, Insights, Involvement } from '../model/report';
import type { ForgeActor, ForgePullRequest, ForgeReview } from './types';

export interface ForgeEvidenceContext {
  index: HistoryIndex;
  resolver: IdentityResolver;
  people: InvolvementPeople;
}

export interface ForgeEvidenceResult {
  decisions: Decision[];
  /** ADRs whose named decision-makers differ from who approved their PR. */
  drift: Insights['drift'];
}

type DecisionShape = 'adr-named' | 'adr-unnamed' | 'signal';

const REVIEW_ACTIONS: Partial<Record<ForgeReview['state'], ForgeAction>> = {
  APPROVED: 'approved',
  CHANGES_REQUESTED: 'changes-requested',
  COMMENTED: 'commented',
};

/** What an approval gives: on the record's own PR by the table; on a later PR of the record, consulted. */
function approvalLevel(shape: DecisionShape, ownPr: boolean): Involvement {
  return shape === 'adr-unnamed' && ownPr ? 'decided' : 'consulted';
}

const ACTION_LEVEL: Record<Exclude<ForgeAction, 'approved'>, Involvement> = {
  'changes-requested': 'consulted',
  commented: 'informed',
  merged: 'consulted',
  'review-requested': 'informed',
};

const RANK: Record<ForgeAction, number> = { approved: 4, 'changes-requested': 3, merged: 2, commented: 1, 'review-requested': 0 };

function shapeOf(decision: Decision): DecisionShape {
  if (decision.source !== 'adr') return 'signal';
  return decision.evidence.some((e) => e.source === 'adr-field' && e.role === 'decision-maker') ? 'adr-named' : 'adr-unnamed';
}

function prNumber(id: string | null): number | null {
  const match = id === null ? null : /^#(\d+)$/.exec(id);
  return match ? Number(match[1]) : null;
}

/** PRs by number and by every commit that names them (merge or squash commit, their own commits). */
function indexPullRequests(prs: readonly ForgePullRequest[]): { byNumber: Map<number, ForgePullRequest>; byOid: Map<string, ForgePullRequest> } {
  const byNumber = new Map<number, ForgePullRequest>();
  const byOid = new Map<string, ForgePullRequest>();
  for (const pr of prs) {
    byNumber.set(pr.number, pr);
    for (const oid of pr.commits) if (!byOid.has(oid)) byOid.set(oid, pr);
  }
  // A merge or squash commit names its PR before any commit that was only carried along.
  for (const pr of prs) if (pr.mergeCommit !== null) byOid.set(pr.mergeCommit, pr);
  return { byNumber, byOid };
}

function pullRequestsOf(decision: Decision, index: ReturnType<typeof indexPullRequests>, history: HistoryIndex): ForgePullRequest[] {
  const found = new Set<ForgePullRequest>();
  const own = prNumber(decision.pr);
  const byNumber = own === null ? undefined : index.byNumber.get(own);
  if (byNumber) found.add(byNumber);
  for (const sha of decision.commits) {
    const direct = index.byOid.get(sha);
    if (direct) found.add(direct);
    const merge = history.pullRequestOf(sha)?.mergeCommit;
    const viaMerge = merge === undefined ? undefined : index.byOid.get(merge);
    if (viaMerge) found.add(viaMerge);
  }
  return [...found].sort((a, b) => a.number - b.number);
}

interface Act {
  actor: ForgeActor;
  action: ForgeAction;
}

/** Each person's strongest act on a PR; bots act for nobody. */
function actsOn(pr: ForgePullRequest): Act[] {
  const best = new Map<string, Act>();
  const note = (actor: ForgeActor | null, action: ForgeAction): void => {
    if (!actor || actor.bot) return;
    const key = actor.login.toLowerCase();
    const known = best.get(key);
    if (!known || RANK[action] > RANK[known.action]) best.set(key, { actor, action });
  };
  for (const review of pr.reviews) {
    const action = REVIEW_ACTIONS[review.state];
    // The author's own comments in the review thread are no review.
    if (action && review.author?.login.toLowerCase() !== pr.author?.login.toLowerCase()) note(review.author, action);
  }
  if (pr.mergedBy && pr.mergedBy.login.toLowerCase() !== pr.author?.login.toLowerCase()) note(pr.mergedBy, 'merged');
  for (const user of pr.reviewRequests.users) note(user, 'review-requested');
  return [...best.values()];
}

function personOf(login: string, resolver: IdentityResolver): string {
  return resolver.resolveText(`@${login}`).id;
}

export function joinForgeEvidence(decisions: readonly Decision[], prs: readonly ForgePullRequest[], ctx: ForgeEvidenceContext): ForgeEvidenceResult {
  const index = indexPullRequests(prs);
  const drift: Insights['drift'] = [];
  const joined = decisions.map((decision) => {
    // Work only bots did stays automated: which bot PRs are maintenance is known only
    // while the units are built. Whether a decision counts does not change otherwise
    // (forge evidence names people, never a status), so it is kept as it was.
    if (decision.involvement === 'automated') return decision;
    const found = pullRequestsOf(decision, index, ctx.index);
    if (found.length === 0) return decision;
    const shape = shapeOf(decision);
    const own = prNumber(decision.pr);
    const added: Evidence[] = [];
    const approvers: string[] = [];
    for (const pr of found) {
      const ownPr = pr.number === own;
      for (const { actor, action } of actsOn(pr)) {
        const person = personOf(actor.login, ctx.resolver);
        if (ctx.people.isBot(person) || ctx.people.isAssistant(person)) continue;
        // A merge commit already names its merger in git.
        if (action === 'merged' && decision.evidence.some((e) => e.role === 'merger' && e.person === person)) continue;
        const level = action === 'approved' ? approvalLevel(shape, ownPr) : ACTION_LEVEL[action];
        const role = action === 'merged' ? 'merger' : action === 'review-requested' ? 'review-requested' : 'reviewer';
        added.push({ person, role, source: 'forge-review', ref: pr.url, inferred: level === 'decided', level, action });
        if (action === 'approved' && ownPr && !approvers.includes(person)) approvers.push(person);
      }
    }
    if (added.length === 0) return decision;
    if (shape === 'adr-named' && decision.path !== null) {
      const declared = [...decision.decisionMakers].sort();
      const actual = approvers.filter((p) => !declared.includes(p)).sort();
      if (actual.length > 0) drift.push({ path: decision.path, declared, actual, source: 'forge-review' });
    }
    const evidence = [...decision.evidence, ...added];
    return { ...decision, evidence, ...decisionInvolvement({ status: decision.status, statusText: decision.statusText, evidence }, ctx.people) };
  });
  return { decisions: joined, drift };
}
