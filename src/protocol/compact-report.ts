// The report as the map app receives it: the decision-orbit/v2 report, less the
// fields no part of the map shows (compact-fields.ts), in a compact JSON form,
// internal between the CLI/extension and the app (the public `--json` output
// stays the plain report). At 10,000 decisions the plain form is
// 9 MB of JSON whose zod check visits a quarter of a million object keys before
// the first frame. Here every string and number of the people and decisions sits
// once in a table, ranked by use, and the people and decisions are two streams of
// small integers (table codes, enum positions, list lengths, sentinels), each one
// string of variable-length digits (compact-streams.ts): a fifth of the bytes, a
// check of a few strings and arrays, and no JSON numbers to parse. So are the
// bus-factor risks, which a long-lived repository has for most of its decisions.
// The rest of the report (roster, zones, the other insights, warnings) is small
// and travels as it is.
// One field table per record (compact-fields.ts) drives this encoder and the
// reader in decode-report.ts, so the two cannot fall out of step.
import * as z from 'zod';
import { insightsSchema, reportSchema, type Report } from '../core/model/report';
import { BUS_FACTOR_RISK, DECISION, PERSON, type Codec } from './compact-fields';
import { Counter, Tables, Writer, type Sink } from './compact-streams';

export const COMPACT_REPORT_FORMAT = 'decision-orbit/v2+compact-5';

/**
 * An array whose every item passes `test`: one plain loop. z.array(z.string()) gives
 * the same answer but runs a schema per item, tens of milliseconds over the tables
 * of a 10,000-decision report in the browser (jitless, cold).
 */
function flatArray<T>(test: (item: unknown) => item is T, what: string): z.ZodType<T[]> {
  return z.custom<T[]>((value) => Array.isArray(value) && value.every(test), `an array of ${what}`);
}

const isString = (item: unknown): item is string => typeof item === 'string';
const isNumber = (item: unknown): item is number => typeof item === 'number' && Number.isFinite(item);

function tableSchema<T>(test: (item: unknown) => item is T, what: string): z.ZodType<{ shared: T[]; once: T[] }> {
  return z.object({ shared: flatArray(test, what), once: flatArray(test, what) });
}

export const compactReportSchema = z.object({
  format: z.literal(COMPACT_REPORT_FORMAT),
  report: reportSchema.omit({ people: true, decisions: true, insights: true }),
  insights: insightsSchema.omit({ busFactor: true }).optional(),
  strings: tableSchema(isString, 'strings'),
  numbers: tableSchema(isNumber, 'numbers'),
  // The streams' digits are checked as they are read.
  people: z.string(),
  decisions: z.string(),
  /** Empty when the report has no insights. */
  busFactor: z.string(),
});
export type CompactReport = z.infer<typeof compactReportSchema>;

/** The compact form of a report, for the map app (`decodeReport` in decode-report.ts reads it back). */
export function encodeReport(report: Report): CompactReport {
  const { people, decisions, insights, ...rest } = report;
  const risks = insights?.busFactor ?? [];
  // Two passes: the first counts every string's and number's uses, so the second can give the most used the shortest codes.
  const write = <T>(out: Sink, items: readonly T[], codec: Codec<T>): void => {
    for (const item of items) codec.write(out, item);
  };
  const counter = new Counter();
  write(counter, people, PERSON);
  write(counter, decisions, DECISION);
  write(counter, risks, BUS_FACTOR_RISK);
  const tables = new Tables(counter);
  const stream = <T>(items: readonly T[], codec: Codec<T>): string => {
    const out = new Writer(tables);
    write(out, items, codec);
    return out.text;
  };
  // In the order decodeReport reads them: the used-once values are taken in turn across the three.
  const peopleOut = stream(people, PERSON);
  const decisionsOut = stream(decisions, DECISION);
  const risksOut = stream(risks, BUS_FACTOR_RISK);
  const compact: CompactReport = {
    format: COMPACT_REPORT_FORMAT, report: rest, strings: tables.strings.table, numbers: tables.numbers.table,
    people: peopleOut, decisions: decisionsOut, busFactor: risksOut,
  };
  if (insights) compact.insights = { breadthByQuarter: insights.breadthByQuarter, drift: insights.drift, suggestedLeaders: insights.suggestedLeaders };
  return compact;
}
