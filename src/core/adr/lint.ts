// Lint findings per record (Problems panel, report warnings), with stable codes:
// the parser's own (unknown-status, no-status, placeholder-status, placeholder-title, unreadable-date, year-day-month-date, malformed-front-matter)
// plus no-status-field, no-decision-makers, superseded-without-successor, broken-link, duplicate-number, unknown-person.
import path from 'node:path';
import type { AdrDiagnostic, ParsedAdr } from '../model/adr';

const hasNoStatus = (record: ParsedAdr): boolean => record.diagnostics.some((d) => d.code === 'no-status');

/**
 * Dialects where most records (of two or more) state no status: the repository's way of
 * writing them (MADR makes status optional), said once on the first record rather than once
 * per file; where only a few lack one, each is an omission and says so. Free-form records are
 * such a way only when no record of the repository states a status.
 */
function statuslessDialects(records: readonly ParsedAdr[]): { dialects: Set<string>; summaries: Map<string, AdrDiagnostic> } {
  const byDialect = new Map<string, ParsedAdr[]>();
  for (const record of records) {
    const group = byDialect.get(record.dialect);
    if (group) group.push(record);
    else byDialect.set(record.dialect, [record]);
  }
  const dialects = new Set<string>();
  const summaries = new Map<string, AdrDiagnostic>();
  for (const [dialect, group] of byDialect) {
    const statusless = group.filter(hasNoStatus);
    if (group.length < 2 || statusless.length * 2 <= group.length || (dialect === 'freeform' && !records.every(hasNoStatus))) continue;
    dialects.add(dialect);
    const first = [...statusless].sort((a, b) => a.path.localeCompare(b.path))[0];
    const message = statusless.length === group.length
      ? `none of the ${group.length} ${dialect} records states a status, so all of them are read as unknown`
      : `${statusless.length} of the ${group.length} ${dialect} records state no status, so they are read as unknown`;
    if (first) summaries.set(first.path, { code: 'no-status-field', message, line: first.titleLine, severity: 'warning' });
  }
  return { dialects, summaries };
}

/** A finding as a report warning: the code prefixed `adr-`, the message with `file:line: ` before it (the CLI prints it alone). */
export function findingWarning(file: string, finding: AdrDiagnostic): { code: string; message: string; path: string; line: number } {
  return { code: `adr-${finding.code}`, message: `${file}:${finding.line}: ${finding.message}`, path: file, line: finding.line };
}

/** The finding a record's warning came from (null for other warnings): the one code and message every editor surface shows. */
export function warningFinding(warning: { code: string; message: string; path: string | null; line?: number }): Pick<AdrDiagnostic, 'code' | 'message' | 'line'> | null {
  if (!warning.code.startsWith('adr-') || warning.path === null || warning.line === undefined) return null;
  const prefix = `${warning.path}:${warning.line}: `;
  return { code: warning.code.slice('adr-'.length), message: warning.message.startsWith(prefix) ? warning.message.slice(prefix.length) : warning.message, line: warning.line };
}

export function lintAdrs(records: ParsedAdr[], isKnownPerson?: (text: string) => boolean): Map<string, AdrDiagnostic[]> {
  const result = new Map<string, AdrDiagnostic[]>();
  const { dialects, summaries } = statuslessDialects(records);
  const byFolderNumber = new Map<string, ParsedAdr[]>();
  for (const record of records) {
    if (record.number === null) continue;
    const key = `${path.posix.dirname(record.path)}\u0000${record.number}`;
    byFolderNumber.set(key, [...(byFolderNumber.get(key) ?? []), record]);
  }
  for (const record of records) {
    const found: AdrDiagnostic[] = record.diagnostics.map((d) => (d.code === 'no-status' && dialects.has(record.dialect) ? { ...d, severity: 'info' } : d));
    const summary = summaries.get(record.path);
    if (summary) found.push(summary);
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
        if (!isKnownPerson(ref.text)) found.push({ code: 'unknown-person', message: `"${ref.text}" matches nobody known in the repository history or config`, line: ref.line, severity: 'info', subject: ref.text });
      }
    }
    result.set(record.path, found);
  }
  return result;
}
