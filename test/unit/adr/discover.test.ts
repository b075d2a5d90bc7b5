import assert from 'node:assert/strict';
import path from 'node:path';
import { discoverAdrs } from '../../../src/core/adr';
import { configSchema, DEFAULT_CONFIG } from '../../../src/core/config/schema';
import { tempTree, type TempTree } from './temp-repo';

const RECORD = '# X\n\n* Status: accepted\n';

describe('discoverAdrs', () => {
  let tree: TempTree;
  afterEach(() => tree.remove());

  it('finds folders from every convention file and the conventional folders', async () => {
    tree = tempTree({
      '.adr-dir': 'records/tools\n',
      'records/tools/0001-a.md': RECORD,
      '.log4brains.yml': 'project:\n  adrFolder: ./l4b/adr\n  packages:\n    - name: pkg\n      adrFolder: ./packages/pkg/adr\n',
      'l4b/adr/20240101-b.md': RECORD,
      'packages/pkg/adr/20240102-c.md': RECORD,
      'adr.config.json': '{ "path": "adrlog/" }',
      'adrlog/0001-d.md': RECORD,
      '.adr': '[adr]\nrecords-dir = ini/records\n',
      'ini/records/0001-e.md': RECORD,
      'docs/architecture/decisions/0001-f.md': RECORD,
      'services/api/docs/adr/0001-g.md': RECORD,
      'custom/place/0001-h.md': RECORD,
      'src/notes/adr-007-use-rust.md': RECORD,
      'src/notes/ADR-0008-use-go.md': RECORD,
    });
    const config = configSchema.parse({ adr: { paths: ['custom/place'] } });
    const found = await discoverAdrs(tree.root, config);
    assert.deepEqual(found.folders, ['adrlog', 'custom/place', 'docs/architecture/decisions', 'ini/records', 'l4b/adr', 'packages/pkg/adr', 'records/tools', 'services/api/docs/adr']);
    assert.deepEqual(found.files, [
      'adrlog/0001-d.md', 'custom/place/0001-h.md', 'docs/architecture/decisions/0001-f.md', 'ini/records/0001-e.md', 'l4b/adr/20240101-b.md',
      'packages/pkg/adr/20240102-c.md', 'records/tools/0001-a.md', 'services/api/docs/adr/0001-g.md', 'src/notes/ADR-0008-use-go.md', 'src/notes/adr-007-use-rust.md',
    ]);
    assert.deepEqual(found.warnings, []);
  });

  it('skips templates, index pages, images, scripts and dependency folders; keeps category subfolders and folder-per-record READMEs', async () => {
    tree = tempTree({
      'docs/adr/README.md': '# Decisions\n',
      'docs/adr/index.md': '# Index\n',
      'docs/adr/template.md': '# Template\n',
      'docs/adr/0000-template.md': '# Template\n',
      'docs/adr/adr-template.md': '# Template\n',
      'docs/adr/diagram.png': 'png',
      'docs/adr/.markdownlint.json': '{}',
      'docs/adr/new.sh': 'echo',
      'docs/adr/0001-a.md': RECORD,
      'docs/adr/backend/0002-b.md': RECORD,
      'docs/adr/backend/0003-c.md': RECORD,
      'docs/adr/backend/README.md': '# Backend decisions\n',
      'docs/adr/0004-use-redis/README.md': RECORD,
      'docs/adr/templates/0000-x.md': RECORD,
      'node_modules/pkg/docs/adr/0001-z.md': RECORD,
      '.git/docs/adr/0001-z.md': RECORD,
      'node_modules/adr-001-x.md': RECORD,
    });
    const found = await discoverAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(found.folders, ['docs/adr']);
    assert.deepEqual(found.files, ['docs/adr/0001-a.md', 'docs/adr/0004-use-redis/README.md', 'docs/adr/backend/0002-b.md', 'docs/adr/backend/0003-c.md']);
  });

  it('warns about a configured folder that is missing or outside the repository, and a broken convention file', async () => {
    tree = tempTree({ 'repo/.adr-dir': '../../elsewhere\n', 'repo/.log4brains.yml': 'project: [unclosed', 'repo/docs/adr/0001-a.md': RECORD });
    const root = path.join(tree.root, 'repo');
    const config = configSchema.parse({ adr: { paths: ['nope/decisions', '../outside', 'glob/*/adr'] } });
    const found = await discoverAdrs(root, config);
    assert.deepEqual(found.files, ['docs/adr/0001-a.md']);
    assert.deepEqual(found.warnings.map((w) => w.code).sort(), ['adr-config-unreadable', 'adr-folder-missing', 'adr-folder-missing', 'adr-folder-outside', 'adr-folder-outside']);
  });

  it('walks up from the workspace for .adr-dir and expands adr.paths globs', async () => {
    tree = tempTree({ '.adr-dir': 'ws/decisions\n', 'ws/decisions/0001-a.md': RECORD, 'ws/mods/one/records/0001-b.md': RECORD, 'ws/mods/two/records/0001-c.md': RECORD });
    const config = configSchema.parse({ adr: { paths: ['../ws/mods/*/records'] } });
    const inner = await discoverAdrs(path.join(tree.root, 'ws'), config);
    assert.deepEqual(inner.files, ['decisions/0001-a.md']);
    const globbed = await discoverAdrs(path.join(tree.root, 'ws'), configSchema.parse({ adr: { paths: ['mods/*/records'] } }));
    assert.deepEqual(globbed.folders, ['decisions', 'mods/one/records', 'mods/two/records']);
  });
});

describe('discoverAdrs: conventions as repositories write them', () => {
  let tree: TempTree;
  afterEach(() => tree.remove());

  it('finds architecture-decision-record(s) and decision-records folders, and numbered records in an architecture folder', async () => {
    tree = tempTree({
      'architecture-decision-record/000-Record-Architecture-Decisions.md': RECORD,
      'architecture-decision-record/001-Use-AWS.md': RECORD,
      'architecture-decision-record/README.md': '# Index\n',
      'svc/architecture-decision-records/0001-a.md': RECORD,
      'docs/developer/decision-records/2022-11-09-api-refactoring/README.md': RECORD,
      'web/docs/architecture/000-architecture-decision-records.md': RECORD,
      'web/docs/architecture/001-react.md': RECORD,
      'web/docs/architecture/historic-adrs/dotenv.md': RECORD,
      'other/architecture/overview.md': '# Overview\n',
      'other/architecture/components.md': '# Components\n',
      'other/architecture/001-one-numbered-page.md': RECORD,
      'ref/architecture/README.md': '# ADRs\n',
      'ref/architecture/adr-template.md': RECORD,
      'ref/architecture/adr-101-pull-api.md': RECORD,
      'adr-001-at-the-root.md': RECORD,
    });
    const found = await discoverAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(found.files, [
      'adr-001-at-the-root.md',
      'architecture-decision-record/000-Record-Architecture-Decisions.md', 'architecture-decision-record/001-Use-AWS.md',
      'docs/developer/decision-records/2022-11-09-api-refactoring/README.md',
      'ref/architecture/adr-101-pull-api.md',
      'svc/architecture-decision-records/0001-a.md',
      'web/docs/architecture/000-architecture-decision-records.md', 'web/docs/architecture/001-react.md', 'web/docs/architecture/historic-adrs/dotenv.md',
    ]);
    assert.deepEqual(found.warnings, []);
  });

  it('finds numbered records in a folder named adr, adrs or decisions under any parent, never a folder of that name holding other pages', async () => {
    tree = tempTree({
      'knowledge-base/adr/0003-count.md': RECORD,
      'knowledge-base/adr/0004-cyclic-dependencies.md': RECORD,
      'knowledge-base/adr/template.md': RECORD,
      'knowledge-base/adr/outdated/0001-old.md': RECORD,
      'services/billing/decisions/001-ledger.md': RECORD,
      'services/billing/decisions/002-currency.md': RECORD,
      'wiki/adrs/0001-a.md': RECORD,
      'wiki/adrs/0002-b.md': RECORD,
      'ADR/ADR000-record-architecture-decisions.md': RECORD,
      'ADR/ADR001-use-govuk-notify.md': RECORD,
      'src/decisions/how-it-works.md': '# How the decision engine works\n',
      'src/decisions/rules.md': '# Rules\n',
      'src/decisions/001-first-rule.md': '# First rule\n',
      'lib/adr/README.md': '# The adr library\n',
    });
    const found = await discoverAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(found.files, [
      'ADR/ADR000-record-architecture-decisions.md', 'ADR/ADR001-use-govuk-notify.md',
      'knowledge-base/adr/0003-count.md', 'knowledge-base/adr/0004-cyclic-dependencies.md', 'knowledge-base/adr/outdated/0001-old.md',
      'services/billing/decisions/001-ledger.md', 'services/billing/decisions/002-currency.md',
      'wiki/adrs/0001-a.md', 'wiki/adrs/0002-b.md',
    ]);
  });

  it('finds numbered records in a folder whose name has adr or decisions among its words, one numbered record alone in a folder named adr, and every page of a decision-records folder however it is spelt', async () => {
    tree = tempTree({
      'doc/architecture-decisions/0001-record-architecture-decisions.md': RECORD,
      'doc/architecture-decisions/0002-disallow-ui-sign-ups.md': RECORD,
      'handbook/ArchitectureDecisions/001-use-kotlin.md': RECORD,
      'handbook/ArchitectureDecisions/002-use-compose.md': RECORD,
      'platform/tech_decision_log/001-queues.md': RECORD,
      'platform/tech_decision_log/002-cache.md': RECORD,
      'adr/001-pdf-generation-playwright.md': RECORD,
      'app/decision-engine/001-first-rule.md': '# First rule\n',
      'app/decision-engine/rules.md': '# Rules\n',
      'app/decision-engine/how-it-works.md': '# How it works\n',
      'guides/architecture-decisions/how-we-decide.md': '# How we decide\n',
      'archive/decisions/001-only-one.md': RECORD,
      'sidecar/adrenaline/001-a.md': RECORD,
      'sidecar/adrenaline/002-b.md': RECORD,
      'doc/dev/decisionrecords/Codestyle.md': '# Code Style\n\nWe use Prettier Java.\n',
      'doc/dev/decisionrecords/_TEMPLATE.md': RECORD,
      'services/Decision_Records/naming.md': RECORD,
    });
    const found = await discoverAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(found.files, [
      'adr/001-pdf-generation-playwright.md',
      'doc/architecture-decisions/0001-record-architecture-decisions.md', 'doc/architecture-decisions/0002-disallow-ui-sign-ups.md',
      'doc/dev/decisionrecords/Codestyle.md',
      'handbook/ArchitectureDecisions/001-use-kotlin.md', 'handbook/ArchitectureDecisions/002-use-compose.md',
      'platform/tech_decision_log/001-queues.md', 'platform/tech_decision_log/002-cache.md',
      'services/Decision_Records/naming.md',
    ]);
  });

  it('finds pages written as records in a folder named adr or adrs under any parent, numbered or not, its own category page left out', async () => {
    const written = (title: string): string => `---\ntitle: "ADR: ${title}"\n---\n\n## Background\n\nWhy.\n\n## Decision\n\nWe ${title.toLowerCase()}.\n`;
    tree = tempTree({
      'contributing/ADRs/ADRs.md': '---\ntitle: ADR Overview\n---\n\n## Introduction\n\n* [Naming](./back-end/naming)\n',
      'contributing/ADRs/back-end/naming.md': written('Naming'),
      'contributing/ADRs/front-end/handling-tables.md': written('Handling tables'),
      'contributing/ADRs/front-end/deprecated/styles-import.md': written('Styles import'),
      'tools/adr/usage.md': '# Using the adr tool\n\n## Install\n\nRun it.\n',
      'tools/adr/options.md': '# Options\n\n## Flags\n\nSee --help.\n',
      'src/decisions/engine.md': written('Engine'),
      'src/decisions/rules.md': written('Rules'),
    });
    const found = await discoverAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(found.files, ['contributing/ADRs/back-end/naming.md', 'contributing/ADRs/front-end/deprecated/styles-import.md', 'contributing/ADRs/front-end/handling-tables.md']);
    assert.deepEqual(found.folders, ['contributing/ADRs']);
    assert.deepEqual(found.warnings.map((w) => [w.code, w.message]), [[
      'adr-not-records',
      'contributing/ADRs: ADRs.md has no status and no decision section beside 3 pages written as records, so it is not read as a record; name the folder in adr.paths to read every page as a record',
    ]]);
    const named = await discoverAdrs(tree.root, configSchema.parse({ adr: { paths: ['contributing/ADRs'] } }));
    assert.equal(named.files.length, 4);
  });

  it('reads a folder per record as one record: its README or index page, never its other pages, whatever words its name holds', async () => {
    tree = tempTree({
      'docs/developer/decision-records/2022-11-09-api-refactoring/README.md': RECORD,
      'docs/developer/decision-records/2022-11-09-api-refactoring/alternatives.md': '# Alternatives\n',
      'docs/developer/decision-records/2022-11-09-api-refactoring/details/more.md': '# More\n',
      'docs/developer/decision-records/20230102-queues/index.md': RECORD,
      'docs/developer/decision-records/0042-cache/README.md': RECORD,
      'docs/developer/decision-records/0042-cache/benchmark.md': '# Numbers\n',
      'docs/developer/decision-records/2022-03-02-performance-tests/README.md': RECORD,
      'docs/developer/decision-records/2025-10-22-e2e-testing-improvements/README.md': RECORD,
      'docs/developer/decision-records/test-data/README.md': RECORD,
      'docs/adr/01-backend/README.md': '# Backend\n',
      'docs/adr/01-backend/0001-a.md': RECORD,
      'docs/adr/01-backend/0002-b.md': RECORD,
    });
    const found = await discoverAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(found.files, [
      'docs/adr/01-backend/0001-a.md', 'docs/adr/01-backend/0002-b.md',
      'docs/developer/decision-records/0042-cache/README.md', 'docs/developer/decision-records/2022-03-02-performance-tests/README.md',
      'docs/developer/decision-records/2022-11-09-api-refactoring/README.md', 'docs/developer/decision-records/20230102-queues/index.md',
      'docs/developer/decision-records/2025-10-22-e2e-testing-improvements/README.md',
    ]);
  });

  it('calls a file a template only when its whole name says so', async () => {
    tree = tempTree({
      'docs/adr/template.md': RECORD,
      'docs/adr/TEMPLATE': RECORD,
      'docs/adr/TEMPLATE.md': RECORD,
      'docs/adr/0000-template.md': RECORD,
      'docs/adr/0000-ladr-template.md': RECORD,
      'docs/adr/NNNN-adr-template.md': RECORD,
      'docs/adr/xxx-template.md': RECORD,
      'docs/adr/ADRXXX-architecture-decision-record-template.md': RECORD,
      'docs/adr/YYYY-MM-DD-template.md': RECORD,
      'docs/adr/adr-template.md': RECORD,
      'docs/adr/template-madr.md': RECORD,
      'docs/adr/adr-template-bare-minimal.md': RECORD,
      'docs/adr/adr-template-minimal.md': RECORD,
      'docs/adr/adr-short-template.md': RECORD,
      'docs/adr/ADR-nnn_Any_Decision_Record_Template.md': RECORD,
      'docs/adr/0003-use-handlebars-as-template-engine.md': RECORD,
      'docs/adr/use-a-template-engine-for-emails.md': RECORD,
      'docs/adr/0004-templates-in-the-cms.md': RECORD,
      'docs/adr/0005-template.md': RECORD,
      'docs/adr/nginx-template.md': RECORD,
    });
    const found = await discoverAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(found.files, ['docs/adr/0003-use-handlebars-as-template-engine.md', 'docs/adr/0004-templates-in-the-cms.md', 'docs/adr/0005-template.md', 'docs/adr/nginx-template.md', 'docs/adr/use-a-template-engine-for-emails.md']);
  });

  it('never takes records from test, fixture or example folders, nor the tool configs in them', async () => {
    tree = tempTree({
      '.log4brains.yml': 'project:\n  adrFolder: ./docs/adr\n  packages:\n    - name: web\n      adrFolder: ./packages/web/adr\n',
      'docs/adr/20210101-a.md': RECORD,
      'packages/web/adr/20210102-b.md': RECORD,
      'packages/core/integration-tests/ok-project/.log4brains.yml': 'project:\n  adrFolder: ./docs/adr\n',
      'packages/core/integration-tests/ok-project/docs/adr/20200101-john-doe.md': RECORD,
      'test/fixtures/docs/adr/0001-x.md': RECORD,
      'examples/demo/docs/decisions/0001-y.md': RECORD,
      'src/__tests__/adr-001-z.md': RECORD,
    });
    const found = await discoverAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(found.folders, ['docs/adr', 'packages/web/adr']);
    assert.deepEqual(found.files, ['docs/adr/20210101-a.md', 'packages/web/adr/20210102-b.md']);
  });

  it('says what the depth limit is about, and not when adr.paths names the folders', async () => {
    const deep = Object.fromEntries([[`${Array.from({ length: 12 }, (_, i) => `d${i}`).join('/')}/x.txt`, 'x'], ['docs/adr/0001-a.md', RECORD]]);
    tree = tempTree(deep);
    const unset = await discoverAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual(unset.warnings.map((w) => w.code), ['adr-discovery-truncated']);
    assert.match(unset.warnings[0]?.message ?? '', /ADR discovery stopped 10 folders deep.*adr\.paths/);
    const set = await discoverAdrs(tree.root, configSchema.parse({ adr: { paths: ['docs/adr'] } }));
    assert.deepEqual(set.warnings, []);
    assert.deepEqual(set.files, ['docs/adr/0001-a.md']);
  });

  it('says nothing of the depth limit when a tool\'s config names the records\' folder (.adr-dir)', async () => {
    tree = tempTree({ [`${Array.from({ length: 12 }, (_, i) => `d${i}`).join('/')}/x.txt`]: 'x', '.adr-dir': 'docs/adr\n', 'docs/adr/0001-a.md': RECORD });
    const found = await discoverAdrs(tree.root, DEFAULT_CONFIG);
    assert.deepEqual([found.files, found.warnings], [['docs/adr/0001-a.md'], []]);
  });
});
