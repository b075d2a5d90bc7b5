// Messages between the extension host and the map webview, declared once and
// validated with zod on arrival on both sides. The webview posts `ready` first;
// the host posts nothing before it. The report travels in its compact form
// (compact-report.ts: the public `decision-orbit/v2` model with its strings in
// tables and its decisions as streams of small integers, each one string of
// digits), so the check on arrival is a loop over a few arrays and strings instead
// of a schema per field of every decision; the webview then reads it back with
// decodeReport.
import * as z from 'zod';
import { compactReportSchema } from './compact-report';

/** Caps on what a message may carry: ids are repository paths (PATH_MAX is 4096 bytes), texts are one line for a person. */
export const MAX_ID_LENGTH = 8192;
export const MAX_TEXT_LENGTH = 4096;

export const hostToWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('report'), report: compactReportSchema }),
  z.object({ type: z.literal('analysing'), repositoryName: z.string().max(MAX_TEXT_LENGTH) }),
  z.object({ type: z.literal('error'), message: z.string().max(MAX_TEXT_LENGTH) }),
  /** Select a decision of the report the page has, as a click on it does (Reveal in Map). */
  z.object({ type: z.literal('reveal'), id: z.string().min(1).max(MAX_ID_LENGTH) }),
]);
export type HostToWebview = z.infer<typeof hostToWebviewSchema>;

export const webviewToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** Open the record, or for a git signal the commit that landed it. */
  z.object({ type: z.literal('openDecision'), id: z.string().min(1).max(MAX_ID_LENGTH) }),
  z.object({ type: z.literal('showCommit'), sha: z.string().regex(/^[0-9a-f]{40,64}$/) }),
  z.object({ type: z.literal('setOwners'), id: z.string().min(1).max(MAX_ID_LENGTH) }),
  z.object({ type: z.literal('refresh') }),
]);
export type WebviewToHost = z.infer<typeof webviewToHostSchema>;

/**
 * Parses an incoming message; undefined (never a throw) for anything malformed.
 * Messages arrive structured-cloned, so a getter that throws cannot come through
 * postMessage; the catch keeps the promise for any other caller.
 */
export function parseMessage<T>(schema: z.ZodType<T>, data: unknown): T | undefined {
  try {
    const parsed = schema.safeParse(data);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
