// The public JSON report, schema `decision-orbit/v2` (ARCHITECTURE.md "Public contracts").
// Users script against these names: add fields freely, never rename or drop one
// without a new schema version. The webview validates every report it receives
// with these schemas, so this file imports nothing but zod.
import * as z from 'zod';

export const REPORT_SCHEMA_ID = 'decision-orbit/v2';

export const DECISION_SOURCES = ['adr', 'git'] as const;
export const DECISION_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'unknown'] as const;
export const DECISION_KINDS = ['adr', 'dependency', 'platform', 'infrastructure', 'ci', 'data', 'architecture', 'ownership'] as const;
export const SIGNAL_KINDS = ['dependency', 'platform', 'infrastructure', 'ci', 'data', 'architecture', 'ownership'] as const;
/**
 * Ordered from the most to the least involved; `automated`, `pending` and `unattributed`
 * stay out of the zone; `unknown` is every level without a leadership roster.
 */
export const INVOLVEMENTS = ['decided', 'consulted', 'informed', 'around', 'automated', 'pending', 'unknown', 'unattributed'] as const;
export const EVIDENCE_ROLES = ['decision-maker', 'consulted', 'informed', 'author', 'co-author', 'reviewer', 'merger', 'review-requested'] as const;
export const EVIDENCE_SOURCES = ['adr-field', 'trailer', 'merge-commit', 'commit-author', 'forge-review'] as const;
/** What a person did on the forge, for `forge-review` evidence. */
export const FORGE_ACTIONS = ['approved', 'changes-requested', 'commented', 'merged', 'review-requested'] as const;
export const ZONE_VERDICTS = ['too-close', 'goldilocks', 'too-far', 'leaning-close', 'leaning-far', 'split', 'no-data'] as const;
/** Stable codes of what a zone's verdict rests on (see src/rules/zone.ts). */
export const ZONE_NOTES = ['small-team', 'reviews-not-visible', 'too-few-decisions', 'pooled', 'adr-only', 'git-only'] as const;

export const decisionStatusSchema = z.enum(DECISION_STATUSES);
export const decisionKindSchema = z.enum(DECISION_KINDS);
export const signalKindSchema = z.enum(SIGNAL_KINDS);
export const involvementSchema = z.enum(INVOLVEMENTS);
export const evidenceRoleSchema = z.enum(EVIDENCE_ROLES);
export const evidenceSourceSchema = z.enum(EVIDENCE_SOURCES);
export const forgeActionSchema = z.enum(FORGE_ACTIONS);
export const zoneVerdictSchema = z.enum(ZONE_VERDICTS);
/** Where a decision's date comes from: the record's own field, its file or folder name, or git; `changelog` (added last: compact reports index it) is a record's first changelog entry. */
export const DATE_SOURCES = ['adr-field', 'filename', 'folder', 'git', 'changelog'] as const;
export const dateSourceSchema = z.enum(DATE_SOURCES);
export const TEAM_ROLES = ['decision-maker', 'consulted', 'informed'] as const;
/** What a later commit changed in a record: its status to accepted, its status otherwise, its decision text, or only other text. */
export const RECORD_CHANGE_KINDS = ['status', 'decision', 'other', 'accepted'] as const;
export const recordChangeKindSchema = z.enum(RECORD_CHANGE_KINDS);
export type RecordChangeKind = z.infer<typeof recordChangeKindSchema>;

export type DecisionStatus = z.infer<typeof decisionStatusSchema>;
export type DecisionKind = z.infer<typeof decisionKindSchema>;
export type SignalKind = z.infer<typeof signalKindSchema>;
export type Involvement = z.infer<typeof involvementSchema>;
export type EvidenceRole = z.infer<typeof evidenceRoleSchema>;
export type EvidenceSource = z.infer<typeof evidenceSourceSchema>;
export type ForgeAction = z.infer<typeof forgeActionSchema>;
export type ZoneVerdict = z.infer<typeof zoneVerdictSchema>;

export const evidenceSchema = z.object({
  person: z.string(),
  role: evidenceRoleSchema,
  source: evidenceSourceSchema,
  /** `path:line` for ADR fields, the PR's URL for forge reviews, a commit sha otherwise. */
  ref: z.string(),
  inferred: z.boolean(),
  /** The involvement level this piece of evidence gives its person (the highest wins). */
  level: involvementSchema.optional(),
  /** For `forge-review` evidence: what the person did on the PR. */
  action: forgeActionSchema.optional(),
  /** For the author of a later commit to a record: what that commit changed in it (absent when its text could not be read). */
  change: recordChangeKindSchema.optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const decisionSchema = z.object({
  /** `adr:<path>`, `git:pr-N` or `git:<sha>`: one git decision per unit of history. */
  id: z.string(),
  source: z.enum(DECISION_SOURCES),
  kind: decisionKindSchema,
  title: z.string(),
  path: z.string().nullable(),
  number: z.number().nullable(),
  status: decisionStatusSchema,
  statusText: z.string(),
  /** YYYY-MM-DD or null. */
  date: z.string().nullable(),
  /** Where `date` was read; absent when there is none. */
  dateSource: dateSourceSchema.optional(),
  area: z.string(),
  decisionMakers: z.array(z.string()),
  consulted: z.array(z.string()),
  informed: z.array(z.string()),
  /** Teams an ADR names in its people fields: shown, never counted as a person. */
  teams: z.array(z.object({ name: z.string(), role: z.enum(TEAM_ROLES) })).optional(),
  /** For the whole leadership roster. */
  involvement: involvementSchema,
  /** For each leader (person id → level). */
  // An object with only a catchall, not z.record: the same check for JSON data at
  // half the cost, and the map validates ten thousand of these before its first frame.
  involvementByLeader: z.object({}).catchall(involvementSchema).optional(),
  evidence: z.array(evidenceSchema),
  commits: z.array(z.string()),
  pr: z.string().nullable(),
  supersedes: z.array(z.string()),
  supersededBy: z.array(z.string()),
  weight: z.number(),
  /** Paths a git signal touched (ADR decisions: empty). */
  files: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  /** Markdown of an ADR's decision section, for reading in the map; untrusted text. */
  summary: z.string().optional(),
  /** Whether it weighs in the zone; read any `notCountedReason` you do not know as not counted. */
  counted: z.boolean(),
  /** pending, automated, maintenance, unattributed, unknown (or zero-weight); null when counted. */
  notCountedReason: z.string().nullable(),
  /** A git decision's kinds, most significant first (`kind` is the first); ADRs: empty. */
  kinds: z.array(signalKindSchema),
  /** Why a git decision is one ("added lodash", "go 1.21 → 1.22"); untrusted text. */
  findings: z.array(z.string()).optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

/** One source's zone, or the combined one without its sources. */
export const sourceZoneSchema = z.object({
  verdict: zoneVerdictSchema,
  decided: z.number(),
  consulted: z.number(),
  informed: z.number(),
  around: z.number(),
  count: z.number(),
  weight: z.number(),
  /** Distinct people who decided the counted decisions. */
  deciders: z.number().optional(),
  /** ZONE_NOTES codes; a reader reads a code it does not know as a caveat it cannot name. */
  notes: z.array(z.string()).optional(),
  /** A source's window: the configured span up to HEAD's committer date, or widened to its last counted decisions. */
  window: z.object({ since: z.string(), until: z.string(), widened: z.boolean() }).optional(),
  /** When the verdict is `split`: what each source says. */
  split: z.object({ adr: zoneVerdictSchema, git: zoneVerdictSchema }).optional(),
});
export type SourceZone = z.infer<typeof sourceZoneSchema>;

export const zoneSchema = sourceZoneSchema.extend({
  /** Each source weighed alone over its own window (the overall zone and each leader's). */
  sources: z.object({ adr: sourceZoneSchema, git: sourceZoneSchema }).optional(),
});
export type Zone = z.infer<typeof zoneSchema>;

export const zonesSchema = z.object({
  overall: zoneSchema,
  byLeader: z.record(z.string(), zoneSchema),
  byArea: z.record(z.string(), zoneSchema),
  byQuarter: z.record(z.string(), zoneSchema),
  /** The thresholds the verdicts were given with, so a reader can weigh a filtered view the same way. */
  thresholds: z.object({ tooClose: z.number(), tooFar: z.number(), minDecisions: z.number().optional() }).optional(),
});
export type Zones = z.infer<typeof zonesSchema>;

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  emails: z.array(z.string()),
  aliases: z.array(z.string()),
  isLeader: z.boolean(),
  isBot: z.boolean(),
  /** Date (YYYY-MM-DD) of this person's last commit, when they have any. */
  lastActive: z.string().nullable().optional(),
  /** Other spellings of the name and `@handles` this person was met under. */
  seenAs: z.array(z.string()).optional(),
  /** Why identities were taken for this one person, beyond the same e-mail (undo one with `notSame` in the config). */
  mergedBecause: z.array(z.string()).optional(),
});
export type Person = z.infer<typeof personSchema>;

export const warningSchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().nullable(),
  line: z.number().optional(),
});
export type Warning = z.infer<typeof warningSchema>;

export const BUS_FACTOR_REASONS = ['all-inactive', 'single-owner'] as const;

export const busFactorRiskSchema = z.object({ decision: z.string(), people: z.array(z.string()), reason: z.enum(BUS_FACTOR_REASONS) });
export type BusFactorRisk = z.infer<typeof busFactorRiskSchema>;

export const insightsSchema = z.object({
  /** Distinct non-leadership decision-makers per quarter ("2026-Q1" → count). */
  breadthByQuarter: z.record(z.string(), z.number()),
  /** Active decisions whose decision-makers have all left, or are one person. */
  busFactor: z.array(busFactorRiskSchema),
  /** Declared owners (CODEOWNERS, ADR fields) versus who actually authored, reviewed or merged. */
  drift: z.array(z.object({ path: z.string(), declared: z.array(z.string()), actual: z.array(z.string()), source: z.string() })),
  /** When no roster is configured: the likeliest leaders, most likely first. */
  suggestedLeaders: z.array(z.object({ person: z.string(), score: z.number(), reason: z.string() })),
});
export type Insights = z.infer<typeof insightsSchema>;

export const reportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  repository: z.object({
    root: z.string(),
    head: z.string().nullable(),
    analyzedAt: z.string(),
    window: z.object({ since: z.string(), until: z.string() }),
  }),
  /** `areas`: the areas a leader is judged over, when the roster names them. */
  leadership: z.array(z.object({ person: z.string(), role: z.string(), areas: z.array(z.string()).optional() })),
  people: z.array(personSchema),
  decisions: z.array(decisionSchema),
  zone: zonesSchema,
  insights: insightsSchema.optional(),
  warnings: z.array(warningSchema),
});
export type Report = z.infer<typeof reportSchema>;
