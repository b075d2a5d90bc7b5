// Messages between the extension host and the map webview, declared once and
// validated with zod on arrival on both sides. The webview posts `ready` first;
// the host posts nothing before it. The report travels in its compact form
// (src/core/model/compact-report.ts: the public `decision-orbit/v2` model with its
// strings in one table and its decisions as flat integer streams), so the check on
// arrival is a loop over a few arrays instead of a schema per field of every
// decision; the webview then reads it back with decodeReport.
import { z } from 'zod';
import { compactReportSchema } from './core/model/compact-report';

export const hostToWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('report'), report: compactReportSchema }),
  z.object({ type: z.literal('analysing'), repositoryName: z.string() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type HostToWebview = z.infer<typeof hostToWebviewSchema>;

export const webviewToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** Open the record, or for a git signal the commit that landed it. */
  z.object({ type: z.literal('openDecision'), id: z.string() }),
  z.object({ type: z.literal('showCommit'), sha: z.string().regex(/^[0-9a-f]{40,64}$/) }),
  z.object({ type: z.literal('setOwners'), id: z.string() }),
  z.object({ type: z.literal('refresh') }),
]);
export type WebviewToHost = z.infer<typeof webviewToHostSchema>;

/** Parses an incoming message; undefined (never a throw) for anything malformed. */
export function parseMessage<T>(schema: z.ZodType<T>, data: unknown): T | undefined {
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
