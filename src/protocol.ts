// Messages between the extension host and the map webview, declared once and
// validated with zod on arrival on both sides. The webview posts `ready` first;
// the host posts nothing before it. The report itself is the public
// `decision-orbit/v1` model, validated with the same schema the CLI writes.
import { z } from 'zod';
import { reportSchema } from './core/model/report';

export const hostToWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('report'), report: reportSchema }),
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
