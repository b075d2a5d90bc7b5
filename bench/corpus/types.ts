// The format of a labelled corpus file, `bench/corpus/<repository>.json` (see
// bench/corpus/README.md). Labels are written by hand, blind to the engine; the
// corpus bench reads them through this schema, so a file that drifts from the
// format fails loudly instead of being half-read.
import * as z from 'zod';

/** DESIGN.md's signal kinds. */
export const corpusKindSchema = z.enum(['dependency', 'platform', 'infrastructure', 'ci', 'data', 'architecture', 'ownership']);

/** DESIGN.md's involvement levels a person can read from the evidence. */
export const corpusLevelSchema = z.enum(['decided', 'consulted', 'informed', 'around', 'unattributed', 'automated', 'pending']);

const sha = z.string().regex(/^[0-9a-f]{40}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One first-parent unit drawn at random from the units touching a candidate path. */
export const signalLabelSchema = z.object({
  /** The first-parent commit (the merge commit for a merged branch). */
  sha,
  /** The PR number the subject names (`Merge pull request #N`, `(#N)`), else null. */
  pr: z.number().int().positive().nullable(),
  subject: z.string(),
  /** Would a CTO call this a technical decision someone made? */
  decision: z.boolean(),
  /** Every kind it decided; empty when not a decision. */
  kinds: z.array(corpusKindSchema),
  /** One line; says so where the CTO's judgement differs from DESIGN.md's rule. */
  reason: z.string().min(1),
  /** A bot authored the unit's change (dependabot, renovate, a `[bot]` login ...). */
  automated: z.boolean(),
  /** The candidate paths it touched (a few, for the reader), as drawn. */
  paths: z.array(z.string()),
});

/** A leader of the labelled roster: becomes the leadership config when the bench runs. */
export const rosterLeaderSchema = z.object({
  name: z.string().min(1),
  role: z.string().min(1),
  /** Every identity seen: names, e-mail addresses, `@handles`. */
  identities: z.array(z.string().min(1)).min(1),
  /** Why this person: CODEOWNERS, ADR deciders, merges ... */
  why: z.string().min(1),
});

/** A decision, named so the bench can find the engine's counterpart. */
export const decisionRefSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('adr'), path: z.string().min(1) }),
  z.object({ source: z.literal('git'), sha, pr: z.number().int().positive().nullable() }),
]);

export const involvementLabelSchema = z.object({
  decision: decisionRefSchema,
  title: z.string(),
  /** Leader name (as in `roster`) → level read from the evidence. */
  leaders: z.record(z.string(), corpusLevelSchema),
  /** One line: which fields, commits, trailers, merges gave the levels. */
  evidence: z.string().min(1),
});

/** A record's fields as written in the file. */
export const recordLabelSchema = z.object({
  path: z.string().min(1),
  /** Normalised to DESIGN.md's statuses. */
  status: z.enum(['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'unknown']),
  /** As written, or null when the file has no status. */
  statusText: z.string().nullable(),
  /** The date as written (field, folder or file name); when none is written, the author date of the commit that first added the content. */
  date: isoDate.nullable(),
  dateSource: z.enum(['field', 'folder', 'filename', 'git']),
  /** Names as written (people and teams), in file order. */
  decisionMakers: z.array(z.string()),
  consulted: z.array(z.string()),
  informed: z.array(z.string()),
});

export const amendmentSchema = z.object({
  at: z.string().min(1),
  by: z.string().min(1),
  /** What changed (e.g. `signals[12].decision true → false`) and why. */
  change: z.string().min(1),
});

export const corpusFileSchema = z.object({
  /** Folder name the bench looks for under DECISION_ORBIT_CORPUS, e.g. `cloud-platform`. */
  repository: z.string().min(1),
  /** `owner/name` on GitHub. */
  remote: z.string().min(1),
  /** HEAD commit the labels were read at. */
  head: sha,
  labelledBy: z.string().min(1),
  labelledAt: z.string().min(1),
  seed: z.number().int(),
  /** How many first-parent units touched a candidate path (the population `signals` is drawn from). */
  candidateUnits: z.number().int().nonnegative(),
  firstParentUnits: z.number().int().nonnegative(),
  signals: z.array(signalLabelSchema),
  adrs: z.object({
    count: z.number().int().nonnegative(),
    /** Every record, one path per record (the folder's README.md for folder records). */
    paths: z.array(z.string()),
    note: z.string().optional(),
  }),
  roster: z.array(rosterLeaderSchema).min(1).max(3),
  involvement: z.array(involvementLabelSchema),
  records: z.array(recordLabelSchema),
  amendments: z.array(amendmentSchema),
});

export type CorpusKind = z.infer<typeof corpusKindSchema>;
export type CorpusLevel = z.infer<typeof corpusLevelSchema>;
export type SignalLabel = z.infer<typeof signalLabelSchema>;
export type RosterLeader = z.infer<typeof rosterLeaderSchema>;
export type DecisionRef = z.infer<typeof decisionRefSchema>;
export type InvolvementLabel = z.infer<typeof involvementLabelSchema>;
export type RecordLabel = z.infer<typeof recordLabelSchema>;
export type CorpusFile = z.infer<typeof corpusFileSchema>;
