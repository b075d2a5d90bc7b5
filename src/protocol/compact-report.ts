// The report as the map app receives it: the same decision-orbit/v2 report in a
// compact JSON form, internal between the CLI/extension and the app (the public
// `--json` output stays the plain report). At 10,000 decisions the plain form is
// 9 MB of JSON whose zod check visits a quarter of a million object keys before
// the first frame. Here every string and number of the people and decisions sits
// once in a table and the people and decisions are two flat streams of small
// integers (table indices, enum positions, list lengths, sentinels): a third of
// the bytes, and a check of flat arrays that costs a few milliseconds. So are the
// bus-factor risks, which a long-lived repository has for most of its decisions.
// The rest of the report (roster, zones, the other insights, warnings) is small
// and travels as it is.
// One field table per record (compact-fields.ts) drives this encoder and the
// reader in decode-report.ts, so the two cannot fall out of step.
import { z } from 'zod';
import { insightsSchema, reportSchema, type Report } from '../core/model/report';
import { BUS_FACTOR_RISK, DECISION, PERSON, type Codec } from './compact-fields';
import { Tables, Writer } from './compact-streams';

export const COMPACT_REPORT_FORMAT = 'decision-orbit/v2+compact-3';

/**
 * An array whose every item passes `test`: one plain loop. z.array(z.number()) gives
 * the same answer but runs a schema per item, 40–130 ms over the half a million
 * stream items of a 10,000-decision report in the browser (jitless, cold).
 */
function flatArray<T>(test: (item: unknown) => item is T, what: string): z.ZodType<T[]> {
  return z.custom<T[]>((value) => Array.isArray(value) && value.every(test), `an array of ${what}`);
}

const isString = (item: unknown): item is string => typeof item === 'string';
const isNumber = (item: unknown): item is number => typeof item === 'number' && Number.isFinite(item);
// The streams hold integers only (other numbers sit in the number table), so the
// browser parses them into small-integer arrays and reads them without boxing.
const isInteger = (item: unknown): item is number => Number.isInteger(item);

export const compactReportSchema = z.object({
  format: z.literal(COMPACT_REPORT_FORMAT),
  report: reportSchema.omit({ people: true, decisions: true, insights: true }),
  insights: insightsSchema.omit({ busFactor: true }).optional(),
  strings: flatArray(isString, 'strings'),
  numbers: flatArray(isNumber, 'numbers'),
  people: flatArray(isInteger, 'integers'),
  decisions: flatArray(isInteger, 'integers'),
  /** Empty when the report has no insights. */
  busFactor: flatArray(isInteger, 'integers'),
});
export type CompactReport = z.infer<typeof compactReportSchema>;

/** The compact form of a report, for the map app (`decodeReport` in decode-report.ts reads it back). */
export function encodeReport(report: Report): CompactReport {
  const { people, decisions, insights, ...rest } = report;
  const tables = new Tables();
  const stream = <T>(items: readonly T[], codec: Codec<T>): number[] => {
    const out = new Writer(tables);
    for (const item of items) codec.write(out, item);
    return out.items;
  };
  const peopleOut = stream(people, PERSON);
  const decisionsOut = stream(decisions, DECISION);
  const risksOut = stream(insights?.busFactor ?? [], BUS_FACTOR_RISK);
  const compact: CompactReport = {
    format: COMPACT_REPORT_FORMAT, report: rest, strings: [...tables.strings.keys()], numbers: [...tables.numbers.keys()],
    people: peopleOut, decisions: decisionsOut, busFactor: risksOut,
  };
  if (insights) compact.insights = { breadthByQuarter: insights.breadthByQuarter, drift: insights.drift, suggestedLeaders: insights.suggestedLeaders };
  return compact;
}
