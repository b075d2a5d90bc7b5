// A subfolder of an ADR folder may hold another kind of document beside a record or
// two: third-party reviews, meeting notes, research. Where most of a subfolder's pages
// are not written as decision records (no status, no decision section), only the ones
// that are count; a subfolder of records, some of them loosely written, keeps them all.
// The ADR folder itself is taken as named: a convention or a config says it holds records.
import path from 'node:path';
import type { ParsedAdr } from '../model/adr';
import type { Warning } from '../model/report';
import { isIndexPage } from './record-files';

/** Written as a decision record: a status, or a decision section. */
export function hasRecordShape(record: Pick<ParsedAdr, 'statusText' | 'decisionSection'>): boolean {
  return record.statusText.trim().length > 0 || record.decisionSection === true;
}

/** The records without the pages of subfolders that mostly hold something else, and a warning per such subfolder. */
export function withoutOtherDocuments(records: readonly ParsedAdr[], folderOf: (file: string) => string): { records: ParsedAdr[]; warnings: Warning[] } {
  const bySubfolder = new Map<string, ParsedAdr[]>();
  for (const record of records) {
    const dir = path.posix.dirname(record.path);
    // A folder-per-record page stands for its folder: it is no page among others.
    if (dir === '.' || dir === folderOf(record.path) || isIndexPage(path.posix.basename(record.path))) continue;
    const list = bySubfolder.get(dir);
    if (list) list.push(record);
    else bySubfolder.set(dir, [record]);
  }
  const dropped = new Set<ParsedAdr>();
  const warnings: Warning[] = [];
  for (const [dir, pages] of bySubfolder) {
    const shaped = pages.filter(hasRecordShape).length;
    if (shaped * 2 >= pages.length) continue;
    const others = pages.filter((page) => !hasRecordShape(page));
    for (const page of others) dropped.add(page);
    const kept = shaped === 0 ? 'none is read as a record' : `only the ${shaped === 1 ? 'one' : shaped} written as ${shaped === 1 ? 'a decision record is' : 'decision records are'} read`;
    warnings.push({
      code: 'adr-not-records',
      message: `${dir}: ${others.length} of its ${pages.length} pages have no status and no decision section, so the folder holds another kind of document and ${kept}; name the folder in adr.paths to read every page as a record`,
      path: dir,
    });
  }
  return { records: records.filter((r) => !dropped.has(r)), warnings };
}
