import assert from 'node:assert/strict';
import { assessUnitChanges, newRepositoryMemory, type RepositoryMemory, type UnitFileChange } from '../../../../src/core/signals/structural/assess-unit';
import { newBlobFacts } from '../../../../src/core/signals/structural/blob-facts';
import { emptyFacts } from '../../../../src/core/signals/structural/manifest-facts';
import { manifestReader } from '../../../../src/core/signals/structural/manifests';

// A changesets-style JavaScript workspace: siblings depend on each other by plain
// version ranges (not `workspace:`), and the release PR moves them all to a new major.
const TYPES_PACKAGE = `{
  "name": "@acme/types",
  "version": "5.2.1",
  "main": "dist/index.js"
}
`;
const cliPackage = (typesRange: string, extra = ''): string => `{
  "name": "@acme/cli",
  "version": "2.0.0",
  "dependencies": {
    "@acme/types": "${typesRange}",
    "chalk": "^4.1.2"${extra}
  }
}
`;

function added(path: string, text: string): UnitFileChange {
  return { kind: 'dependency', path, basePath: path, existedBefore: false, existsAfter: true, before: null, after: text };
}

function edited(path: string, before: string, after: string): UnitFileChange {
  return { kind: 'dependency', path, basePath: path, existedBefore: true, existsAfter: true, before, after };
}

function findings(changes: UnitFileChange[], memory: RepositoryMemory): string[] {
  return assessUnitChanges(changes, memory, newBlobFacts()).findings.map((f) => f.what).sort();
}

describe('structural comparison: a workspace sibling is no dependency', () => {
  it('reads the name each manifest gives its own package', () => {
    assert.deepEqual([...(manifestReader('package.json')?.(TYPES_PACKAGE) ?? emptyFacts()).own], ['@acme/types']);
    assert.deepEqual([...(manifestReader('composer.json')?.('{ "name": "acme/billing", "require": { "php": ">=8.2" } }') ?? emptyFacts()).own], ['acme/billing']);
    assert.deepEqual([...(manifestReader('Cargo.toml')?.('[package]\nname = "acme-core"\nversion = "0.4.0"\n\n[dependencies]\nserde = "1"\n') ?? emptyFacts()).own], ['acme-core']);
    assert.deepEqual([...(manifestReader('pyproject.toml')?.('[project]\nname = "Acme_Tools"\ndependencies = ["httpx>=0.27"]\n') ?? emptyFacts()).own], ['acme-tools']);
    assert.deepEqual([...(manifestReader('pyproject.toml')?.('[tool.poetry]\nname = "acme-api"\n\n[tool.poetry.dependencies]\npython = "^3.11"\n') ?? emptyFacts()).own], ['acme-api']);
    assert.deepEqual([...(manifestReader('go.mod')?.('module github.com/acme/chain\n\ngo 1.22\n') ?? emptyFacts()).own], ['github.com/acme/chain']);
  });

  it('leaves out a sibling added, moved to a new major or removed, and keeps a third-party change beside it', () => {
    const memory = newRepositoryMemory();
    assert.deepEqual(findings([added('packages/types/package.json', TYPES_PACKAGE)], memory), []);
    assert.deepEqual(findings([added('packages/cli/package.json', cliPackage('^5.2.1'))], memory), ['added chalk']);
    // The release PR: every sibling range to the new major, and one real choice in the same unit.
    assert.deepEqual(findings([edited('packages/cli/package.json', cliPackage('^5.2.1'), cliPackage('^6.0.0', ',\n    "zod": "^3.23.0"'))], memory), ['added zod']);
    assert.deepEqual(findings([edited('packages/cli/package.json', cliPackage('^6.0.0'), '{ "name": "@acme/cli", "dependencies": { "chalk": "^5.0.0" } }')], memory), ['chalk 4 → 5']);
  });

  it('counts the package again once it left the workspace for a registry', () => {
    const memory = newRepositoryMemory();
    findings([added('packages/types/package.json', TYPES_PACKAGE), added('packages/cli/package.json', cliPackage('^5.2.1'))], memory);
    const gone: UnitFileChange = { kind: 'dependency', path: 'packages/types/package.json', basePath: 'packages/types/package.json', existedBefore: true, existsAfter: false, before: TYPES_PACKAGE, after: null };
    // The unit that moves it out changes nothing a dependency decides: it was the project's own before.
    assert.deepEqual(findings([gone, edited('packages/cli/package.json', cliPackage('workspace:*'), cliPackage('^5.2.1'))], memory), []);
    assert.deepEqual([...memory.own.keys()], ['@acme/cli']);
    assert.deepEqual(findings([edited('packages/cli/package.json', cliPackage('^5.2.1'), cliPackage('^6.0.0'))], memory), ['@acme/types 5 → 6']);
  });

  it('keeps a package its own while another manifest still gives that name', () => {
    const memory = newRepositoryMemory();
    findings([added('packages/types/package.json', TYPES_PACKAGE), added('legacy/types/package.json', TYPES_PACKAGE), added('packages/cli/package.json', cliPackage('^5.2.1'))], memory);
    const gone: UnitFileChange = { kind: 'dependency', path: 'legacy/types/package.json', basePath: 'legacy/types/package.json', existedBefore: true, existsAfter: false, before: TYPES_PACKAGE, after: null };
    assert.deepEqual(findings([gone], memory), []);
    assert.deepEqual(findings([edited('packages/cli/package.json', cliPackage('^5.2.1'), cliPackage('^6.0.0'))], memory), []);
  });

  it('leaves out a Go module of the repository that another of its modules requires', () => {
    const memory = newRepositoryMemory();
    const root = 'module github.com/acme/chain\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n';
    assert.deepEqual(findings([added('go.mod', root)], memory), ['added github.com/google/uuid']);
    // A module that came from elsewhere (another host path) and requires the main one.
    const bold = (requires: string): string => `module github.com/acme-labs/bold\n\ngo 1.22\n\nrequire (\n${requires})\n`;
    assert.deepEqual(findings([added('bold/go.mod', bold('\tgithub.com/acme/chain v1.2.0\n\tgithub.com/pkg/errors v0.9.1\n'))], memory), ['added github.com/pkg/errors']);
  });

  it('knows a sibling created in the same unit as the package that uses it', () => {
    const memory = newRepositoryMemory();
    assert.deepEqual(findings([added('packages/cli/package.json', cliPackage('^5.2.1')), added('packages/types/package.json', TYPES_PACKAGE)], memory), ['added chalk']);
  });

  it('still counts a package of the same name when no manifest of the history names it as the project’s own', () => {
    assert.deepEqual(findings([added('packages/cli/package.json', cliPackage('^5.2.1'))], newRepositoryMemory()), ['added @acme/types', 'added chalk']);
  });

  it("knows a Maven project's own modules however their group is written, and keeps a third-party library named through a property", () => {
    const parent = '<project>\n  <groupId>org.acme</groupId>\n  <artifactId>acme-parent</artifactId>\n  <properties>\n    <acme.groupId>org.acme</acme.groupId>\n  </properties>\n</project>\n';
    const module = (artifact: string, dependencies: string): string => `<project>\n  <parent>\n    <groupId>org.acme</groupId>\n    <artifactId>acme-parent</artifactId>\n  </parent>\n  <artifactId>${artifact}</artifactId>\n  <dependencies>\n${dependencies}  </dependencies>\n</project>\n`;
    const dependency = (group: string, artifact: string): string => `    <dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId></dependency>\n`;
    assert.deepEqual([...(manifestReader('pom.xml')?.(module('acme-mailbox-api', '')) ?? emptyFacts()).own].sort(), ['*:acme-mailbox-api', 'org.acme:acme-mailbox-api']);
    const memory = newRepositoryMemory();
    assert.deepEqual(findings([added('pom.xml', parent), added('mailbox/api/pom.xml', module('acme-mailbox-api', '')), added('mailbox/store/pom.xml', module('acme-mailbox-store', ''))], memory), []);
    const before = module('acme-server', dependency('${acme.groupId}', 'acme-mailbox-api'));
    const after = module('acme-server', dependency('${acme.groupId}', 'acme-mailbox-api') + dependency('${project.groupId}', 'acme-mailbox-store') + dependency('${acme.groupId}', 'acme-mailbox-store') + dependency('${javax.mail.groupId}', 'javax.mail-api') + dependency('org.apache.kafka', 'kafka-clients'));
    assert.deepEqual(findings([added('server/pom.xml', before)], memory), []);
    assert.deepEqual(findings([edited('server/pom.xml', before, after)], memory), ['added ${javax.mail.groupId}:javax.mail-api', 'added org.apache.kafka:kafka-clients']);
  });
});
