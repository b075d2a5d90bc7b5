import assert from 'node:assert/strict';
import { assessUnitChanges, newRepositoryMemory, type RepositoryMemory, type UnitFileChange } from '../../../../src/core/signals/structural/assess-unit';
import { majorOf, targetOf } from '../../../../src/core/signals/structural/version';

function change(kind: UnitFileChange['kind'], path: string, before: string | null, after: string | null, basePath = path): UnitFileChange {
  return { kind, path, basePath, existedBefore: before !== null, existsAfter: after !== null, before, after };
}

function whats(changes: UnitFileChange[], memory?: RepositoryMemory): string[] {
  return assessUnitChanges(changes, memory).findings.map((f) => `${f.kind}: ${f.what}`).sort();
}

const pkg = (deps: Record<string, string>, extra: Record<string, unknown> = {}): string => JSON.stringify({ name: 'app', version: '1.0.0', dependencies: deps, ...extra }, null, 2);

describe('structural comparison of signal files', () => {
  describe('versions', () => {
    it('takes the first non-zero component as the major', () => {
      assert.equal(majorOf('^17.0.2'), '17');
      assert.equal(majorOf('~0.55.0'), '0.55');
      assert.equal(majorOf('v0.0.3'), '0.0.3');
      assert.equal(majorOf('>=3.8,<4'), '3');
      assert.equal(majorOf('latest'), null);
    });
    it('reads a Go pseudo-version as no release', () => {
      assert.equal(majorOf('v0.0.0-20220722155217-630584e8d5aa'), null);
    });
    it('reads a tag that names a build, a commit id or an image digest, as no release; a tag pinned to a digest by its tag', () => {
      const digest = 'sha256:9c3627ab074c1d2e9c3627ab074c1d2e9c3627ab074c1d2e9c3627ab074c1d2e';
      for (const tag of ['0506aac2f316', '9c3627ab074c1d2e', digest, `latest@${digest}`]) assert.equal(majorOf(tag), null, tag);
      for (const [tag, major] of [['1234567', '1234567'], ['20240101', '20240101'], ['v1.2.3', '1'], ['2.0.0-beta.1', '2'], [`1.25@${digest}`, '1'], ['0.5.0-abc1234', '0.5']] as const) assert.equal(majorOf(tag), major, tag);
    });
    it('reads runtime targets to the minor', () => {
      assert.equal(targetOf('1.21'), '1.21');
      assert.equal(targetOf('1.21.5'), '1.21');
      assert.equal(targetOf('>=18'), '18.0');
      assert.equal(targetOf('net8.0'), 'net8.0');
      assert.equal(targetOf('net8.0;netstandard2.0;net8.0'), 'net8.0;netstandard2.0');
    });
  });

  describe('package.json', () => {
    it('calls a version bump within a major maintenance', () => {
      assert.deepEqual(whats([change('dependency', 'package.json', pkg({ react: '^18.2.0' }), pkg({ react: '^18.3.1' }))]), []);
    });
    it('finds a dependency added, removed, or moved to a new major', () => {
      assert.deepEqual(whats([change('dependency', 'package.json', pkg({ react: '^17.0.2', moment: '2.29.0' }), pkg({ react: '^18.0.0', 'date-fns': '^3.0.0' }))]), [
        'dependency: added date-fns',
        'dependency: react 17 → 18',
        'dependency: removed moment',
      ]);
    });
    it('ignores reordering, whitespace and the project\'s own release version', () => {
      const before = '{\n  "name": "app", "version": "1.2.0",\n  "dependencies": { "a": "^1.0.0", "b": "^2.0.0" }\n}\n';
      const after = '{"version":"2.0.0","name":"app","dependencies":{"b":"^2.0.0","a":"^1.0.0"}}';
      assert.deepEqual(whats([change('dependency', 'package.json', before, after)]), []);
    });
    it('leaves out workspace packages of the repository', () => {
      assert.deepEqual(whats([change('dependency', 'package.json', pkg({}), pkg({ '@acme/ui': 'workspace:*', '@acme/lib': 'file:../lib' }))]), []);
    });
    it('calls a changed node engine a platform decision', () => {
      assert.deepEqual(whats([change('dependency', 'package.json', pkg({}, { engines: { node: '>=18' } }), pkg({}, { engines: { node: '>=20' } }))]), ['platform: node >=18 → >=20']);
    });
    it('keeps a manifest that does not parse as maintenance', () => {
      assert.deepEqual(whats([change('dependency', 'package.json', pkg({ a: '1.0.0' }), '{ "dependencies": {')]), []);
    });
    it('does not call a manifest moved by delete and add a decision', () => {
      const text = pkg({ react: '^18.2.0' });
      assert.deepEqual(whats([change('dependency', 'web/package.json', text, null), change('dependency', 'apps/web/package.json', null, text)]), []);
    });
  });

  describe('other ecosystems', () => {
    it('go.mod: direct requirements and the go directive; indirect ones and pseudo-versions are maintenance', () => {
      const before = 'module example.com/app\n\ngo 1.21\n\nrequire (\n\tgithub.com/pkg/errors v0.9.1\n\tgolang.org/x/net v0.0.0-20220722155217-630584e8d5aa\n\tgithub.com/x/y v1.2.0 // indirect\n)\n';
      const after = 'module example.com/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/pkg/errors v0.9.1\n\tgolang.org/x/net v0.1.0\n\tgithub.com/x/y v2.0.0 // indirect\n\tgithub.com/z/w/v2 v2.1.0\n\texample.com/app/tools v0.0.0-00010101000000-000000000000\n)\n';
      assert.deepEqual(whats([change('dependency', 'go.mod', before, after)]), ['dependency: added github.com/z/w/v2', 'platform: go 1.21 → 1.22']);
    });
    it('pom.xml: the release plugin bumping the project and its own modules is maintenance', () => {
      const pom = (version: string, junit: string): string => `<project><groupId>org.acme</groupId><artifactId>app</artifactId><version>${version}</version>
  <properties><java.version>17</java.version><junit.version>${junit}</junit.version></properties>
  <dependencies>
    <dependency><groupId>org.acme</groupId><artifactId>core</artifactId><version>${version}</version></dependency>
    <dependency><groupId>org.junit</groupId><artifactId>junit-jupiter</artifactId><version>\${junit.version}</version></dependency>
  </dependencies></project>`;
      assert.deepEqual(whats([change('dependency', 'pom.xml', pom('4.0.0-SNAPSHOT', '5.9.0'), pom('4.0.1-SNAPSHOT', '5.10.0'))]), []);
      assert.deepEqual(whats([change('dependency', 'pom.xml', pom('4.0.0', '5.9.0'), pom('4.0.0', '6.0.0'))]), ['dependency: org.junit:junit-jupiter 5 → 6']);
    });
    it('build.gradle.kts: a blank line is maintenance', () => {
      const gradle = 'dependencies {\n    implementation("com.squareup.okhttp3:okhttp:4.12.0")\n}\n';
      assert.deepEqual(whats([change('dependency', 'build.gradle.kts', gradle, `\n${gradle}`)]), []);
    });
    it('csproj: a package added and a target framework changed', () => {
      const csproj = (framework: string, packages: string): string => `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>${framework}</TargetFramework></PropertyGroup><ItemGroup>${packages}</ItemGroup></Project>`;
      assert.deepEqual(whats([change('dependency', 'src/App.csproj', csproj('net6.0', '<PackageReference Include="Serilog" Version="2.12.0" />'), csproj('net8.0', '<PackageReference Include="Serilog" Version="2.12.0" /><PackageReference Include="Polly" Version="8.0.0" />'))]), [
        'dependency: added Polly',
        'platform: dotnet net6.0 → net8.0',
      ]);
    });
    it('csproj and Directory.Build.props: every target of a list counts; a target that only names properties is read where they are set', () => {
      const csproj = (frameworks: string): string => `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFrameworks>${frameworks}</TargetFrameworks></PropertyGroup></Project>`;
      const project = (before: string, after: string): string[] => whats([change('dependency', 'src/App.csproj', csproj(before), csproj(after))]);
      assert.deepEqual(project('netstandard2.0;net8.0', 'netstandard2.0;net8.0;net9.0'), ['platform: dotnet netstandard2.0;net8.0 → netstandard2.0;net8.0;net9.0']);
      assert.deepEqual(project('net8.0;netstandard2.0', 'netstandard2.0; net8.0'), []);
      assert.deepEqual(project('$(BrigtherTargetFrameworks)', '$(BrighterTargetFrameworks)'), []);
      assert.deepEqual(project('net8.0', '$(LibraryTargetFrameworks)'), []);
      assert.deepEqual(project('$(LibraryTargetFrameworks)', 'net8.0'), []);
      const props = (properties: string): string => `<Project><PropertyGroup>${properties}<LangVersion>latest</LangVersion></PropertyGroup></Project>`;
      const libraries = (frameworks: string): string => `<LibraryTargetFrameworks>${frameworks}</LibraryTargetFrameworks>`;
      const shared = (before: string, after: string): string[] => whats([change('dependency', 'Directory.Build.props', props(before), props(after))]);
      assert.deepEqual(shared(libraries('net8.0;net9.0'), libraries('net8.0;net9.0;net10.0')), ['platform: dotnet (properties) net8.0;net9.0 → net8.0;net9.0;net10.0']);
      // A property renamed, or a set of its targets named apart: the same targets.
      assert.deepEqual(shared(libraries('net8.0;net9.0').replace(/Library/g, 'Libary'), libraries('net8.0;net9.0')), []);
      assert.deepEqual(shared(libraries('net8.0;net9.0'), `${libraries('$(CoreTargetFrameworks);net8.0')}<CoreTargetFrameworks>net9.0</CoreTargetFrameworks>`), []);
      const reference = '<ItemGroup><Reference Include="System.Core"><RequiredTargetFramework>3.5</RequiredTargetFramework></Reference></ItemGroup>';
      assert.deepEqual(whats([change('dependency', 'src/Old.csproj', `<Project>${reference}</Project>`, '<Project></Project>')]), []);
    });
    it('Gradle version catalog: libraries by module, plugins by id, versions given or named in [versions]', () => {
      const catalog = (libraries: string, plugins = '', versions = 'kotlin = "1.9.22"\nserialization = "1.6.2"\n'): string => `[versions]\n${versions}\n[libraries]\n${libraries}\n[plugins]\n${plugins}`;
      const before = catalog('gson = { module = "com.google.code.gson:gson", version = "2.10.1" }\nktx-coroutines = "org.jetbrains.kotlinx:kotlinx-coroutines-core:1.7.3"\n');
      const after = catalog(
        'ktx-serialization = { group = "org.jetbrains.kotlinx", name = "kotlinx-serialization-json", version.ref = "serialization" }\nktx-coroutines = "org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.0"\n',
        'metro = { id = "dev.zacsweers.metro", version.ref = "kotlin" }\n',
      );
      assert.deepEqual(whats([change('dependency', 'gradle/libs.versions.toml', before, after)]), [
        'dependency: added org.jetbrains.kotlinx:kotlinx-serialization-json',
        'dependency: added plugin:dev.zacsweers.metro',
        'dependency: removed com.google.code.gson:gson',
      ]);
      const bumped = catalog('ktx-serialization = { module = "org.jetbrains.kotlinx:kotlinx-serialization-json", version.ref = "serialization" }\n');
      assert.deepEqual(whats([change('dependency', 'gradle/libs.versions.toml', bumped, bumped.replace('serialization = "1.6.2"', 'serialization = "1.7.0"'))]), [], 'a version moved within its major');
      assert.deepEqual(whats([change('dependency', 'gradle/libs.versions.toml', bumped, bumped.replace('serialization = "1.6.2"', 'serialization = "2.0.0"'))]), ['dependency: org.jetbrains.kotlinx:kotlinx-serialization-json 1 → 2']);
    });
    it('a dependency moved to another manifest of the unit is not removed: into a catalog, into Directory.Build.props', () => {
      const gradle = (deps: string): string => `dependencies {\n${deps}}\n`;
      const catalog = '[libraries]\nappcompat = "androidx.appcompat:appcompat:1.6.1"\ngson = "com.google.code.gson:gson:2.10.1"\n';
      assert.deepEqual(whats([
        change('dependency', 'app/build.gradle.kts', gradle('  implementation("androidx.appcompat:appcompat:1.6.1")\n  implementation("com.google.code.gson:gson:2.10.1")\n'), gradle('  implementation(libs.appcompat)\n')),
        change('dependency', 'gradle/libs.versions.toml', null, catalog),
      ]), []);
      const csproj = (packages: string): string => `<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>${packages}</ItemGroup></Project>`;
      const analyzer = '<PackageReference Include="Microsoft.CodeAnalysis.FxCopAnalyzers" Version="3.3.0" />';
      assert.deepEqual(whats([
        change('dependency', 'src/Api/Api.csproj', csproj(analyzer), csproj('')),
        change('dependency', 'Directory.Build.props', csproj(''), csproj(analyzer)),
      ]), []);
      assert.deepEqual(whats([change('dependency', 'src/Api/Api.csproj', csproj(analyzer), csproj(''))]), ['dependency: removed Microsoft.CodeAnalysis.FxCopAnalyzers']);
    });
    it('gemspec: the gems a gem depends on and the Ruby it requires', () => {
      const gemspec = (deps: string, ruby: string): string => `Gem::Specification.new do |spec|\n  spec.name = "view_component"\n  spec.required_ruby_version = ">= ${ruby}"\n${deps}end\n`;
      assert.deepEqual(whats([change('dependency', 'view_component.gemspec', gemspec('  spec.add_runtime_dependency "activesupport", [">= 5.2.0", "< 8.0"]\n', '2.7'), gemspec('  spec.add_runtime_dependency "activesupport", [">= 7.1.0", "< 8.1"]\n  spec.add_dependency("concurrent-ruby", "~> 1")\n', '3.2'))]), [
        'dependency: activesupport 5 → 7',
        'dependency: added concurrent-ruby',
        'platform: ruby >= 2.7 → >= 3.2',
      ]);
    });
    it('requirements in a requirements/ folder, pip-tools\' .in and its compiled .txt', () => {
      assert.deepEqual(whats([change('dependency', 'requirements/base.in', 'django<4\nmysqlclient\n', 'django<5\nmariadb\n')]), [
        'dependency: added mariadb',
        'dependency: django 4 → 5',
        'dependency: removed mysqlclient',
      ]);
      const compiled = (django: string): string => `django==${django}\n    # via -r requirements/base.in\nsqlparse==0.4.4\n    # via django\n`;
      assert.deepEqual(whats([change('dependency', 'requirements/base.txt', compiled('3.2.21'), compiled('4.2.6'))]), ['dependency: django 3 → 4']);
      assert.deepEqual(whats([change('dependency', 'docs/notes/requirements/why.md', 'a', 'b')]), []);
    });
    it('pyproject.toml and requirements.txt', () => {
      const pyproject = (python: string, deps: string): string => `[project]\nname = "svc"\nrequires-python = "${python}"\ndependencies = [\n${deps}\n]\n`;
      assert.deepEqual(whats([change('dependency', 'pyproject.toml', pyproject('>=3.9', '"requests>=2.31"'), pyproject('>=3.11', '"requests>=2.32", "httpx[http2]>=0.27"'))]), [
        'dependency: added httpx',
        'platform: python >=3.9 → >=3.11',
      ]);
      assert.deepEqual(whats([change('dependency', 'requirements-dev.txt', 'flask==2.3.0\n# tools\n', 'flask==3.0.0\n-r base.txt\n')]), ['dependency: flask 2 → 3']);
    });
    it('Gopkg.toml: a constraint added is a dependency; a version within a major is not', () => {
      const gopkg = (extra: string): string => `# [[constraint]]\n#   name = "github.com/user/project"\n\n[[constraint]]\n  name = "github.com/go-kit/kit"\n  version = "=0.6.0"\n${extra}\n[prune]\n  go-tests = true\n`;
      const cors = '\n[[constraint]]\n  name = "github.com/rs/cors"\n  version = "1.6.0"\n';
      assert.deepEqual(whats([change('dependency', 'Gopkg.toml', gopkg(''), gopkg(cors))]), ['dependency: added github.com/rs/cors']);
      assert.deepEqual(whats([change('dependency', 'Gopkg.toml', gopkg(cors), gopkg(cors.replace('1.6.0', '1.7.2')))]), []);
    });
    it('Cargo.toml tables, inline and dotted', () => {
      const before = '[package]\nname = "x"\n\n[dependencies]\nserde = { version = "1.0", features = ["derive"] }\nlocal = { path = "../local" }\n';
      const after = '[package]\nname = "x"\n\n[dependencies]\nserde = { version = "1.0.200", features = ["derive"] }\n\n[dependencies.tokio]\nversion = "1"\n';
      assert.deepEqual(whats([change('dependency', 'Cargo.toml', before, after)]), ['dependency: added tokio']);
    });
  });

  describe('infrastructure, CI, data, ownership', () => {
    it('terraform: a new resource type is a decision, a size or count is not', () => {
      const tf = (size: number, extra = ''): string => `provider "aws" {}\nresource "aws_instance" "web" {\n  count = 2\n  root_block_device { volume_size = ${size} }\n}\n${extra}`;
      assert.deepEqual(whats([change('infrastructure', 'infra/main.tf', tf(20), tf(40))]), []);
      assert.deepEqual(whats([change('infrastructure', 'infra/main.tf', tf(20), tf(20, 'resource "aws_sqs_queue" "jobs" {}\n'))]), ['infrastructure: infrastructure added: resource aws_sqs_queue']);
    });
    it('a resource type the repository already uses is no new decision', () => {
      const memory = newRepositoryMemory();
      const first = whats([change('infrastructure', 'infra/a.tf', null, 'resource "aws_security_group" "a" {}\n')], memory);
      const again = whats([change('infrastructure', 'infra/b.tf', null, 'resource "aws_security_group" "b" {}\n')], memory);
      assert.deepEqual(first, ['infrastructure: infrastructure added: resource aws_security_group', 'infrastructure: new infrastructure in infra']);
      assert.deepEqual(again, []);
    });
    it('a folder that gains its first infrastructure file is a new stack, one that loses its last a removed one', () => {
      const memory = newRepositoryMemory();
      whats([change('infrastructure', 'projects/app/main.tf', null, 'resource "aws_instance" "a" {}\n')], memory);
      assert.deepEqual(whats([change('infrastructure', 'projects/app/vars.tf', null, 'variable "size" {}\n')], memory), []);
      assert.deepEqual(whats([change('infrastructure', 'projects/app/main.tf', 'resource "aws_instance" "a" {}\n', null), change('infrastructure', 'projects/app/vars.tf', 'variable "size" {}\n', null)], memory), [
        'infrastructure: infrastructure in projects/app removed',
        'infrastructure: removed: projects/app resource aws_instance',
      ]);
    });
    it('a managed runtime new to the repository is a platform decision', () => {
      const memory = newRepositoryMemory();
      const lambda = (name: string, runtime: string): string => `resource "aws_lambda_function" "${name}" {\n  runtime = "${runtime}"\n  memory_size = 128\n}\n`;
      whats([change('infrastructure', 'fn/main.tf', null, lambda('f', 'python3.6'))], memory);
      assert.deepEqual(whats([change('infrastructure', 'fn/main.tf', lambda('f', 'python3.6'), lambda('f', 'python3.6') + lambda('g', 'python3.8'))], memory), ['platform: runtime added: runtime python3.8']);
    });
    it('a function moved to a runtime the repository already uses is still a platform decision', () => {
      const memory = newRepositoryMemory();
      const lambda = (name: string, runtime: string): string => `resource "aws_lambda_function" "${name}" {\n  runtime = "${runtime}"\n  memory_size = 128\n}\n`;
      whats([change('infrastructure', 'a/main.tf', null, lambda('a', 'python3.8'))], memory);
      whats([change('infrastructure', 'b/main.tf', null, lambda('b', 'python3.6'))], memory);
      assert.deepEqual(whats([change('infrastructure', 'b/main.tf', lambda('b', 'python3.6'), lambda('b', 'python3.8'))], memory), [
        'platform: b resource aws_lambda_function b runtime python3.6 → python3.8',
      ]);
      assert.deepEqual(whats([change('infrastructure', 'b/main.tf', lambda('b', 'python3.8'), lambda('b', 'python3.8').replace('128', '256'))], memory), []);
    });
    it('terraform: a provider\'s major moved is a decision, from the provider block to required_providers too; a minor is not', () => {
      const old = (version: string): string => `provider "aws" {\n  version = "${version}"\n  region = "eu-west-1"\n}\n`;
      const required = (version: string): string => `terraform {\n  required_providers {\n    aws = {\n      version = "${version}"\n      source  = "hashicorp/aws"\n    }\n  }\n}\nprovider "aws" {\n  region = "eu-west-1"\n}\n`;
      assert.deepEqual(whats([change('infrastructure', 'infra/main.tf', old('2.46.0'), required('~> 3.76'))]), ['infrastructure: infra provider aws 2 → 3']);
      assert.deepEqual(whats([change('infrastructure', 'infra/main.tf', old('2.46.0'), old('2.70.0'))]), []);
      assert.deepEqual(whats([change('infrastructure', 'infra/main.tf', required('~> 3.70'), required('~> 3.76'))]), []);
    });
    it('terraform: a resource type a stack gives up is a decision; a stack moved by a rename keeps its resources', () => {
      const bucket = 'resource "aws_s3_bucket" "archive" {\n  bucket = "x"\n}\n';
      const queue = 'resource "aws_sqs_queue" "jobs" {}\n';
      assert.deepEqual(whats([change('infrastructure', 'projects/app/main.tf', bucket + queue, queue)]), ['infrastructure: removed: projects/app resource aws_s3_bucket']);
      assert.deepEqual(whats([change('infrastructure', 'projects/app/main.tf', bucket + bucket.replace('archive', 'logs'), bucket)]), []);
      assert.deepEqual(whats([change('infrastructure', 'projects/search/main.tf', bucket, bucket, 'projects/elastic/main.tf')]), []);
    });
    it('Dockerfile: a base image major is platform, a patch tag is maintenance', () => {
      assert.deepEqual(whats([change('infrastructure', 'Dockerfile', 'FROM node:18.17-alpine AS build\nFROM build\n', 'FROM node:18.19-alpine AS build\nFROM build\n')]), []);
      assert.deepEqual(whats([change('infrastructure', 'Dockerfile', 'FROM node:18-alpine\n', 'FROM node:20-alpine\n')]), ['platform: node 18 → 20']);
    });
    it('a manifests folder: a Kubernetes object is read; a project\'s own YAML there (no apiVersion) is nothing', () => {
      const feature = (tag: string): string => `features:\n  nimbus:\n    variables:\n      banner:\n        type: string\n        image: ghcr.io/mozilla/banner:${tag}\n`;
      assert.deepEqual(whats([change('infrastructure', 'experimenter/manifests/firefox-desktop/release.yaml', feature('1'), feature('2'))]), []);
      const deployment = (image: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - image: ${image}\n`;
      assert.deepEqual(whats([change('infrastructure', 'manifests/api.yaml', deployment('acme/api:1'), deployment('acme/api:2'))]), ['platform: acme/api 1 → 2']);
      // A Cloud Foundry app manifest deploys too.
      const apps = (extra: string): string => `applications:\n  - name: api\n    memory: 512M\n${extra}`;
      assert.deepEqual(whats([change('infrastructure', 'backend/manifests/manifest-dev.yml', apps(''), apps('  - name: postgrest\n    docker:\n      image: postgrest/postgrest:v10.1.2\n'))]), ['infrastructure: image added: postgrest/postgrest']);
    });
    it('compose: an image rebuilt under another commit id is maintenance', () => {
      const compose = (tag: string): string => `services:\n  languagetool:\n    image: ghcr.io/acme/languagetool:${tag}\n`;
      assert.deepEqual(whats([change('infrastructure', 'compose.yaml', compose('0506aac2f316d1e2'), compose('9c3627ab074c1d2e'))]), []);
    });
    it('csproj: a project deleted whole is a module given up, not a target moved; one added whole sets none; their packages still count', () => {
      const csproj = (packages: string): string => `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup><ItemGroup>${packages}</ItemGroup></Project>`;
      assert.deepEqual(whats([change('dependency', 'src/Scratch/Scratch.csproj', csproj('<PackageReference Include="Polly" Version="8.0.0" />'), null)]), ['architecture: removed project src/Scratch', 'dependency: removed Polly']);
      assert.deepEqual(whats([change('dependency', 'src/Api/Api.csproj', csproj(''), csproj('')), change('dependency', 'src/New/New.csproj', null, csproj('<PackageReference Include="Serilog" Version="3.0.0" />'))]), ['dependency: added Serilog']);
      const composer = (php: string): string => JSON.stringify({ name: 'acme/web-bundle', require: { php, 'symfony/http-kernel': '^5.0' } });
      assert.deepEqual(whats([change('dependency', 'src/WebBundle/composer.json', composer('^8.0'), null)]), ['architecture: removed project src/WebBundle', 'dependency: removed symfony/http-kernel']);
    });
    it('compose: a new service, a service removed; a tag bumped is neither', () => {
      const compose = (services: string): string => `services:\n  api:\n    image: acme/api:1.2\n${services}`;
      assert.deepEqual(whats([change('infrastructure', 'docker-compose.yml', compose(''), compose('  redis:\n    image: redis:7\n'))]), [
        'infrastructure: image added: redis',
        'infrastructure: infrastructure added: service redis',
      ]);
      assert.deepEqual(whats([change('infrastructure', 'deploy/docker-compose.yml', compose('  redis:\n    image: redis:7\n'), compose(''))]), ['infrastructure: removed: deploy service redis']);
      assert.deepEqual(whats([change('infrastructure', 'deploy/docker-compose.yml', compose('  redis:\n    image: redis:7\n'), compose('  redis:\n    image: redis:7.2\n'))]), []);
    });
    it('CI: a pipeline or a job added is a decision; an action version bump or a step is not; a deploy step is', () => {
      const workflow = (uses: string, deploy = ''): string => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@${uses}\n${deploy}`;
      assert.deepEqual(whats([change('ci', '.github/workflows/ci.yml', null, workflow('v4'))]), ['ci: pipeline added: .github/workflows/ci.yml']);
      assert.deepEqual(whats([change('ci', '.github/workflows/ci.yml', workflow('v3'), workflow('v4'))]), []);
      const deploy = '  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n';
      assert.deepEqual(whats([change('ci', '.github/workflows/ci.yml', workflow('v4'), workflow('v4', deploy))]), [
        'ci: .github/workflows/ci.yml added: environment production',
        'ci: .github/workflows/ci.yml added: job deploy',
        'ci: .github/workflows/ci.yml added: uses aws-actions/configure-aws-credentials',
      ]);
      const lint = '  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: buf breaking\n';
      assert.deepEqual(whats([change('ci', '.github/workflows/ci.yml', workflow('v4'), workflow('v4', lint))]), ['ci: .github/workflows/ci.yml added: job lint']);
      assert.deepEqual(whats([change('ci', '.github/workflows/ci.yml', workflow('v4', lint), workflow('v4', lint.replace('buf breaking', 'buf lint')).replace('ubuntu-latest', 'ubuntu-24.04'))]), [], 'a step or runner changed is maintenance');
      const setup = (uses: string): string => `${deploy}      - uses: ${uses}\n`;
      assert.deepEqual(whats([change('ci', '.github/workflows/ci.yml', workflow('v4', setup('actions/setup-node@v4')), workflow('v4', setup('./.github/actions/setup-node-env')))]), [], 'a deploy job\'s tooling set up another way is upkeep');
      assert.deepEqual(whats([change('ci', '.github/workflows/ci.yml', workflow('v4', setup('actions/setup-node@v4')), workflow('v4', setup('peaceiris/actions-gh-pages@v4')))]), ['ci: .github/workflows/ci.yml added: uses peaceiris/actions-gh-pages']);
      // `env:` put under `jobs:` by mistake, then moved where it belongs: no job came or went.
      assert.deepEqual(whats([change('ci', '.github/workflows/ci.yml', workflow('v4', '  env:\n    NODE_ENV: test\n'), workflow('v4'))]), []);
    });
    it('data: a generated schema is nobody\'s decision; a hand-written one is', () => {
      const openapi = (extra: string): string => `openapi: 3.0.0\npaths:\n  /users:\n    get: {}\n${extra}`;
      assert.deepEqual(whats([change('data', 'api/openapi.yaml', openapi(''), openapi('  /orders:\n    post: {}\n'))]), ['data: schema added: post /orders']);
      assert.deepEqual(whats([change('data', 'api/openapi.yaml', `# Code generated by oapi. DO NOT EDIT.\n${openapi('')}`, `# Code generated by oapi. DO NOT EDIT.\n${openapi('  /orders:\n    post: {}\n')}`)]), []);
      assert.deepEqual(whats([change('data', 'proto/vote.proto', 'message Vote {\n  int64 height = 1;\n}\n', 'message Vote\n{\n  int64 height = 1; // the height\n}\n')]), []);
      assert.deepEqual(whats([change('data', 'db/migrations/0003_add_orders.sql', null, 'CREATE TABLE orders (id int);')]), ['data: migration added: db/migrations/0003_add_orders.sql']);
      // A drop written in a schema script drops; a statement built from strings names nothing.
      assert.deepEqual(whats([change('data', 'db/schema.sql', 'CREATE TABLE jobs (id int);\n', 'CREATE TABLE jobs (id int);\nDROP INDEX IX_jobs;\n')]), ['data: schema dropped: index IX_jobs']);
      assert.deepEqual(whats([change('data', 'scripts/cleanup.sql', 'SELECT 1;\n', "SELECT 1;\nEXECUTE 'ALTER TABLE \"' || t || '\" DROP COLUMN x';\n")]), []);
      assert.deepEqual(whats([change('data', 'src/migration/Fix.java', 'class Fix { int a; }', 'class Fix { int b; }')]), []);
      // Django names the migrations it writes on its own; before 1.10 it wrote no header saying so.
      const auto = 'from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    operations = [migrations.AlterField(model_name="course", name="title", field=models.CharField(max_length=255))]\n';
      assert.deepEqual(whats([change('data', 'course_discovery/apps/publisher/migrations/0006_auto_20160902_0726.py', null, auto)]), []);
      assert.deepEqual(whats([change('data', 'course_discovery/apps/publisher/migrations/0007_add_pathways.py', null, auto)]), ['data: migration added: course_discovery/apps/publisher/migrations/0007_add_pathways.py']);
      // Entity Framework's snapshot of each migration: written by the tool, headed `// <auto-generated />`.
      assert.deepEqual(whats([change('data', 'Data/Migrations/20220805133059_UserIsDeletedFlag.Designer.cs', null, '// <auto-generated />\nnamespace App.Migrations { }\n')]), []);
      assert.deepEqual(whats([change('data', 'Data/Migrations/20220805133059_Other.cs', null, '// <auto-generated />\nnamespace App.Migrations { }\n')]), []);
    });
    it('CODEOWNERS: a rule changed; a comment is not', () => {
      assert.deepEqual(whats([change('ownership', 'CODEOWNERS', '* @a\n', '# owners\n*   @a\n')]), []);
      assert.deepEqual(whats([change('ownership', 'CODEOWNERS', '* @a\n', '* @a\n/api/ @b\n')]), ['ownership: owners added: /api/ @b']);
    });
    it('names the files it could not read and finds nothing in them', () => {
      const result = assessUnitChanges([{ ...change('dependency', 'package.json', null, null), existedBefore: true, existsAfter: true }]);
      assert.deepEqual(result, { findings: [], unreadable: ['package.json'] });
    });
  });
});
