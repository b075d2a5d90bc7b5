// `05/02/2018` is 5 February in one team and 2 May in another. A folder whose records
// write some dates that can only be day-first (`28/03/2018`) and none that can only be
// month-first says how to read its ambiguous ones, and the other way round.
import type { ParsedAdr } from '../model/adr';
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
    const slashed = record.slashedDate;
    if (!slashed || record.dateSource === 'adr-field' || seen?.size !== 1) return record;
    const date = readSlashedDate(slashed.text, [...seen][0] ?? 'day-first');
    if (date === null) return record;
    const diagnostics = record.diagnostics.filter((d) => !(d.code === 'unreadable-date' && d.line === slashed.line));
    return { ...record, date, dateSource: 'adr-field', diagnostics };
  });
}
