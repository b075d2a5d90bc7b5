// Status, dates and people exactly as real records write them, one literal text per dialect.
import assert from 'node:assert/strict';
import { applyAdrTextEdits, lintAdrs, parseAdr, planAdrEdit, readAdrs } from '../../../src/core/adr';
import { recordChange } from '../../../src/core/adr/record-change';
import type { ParsedAdr } from '../../../src/core/model/adr';
import { DEFAULT_CONFIG } from '../../../src/core/config/schema';
import { tempTree } from './temp-repo';
import { nameKind } from '../../../src/core/adr/name-kinds';
import { readSlashedDates, readSlashedDatesByHistory } from '../../../src/core/adr/slashed-dates';

const nygard = (status: string): string => `# 3. Use Kafka\n\nDate: 2021-03-04\n\n## Status\n\n${status}\n\n## Context\n\nWe need events.\n`;

describe('records as written: status', () => {
  it('reads supersede, supercede, override and replace wording in a Nygard status section as superseded', () => {
    const cases = [
      'Accepted\n\nSuperseded by [5. Use Pulsar](0005-use-pulsar.md)',
      'Accepted\n\nSuperceded by [5. Use Pulsar](0005-use-pulsar.md)',
      'Overridden by [ADR-0005](0005-use-pulsar.md)',
      'Accepted\n\nReplaced by [5. Use Pulsar](0005-use-pulsar.md)',
    ];
    for (const status of cases) {
      const record = parseAdr('docs/adr/0003-use-kafka.md', nygard(status));
      assert.equal(record.status, 'superseded', status);
      assert.deepEqual(record.links.map((l) => [l.kind, l.target]), [['superseded-by', '0005-use-pulsar.md']], status);
    }
  });

  it('keeps accepted when the section only says what the record supersedes', () => {
    const record = parseAdr('docs/adr/0005-use-pulsar.md', nygard('Accepted\n\nSupersedes [3. Use Kafka](0003-use-kafka.md)'));
    assert.equal(record.status, 'accepted');
  });

  it('reads a Jekyll page\'s status section that shows its front matter (`{{ page.adr_status }}`) as that value', () => {
    const page = '---\ntitle: ADR 2 - Policy on the use of Kotlin\nadr: true\n# Proposed / Accepted / Deprecated / Superseded\nadr_status: "Accepted"\n---\n\n## Context\n\nWhy.\n\n## Status\n\n{{ page.adr_status }} (Last updated: {{ page.last_updated }})\n\n## Consequences\n\nKotlin.\n';
    const record = parseAdr('docs/pages/decisions/adr-2.md', page);
    assert.deepEqual([record.title, record.number, record.status, record.statusText], ['Policy on the use of Kotlin', 2, 'accepted', 'Accepted (Last updated: {{ page.last_updated }})']);
    assert.equal(parseAdr('docs/pages/decisions/adr-2.md', page.replace('adr_status: "Accepted"\n', '')).status, 'unknown');
  });

  it('reads deprecation wording as deprecated, and a denied keyword as unknown with one finding', () => {
    assert.equal(parseAdr('docs/adr/0003-x.md', nygard('Deprecated in favour of the platform queue')).status, 'deprecated');
    for (const status of ['Not-Implemented', 'Not accepted yet', 'Never approved']) {
      const record = parseAdr('docs/adr/0003-x.md', nygard(status));
      assert.equal(record.status, 'unknown', status);
      assert.deepEqual(record.diagnostics.map((d) => d.code), ['unknown-status'], status);
    }
    assert.equal(parseAdr('docs/adr/0003-x.md', nygard('Implemented')).status, 'accepted');
  });

  it('says once, not once per file, that a dialect states no status at all', () => {
    const madr4 = (title: string): string => `---\ndate: 2024-02-01\ndecision-makers: [Dana Chen]\n---\n\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n`;
    const records = [parseAdr('docs/decisions/0001-a.md', madr4('A')), parseAdr('docs/decisions/0002-b.md', madr4('B')), parseAdr('docs/decisions/0003-c.md', madr4('C'))];
    const found = lintAdrs(records);
    const warnings = [...found.values()].flat().filter((d) => d.severity !== 'info');
    assert.deepEqual(warnings.map((d) => [d.code, d.message]), [['no-status-field', 'none of the 3 madr4 records states a status, so all of them are read as unknown']]);
    assert.deepEqual(found.get('docs/decisions/0002-b.md')?.map((d) => [d.code, d.severity]), [['no-status', 'info']]);
    const withOne = lintAdrs([...records, parseAdr('docs/decisions/0004-d.md', `---\nstatus: accepted\n---\n\n# D\n`)]);
    assert.deepEqual([...withOne.values()].flat().filter((d) => d.severity !== 'info').map((d) => [d.code, d.message]), [['no-status-field', '3 of the 4 madr4 records state no status, so they are read as unknown']]);
  });

  it('reads MADR\'s sections without any of its metadata as MADR, where a status may be left out', () => {
    const madr = parseAdr('docs/decisions/0003-use-gradle.md', '# Use Gradle\n\n## Context and Problem Statement\n\nWhich build tool?\n\n## Considered Options\n\n* Gradle\n* Maven\n\n## Decision Outcome\n\nChosen option: "Gradle".\n');
    assert.deepEqual([madr.dialect, madr.status], ['madr4', 'unknown']);
    const notes = parseAdr('docs/decisions/0004-x.md', '# X\n\n## Background\n\nWhy.\n\n## Decision\n\nDo it.\n');
    assert.equal(notes.dialect, 'freeform');
  });

  it('says per file where only a few records of a dialect lack a status: there it is an omission', () => {
    const stated = (n: number): ParsedAdr => parseAdr(`docs/decisions/000${n}-s.md`, `---\nstatus: accepted\n---\n\n# S${n}\n`);
    const bare = parseAdr('docs/decisions/0009-b.md', `---\ndate: 2024-02-01\n---\n\n# B\n\n## Context and Problem Statement\n\nWhy.\n`);
    const found = lintAdrs([stated(1), stated(2), bare]);
    assert.deepEqual([...found.values()].flat().filter((d) => d.severity !== 'info').map((d) => d.code), ['no-status']);
  });
});

describe('records as written: a table of fields', () => {
  // NATS's architecture records: a metadata table between the title and the first section.
  const NATS = '# Hostname resolution\n\n|Metadata|Value|\n|--------|-----|\n|Date    |2021-07-21|\n|Author  |@kozlovic|\n|Status  |Partially Implemented|\n|Tags    |client, security|\n\n## Context and Problem Statement\n\nThe client should pick a random address.\n';

  it('reads status, date and tags from a two-column table under the title', () => {
    const record = parseAdr('adr/ADR-11.md', NATS);
    assert.deepEqual([record.status, record.statusText, record.date, record.dateSource, record.tags], ['accepted', 'Partially Implemented', '2021-07-21', 'adr-field', ['client', 'security']]);
    assert.deepEqual(record.diagnostics.map((d) => d.code), []);
  });

  it('reads deciders from a table row, under the title or opening the Status section', () => {
    const record = parseAdr('docs/adr/0038-outbox.md', '# ADR-0038 Transactional outbox\n\n## Status\n\n| Field | Value |\n|---|---|\n| Status | Accepted |\n| Date | 2025-06-10 |\n| Deciders | Amara Osei, Lena Vogel |\n\n## Context\n\nEvents get lost.\n');
    assert.deepEqual([record.status, record.date, record.decisionMakers.map((n) => n.text)], ['accepted', '2025-06-10', ['Amara Osei', 'Lena Vogel']]);
    const under = parseAdr('docs/adr/0039-x.md', '# X\n\n| Status | Proposed |\n|---|---|\n| Deciders | Amara Osei, Lena Vogel |\n\n## Context\n\nWhy.\n');
    assert.deepEqual([under.status, under.decisionMakers.map((n) => n.text)], ['proposed', ['Amara Osei', 'Lena Vogel']]);
  });
});

describe('records as written: titles', () => {
  it('reads a front matter title without its label, as a heading\'s', () => {
    const record = parseAdr('contributing/ADRs/back-end/naming.md', '---\ntitle: "ADR: Naming"\n---\n\n## Decision\n\nFiles are named after their class.\n');
    assert.equal(record.title, 'Naming');
  });

  it('shows the file name\'s title where the heading is the template\'s, and says so on the heading\'s line', () => {
    for (const heading of ['Title', 'ADR Title', '{short title of solved problem and solution}', '[Decision title]', 'Decision Record Title (a description of the decision, not the problem)']) {
      const record = parseAdr('knowledge-base/adr/0033-send-email.md', `# ${heading}\n\nSend email by using destination service on BTP\n\n## Status\n\napproved\n`);
      assert.deepEqual([record.title, record.titleLine, record.status], ['Send email', 1, 'accepted'], heading);
      assert.deepEqual(record.diagnostics.map((d) => [d.code, d.line]), [['placeholder-title', 1]], heading);
    }
    for (const heading of ['Title Case for Headings', 'Titles of records', 'Use a title bar']) {
      const record = parseAdr('docs/adr/0001-x.md', `# ${heading}\n\n## Status\n\nAccepted\n`);
      assert.deepEqual([record.title, record.diagnostics.length], [heading, 0], heading);
    }
  });
});

describe('records as written: dates', () => {
  it('reads a year-day-month date the one way it can be read, and says so', () => {
    const record = parseAdr('docs/architecture/decisions/0023-use-a-pool.md', '# 23. Use a pool\n\nDate: 2023-13-10\n\n## Status\n\nAccepted\n');
    assert.deepEqual([record.date, record.dateSource], ['2023-10-13', 'adr-field']);
    assert.deepEqual(record.diagnostics.map((d) => [d.code, d.line]), [['year-day-month-date', 3]]);
    assert.deepEqual(parseAdr('docs/adr/0024-x.md', '# 24. X\n\nDate: 2023-13-14\n\n## Status\n\nAccepted\n').diagnostics.map((d) => d.code), ['unreadable-date']);
  });

  it('reads a date in braces in bullets and front matter', () => {
    const madr2 = parseAdr('docs/adr/0007-x.md', '# Use X\n\n* Status: accepted\n* Deciders: Ann\n* Date: { 2024-09-10 }\n\n## Context\n');
    // Read, with an editor hint (not a report warning) that offers to drop the braces.
    assert.deepEqual([madr2.date, madr2.dateSource, madr2.diagnostics.map((d) => [d.code, d.severity])], ['2024-09-10', 'adr-field', [['braced-date', 'info']]]);
    const madr3 = parseAdr('docs/adr/0008-y.md', '---\nstatus: accepted\ndate: { 2024-09-11 }\ndeciders: Ann\n---\n\n# Use Y\n');
    assert.deepEqual([madr3.date, madr3.dateSource], ['2024-09-11', 'adr-field']);
  });

  it('takes the date of a folder or file name when the record has no date field, and says so', () => {
    const folder = parseAdr('docs/developer/decision-records/2022-11-09-api-refactoring/README.md', '# API refactoring\n\n## Status\n\nAccepted\n');
    assert.deepEqual([folder.date, folder.dateSource, folder.number, folder.title], ['2022-11-09', 'folder', null, 'API refactoring']);
    const file = parseAdr('docs/adr/20240105-use-nx.md', '# Use Nx\n\n- Status: accepted\n');
    assert.deepEqual([file.date, file.dateSource, file.number], ['2024-01-05', 'filename', null]);
    const field = parseAdr('docs/adr/20240105-use-nx.md', '# Use Nx\n\n- Status: accepted\n- Date: 2024-01-09\n');
    assert.deepEqual([field.date, field.dateSource], ['2024-01-09', 'adr-field']);
    const none = parseAdr('docs/adr/0004-no-date.md', '# No date\n\n## Status\n\nAccepted\n');
    assert.deepEqual([none.date, none.dateSource], [null, undefined]);
  });
});

describe('records as written: people', () => {
  it('reads MADR 2 deciders written as nested bullets', () => {
    const text = '# Use Redis\n\n* Status: accepted\n* Deciders:\n  * Ann Lee\n  * Ben Ode\n  * @carol\n* Date: 2020-05-01\n\nTechnical Story: caching\n\n## Context and Problem Statement\n';
    const record = parseAdr('docs/adr/0002-use-redis.md', text);
    assert.deepEqual(record.decisionMakers, [{ text: 'Ann Lee', line: 5 }, { text: 'Ben Ode', line: 6 }, { text: '@carol', line: 7 }]);
    assert.equal(record.date, '2020-05-01');
    const plain = parseAdr('docs/adr/0003-x.md', '# 3. X\n\nDate: 2020-05-01\nDeciders:\n- Ann Lee\n- Ben Ode\n\n## Status\n\nAccepted\n');
    assert.deepEqual(plain.decisionMakers.map((n) => n.text), ['Ann Lee', 'Ben Ode']);
  });

  it('reads the people a nested line names under a label, and no template text in parentheses', () => {
    const text = '# Rapid releases\n\n* Status: proposed\n* Deciders:\n  * Sync team: bendk, tarikeshaq\n  * Release management: rvandermeulen\n  * Ann Lee: approved\n  * AppServices component teams\n    * sync and related components: (decider name, date)\n    * (please add your team and decider name here!)\n  * releng teams: ?\n  * Dana Chen (Platform)\n* Date: Dec 19, 2022\n';
    const record = parseAdr('docs/adr/0006-rapid-releases.md', text);
    assert.deepEqual(record.decisionMakers.map((n) => [n.text, n.line]), [['bendk', 5], ['tarikeshaq', 5], ['rvandermeulen', 6], ['Ann Lee', 7], ['Dana Chen (Platform)', 12]]);
    assert.deepEqual(record.teams?.map((t) => t.text), ['AppServices component teams']);
    assert.deepEqual(['decider name', 'date', 'your GitHub handle', 'Date Name', 'Nate Dane'].map(nameKind), ['placeholder', 'placeholder', 'placeholder', 'placeholder', 'person']);
  });

  it('never takes template sentences for people', () => {
    const madr3 = '---\nstatus: accepted\ndate: 2024-01-01\ndeciders: {list everyone involved in the decision}\nconsulted: {list everyone whose opinions are sought (typically subject-matter experts); and with whom there is a two-way communication}\ninformed: {list everyone who is kept up-to-date on progress; and with whom there is a one-way communication}\n---\n\n# X\n';
    const record = parseAdr('docs/decisions/0001-x.md', madr3);
    assert.deepEqual([record.decisionMakers, record.consulted, record.informed], [[], [], []]);
    const madr2 = parseAdr('docs/adr/0001-y.md', '# Y\n\n* Status: accepted\n* Deciders: [list everyone involved in the decision] <!-- optional -->\n* Consulted: TBD, Dana Chen\n');
    assert.deepEqual([madr2.decisionMakers, madr2.consulted.map((n) => n.text)], [[], ['Dana Chen']]);
  });

  it('keeps teams as teams, apart from the people', () => {
    const record = parseAdr('docs/decisions/0002-x.md', '---\nstatus: accepted\ndecision-makers:\n  - "@acme/platform-team"\n  - SK-3P-FTE\n  - Dana Chen\ninformed: Payments squad, Bob\n---\n\n# X\n');
    assert.deepEqual(record.decisionMakers.map((n) => n.text), ['Dana Chen']);
    assert.deepEqual(record.informed.map((n) => n.text), ['Bob']);
    assert.deepEqual(record.teams?.map((t) => [t.text, t.field, t.line]), [['@acme/platform-team', 'decisionMakers', 4], ['SK-3P-FTE', 'decisionMakers', 5], ['Payments squad', 'informed', 7]]);
  });

  it('tells people, teams and template text apart', () => {
    const kinds = ['Dana Chen', '@dchen', 'dana@acme.io', 'JD', 'Jean-Claude van der Berg', '@org/team', 'SK-3P-FTE', 'Platform team', 'TBD', 'n/a', '{name}', 'list everyone involved'].map(nameKind);
    assert.deepEqual(kinds, ['person', 'person', 'person', 'person', 'person', 'team', 'team', 'team', 'placeholder', 'placeholder', 'placeholder', 'placeholder']);
    const positions = ['Tech Lead', 'Product Owner', 'Lead Architect', 'CTO', 'Head of Engineering', 'Principal Engineer', 'the architects'].map(nameKind);
    assert.deepEqual(positions, ['team', 'team', 'team', 'team', 'team', 'team', 'team']);
    const namesLikePositions = ['Dana Lead', 'Ellen Owner', 'Mark Director', 'Lee Architect'].map(nameKind);
    assert.deepEqual(namesLikePositions, ['person', 'person', 'person', 'person']);
    // The NHS template's deciders: a function named alone, and governance bodies.
    const bodies = ['Engineering', 'Architecture', 'Security', 'Tech Radar', 'Clinical Assurance', 'Information Governance', 'Cyber Security', 'Live Services Board', 'Design Authority Forum'].map(nameKind);
    assert.deepEqual(bodies, bodies.map(() => 'team'));
    const peopleStill = ['Jon Boardman', 'Ada Officer', 'Radar Smith', 'Dan Stefaniuk', 'Design'].map(nameKind);
    assert.deepEqual(peopleStill, ['person', 'person', 'person', 'person', 'team']);
    // Groups in other languages (ANS's `informés : équipe intégration, directeurs de domaine`); a name holding such a word stays a person's.
    const groups = ['équipe intégration', 'directeurs de domaine', 'Équipe Plateforme', 'Arbeitsgruppe Architektur', 'equipo de datos', 'comitê de arquitetura'].map(nameKind);
    assert.deepEqual(groups, groups.map(() => 'team'));
    assert.deepEqual(['Teamo Ruiz', 'Ana Equipeira', 'Groupey Lin'].map(nameKind), ['person', 'person', 'person']);
    // People named by their role in the plural (find-a-tuition-partner's `NTP developers`, `DfE Lead Developers`).
    const plural = ['NTP developers', 'DfE Lead Developers', 'Maintainers', 'acme core reviewers', 'Platform Engineers'].map(nameKind);
    assert.deepEqual(plural, plural.map(() => 'team'));
    assert.deepEqual(['Jo Leeds', 'Sam Owens', 'Ann Developer-Smith', 'Lee Stakeholder'].map(nameKind), ['person', 'person', 'person', 'person']);
  });
});

describe('records as written: free-form records among dialects with a status', () => {
  it('keeps one finding per free-form record when other records of the repository state a status', () => {
    const records = [
      parseAdr('docs/adr/0001-a.md', nygard('Accepted')),
      parseAdr('docs/adr/0002-notes.md', '# Notes\n\nJust notes.\n'),
      parseAdr('docs/adr/0003-more.md', '# More notes\n\nText.\n'),
    ];
    const warnings = [...lintAdrs(records).values()].flat().filter((d) => d.severity !== 'info');
    assert.deepEqual(warnings.map((d) => d.code), ['no-status', 'no-status']);
    assert.equal(parseAdr('docs/adr/0004-x.md', nygard('Reverted by [discussion #12](https://example.com/12).')).status, 'deprecated');
  });

  it('reads Nygard\'s sections without its Status as Nygard, so newer records that left the status out are said once', () => {
    const decisionRecord = (title: string, sections: readonly string[], status: string): string =>
      `# Decision record: ${title}\n\n${sections.map((section) => `## ${section}\n\nText.\n`).join('\n')}${status ? `\n## Status\n\n${status}\n` : ''}`;
    const records = [
      parseAdr('docs/arch/adr-001-events.md', decisionRecord('use event sourcing', ['Context', 'Decision'], 'Accepted.')),
      parseAdr('docs/arch/adr-002-errors.md', decisionRecord('log no failed events', ['Context', 'Decision'], 'Accepted.')),
      parseAdr('docs/arch/adr-003-editions.md', decisionRecord('documents and editions', ['Context', 'Decision', 'Consequences'], '')),
      parseAdr('docs/arch/adr-004-typing.md', decisionRecord('typing', ['Context', 'Reason', 'Consequences'], '')),
      parseAdr('docs/arch/adr-005-graphql.md', decisionRecord('GraphQL drafts', ['Context', 'Decisions'], '')),
    ];
    assert.deepEqual(records.map((r) => [r.dialect, r.status]), [['nygard', 'accepted'], ['nygard', 'accepted'], ['nygard', 'unknown'], ['nygard', 'unknown'], ['nygard', 'unknown']]);
    const warnings = [...lintAdrs(records).values()].flat().filter((d) => d.severity !== 'info');
    assert.deepEqual(warnings.map((d) => [d.code, d.message]), [['no-status-field', '3 of the 5 nygard records state no status, so they are read as unknown']]);
  });
});

describe('records as written: handles one after another, a date left in the template\'s brackets', () => {
  it('reads each handle of a space-separated list and the date inside brackets', () => {
    const record = parseAdr('docs/decisions/0002-oidc.md', '# Use OIDC\n\n* Status: accepted\n* Deciders: @shawnvanderjagt @lorenyu @NavaTim\n* Date: [2023-03-01]\n\n## Context and Problem Statement\n\nSecrets.\n');
    assert.deepEqual(record.decisionMakers.map((ref) => ref.text), ['@shawnvanderjagt', '@lorenyu', '@NavaTim']);
    assert.deepEqual([record.date, record.diagnostics.map((d) => d.code)], ['2023-03-01', []]);
    const named = parseAdr('docs/decisions/0003-x.md', '# X\n\n* Status: accepted\n* Deciders: Ann Lee @ann, Bob Stone\n\n## Decision Outcome\n\nX.\n');
    assert.deepEqual(named.decisionMakers.map((ref) => ref.text), ['Ann Lee @ann', 'Bob Stone']);
  });
});

describe('records as written: in other languages', () => {
  it('reads a French Nygard record: its status section, its status and its decision section', () => {
    const record = parseAdr('docs/adr/0003-utiliser-kafka.md', '# 3. Utiliser Kafka\n\nDate : 2024-01-05\n\n## Statut\n\nAccepté\n\n## Contexte\n\nLes files perdent des messages.\n\n## Décision\n\nNous utiliserons Kafka.\n');
    assert.deepEqual([record.dialect, record.status, record.statusText, record.date, record.decisionSection], ['nygard', 'accepted', 'Accepté', '2024-01-05', true]);
    const german = parseAdr('docs/adr/0004-kafka.md', '# 4. Kafka nutzen\n\n## Status\n\nAbgelehnt\n\n## Entscheidung\n\nWir nutzen Kafka nicht.\n');
    assert.deepEqual([german.status, german.decisionSection], ['rejected', true]);
  });
});

describe('records as written: slashed dates', () => {
  const nygardOn = (date: string): string => `# 1. X\n\nDate: ${date}\n\n## Status\n\nAccepted\n`;

  it('reads ambiguous DD/MM dates in the order the other records of the folder show', () => {
    const records = [
      parseAdr('adr/001-a.md', nygardOn('28/03/2018')),
      parseAdr('adr/002-b.md', nygardOn('05/02/2018')),
      parseAdr('adr/003-c.md', nygardOn('10/04/18')),
      parseAdr('other/001-d.md', nygardOn('05/02/2018')),
    ];
    assert.deepEqual(records.map((r) => r.date), ['2018-03-28', null, null, null]);
    const read = readSlashedDates(records, (file) => file.split('/')[0] ?? '');
    assert.deepEqual(read.map((r) => [r.date, r.dateSource ?? null, r.diagnostics.map((d) => d.code)]), [
      ['2018-03-28', 'adr-field', []], ['2018-02-05', 'adr-field', []], ['2018-04-10', 'adr-field', []], [null, null, ['unreadable-date']],
    ]);
    const mixed = readSlashedDates([...records, parseAdr('adr/004-e.md', nygardOn('03/28/2018'))], (file) => file.split('/')[0] ?? '');
    assert.equal(mixed[1]?.date, null, 'a folder showing both orders reads neither');
  });

  it('reads a date its folder does not settle as the reading near a commit to the record, when the other is near none', () => {
    const records = [
      parseAdr('adr/001-a.md', nygardOn('04/07/2023')),
      parseAdr('adr/002-b.md', nygardOn('04/07/2023')),
      parseAdr('adr/003-c.md', nygardOn('04/05/2023')),
      parseAdr('adr/004-d.md', nygardOn('04/07/2023')),
      parseAdr('adr/005-e.md', nygardOn('2023-07-04')),
    ];
    const commits: Record<string, string[]> = {
      // Added in May, given its date when rewritten in July: the adding alone would say 7 April.
      'adr/001-a.md': ['2023-07-05', '2023-05-04'],
      'adr/002-b.md': ['2023-04-10'],
      // 4 May and 5 April: each lies near one of the record's commits.
      'adr/003-c.md': ['2023-05-01', '2023-04-06'],
      'adr/005-e.md': ['2020-01-01'],
    };
    const read = readSlashedDatesByHistory(records, (file) => commits[file] ?? []);
    assert.deepEqual(read.map((r) => [r.date, r.dateSource ?? null, r.diagnostics.map((d) => d.code)]), [
      ['2023-07-04', 'adr-field', []],
      ['2023-04-07', 'adr-field', []],
      [null, null, ['unreadable-date']],
      [null, null, ['unreadable-date']],
      ['2023-07-04', 'adr-field', []],
    ]);
  });
});

describe('records as written: dates and statuses found on twelve more repositories', () => {
  const read = (text: string, file = 'docs/adr/0011-use-devcontainers.md'): Pick<ParsedAdr, 'status' | 'statusText' | 'date' | 'title'> => {
    const { status, statusText, date, title } = parseAdr(file, text);
    return { status, statusText, date, title };
  };

  it('reads a field whose label opened a bold that closes after the value, and edits inside it', () => {
    const text = '# Use devcontainers\n\n**Date: 2021-09-22**\n\n**Status: Proposed**\n\n## Decision\n\nWe use them.\n';
    assert.deepEqual(read(text), { status: 'proposed', statusText: 'Proposed', date: '2021-09-22', title: 'Use devcontainers' });
    assert.match(applyAdrTextEdits(text, planAdrEdit(text, 'docs/adr/0011-use-devcontainers.md', { kind: 'status', status: 'accepted' })), /^\*\*Status: accepted\*\*$/m);
  });

  it('reads dates in French, German, Spanish and Portuguese, after the day\'s name too', () => {
    for (const [written, day] of [['6 mai 2021', '2021-05-06'], ['jeudi 10 juin 2022', '2022-06-10'], ['1er juillet 2021', '2021-07-01'], ['10. Juni 2022', '2022-06-10'], ['6 de mayo de 2021', '2021-05-06'], ['15 août 2020', '2020-08-15'], ['März 2023', '2023-03-01'], ['Thursday, 10 June 2022', '2022-06-10']]) {
      assert.equal(read(`---\ndate: ${written}\nstatus: accepted\n---\n# X\n`).date, day, written);
    }
  });

  it('reads a record superseded in part as still accepted; one superseded whole as superseded', () => {
    for (const status of ['Partially superseded by [0008](0008-x.md)', 'Accepted (Partially Superseded)', 'V1 portion superseded by [0009]', 'Superseded in part by 0010']) {
      assert.equal(read(`# X\n\n**Status**: ${status}\n`).status, 'accepted', status);
    }
    assert.equal(read('# X\n\n**Status**: Superseded by [0008](0008-x.md)\n').status, 'superseded');
    // Whoever marks it superseded in part wrote what superseded it; they accepted nothing.
    assert.equal(recordChange('docs/adr/0003-x.md', '# X\n\n## Status\n\nProposed\n', '# X\n\n## Status\n\nPartly superseded\n'), 'status');
    assert.equal(recordChange('docs/adr/0003-x.md', '# X\n\n## Status\n\nProposed\n', '# X\n\n## Status\n\nAccepted\n'), 'accepted');
  });

  it('reads "proposition" as proposed, and the date a status gives in brackets when no field gives one', () => {
    assert.equal(read('---\nstatus: proposition\n---\n# X\n').status, 'proposed');
    assert.equal(read('# X\n\n## Status\n\nAccepted (October 2021)\n').date, '2021-10-01');
    assert.equal(read('# X\n\n## Status\n\nProposed (Apr 20, 2022)\n').date, '2022-04-20');
    assert.equal(read('# X\n\nDate: 2021-03-04\n\n## Status\n\nAccepted (October 2021)\n').date, '2021-03-04', 'the field wins');
    assert.equal(read('# X\n\n## Status\n\nSuperseded (2023-01-05) by ADR 9\n').date, null, 'when it was replaced is not when it was decided');
  });

  it('takes a block scalar title without its line break, and its number off', () => {
    assert.equal(read('---\ntitle: |\n  1. Record Architecture Decisions\nstatus: Accepted\n---\n\nBody\n', 'docs/adr/001-use-adr.md').title, 'Record Architecture Decisions');
  });

  it('reads a heading that says the record was replaced as its status, with its link; a folder of superseded records as theirs', () => {
    const replaced = parseAdr('adr/_superseded/2020-08-10-feature-flag-system.md', '---\ntitle: Feature flag system\n---\n\n## Superseded by [Feature flags](../2022-01-20-feature-flags.md)\n\n## Context\n\nX\n');
    assert.equal(replaced.status, 'superseded');
    assert.deepEqual(replaced.links.map((link) => [link.kind, link.target]), [['superseded-by', '../2022-01-20-feature-flags.md']]);
    const filed = parseAdr('contributing/ADRs/front-end/deprecated/styles-import.md', '# Styles import\n\n## Decision\n\nImport styles last.\n');
    assert.equal(filed.status, 'deprecated');
    assert.equal(parseAdr('docs/adr/0004-styles.md', '# Styles import\n\n## Decision\n\nImport styles last.\n').status, 'unknown');
  });
});

describe('records as written: people named in a section of their own', () => {
  it('reads a section headed by a people field, a line or a list, without a machine, a guess or a bracket\'s comma', () => {
    const record = parseAdr('doc/adr/0005-find-config.md', '# Find configuration files\n\nDate: 2022-04-06\n\n## Status:\n\nProposed\n\n## Deciders\n\nThomas Nilefalk, Claude (AI pair programmer)\n\n## Consulted\n\n- Daniel Berry (Jun 12, 2024)\n- Mike Williams (Jun 13, 2024)\n\n## Context\n\nWe decide.\n');
    assert.deepEqual(record.decisionMakers.map((n) => [n.text, n.line]), [['Thomas Nilefalk', 11]]);
    assert.deepEqual(record.consulted.map((n) => n.text), ['Daniel Berry (Jun 12, 2024)', 'Mike Williams (Jun 13, 2024)']);
    assert.deepEqual(parseAdr('doc/adr/0001-x.md', '# X\n\n## Deciders\n\nProbably Marián and others\n\n## Context\n\nY\n').decisionMakers, []);
    const both = parseAdr('doc/adr/0002-y.md', '# Y\n\n* Deciders: Ann Lee\n\n## Deciders\n\nBo Chen\n');
    assert.deepEqual(both.decisionMakers.map((n) => n.text), ['Ann Lee'], 'the header field comes first');
  });

  it('reads fields written above the title with no front matter\'s fences, up to a rule; not when prose stands there too', () => {
    const record = parseAdr('doc/adr/2024-11-14-truncate.md', 'status: accepted\n\ndecision-makers: @kostja, @darthunix\n\nconsulted: @gerold103\n\n--------------------------------\n\n# TRUNCATE is DDL\n\n## Context\n\nWhy.\n');
    assert.deepEqual([record.status, record.title, record.decisionMakers.map((n) => n.text), record.consulted.map((n) => n.text)], ['accepted', 'TRUNCATE is DDL', ['@kostja', '@darthunix'], ['@gerold103']]);
    const prose = parseAdr('doc/adr/0003-z.md', 'Some notes first.\nowner: @kostja\n\n# Z\n\n## Status\n\nAccepted\n');
    assert.deepEqual(prose.decisionMakers, []);
  });
});

describe('records as written: a template whose title names it', () => {
  const template = '# Decision record template by Michael Nygard\n\nThis is the template in Documenting architecture decisions.\n\n## Status\n\nWhat is the status, such as proposed, accepted, rejected, deprecated, superseded, etc.?\n\n## Context\n\nWhat is the issue that we are seeing that is motivating this decision or change?\n';

  it('is no record while its status is the placeholder; a record about templates with a status is one', () => {
    assert.equal(parseAdr('docs/adr/0000-template-lightway-adr.md', template).unfilled, true);
    const decided = '# Use a template engine\n\n## Status\n\nAccepted\n\n## Decision\n\nWe render e-mails with a template engine.\n';
    assert.equal(parseAdr('docs/adr/0007-template-engine.md', decided).unfilled, undefined);
    assert.equal(parseAdr('docs/adr/0008-templates.md', template.replace('What is the status, such as proposed, accepted, rejected, deprecated, superseded, etc.?', 'Accepted')).unfilled, undefined);
  });
});

describe('records as written: an unfilled template kept as a number', () => {
  const unfilled = '# ADR 036: Empty Blocks via ABCI\n\n## Changelog\n\n- {date}: {changelog}\n\n## Context\n\n> This section contains all the context one needs to understand the current state.\n\n## Decision\n\n> This section explains all of the details of the proposed solution.\n\n## Status\n\n> A decision may be "proposed" if it hasn\'t been agreed upon yet.\n\n{Deprecated|Proposed|Accepted|Declined}\n\n## Consequences\n\n### Positive\n\n### Negative\n\n## References\n\n- {reference link}\n';

  it('is no record; a record with a placeholder status and real text is one', async () => {
    assert.equal(parseAdr('docs/architecture/adr-036-empty-blocks.md', unfilled).unfilled, true);
    const written = unfilled.replace('> This section explains all of the details of the proposed solution.', 'We skip empty blocks.');
    assert.equal(parseAdr('docs/architecture/adr-036-empty-blocks.md', written).unfilled, undefined);
    const tree = tempTree({ 'docs/adr/0036-empty.md': unfilled, 'docs/adr/0037-real.md': nygard('Accepted') });
    try {
      const { records, warnings } = await readAdrs(tree.root, DEFAULT_CONFIG);
      assert.deepEqual(records.map((r) => r.path), ['docs/adr/0037-real.md']);
      assert.deepEqual(warnings.map((w) => [w.code, w.path]), [['adr-unfilled-template', 'docs/adr/0036-empty.md']]);
    } finally {
      tree.remove();
    }
  });
});
