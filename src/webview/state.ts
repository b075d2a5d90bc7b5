// What a reader has chosen in the map: the tab, the centre, the filters, the
// selected decision. Kept by VS Code (getState/setState, survives reloads with the
// panel serializer) or, in the standalone report, in the address's fragment so a
// view can be shared. Anything stored is validated before it is trusted.
import * as z from 'zod';
import { decisionStatusSchema } from '../core/model/report';

export const TABS = ['map', 'around', 'owners', 'timeline', 'decisions'] as const;
export type Tab = (typeof TABS)[number];

/** The centre of the orbit: the whole roster, or one leader's person id. */
export const ROSTER = 'roster';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const viewStateSchema = z.object({
  tab: z.enum(TABS).catch('map'),
  focus: z.string().catch(ROSTER),
  since: day.nullable().catch(null),
  until: day.nullable().catch(null),
  /** True once the reader chose a window; until then it follows the report's. */
  windowChosen: z.boolean().catch(false),
  area: z.string().nullable().catch(null),
  source: z.enum(['adr', 'git']).nullable().catch(null),
  status: decisionStatusSchema.nullable().catch(null),
  query: z.string().max(200).catch(''),
  /** Bots' and automated work on the orbit: off unless the reader asks for it. */
  automated: z.boolean().catch(false),
  /** Git signals folded on the orbit into one mark per level, area, kind and quarter. */
  fold: z.boolean().catch(false),
  selected: z.string().nullable().catch(null),
});
export type ViewState = z.infer<typeof viewStateSchema>;

export function defaultState(): ViewState {
  return { tab: 'map', focus: ROSTER, since: null, until: null, windowChosen: false, area: null, source: null, status: null, query: '', automated: false, fold: false, selected: null };
}

export function readState(stored: unknown): ViewState {
  const parsed = viewStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultState();
}
