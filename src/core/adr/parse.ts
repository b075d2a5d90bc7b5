// One record's text → ParsedAdr, in whatever dialect it is written. Tolerant by design:
// never throws, says what it could not read in `diagnostics`.
import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import type { AdrDateSource, AdrDiagnostic, AdrDialect, AdrLink, AdrNameRef, AdrPeopleField, AdrTeamRef, ParsedAdr } from '../model/adr';
import type { DecisionStatus } from '../model/report';
import { changelogDate } from './changelog-date';
import { normalizeDate, yearDayMonthDate } from './dates';
import { findPair, type FrontMatter } from './front-matter';
import { peopleSection, scanLayout, sectionLines, type BodyLine, type HeaderEntry, type Heading, type RecordLayout } from './layout';
import { findLeadingLinks, findLinks, LINK_KEYS } from './link-text';
import { namesFromYaml, namesUnderLabel, splitNames } from './people-values';
import { nameKind } from './name-kinds';
import { dateFromFileName, numberFromFileName, slugAsWords, titleFromFileName } from './record-name';
import { readHeaderLine, STATUS_HEADING, STATUS_IN_HEADING, type HeaderLine } from './header-fields';
import { normalizeStatus } from './status';
import { inferCategory } from './category';
import { lineAt } from './text-lines';
import { recordSummary } from './summary';
import { RESTRUCTURED_TEXT, restructuredTextAsMarkdown } from './restructured-text';
import { WORD_CHAR } from './whole-words';

export const DECISION_MAKER_KEYS = ['decision-makers', 'deciders', 'decider', 'decision-maker'] as const;
/** MADR's first section and one of its later ones: together they say a record follows MADR. */
const MADR_PROBLEM = /^context and problem statement$/i;
const MADR_OUTCOME = /^(?:decision outcome|considered options)$/i;
/**
 * A title the template left to fill: `Title`, `ADR title`, `Decision Record Title (a description
 * of the decision, not the problem)`, MADR's `{short title of solved problem and solution}`.
 */
const PLACEHOLDER_TITLE = /^(?:\[[^\]]*\]|\{[^}]*\}|(?:adr |decision |record |decision record )?title(?:\s*\([^)]*\))?|short title of solved problem and solution)$/i;
const NYGARD_CONTEXT = /^context$/i;
const NYGARD_OUTCOME = /^(?:decisions?|consequences)$/i;
const FRONT_MATTER_RECORD_KEYS = ['status', 'date', ...DECISION_MAKER_KEYS, 'consulted', 'informed'];

interface Located<T> {
  value: T;
  line: number;
}

/** `## Decision`, `## Decisions`, `## 3. Decision Outcome`, and in French, German, Spanish and Portuguese (`## Décision`, `## Entscheidung`). */
const DECISION_HEADING = new RegExp(`^(?:\\d+[.)]?\\s*)?(?:decisions?(?:\\s+outcome)?|décisions?|résultat de la décision|entscheidung(?:en)?|decisión|decisiones|decisão|decisões)(?!${WORD_CHAR})`, 'iu');
const TITLE_NUMBER = /^(?:ADR[-_\s]?)?#?(\d{1,7})(?:\s*[.:)–-]\s*|\s+)(\S.*)$/i;

/** `Decision Record: Pass user ids`, `ADR: Use Kafka`: the kind of page, not its title. */
const TITLE_LABEL = /^(?:architecture decision record|decision record|adr)\s*[:–—-]\s+(?=\S)/i;
/** `content-object-store-added-with-a-rails-engine`: adr-tools' slug left as the title. */
const SLUG_TITLE = /^[a-z0-9]+(?:-[a-z0-9]+){2,}$/;
/** A Liquid output of the page's own front matter, as Jekyll renders it: `{{ page.adr_status }}`. */
const LIQUID_PAGE_VALUE = /\{\{-?\s*page\.([\w-]+)\s*-?\}\}/g;

/** The title as a reader would say it: without a label before it, a slug in words. */
function spokenTitle(title: string): string {
  const unlabelled = title.replace(TITLE_LABEL, '');
  return SLUG_TITLE.test(unlabelled) ? slugAsWords(unlabelled) : unlabelled;
}

function splitTitleNumber(title: string): { number: number | null; title: string } {
  const match = TITLE_NUMBER.exec(title);
  return match ? { number: Number(match[1]), title: (match[2] ?? '').trim() } : { number: null, title };
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** The text of a front matter value as the author wrote it (maps and lists included). */
function yamlValueText(text: string, base: number, node: unknown): string {
  if (isScalar(node)) return scalarText(node.value);
  if ((isMap(node) || isSeq(node)) && node.range) return text.slice(base + node.range[0], base + node.range[1]).trim();
  return '';
}

class Collector {
  readonly diagnostics: AdrDiagnostic[] = [];
  readonly links: AdrLink[] = [];

  warn(code: string, message: string, line: number, severity: AdrDiagnostic['severity'] = 'warning', subject?: string): void {
    this.diagnostics.push({ code, message, line, severity, ...(subject ? { subject } : {}) });
  }

  link(kind: AdrLink['kind'], target: string, line: number): void {
    if (target.length === 0) return;
    if (this.links.some((l) => l.kind === kind && l.target === target)) return;
    this.links.push({ kind, target, resolvedPath: null, line });
  }
}

function pairLine(fm: FrontMatter, starts: readonly number[], pair: Pair): number {
  const node = isScalar(pair.value) || isMap(pair.value) || isSeq(pair.value) ? pair.value : pair.key;
  const range = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
  return lineAt(starts, fm.start + (range?.[0] ?? 0));
}

function statusFromSection(headings: readonly Heading[], body: readonly BodyLine[], collector: Collector): Located<string> | null {
  const heading = headings.find((h) => STATUS_HEADING.test(h.text));
  if (!heading) return null;
  const inline = STATUS_IN_HEADING.exec(heading.text);
  if (inline) return { value: (inline[1] ?? '').trim(), line: heading.line.number };
  // Template guidance quoted in the section (`> A decision may be "proposed" if …`) is no status.
  const lines = sectionLines(body, headings, heading);
  const unquoted = lines.filter((l) => !l.text.trim().startsWith('>'));
  const section = unquoted.length > 0 ? unquoted : lines.map((l) => ({ ...l, text: l.text.trim().replace(/^>\s*/, '') }));
  let status: Located<string> | null = null;
  for (const line of section) {
    const text = line.text.trim().replace(/^[*+-]\s+/, '');
    for (const found of findLinks(text)) collector.link(found.kind, found.target, line.number);
    const isLinkLine = findLeadingLinks(text).length > 0;
    if (status === null && !isLinkLine) status = { value: text, line: line.number };
  }
  const first = section[0];
  const chosen = status ?? (first ? { value: first.text.trim().replace(/^[*+-]\s+/, ''), line: first.number } : null);
  // "Accepted" over "Superseded by [5](..)": the later line is what the record is now.
  const replaced = section.find((line) => findLeadingLinks(line.text.trim().replace(/^[*+-]\s+/, '')).some((l) => l.kind === 'superseded-by'));
  if (chosen && replaced && !['superseded', 'deprecated'].includes(normalizeStatus(chosen.value).status)) {
    return { value: replaced.text.trim().replace(/^[*+-]\s+/, ''), line: replaced.number };
  }
  return chosen;
}

/** The names a section headed by a people field gives (`## Deciders`, then a line or a list of them). */
function sectionNames(headings: readonly Heading[], body: readonly BodyLine[], field: AdrPeopleField): AdrNameRef[] {
  return (peopleSection(body, headings, field)?.lines ?? [])
    .flatMap((line) => splitNames(namesUnderLabel(line.text.trim().replace(/^[*+-]\s+/, ''))).map((name) => ({ text: name, line: line.number })));
}

/** Names under a header field left empty (`* Deciders:` with a nested bullet per name, MADR 2). */
function nestedNames(entry: HeaderEntry, body: readonly BodyLine[], headerEnd: number): BodyLine[] {
  const indent = /^\s*/.exec(entry.line.text)?.[0].length ?? 0;
  const names: BodyLine[] = [];
  for (const line of body) {
    if (line.index <= entry.line.index) continue;
    if (line.index >= headerEnd) break;
    if (line.text.trim().length === 0) continue;
    const bullet = /^(\s*)[*+-]\s+(.*)$/.exec(line.text);
    const deeper = (bullet?.[1]?.length ?? 0) > indent || entry.field.bullet === null;
    if (!bullet || !deeper || readHeaderLine(line.text)?.field) break;
    names.push({ ...line, text: bullet[2] ?? '' });
  }
  return names;
}

/** A heading that states the record was replaced: `Superseded by [0008](…)`, `Deprecated in favour of …`. */
const REPLACED_HEADING = /^(?:superseded|replaced|deprecated|obsoleted)\s+(?:by|in favou?r of)\b/i;

/** The status a folder of the record's path gives: `_superseded/`, `superseded/`, `deprecated/`; null for none. */
function replacedFolder(path: string): 'superseded' | 'deprecated' | null {
  const folders = path.split('/').slice(0, -1).map((folder) => folder.toLowerCase().replace(/^_+/, ''));
  if (folders.includes('superseded')) return 'superseded';
  return folders.includes('deprecated') ? 'deprecated' : null;
}

/** Statuses whose date is the decision's: a superseded or deprecated record's says when it was replaced. */
const STATUSES_DATED_BY_DECIDING: ReadonlySet<DecisionStatus> = new Set(['accepted', 'proposed', 'rejected']);

/** A date a status line gives after the status: in brackets at its end, or an ISO date. */
function dateInStatus(status: string): string | null {
  const bracketed = /\(([^()]*\d{4}[^()]*)\)\s*$/.exec(status);
  if (bracketed?.[1]) return normalizeDate(bracketed[1]);
  const iso = /\b\d{4}-\d{2}-\d{2}\b/.exec(status);
  return iso ? normalizeDate(iso[0]) : null;
}

/** A title that says the page is a template (`Decision record template by Michael Nygard`): with the status still a placeholder, its text is the template's guidance. */
const NAMES_A_TEMPLATE = /\btemplate\b/i;

/** Template guidance (`> This section …`), placeholders (`{date}: {changelog}`) and headings are no prose. */
function hasProse(layout: RecordLayout): boolean {
  const headingLines = new Set(layout.headings.map((h) => h.line.index));
  return layout.body.some((line) => {
    if (headingLines.has(line.index) || line.index <= (layout.h1?.line.index ?? -1)) return false;
    const text = line.text.trim().replace(/^[*+-]\s+/, '').replace(/\{[^}]*\}/g, '').replace(/[\s:|-]+/g, '');
    return text.length > 0 && !line.text.trim().startsWith('>') && !/^(=+|-+)$/.test(line.text.trim());
  });
}

export function parseAdr(path: string, text: string): ParsedAdr {
  try {
    return parseRecord(path, text);
  } catch (error) {
    return {
      path, dialect: 'freeform', title: titleFromFileName(path), titleLine: 1, number: numberFromFileName(path),
      status: 'unknown', statusText: '', date: null, decisionMakers: [], consulted: [], informed: [], tags: [],
      category: inferCategory(path), links: [],
      diagnostics: [{ code: 'parse-error', message: `could not read the record: ${error instanceof Error ? error.message : String(error)}`, line: 1, severity: 'error' }],
    };
  }
}

function parseRecord(path: string, written: string): ParsedAdr {
  const text = RESTRUCTURED_TEXT.test(path) ? restructuredTextAsMarkdown(written) : written;
  const layout = scanLayout(text);
  const { starts, fm, body, headings, h1, header, headerEnd } = layout;
  const collector = new Collector();
  if (fm?.error) collector.warn('malformed-front-matter', `front matter is not valid YAML: ${fm.error.split('\n')[0] ?? ''}`, 1, 'error');

  const fileNumber = numberFromFileName(path);
  const fmTitle = fm?.map ? findPair(fm.map, ['title']) : undefined;
  let title: string;
  let titleLine: number;
  let number = fileNumber;
  // `ADR 1 - Use records`, `# 3. Use Kafka`: the number is the record's when the file name gives none or the same.
  const withoutNumber = (written: string): string => {
    const split = splitTitleNumber(written);
    number ??= split.number;
    return spokenTitle(split.number !== null && (fileNumber === null || fileNumber === split.number) ? split.title : written);
  };
  if (h1) {
    title = withoutNumber(h1.text);
    titleLine = h1.line.number;
    if (PLACEHOLDER_TITLE.test(title.trim())) {
      collector.warn('placeholder-title', `the title "${title.trim()}" is template text: the file name's is shown; write the record's own`, titleLine);
      title = titleFromFileName(path);
    }
  } else if (fm && fmTitle && isScalar(fmTitle.value) && scalarText(fmTitle.value.value).length > 0) {
    // `title: |` keeps the block's last line break.
    title = withoutNumber(scalarText(fmTitle.value.value).trim());
    titleLine = pairLine(fm, starts, fmTitle);
  } else {
    title = titleFromFileName(path);
    titleLine = 1;
  }
  for (const { line } of header) for (const found of findLeadingLinks(line.text)) collector.link(found.kind, found.target, line.number);
  for (const line of body) {
    if (line.index <= (h1?.line.index ?? -1) || line.index >= headerEnd || header.some((h) => h.line === line)) continue;
    for (const found of findLeadingLinks(line.text)) collector.link(found.kind, found.target, line.number);
  }
  const headerField = (name: HeaderLine['field']): HeaderEntry | undefined => header.find((h) => h.field.field === name);

  const fmIsRecord = fm?.map ? FRONT_MATTER_RECORD_KEYS.some((key) => findPair(fm.map as NonNullable<typeof fm.map>, [key])) : false;
  const fmPair = (keys: readonly string[]): Pair | undefined => (fm?.map ? findPair(fm.map, keys) : undefined);

  // Status.
  let statusText: Located<string> | null = null;
  let fromYamlMap = false;
  const statusPair = fmPair(['status']);
  if (fm && statusPair) {
    fromYamlMap = isMap(statusPair.value) || isSeq(statusPair.value);
    statusText = { value: yamlValueText(text, fm.start, statusPair.value), line: pairLine(fm, starts, statusPair) };
  }
  const headerStatus = headerField('status');
  if (!statusText && headerStatus) statusText = { value: headerStatus.field.value, line: headerStatus.line.number };
  if (!statusText) statusText = statusFromSection(headings, body, collector);
  // A Jekyll page's section shows its front matter (`{{ page.adr_status }}`): the value it shows is the status.
  if (statusText && fm?.map && statusText.value.includes('{{')) {
    const map = fm.map;
    statusText = { ...statusText, value: statusText.value.replace(LIQUID_PAGE_VALUE, (written, key: string) => {
      const pair = findPair(map, [key]);
      return pair && isScalar(pair.value) ? scalarText(pair.value.value) : written;
    }) };
  }
  if (!statusText) {
    const anyLine = body.map((line) => ({ line, field: readHeaderLine(line.text) })).find((l) => l.field?.field === 'status' && l.field.bullet === null);
    if (anyLine?.field) statusText = { value: anyLine.field.value, line: anyLine.line.number };
  }
  // `## Superseded by [Feature flags for major versions](…)`: a heading that is the status, with its link.
  const replacedHeading = statusText ? undefined : headings.find((h) => REPLACED_HEADING.test(h.text));
  if (replacedHeading) statusText = { value: replacedHeading.text.trim(), line: replacedHeading.line.number };
  let status: DecisionStatus = 'unknown';
  let placeholderStatus = false;
  const folderStatus = replacedFolder(path);
  if (statusText) {
    const normalized = normalizeStatus(statusText.value);
    status = normalized.status;
    for (const found of findLinks(statusText.value)) collector.link(found.kind, found.target, statusText.line);
    placeholderStatus = normalized.placeholder;
    if (normalized.placeholder || fromYamlMap) {
      // `{ accepted }`: the template's braces left around one choice, read as that choice.
      const message = status === 'unknown'
        ? `is a template placeholder${fromYamlMap ? ' (YAML reads it as a map)' : ''}`
        : `is in braces (template text left in${fromYamlMap ? ', a map to YAML' : ''}): read as ${status}; write ${status}`;
      collector.warn('placeholder-status', `status "${statusText.value}" ${message}`, statusText.line, 'warning', statusText.value);
    } else if (status === 'unknown') {
      collector.warn('unknown-status', `status "${statusText.value}" is none of proposed, accepted, rejected, deprecated, superseded`, statusText.line, 'warning', statusText.value);
    }
  } else if (folderStatus !== null) {
    // Kept in a `_superseded/` or `deprecated/` folder: where the team put it says what became of it.
    status = folderStatus;
  } else {
    collector.warn('no-status', 'no status found', titleLine);
  }

  // Date.
  let date: string | null = null;
  const datePair = fmPair(['date', 'last-updated']);
  const rawDate: Located<unknown> | null = fm && datePair
    ? { value: isScalar(datePair.value) ? datePair.value.value : yamlValueText(text, fm.start, datePair.value), line: pairLine(fm, starts, datePair) }
    : headerField('date') ? { value: headerField('date')?.field.value, line: headerField('date')?.line.number ?? 1 } : null;
  let dateSource: AdrDateSource | undefined;
  let slashedDate: ParsedAdr['slashedDate'];
  if (rawDate && !(rawDate.value === null || rawDate.value === '')) {
    date = normalizeDate(rawDate.value);
    if (typeof rawDate.value === 'string' && /^\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*$/.test(rawDate.value)) slashedDate = { text: rawDate.value.trim(), line: rawDate.line };
    const braced = typeof rawDate.value === 'string' ? /^\s*(\{\s*(\d{4}-\d{2}-\d{2})\s*\})\s*$/.exec(rawDate.value) : null;
    const yearDayMonth = date === null && typeof rawDate.value === 'string' ? yearDayMonthDate(rawDate.value) : null;
    if (yearDayMonth !== null) {
      date = yearDayMonth;
      collector.warn('year-day-month-date', `date "${scalarText(rawDate.value)}" puts the day before the month: read as ${yearDayMonth}; write ${yearDayMonth}`, rawDate.line, 'warning', scalarText(rawDate.value));
    }
    if (date === null) collector.warn('unreadable-date', `date "${scalarText(rawDate.value)}" is not a date Decision Orbit can read`, rawDate.line, 'warning', scalarText(rawDate.value));
    else dateSource = 'adr-field';
    // `{2024-01-02}` is the template's brace left in: read here, but a map to YAML and no date to other tools. An
    // editor hint with its quick fix, not a report warning.
    if (braced?.[1] && braced[2]) collector.warn('braced-date', `date ${braced[1]} is in braces (template text left in, a map to YAML): write ${braced[2]}`, rawDate.line, 'info', braced[1]);
  }
  const named = date === null ? dateFromFileName(path) : null;
  if (named) {
    date = named.date;
    dateSource = named.source;
  }
  // `Accepted (October 2021)`, `Accepted (07/13/2022)`, `Accepted on 2021-10-05`: a status that says when.
  const stated = date === null && statusText && STATUSES_DATED_BY_DECIDING.has(status) ? dateInStatus(statusText.value) : null;
  if (stated !== null) {
    date = stated;
    dateSource = 'adr-field';
  }
  const logged = date === null ? changelogDate(layout) : null;
  if (logged) {
    date = logged.date;
    dateSource = 'changelog';
  }

  // People; teams named among them are kept apart.
  const teams: AdrTeamRef[] = [];
  const people = (keys: readonly string[], field: AdrPeopleField): AdrNameRef[] => {
    const pair = fmPair(keys);
    const fromHeader = fm && pair
      ? namesFromYaml(pair.value, fm.start, starts)
      : header.filter((h) => h.field.field === field).flatMap((h) => (h.field.value.length > 0
        ? splitNames(h.field.value).map((name) => ({ text: name, line: h.line.number }))
        : nestedNames(h, body, headerEnd).flatMap((line) => splitNames(namesUnderLabel(line.text)).map((name) => ({ text: name, line: line.number })))));
    const refs = fromHeader.length > 0 ? fromHeader : sectionNames(headings, body, field);
    for (const ref of refs) if (nameKind(ref.text) === 'team') teams.push({ ...ref, field });
    return refs.filter((ref) => nameKind(ref.text) !== 'team');
  };
  const decisionMakers = people(DECISION_MAKER_KEYS, 'decisionMakers');
  const consulted = people(['consulted'], 'consulted');
  const informed = people(['informed'], 'informed');

  // Tags.
  const tagsPair = fmPair(['tags', 'tag']);
  const tagText = fm && tagsPair ? namesFromYaml(tagsPair.value, fm.start, starts).map((n) => n.text) : splitNames(headerField('tags')?.field.value ?? '');
  const tags = tagText.flatMap((t) => t.split(/\s+/)).map((t) => t.replace(/^#/, '')).filter((t) => t.length > 0);

  // Links from front matter keys and from lines that open with a link phrase.
  for (const [key, kind] of LINK_KEYS) {
    const pair = fmPair([key]);
    if (fm && pair) for (const ref of namesFromYaml(pair.value, fm.start, starts)) for (const target of findLinks(`${key.replace(/-/g, ' ')} ${ref.text}`).map((l) => l.target)) collector.link(kind, target, ref.line);
  }
  for (const line of body) {
    if (line.index < headerEnd) continue;
    for (const found of findLeadingLinks(line.text)) collector.link(found.kind, found.target, line.number);
  }

  let dialect: AdrDialect;
  const bullets = header.filter((h) => h.field.bullet !== null && h.field.field !== 'tags');
  if (fm && (fmIsRecord || fm.error)) dialect = fmPair(['deciders', 'decider']) ? 'madr3' : 'madr4';
  else if (bullets.length > 0) dialect = bullets.every((h) => h.field.bullet === '-') ? 'log4brains' : 'madr2';
  else if (headings.some((h) => STATUS_HEADING.test(h.text)) || header.some((h) => h.field.field === 'date' && h.field.bullet === null)) dialect = 'nygard';
  // MADR's own sections with none of its optional metadata: MADR still, where status may be left out.
  else if (headings.some((h) => MADR_PROBLEM.test(h.text)) && headings.some((h) => MADR_OUTCOME.test(h.text))) dialect = 'madr4';
  // Nygard's Context and its Decision or Consequences without its Status: a Nygard record that left the status out.
  else if (headings.some((h) => NYGARD_CONTEXT.test(h.text)) && headings.some((h) => NYGARD_OUTCOME.test(h.text))) dialect = 'nygard';
  else dialect = 'freeform';

  return {
    path, dialect, title, titleLine, number, status, statusText: statusText?.value ?? '', date, ...(dateSource ? { dateSource } : {}), ...(slashedDate ? { slashedDate } : {}),
    decisionMakers, consulted, informed, ...(placeholderStatus && (!hasProse(layout) || NAMES_A_TEMPLATE.test(title)) ? { unfilled: true as const } : {}), ...(teams.length > 0 ? { teams } : {}), tags, category: inferCategory(path), links: collector.links, diagnostics: collector.diagnostics,
    ...(headings.some((h) => h.level >= 2 && DECISION_HEADING.test(h.text.trim())) ? { decisionSection: true as const } : {}),
    summary: recordSummary(layout),
  };
}
