// A decision record as read from its file (src/core/adr), before people are
// resolved and involvement is computed (src/core/analysis).
import type { DecisionStatus } from './report';

export type AdrDialect = 'nygard' | 'madr2' | 'log4brains' | 'madr3' | 'madr4' | 'freeform';

export type AdrPeopleField = 'decisionMakers' | 'consulted' | 'informed';

/** A name string exactly as written in the record, with where it stands. */
export interface AdrNameRef {
  text: string;
  /** 1-based line in the file. */
  line: number;
}

/** Where a record's date was read: its own field, its file name, its folder name, its changelog's first entry (git dates are the analysis's). */
export type AdrDateSource = 'adr-field' | 'filename' | 'folder' | 'changelog';

/** A team named in a people field (`@org/platform`, `SK-3P-FTE`, `Platform team`): shown, never a person. */
export interface AdrTeamRef extends AdrNameRef {
  field: AdrPeopleField;
}

export type AdrLinkKind = 'supersedes' | 'superseded-by' | 'amends' | 'amended-by' | 'relates-to';

export interface AdrLink {
  kind: AdrLinkKind;
  /** The target as written: a relative path, a number or a slug. */
  target: string;
  /** Repository-relative path of the target once resolved, or null when it names no known record. */
  resolvedPath: string | null;
  line: number;
  /** True when the record does not say it: derived from the other record's link (line is then the title line). */
  derived?: boolean;
}

export interface AdrDiagnostic {
  code: string;
  message: string;
  line: number;
  /** The name or value on `line` the finding is about, as written: where an editor underlines. */
  subject?: string;
  severity: 'error' | 'warning' | 'info';
}

export interface ParsedAdr {
  /** Repository-relative POSIX path: the record's id. */
  path: string;
  dialect: AdrDialect;
  title: string;
  titleLine: number;
  number: number | null;
  status: DecisionStatus;
  statusText: string;
  /** YYYY-MM-DD or null. */
  date: string | null;
  /** Where `date` was read; absent when there is no date. */
  dateSource?: AdrDateSource;
  /** The date field as written, when it is a slashed date (`05/02/2018`): its folder tells the order. */
  slashedDate?: { text: string; line: number };
  decisionMakers: AdrNameRef[];
  consulted: AdrNameRef[];
  informed: AdrNameRef[];
  /** A template, its status still the template's placeholder: with its title filled in and nothing else (a number kept free), or a title that names a template. Not a record. */
  unfilled?: true;
  /** Teams named in the people fields. */
  teams?: AdrTeamRef[];
  tags: string[];
  /** Category from a subfolder of the ADR folder, when there is one. */
  category: string | null;
  links: AdrLink[];
  diagnostics: AdrDiagnostic[];
  /** It has a `Decision` / `Decision Outcome` section: with a status, what makes a page a decision record. */
  decisionSection?: true;
  /** Markdown of the decision section (src/core/adr/summary.ts); untrusted text. */
  summary?: string;
}
