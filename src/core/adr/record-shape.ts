// A subfolder of an ADR folder may hold another kind of document beside a record or
// two: third-party reviews, meeting notes, research. Where most of a subfolder's pages
// are not written as decision records (no status, no decision section), only the ones
// that are count; a subfolder of records, some of them loosely written, keeps them all.
// The ADR folder itself is taken as named: a convention or a config says it holds records;
// but where its records are numbered, an unnumbered page not written as one (an overview,
// an install guide) is no record, unless a config named the folder.
import path from 'node:path';
import type { ParsedAdr } from '../model/adr';
import type { Warning } from '../model/report';
import { isIndexPage } from './record-files';
import { dateFromFileName, numberFromFileName } from './record-name';

/** Written as a decision record: a status, or a decision section. */
export function hasRecordShape(record: Pick<ParsedAdr, 'statusText' | 'decisionSection'>): boolean {
  return record.statusText.trim().length > 0 || record.decisionSection === true;
}

/**
 * The pages of each folder, a folder-per-record page left out (it stands for its folder: it is
 * no page among others), and any other page `among` leaves out.
 */
function pagesByFolder(records: readonly ParsedAdr[], among: (record: ParsedAdr, dir: string) => boolean): Map<string, ParsedAdr[]> {
  const byFolder = new Map<string, ParsedAdr[]>();
  for (const record of records) {
    const dir = path.posix.dirname(record.path);
    if (isIndexPage(path.posix.basename(record.path)) || !among(record, dir)) continue;
    const list = byFolder.get(dir);
    if (list) list.push(record);
    else byFolder.set(dir, [record]);
  }
  return byFolder;
}

/**
 * The records without the pages of subfolders that mostly hold something else, and a warning
 * per such subfolder. `namedInConfig`: adr.paths names the folders, so every page is a record.
 */
export function withoutOtherDocuments(records: readonly ParsedAdr[], folderOf: (file: string) => string, namedInConfig = false): { records: ParsedAdr[]; warnings: Warning[] } {
  const dropped = new Set<ParsedAdr>();
  const warnings: Warning[] = [];
  for (const [dir, pages] of pagesByFolder(records, (record, dir) => dir !== '.' && dir !== folderOf(record.path))) {
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
  if (!namedInConfig) warnings.push(...unnumberedOthers(records.filter((r) => !dropped.has(r)), dropped));
  return { records: records.filter((r) => !dropped.has(r)), warnings };
}

/** A record file's name that says where it stands in the series: a number or a date. */
function isNumbered(record: ParsedAdr): boolean {
  return numberFromFileName(record.path) !== null || dateFromFileName(record.path) !== null;
}

/** A page numbered 0 and not written as a record (`000-intro.rst`): the series' introduction. */
function isIntroduction(record: ParsedAdr): boolean {
  return numberFromFileName(record.path) === 0 && !hasRecordShape(record);
}

/**
 * Adds to `dropped` the unnumbered pages, and the introductions, without a record's shape in a
 * folder of numbered records; a warning per folder.
 */
function unnumberedOthers(records: readonly ParsedAdr[], dropped: Set<ParsedAdr>): Warning[] {
  const warnings: Warning[] = [];
  for (const [dir, pages] of pagesByFolder(records, () => true)) {
    const numbered = pages.filter((page) => isNumbered(page) && !isIntroduction(page)).length;
    const introductions = pages.filter(isIntroduction);
    if (numbered >= 2 && introductions.length > 0) {
      for (const page of introductions) dropped.add(page);
      const names = introductions.map((page) => path.posix.basename(page.path)).join(', ');
      const [has, isRead] = introductions.length === 1 ? ['has', 'it is an introduction, not read as a record'] : ['have', 'they are introductions, not read as records'];
      warnings.push({ code: 'adr-not-records', message: `${dir}: ${names} ${has} number 0, no status and no decision section beside ${numbered} numbered records, so ${isRead}; give it a status to read it as one`, path: dir });
    }
    const unnumbered = pages.filter((page) => !isNumbered(page));
    const others = unnumbered.filter((page) => !hasRecordShape(page));
    // Where some unnumbered pages are written as records, leaving the number off is the folder's way.
    if (others.length === 0 || others.length < unnumbered.length || numbered < 2 || numbered < others.length * 2) continue;
    for (const page of others) dropped.add(page);
    const names = others.map((page) => path.posix.basename(page.path)).join(', ');
    const [has, isRead, asRecords, each, them] = others.length === 1 ? ['has', 'it is', 'a record', 'it', 'it'] : ['have', 'they are', 'records', 'each', 'them'];
    warnings.push({
      code: 'adr-not-records',
      message: `${dir}: ${names} ${has} no number, no status and no decision section beside ${numbered} numbered records, so ${isRead} not read as ${asRecords}; give ${each} a status to read ${them} as one`,
      path: dir,
    });
  }
  return warnings;
}
