import assert from 'node:assert/strict';
import { matchesGlob } from '../../../src/core/signals/glob';
import { createPathClassifier, signalWeight } from '../../../src/core/signals/rules';

describe('signals: classifying changed paths', () => {
  const classify = createPathClassifier({});
  const cases: Array<[string, string | null]> = [
    ['package.json', 'dependency'], ['services/api/package.json', 'dependency'], ['go.mod', 'dependency'], ['Gopkg.toml', 'dependency'],
    ['Cargo.toml', 'dependency'], ['pyproject.toml', 'dependency'], ['requirements-dev.txt', 'dependency'],
    ['pom.xml', 'dependency'], ['build.gradle.kts', 'dependency'], ['Gemfile', 'dependency'],
    ['src/App/App.csproj', 'dependency'], ['composer.json', 'dependency'],
    ['package-lock.json', null], ['yarn.lock', null], ['go.sum', null], ['Cargo.lock', null], ['Gemfile.lock', null], ['pnpm-lock.yaml', null],
    ['Dockerfile', 'infrastructure'], ['services/x/Dockerfile.dev', 'infrastructure'], ['docker-compose.yml', 'infrastructure'],
    ['compose.yaml', 'infrastructure'], ['infra/main.tf', 'infrastructure'], ['charts/api/Chart.yaml', 'infrastructure'],
    ['charts/api/templates/deployment.yaml', 'infrastructure'], ['k8s/deployment.yaml', 'infrastructure'],
    ['.github/workflows/ci.yml', 'ci'], ['.gitlab-ci.yml', 'ci'], ['Jenkinsfile', 'ci'], ['.circleci/config.yml', 'ci'],
    ['azure-pipelines.yml', 'ci'], ['.github/workflows/scripts/deploy.sh', null], ['.github/workflows/README.md', null],
    ['db/migrations/001_init.sql', 'data'], ['app/migrations/0002_auto.py', 'data'], ['schema.sql', 'data'],
    // A migration in a folder of any case, named by its number, time or revision; never a guide, a migrator's code or __init__.py.
    ['src/Core/Migration/V6_5/Migration1655697288AppFlowEvent.php', 'data'], ['Data/Migrations/20200101120000_Init.cs', 'data'],
    ['db/migrations/versions/1a2b3c4d5e6f_add_email.py', 'data'], ['docs/migration/v0.450.md', null], ['app/migrations/__init__.py', null],
    ['app/src/main/kotlin/com/wire/android/migration/MigrationScreen.kt', null],
    ['gradle/libs.versions.toml', 'dependency'], ['requirements/base.in', 'dependency'], ['requirements/production.txt', 'dependency'], ['requirements.in', 'dependency'], ['view_component.gemspec', 'dependency'],
    ['proto/user.proto', 'data'], ['prisma/schema.prisma', 'data'], ['api/openapi.yaml', 'data'], ['schema.graphql', 'data'],
    ['.github/CODEOWNERS', 'ownership'], ['CODEOWNERS', 'ownership'],
    ['README.md', null], ['src/index.ts', null], ['.dockerignore', null], ['tsconfig.json', null],
    // Tests, their data, examples and vendored code are not the product.
    ['test/e2e/docker/Dockerfile', null], ['packages/cli/__fixtures__/simple-project/package.json', null],
    ['internal/testdata/go.mod', null], ['examples/gcp/main.tf', null], ['dotnet/samples/Demos/App/App.csproj', null],
    ['src/__tests__/fixtures/schema.sql', null], ['vendor/github.com/acme/lib/go.mod', null], ['third_party/proto/api.proto', null],
    ['node_modules/left-pad/package.json', null], ['src/mocks/openapi.yaml', null], ['arbitrator/prover/test-cases/go/go.mod', null],
    ['dotnet/src/Connectors.UnitTests/Connectors.UnitTests.csproj', null], ['src/Billing.Tests/Billing.Tests.csproj', null],
    ['api-tests/package.json', null], ['web_e2e_tests/Dockerfile', null], ['services/ab-test/package.json', 'dependency'],
    // A folder whose name only holds such a word is the product's: `latest/`, `contest/`, `specs/`, `demo/`.
    ['services/contest/package.json', 'dependency'], ['specs/openapi.yaml', 'data'], ['deploy/demo/k8s/app.yaml', 'infrastructure'],
  ];
  for (const [path, kind] of cases) {
    it(`${path} → ${kind ?? 'no signal'}`, () => assert.equal(classify(path), kind));
  }

  it('lets config paths replace a kind\'s rule and turn kinds off', () => {
    const custom = createPathClassifier({ dependency: { paths: ['deps/*.lock'] }, ci: { enabled: false } });
    assert.equal(custom('deps/app.lock'), 'dependency');
    assert.equal(custom('package.json'), null);
    assert.equal(custom('.github/workflows/ci.yml'), null);
    assert.equal(custom('Dockerfile'), 'infrastructure');
    assert.equal(createPathClassifier({ infrastructure: { paths: ['examples/**/*.tf'] } })('examples/gcp/main.tf'), 'infrastructure', 'configured paths reach any folder');
  });

  it('weighs signals 0.5 unless configured', () => {
    assert.equal(signalWeight({}, 'ci'), 0.5);
    assert.equal(signalWeight({ ci: { weight: 0.25 } }, 'ci'), 0.25);
  });
});

describe('signals: globs', () => {
  it('matches anchored, unanchored, ** and brace patterns', () => {
    assert.ok(matchesGlob('services/payments/src/a.ts', 'services/payments/**'));
    assert.ok(matchesGlob('services/payments/src/a.ts', 'services/payments/'));
    assert.ok(!matchesGlob('other/services/payments/a.ts', 'services/payments/**'));
    assert.ok(matchesGlob('deep/dir/file.js', '*.js'));
    assert.ok(matchesGlob('a/b.yaml', 'a/*.{yml,yaml}'));
    assert.ok(!matchesGlob('a/b/c.yaml', 'a/*.yaml'));
    assert.ok(matchesGlob('a/c.yaml', 'a/**/c.yaml'));
    assert.ok(matchesGlob('docs/x.md', 'docs/'));
    assert.ok(matchesGlob('src/docs/x.md', 'docs/'));
  });
});
