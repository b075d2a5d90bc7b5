// Issue 13's traps on a scripted repository: every record found and only records, fields as
// written, one person per human.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeRepository } from '../../src/core/analyze';
import { reportSchema, type Report } from '../../src/core/model/report';
import { AnalysisCache } from '../../src/core/analysis-cache';
import { fixtureGitEnv } from '../fixtures/git';
import { recordingGit } from '../fixtures/recording-git';
import { AI_RECORD, AMBIGUOUS_DATE_RECORD, buildRecordsTraps, EDITED_RECORD, IMPORTED_RECORDS, RECORD_EDITS, RESTORED_RECORD, RST_RECORD, SWEPT_IN_RECORD, TRAP_PEOPLE, TRAP_RECORDS, WRITTEN_TOGETHER } from '../fixtures/records-traps';

const GIT_ISOLATION = ['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL'] as const;

describe('records and people as written (scripted traps)', function () {
  const savedEnv = GIT_ISOLATION.map((key) => [key, process.env[key]] as const);
  let dir: string;
  let report: Report;
  let root: string;
  const decision = (file: string): Report['decisions'][number] => {
    const found = report.decisions.find((d) => d.path === file);
    assert.ok(found, file);
    return found;
  };
  const personNamed = (name: string): Report['people'] => report.people.filter((p) => p.name === name);

  before(async function () {
    for (const key of GIT_ISOLATION) process.env[key] = fixtureGitEnv()[key];
    dir = mkdtempSync(path.join(tmpdir(), 'records-traps-'));
    const repo = await buildRecordsTraps(path.join(dir, 'repo'));
    root = repo.root;
    report = reportSchema.parse(await analyzeRepository({ root: repo.root, now: new Date('2021-07-01T00:00:00Z') }));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [key, value] of savedEnv) if (value === undefined) delete process.env[key]; else process.env[key] = value;
  });

  it('finds every record and nothing else: a folder per record, a record named like a template, no test-folder records', () => {
    assert.deepEqual(report.decisions.filter((d) => d.source === 'adr').map((d) => d.path).sort(), [...TRAP_RECORDS]);
    assert.deepEqual(personNamed('John Doe'), []);
  });

  it('reads a reStructuredText record as written, and its author from the commit that added it', () => {
    const sphinx = decision(RST_RECORD);
    assert.deepEqual([sphinx.title, sphinx.number, sphinx.status, sphinx.date, sphinx.dateSource], ['Use Sphinx for the handbook', 12, 'proposed', '2021-06-13', 'git']);
    const mark = personNamed('Mark Wallace')[0];
    assert.ok(mark);
    assert.deepEqual(sphinx.decisionMakers, [mark.id]);
    assert.ok(sphinx.evidence.some((e) => e.source === 'commit-author' && e.person === personNamed('Sergey Menshykh')[0]?.id), JSON.stringify(sphinx.evidence));
  });

  it('takes no AI assistant for a decision-maker and no position for a person: the record\'s human decided', () => {
    const review = decision(AI_RECORD);
    const ann = personNamed('Ann Lee')[0];
    assert.ok(ann);
    assert.deepEqual([review.decisionMakers, review.consulted], [[ann.id], []]);
    assert.deepEqual(review.teams, [{ name: 'Tech Lead', role: 'consulted' }]);
    assert.ok(!report.people.some((p) => /^(?:codex|agent|tech lead)$/i.test(p.name)), report.people.map((p) => p.name).join(', '));
  });

  it('reads status, dates and their source as written', () => {
    assert.deepEqual([decision('docs/adr/0002-use-kafka.md').status, decision('docs/adr/0002-use-kafka.md').supersededBy], ['superseded', ['adr:docs/adr/0003-platform-queues.md']]);
    const folder = decision('docs/developer/decision-records/2021-03-01-use-queues/README.md');
    assert.deepEqual([folder.date, folder.dateSource], ['2021-03-01', 'folder']);
    const braces = decision('docs/adr/0001-use-handlebars-as-template-engine.md');
    assert.deepEqual([braces.date, braces.dateSource], ['2021-03-02', 'adr-field']);
    const table = decision(SWEPT_IN_RECORD);
    assert.deepEqual([table.status, table.statusText, table.date, table.dateSource, table.tags], ['accepted', 'Approved', '2021-05-19', 'adr-field', ['client']]);
    const ambiguous = decision(AMBIGUOUS_DATE_RECORD);
    assert.deepEqual([ambiguous.date, ambiguous.dateSource], ['2021-06-12', 'adr-field']);
    assert.ok(!report.warnings.some((w) => w.path === AMBIGUOUS_DATE_RECORD), JSON.stringify(report.warnings));
  });

  it('keeps teams and template text out of the people', () => {
    const queues = decision('docs/adr/0003-platform-queues.md');
    assert.deepEqual(queues.teams, [{ name: '@acme/platform', role: 'decision-maker' }, { name: 'SK-3P-FTE', role: 'decision-maker' }]);
    assert.deepEqual(queues.informed, []);
    assert.ok(!report.people.some((p) => /list everyone|SK-3P-FTE|@acme\/platform/.test(p.name)), report.people.map((p) => p.name).join(', '));
  });

  it('gives one person per human: handles, CamelCase, "Name @handle" trailers, a Latin-1 name', () => {
    const handlebars = decision('docs/adr/0001-use-handlebars-as-template-engine.md');
    const mark = personNamed('Mark Wallace');
    assert.equal(mark.length, 1);
    assert.ok(handlebars.decisionMakers.includes(mark[0]?.id ?? ''), 'the bare handle in the record is Mark');
    const sergey = report.people.filter((p) => /sergey/i.test(p.name));
    assert.equal(sergey.length, 1, sergey.map((p) => p.name).join(', '));
    assert.ok(handlebars.decisionMakers.includes(sergey[0]?.id ?? ''));
    assert.ok(sergey[0]?.mergedBecause?.some((reason) => /CamelCase/.test(reason)));
    const andrew = report.people.filter((p) => /andhesky|Andrew Hesky/i.test(p.name));
    assert.deepEqual(andrew.map((p) => p.name), ['Andrew Hesky']);
    const jose = personNamed('José Müller');
    assert.equal(jose.length, 1, report.people.map((p) => p.name).join(', '));
    assert.ok(decision('docs/adr/0003-platform-queues.md').decisionMakers.includes(jose[0]?.id ?? ''));
  });

  it('gives nobody involvement from a bulk import or a lint sweep, but the sweep\'s own new record; imported records are unattributed, and the report says why', () => {
    const linda = personNamed(TRAP_PEOPLE.linter.name)[0]?.id;
    const ivan = personNamed(TRAP_PEOPLE.importer.name)[0]?.id;
    assert.ok(linda && ivan);
    for (const d of report.decisions) if (d.path !== SWEPT_IN_RECORD) assert.ok(!d.evidence.some((e) => e.person === linda || e.person === ivan), d.id);
    assert.deepEqual(decision(SWEPT_IN_RECORD).evidence.map((e) => [e.person, e.role, e.level, e.inferred]), [[linda, 'author', 'decided', true]]);
    for (const file of IMPORTED_RECORDS) assert.deepEqual([decision(file).involvement, decision(file).evidence], ['unattributed', []], file);
    const kafka = decision('docs/adr/0002-use-kafka.md');
    assert.ok(kafka.evidence.some((e) => e.person === personNamed('Mark Wallace')[0]?.id && e.role === 'author'));
    const unknown = report.warnings.filter((w) => w.code === 'adr-first-author-unknown');
    assert.equal(unknown.length, 1);
    assert.match(unknown[0]?.message ?? '', /added 6 records at once/);
    // Six records added at once but each dated in the weeks before: Ann wrote them.
    const ann = personNamed(TRAP_PEOPLE.ann.name)[0]?.id;
    for (const file of WRITTEN_TOGETHER) assert.deepEqual(decision(file).evidence.map((e) => [e.person, e.role]), [[ann, 'author']], file);
  });

  it('gives a later author decided for accepting a record without decision-makers, consulted for a decision change, informed for a typo fix', () => {
    const edited = decision(EDITED_RECORD);
    const id = (who: keyof typeof TRAP_PEOPLE): string => report.people.find((p) => p.emails.includes(TRAP_PEOPLE[who].email))?.id ?? who;
    const later = edited.evidence.filter((e) => e.role === 'author' && e.person !== id('ann'));
    const LEVELS = { accepted: 'decided', decision: 'consulted', other: 'informed' } as const;
    assert.deepEqual(later.map((e) => [e.person, e.level, e.change]).reverse(), RECORD_EDITS.map((edit) => [id(edit.by), LEVELS[edit.change], edit.change]));
    assert.ok(edited.evidence.some((e) => e.person === id('ann') && e.level === 'decided'));
  });

  it('a record deleted and added again keeps its first author; the code of its older PR stays a decision of its own', () => {
    const restored = decision(RESTORED_RECORD);
    const id = (who: keyof typeof TRAP_PEOPLE): string => report.people.find((p) => p.emails.includes(TRAP_PEOPLE[who].email))?.id ?? who;
    assert.deepEqual(restored.evidence.filter((e) => e.level === 'decided').map((e) => e.person), [id('mark')]);
    assert.deepEqual(restored.files, []);
    const redis = report.decisions.find((d) => d.source === 'git' && d.kinds.includes('dependency'));
    assert.ok(redis, report.decisions.map((d) => d.id).join(', '));
    assert.deepEqual(redis.decisionMakers, [id('mark')]);
  });

  it('reads every record edit and signal file in one cat-file batch, none at all on a refresh from the kept cache', async () => {
    const git = await recordingGit(dir);
    const catFiles = (): string[] => git.commands().filter((line) => / cat-file /.test(` ${line} `));
    const cache = new AnalysisCache();
    await analyzeRepository({ root, gitPath: git.gitPath, cache, now: new Date('2021-07-01T00:00:00Z') });
    const first = catFiles().length;
    assert.equal(first, 1, "one cat-file reads the records' edits and the signal files");
    const again = await analyzeRepository({ root, gitPath: git.gitPath, cache, now: new Date('2021-07-01T00:00:00Z') });
    assert.equal(catFiles().length, first, 'a refresh read blobs again');
    assert.deepEqual(again.decisions.find((d) => d.path === EDITED_RECORD)?.evidence, decision(EDITED_RECORD).evidence);
  });
});
