// The YAML documents of a schema, pipeline or manifest file for the structural
// readers: through the outline where it can say what `yaml` would give, else
// through `yaml` itself. Either way the reader sees the same values.
import { parse as parseYaml } from 'yaml';
import { outlineDocuments, OutsideOutline } from './yaml-outline';

/** A line that starts the next YAML document. */
export const DOCUMENT_SEPARATOR = /^---\s*$/m;
/**
 * A template's action opening a line or a value (Go's `{{- if .Values.x }}`, `image: {{ .Values.image }}`;
 * Jinja's `{% if %}`): a Helm chart's or a Salt state's template, no YAML until rendered.
 * `yaml` would report an error per token of it, thousands in a chart's CRD template.
 */
const TEMPLATE_ACTION = /^[ \t]*(?:-[ \t]+)?\{[{%]|:[ \t]+\{[{%]/m;

/** Whether a template's action opens one of the text's lines or values (see TEMPLATE_ACTION). */
export function holdsTemplateActions(text: string): boolean {
  return TEMPLATE_ACTION.test(text);
}

/** YAML documents of a file, or null when it does not parse (Helm templates, say). */
export function yamlDocuments(text: string): unknown[] | null {
  return holdsTemplateActions(text) ? null : parsedDocuments(text);
}

/** `yaml`'s documents of a text known to be shaped as YAML (a template's action in it is a block scalar's text). */
function parsedDocuments(text: string): unknown[] | null {
  // What went wrong is not read, only that something did: no stack trace for each of `yaml`'s errors.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return text.split(DOCUMENT_SEPARATOR).map((part) => parseYaml(part, { logLevel: 'silent' }) as unknown);
  } catch {
    return null;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * What `read` makes of the text's documents (as yamlDocuments gives them). It runs
 * on the outline first and, when the outline refuses the text or a value `read`
 * reaches for, again on yaml's parse: so `read` must keep what it finds to itself
 * until it returns. `deepest`: the depth of the deepest collection `read` looks
 * into (a document is 0); the outline builds none deeper, and a `read` that
 * reaches further is run on yaml's parse. A text the outline read is shaped as
 * YAML, so a template's action in it is some block scalar's text, not a template.
 */
export function withYamlDocuments<T>(text: string, read: (documents: unknown[] | null) => T, deepest = Infinity): T {
  let outlined: unknown[];
  try {
    outlined = outlineDocuments(text, DOCUMENT_SEPARATOR, deepest);
  } catch (error) {
    if (!(error instanceof OutsideOutline)) throw error;
    return read(yamlDocuments(text));
  }
  try {
    return read(outlined);
  } catch (error) {
    if (!(error instanceof OutsideOutline)) throw error;
    return read(parsedDocuments(text));
  }
}
