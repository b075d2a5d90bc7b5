// `05/02/2018` is 5 February in one team and 2 May in another. A folder whose records
// write some dates that can only be day-first (`28/03/2018`) and none that can only be
// month-first says how to read its ambiguous ones, and the other way round.
import type { ParsedAdr } from '../model/adr';
import { DAY_MS } from '../util/day';
import { type DateOrder, readSlashedDate, slashedDateOrder } from './dates';

export function readSlashedDates(records: readonly ParsedAdr[], folderOf: (file: string) => string): ParsedAdr[] {
  const orders = new Map<string, Set<DateOrder>>();
  for (const record of records) {
    const order = record.slashedDate ? slashedDateOrder(record.slashedDate.text) : null;
    if (!order) continue;
    const folder = folderOf(record.path);
    orders.set(folder, (orders.get(folder) ?? new Set<DateOrder>()).add(order));
  }
  return records.map((record) => {
    const seen = orders.get(folderOf(record.path));
    if (seen?.size !== 1) return record;
    return readAs(record, (text) => readSlashedDate(text, [...seen][0] ?? 'day-first'));
  });
}

/** The record with its slashed date read by `read` (its unreadable-date finding gone); as it was when `read` gives null or the date was read already. */
function readAs(record: ParsedAdr, read: (text: string) => string | null): ParsedAdr {
  const slashed = record.slashedDate;
  if (!slashed || record.dateSource === 'adr-field') return record;
  const date = read(slashed.text);
  if (date === null) return record;
  const diagnostics = record.diagnostics.filter((d) => !(d.code === 'unreadable-date' && d.line === slashed.line));
  return { ...record, date, dateSource: 'adr-field', diagnostics };
}

/** How far from the day of a commit to the record its own date may be, and be told from the other reading by it. */
const NEAR_DAYS = 14;

/**
 * A slashed date that reads both ways and that its folder does not settle (`04/07/2023` where
 * every date of the folder does): the reading within NEAR_DAYS of a commit to the record, when
 * the other is near none. A record's date is most often written the day it is committed; which
 * commit wrote it is not known, so the record's first adding alone could mislead (a record
 * added in May and given its date when it was rewritten in July). `commitDays`: the days
 * (YYYY-MM-DD) of the commits to the record.
 */
export function readSlashedDatesByHistory(records: readonly ParsedAdr[], commitDays: (file: string) => readonly string[]): ParsedAdr[] {
  return records.map((record) => readAs(record, (text) => {
    const days = commitDays(record.path).map((day) => Date.parse(day));
    const near = new Set(ORDERS.map((order) => readSlashedDate(text, order))
      .filter((date): date is string => date !== null && days.some((day) => Math.abs(Date.parse(date) - day) <= NEAR_DAYS * DAY_MS)));
    return near.size === 1 ? [...near][0] ?? null : null;
  }));
}

const ORDERS: readonly DateOrder[] = ['day-first', 'month-first'];
