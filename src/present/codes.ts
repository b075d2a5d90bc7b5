// The words every surface shows for the report's codes: levels, statuses, evidence roles and sources.
import type { DecisionStatus, EvidenceRole, EvidenceSource, Involvement } from '../core/model/report';

export const LEVEL_TEXT: Record<Involvement, string> = {
  decided: 'decided',
  consulted: 'consulted',
  informed: 'informed',
  around: 'routed around',
  automated: 'automated',
  pending: 'pending',
  unknown: 'no roster',
  unattributed: 'unattributed',
};

export const STATUS_TEXT: Record<DecisionStatus, string> = {
  proposed: 'proposed', accepted: 'accepted', rejected: 'rejected', deprecated: 'deprecated', superseded: 'superseded', unknown: 'unknown status',
};

export const ROLE_TEXT: Record<EvidenceRole, string> = {
  'decision-maker': 'decision-maker', consulted: 'consulted', informed: 'informed', author: 'author', 'co-author': 'co-author', reviewer: 'reviewer', merger: 'merger', 'review-requested': 'asked to review',
};

export const SOURCE_TEXT: Record<EvidenceSource, string> = {
  'adr-field': 'record field', trailer: 'commit trailer', 'merge-commit': 'merge commit', 'commit-author': 'commit author', 'forge-review': 'pull request on the forge',
};

export function shortSha(sha: string): string {
  return /^[0-9a-f]{40,64}$/.test(sha) ? sha.slice(0, 8) : sha;
}
