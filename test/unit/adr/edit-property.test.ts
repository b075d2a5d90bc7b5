// Property: for generated records in every dialect, an edit changes only the lines of the
// edited field, and reading the record back gives exactly what was written.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyAdrTextEdits, parseAdr, planAdrEdit, planSupersede } from '../../../src/core/adr';
import { nameKind } from '../../../src/core/adr/name-kinds';
import type { AdrPeopleField } from '../../../src/core/model/adr';

type Dialect = 'madr4' | 'madr3' | 'madr2' | 'log4brains' | 'nygard';
type YamlStyle = 'block' | 'flow' | 'string' | 'empty' | 'missing';
const FIELDS: AdrPeopleField[] = ['decisionMakers', 'consulted', 'informed'];
const STATUSES = ['accepted', 'proposed', 'rejected', 'deprecated'];

/** Names a comma list can hold; a stand-in word (`Tba`, `None`) is template text, no name. */
const plainName = fc.oneof(
  fc.stringMatching(/^[A-Z][a-z]{1,7}( [A-Z][a-z]{1,9})?$/).filter((name) => nameKind(name) === 'person'),
  fc.stringMatching(/^@[a-z][a-z0-9-]{1,8}$/),
  fc.stringMatching(/^[a-z]{2,6}\.[a-z]{2,6}@[a-z]{2,5}\.io$/),
  fc.constantFrom("Zoë O'Brien", 'José Núñez', 'Dana Chen <dana@acme.io>', '李 小龙'),
);
/** Names only a YAML list can hold (commas, colons, quotes, hashes). */
const yamlName = fc.oneof(plainName, fc.constantFrom('Li, Bob', 'Ann: lead', '"Quoted"', '#hash', 'yes', '123', 'a - b', "it's"));

const styleArb = fc.constantFrom<YamlStyle>('block', 'flow', 'string', 'empty', 'missing');

interface Record {
  dialect: Dialect;
  text: string;
  path: string;
  people: { [F in AdrPeopleField]: string[] };
  styles: { [F in AdrPeopleField]: YamlStyle };
}

const recordArb = fc.record({
  dialect: fc.constantFrom<Dialect>('madr4', 'madr3', 'madr2', 'log4brains', 'nygard'),
  number: fc.integer({ min: 1, max: 9999 }),
  title: fc.stringMatching(/^[A-Z][a-z]{2,8}( [a-z]{2,8}){0,4}$/),
  status: fc.constantFrom(...STATUSES),
  date: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  decisionMakers: fc.array(plainName, { maxLength: 3 }),
  consulted: fc.array(plainName, { maxLength: 3 }),
  informed: fc.array(plainName, { maxLength: 3 }),
  styles: fc.tuple(styleArb, styleArb, styleArb),
  present: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  comment: fc.boolean(),
  body: fc.array(fc.stringMatching(/^[A-Za-z ,.;:()'-]{0,60}$/), { maxLength: 4 }),
}).map((g): Record => {
  const people = { decisionMakers: g.decisionMakers, consulted: g.consulted, informed: g.informed };
  const styles = { decisionMakers: g.styles[0], consulted: g.styles[1], informed: g.styles[2] };
  const body = ['## Context', '', ...g.body.filter((l) => !/^\s*(#|[*+-]\s|status|date|deciders?|consulted|informed|tags|supersede|amend|relate|complement|overrid|replace|see also)/i.test(l)), '', '## Decision', '', 'We do it.', ''];
  let lines: string[];
  const keys: { [F in AdrPeopleField]: string } = {
    decisionMakers: g.dialect === 'madr3' ? 'deciders' : 'decision-makers', consulted: 'consulted', informed: 'informed',
  };
  if (g.dialect === 'madr4' || g.dialect === 'madr3') {
    const fm: string[] = ['---'];
    if (g.comment) fm.push('# Jekyll keys live here too', 'layout: adr');
    fm.push(`status: ${g.status}`, `date: ${g.date}`);
    FIELDS.forEach((field) => {
      const names = people[field];
      const style = names.length === 0 && styles[field] === 'string' ? 'empty' : styles[field];
      styles[field] = style;
      if (style === 'missing') { people[field] = []; return; }
      if (style === 'empty') { people[field] = []; fm.push(`${keys[field]}:${g.comment ? ' # nobody yet' : ''}`); return; }
      if (style === 'flow') fm.push(`${keys[field]}: [${names.map((n) => JSON.stringify(n)).join(', ')}]`);
      else if (style === 'string') fm.push(`${keys[field]}: ${JSON.stringify(names.join(', '))}`);
      else if (names.length === 0) fm.push(`${keys[field]}: []`);
      else fm.push(`${keys[field]}:`, ...names.map((n) => `  - ${JSON.stringify(n)}`));
    });
    fm.push('---', '');
    lines = [...fm, `# ${g.title}`, '', ...body];
  } else if (g.dialect === 'madr2' || g.dialect === 'log4brains') {
    const bullet = g.dialect === 'madr2' ? '*' : '-';
    const header = [`${bullet} Status: ${g.status}`];
    FIELDS.forEach((field, i) => {
      if (g.present[i] && people[field].length > 0) header.push(`${bullet} ${field === 'decisionMakers' ? 'Deciders' : field === 'consulted' ? 'Consulted' : 'Informed'}: ${people[field].join(', ')}`);
      else people[field] = [];
    });
    header.push(`${bullet} Date: ${g.date}`);
    lines = [`# ${g.title}`, '', ...header, '', ...body];
  } else {
    const header = [`Date: ${g.date}`];
    FIELDS.forEach((field, i) => {
      if (g.present[i] && people[field].length > 0) header.push(`${field === 'decisionMakers' ? 'Deciders' : field === 'consulted' ? 'Consulted' : 'Informed'}: ${people[field].join(', ')}`);
      else people[field] = [];
    });
    lines = [`# ${g.number}. ${g.title}`, '', ...header, '', '## Status', '', g.status.charAt(0).toUpperCase() + g.status.slice(1), '', ...body];
  }
  const eol = g.crlf ? '\r\n' : '\n';
  const slug = g.dialect === 'log4brains' ? `${g.date.replace(/-/g, '')}-x` : `${String(g.number).padStart(4, '0')}-x`;
  return { dialect: g.dialect, text: (g.bom ? '\uFEFF' : '') + lines.join(eol), path: `docs/adr/${slug}.md`, people, styles };
});

const LABEL: { [F in AdrPeopleField]: RegExp } = {
  decisionMakers: /^(\s*[*-]\s+)?(deciders|decision-makers)\s*:/i,
  consulted: /^(\s*[*-]\s+)?consulted\s*:/i,
  informed: /^(\s*[*-]\s+)?informed\s*:/i,
};

/** The text without the edited field's lines (a key line and the list items under it). */
function withoutField(text: string, field: AdrPeopleField): string[] {
  const lines = text.split('\n');
  const kept: string[] = [];
  let skipping = false;
  for (const line of lines) {
    if (LABEL[field].test(line.replace(/^\uFEFF/, ''))) {
      skipping = true;
      continue;
    }
    if (skipping && /^\s+-\s/.test(line)) continue;
    skipping = false;
    kept.push(line);
  }
  return kept;
}

const namesOf = (text: string, path: string, field: AdrPeopleField): string[] => parseAdr(path, text)[field].map((n) => n.text);

describe('ADR edits: properties', () => {
  it('a people edit changes only that field, in every dialect, and reads back', () => {
    fc.assert(fc.property(recordArb, fc.constantFrom(...FIELDS), fc.array(yamlName, { maxLength: 4 }), fc.array(plainName, { maxLength: 4 }), (record, field, yamlNames, plainNames) => {
      const isYaml = record.dialect === 'madr4' || record.dialect === 'madr3';
      const names = isYaml ? yamlNames : plainNames;
      const before = parseAdr(record.path, record.text);
      // Without a deciders key a MADR 3 file cannot be told from MADR 4.
      assert.equal(before.dialect, record.dialect === 'madr3' && record.styles.decisionMakers === 'missing' ? 'madr4' : record.dialect);
      for (const f of FIELDS) assert.deepEqual(before[f].map((n) => n.text), record.people[f]);
      const after = applyAdrTextEdits(record.text, planAdrEdit(record.text, record.path, { kind: 'people', field, names }));
      assert.deepEqual(namesOf(after, record.path, field), names);
      assert.deepEqual(withoutField(after, field), withoutField(record.text, field));
      const parsed = parseAdr(record.path, after);
      assert.equal(parsed.dialect, before.dialect);
      assert.deepEqual([parsed.title, parsed.status, parsed.date, parsed.number], [before.title, before.status, before.date, before.number]);
      for (const other of FIELDS.filter((f) => f !== field)) assert.deepEqual(parsed[other].map((n) => n.text), record.people[other]);
      assert.equal(after.startsWith('\uFEFF'), record.text.startsWith('\uFEFF'));
      if (record.text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after), 'every line ends in CRLF');
      else assert.ok(!after.includes('\r'), 'no CR added');
    }), { numRuns: 400 });
  });

  it('a status edit changes only the status line and reads back', () => {
    fc.assert(fc.property(recordArb, fc.constantFrom('accepted', 'Deprecated', 'superseded', 'proposed', 'Rejected: too costly'), (record, status) => {
      const after = applyAdrTextEdits(record.text, planAdrEdit(record.text, record.path, { kind: 'status', status }));
      const parsed = parseAdr(record.path, after);
      assert.equal(parsed.statusText, status);
      const strip = (text: string): string[] => text.split('\n').filter((l) => !/^(\s*[*-]\s+)?status\s*:/i.test(l) && !/^(accepted|proposed|rejected|deprecated|superseded)\b/i.test(l));
      assert.deepEqual(strip(after), strip(record.text));
      for (const f of FIELDS) assert.deepEqual(parsed[f].map((n) => n.text), record.people[f]);
    }), { numRuns: 300 });
  });

  it('superseding links both records, marks the older one superseded and adds or changes nothing else', () => {
    fc.assert(fc.property(recordArb, recordArb, (newer, olderRecord) => {
      const older = { ...olderRecord, path: olderRecord.path.replace('docs/adr/', 'services/p/docs/decisions/') };
      const plan = planSupersede(newer, older);
      const newerOut = applyAdrTextEdits(newer.text, plan.newer);
      const olderOut = applyAdrTextEdits(older.text, plan.older);
      const newerParsed = parseAdr(newer.path, newerOut);
      const olderParsed = parseAdr(older.path, olderOut);
      assert.deepEqual(newerParsed.links.map((l) => [l.kind, l.target]), [['supersedes', `../../services/p/docs/decisions/${older.path.split('/').pop() ?? ''}`]]);
      assert.equal(olderParsed.status, 'superseded');
      assert.deepEqual(olderParsed.links.map((l) => [l.kind, l.target]), [['superseded-by', `../../../../docs/adr/${newer.path.split('/').pop() ?? ''}`]]);
      // The newer record only gains lines; the older one changes only its status line.
      const added = (before: string, after: string): string[] => {
        const rest = [...before.split('\n')];
        return after.split('\n').filter((line) => {
          const at = rest.indexOf(line);
          if (at === -1) return true;
          rest.splice(at, 1);
          return false;
        });
      };
      assert.ok(added(newer.text, newerOut).every((l) => /^(\* |- )?Supersedes \[|^\r?$/.test(l)), newerOut);
      assert.equal(newerOut.split('\n').length - newer.text.split('\n').length, added(newer.text, newerOut).length);
      assert.deepEqual(added(older.text, olderOut).map((l) => /superseded by/i.test(l)), [true]);
      for (const f of FIELDS) {
        assert.deepEqual(newerParsed[f].map((n) => n.text), newer.people[f]);
        assert.deepEqual(olderParsed[f].map((n) => n.text), older.people[f]);
      }
    }), { numRuns: 300 });
  });
});
