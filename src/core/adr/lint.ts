// Lint findings per record (Problems panel, report warnings), with stable codes:
// the parser's own (unknown-status, placeholder-status, unreadable-date, malformed-front-matter)
// plus no-decision-makers, superseded-without-successor, broken-link, duplicate-number, unknown-person.
import path from 'node:path';
import type { AdrDiagnostic, ParsedAdr } from '../model/adr';

export function lintAdrs(records: ParsedAdr[], isKnownPerson?: (text: string) => boolean): Map<string, AdrDiagnostic[]> {
  const result = new Map<string, AdrDiagnostic[]>();
  const byFolderNumber = new Map<string, ParsedAdr[]>();
  for (const record of records) {
    if (record.number === null) continue;
    const key = `${path.posix.dirname(record.path)}\u0000${record.number}`;
    byFolderNumber.set(key, [...(byFolderNumber.get(key) ?? []), record]);
  }
  for (const record of records) {
    const found: AdrDiagnostic[] = [...record.diagnostics];
    if (record.decisionMakers.length === 0) {
      found.push({ code: 'no-decision-makers', message: 'no decision-makers named: say who decided', line: record.titleLine, severity: 'info' });
    }
    if (record.status === 'superseded' && !record.links.some((l) => l.kind === 'superseded-by')) {
      found.push({ code: 'superseded-without-successor', message: 'superseded, but no record says what supersedes it', line: record.titleLine, severity: 'warning' });
    }
    for (const link of record.links) {
      if (link.resolvedPath === null && !/^[a-z]+:\/\//i.test(link.target)) {
        found.push({ code: 'broken-link', message: `"${link.kind}" names ${link.target}, which is no known record`, line: link.line, severity: 'warning' });
      }
    }
    const twins = record.number === null ? [] : byFolderNumber.get(`${path.posix.dirname(record.path)}\u0000${record.number}`) ?? [];
    if (twins.length > 1) {
      const others = twins.filter((t) => t !== record).map((t) => path.posix.basename(t.path)).join(', ');
      found.push({ code: 'duplicate-number', message: `number ${record.number} is also used by ${others}`, line: record.titleLine, severity: 'info' });
    }
    if (isKnownPerson) {
      for (const ref of [...record.decisionMakers, ...record.consulted, ...record.informed]) {
        if (!isKnownPerson(ref.text)) found.push({ code: 'unknown-person', message: `"${ref.text}" matches nobody known in the repository history or config`, line: ref.line, severity: 'info' });
      }
    }
    result.set(record.path, found);
  }
  return result;
}
