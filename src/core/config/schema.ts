// `.decision-orbit.yml` (ARCHITECTURE.md "Public contracts"). The same shape comes from
// VS Code settings (`decisionOrbit.*`); the file wins where both are set.
import * as z from 'zod';
import { SIGNAL_KINDS } from '../model/report';

const personConfigSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** Identities (name, e-mail, `@handle`) that are someone else: undoes a merge the engine made. */
  notSame: z.array(z.string().min(1)).optional(),
});

export const leaderConfigSchema = personConfigSchema.extend({
  role: z.string().min(1).default('Leadership'),
  /** Area names this leader is judged over; all areas when absent. */
  areas: z.array(z.string().min(1)).optional(),
});

export const signalRuleSchema = z.object({
  weight: z.number().min(0).optional(),
  /** Globs (repository-relative) that make a changed file count as this kind. */
  paths: z.array(z.string()).optional(),
  enabled: z.boolean().optional(),
});

/** A bot or AI assistant: a bare name, or globs (`*`) on its whole name, address or login; every field given must match. */
const toolPatternSchema = z.union([
  z.string().min(1),
  z.object({ name: z.string().min(1).optional(), email: z.string().min(1).optional(), login: z.string().min(1).optional() }).strict()
    .refine((p) => p.name !== undefined || p.email !== undefined || p.login !== undefined, 'name, email or login'),
]);

/** `180d`, `26w`, `6m`, `1y`. */
export const durationSchema = z.string().regex(/^\d+[dwmy]$/, 'a duration such as 180d, 26w, 6m or 1y');

export const configSchema = z.object({
  leadership: z.array(leaderConfigSchema).default([]),
  people: z.array(personConfigSchema).default([]),
  adr: z.object({ paths: z.array(z.string()).optional(), weight: z.number().min(0).optional() }).strict().default({}),
  signals: z.partialRecord(z.enum(SIGNAL_KINDS), signalRuleSchema).default({}),
  areas: z.record(z.string(), z.array(z.string())).default({}),
  zone: z.object({
    tooClose: z.number().min(0).max(1).default(0.5),
    tooFar: z.number().min(0).max(1).default(0.5),
    window: durationSchema.default('180d'),
    minDecisions: z.number().int().min(1).default(10),
  }).strict().default({ tooClose: 0.5, tooFar: 0.5, window: '180d', minDecisions: 10 }),
  /** Trailer keys that count as reviews (case-insensitive). */
  reviewTrailers: z.array(z.string()).default(['Reviewed-by', 'Acked-by', 'Approved-by']),
  bots: z.array(toolPatternSchema).default([]),
  assistants: z.array(toolPatternSchema).default([]),
  /** Opt-in forge reviews; never a token (tokens come from the host). */
  forge: z.object({
    provider: z.enum(['github']),
    /** A GitHub Enterprise Server (`https://github.example.com`); github.com when absent. */
    url: z.string().url().optional(),
    /** The git remote that names the repository on the forge. */
    remote: z.string().regex(/^[\w.-]+$/).default('origin'),
  }).strict().optional(),
}).strict();

export type DecisionOrbitConfig = z.infer<typeof configSchema>;
export type LeaderConfig = z.infer<typeof leaderConfigSchema>;
export type SignalRule = z.infer<typeof signalRuleSchema>;

export const DEFAULT_CONFIG: DecisionOrbitConfig = configSchema.parse({});
