// Which signal kind a changed file belongs to (ARCHITECTURE.md "Git signal kinds"), with the
// config's `signals.<kind>` overrides. `architecture` is structural (a new
// top-level directory or workspace package) and lives in architecture.ts.
import type { DecisionOrbitConfig } from '../config/schema';
import type { SignalKind } from '../model/report';
import { matchesAnyGlob } from './glob';
import { inNonProductFolder } from './non-product';

export type FileSignalKind = Exclude<SignalKind, 'architecture' | 'platform'>;

const MANIFESTS = new Set(['package.json', 'go.mod', 'Gopkg.toml', 'Cargo.toml', 'pyproject.toml', 'pom.xml', 'Gemfile', 'composer.json', 'Pipfile']);
const COMPOSE = /^(?:docker-)?compose(?:\.[\w-]+)*\.ya?ml$/;
/** YAML in a folder of Kubernetes manifests (`k8s/`, `manifests/`). */
export const K8S_DIRS = /(?:^|\/)(?:k8s|kubernetes|manifests|deploy\/k8s)\/.*\.ya?ml$/;
/** A Helm chart's values or templates. */
export const HELM_CHART_FILE = /(?:^|\/)charts\/[^/]+\/(?:values[\w.-]*\.ya?ml|templates\/)/;
const OPENAPI = /^(?:openapi|swagger)(?:[.-][\w-]+)*\.(?:ya?ml|json)$/i;

/** The file name of a repository path (paths use `/` on every platform). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The folder of a repository path, `.` at the root. */
export function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
}

/** .NET projects, and the files that set their packages and targets for a whole folder (central package management). */
export const MSBUILD_MANIFEST = /\.(?:cs|fs|vb)proj$|^Directory\.(?:Packages|Build)\.props$/;
/** pip's requirements by file name (`requirements-dev.txt`, pip-tools' `requirements.in`). */
export const REQUIREMENTS_FILE = /^requirements.*\.(?:txt|in)$/;
/** A file of a `requirements/` folder (`requirements/base.in`, `requirements/production.txt`: pip-tools, cookiecutter-django). */
export const REQUIREMENTS_FOLDER_FILE = /(?:^|\/)requirements\/(?:[\w.-]+\/)?[\w.-]+\.(?:txt|in)$/;
/**
 * A migration: a file in a `migration(s)` folder, in any case (shopware's `Migration/`, EF Core's
 * `Migrations/`), shaped as one: SQL, or named by its number or time (`0042_add_email.py`,
 * `Migration1655697288AppFlowEvent.php`, `20200101120000_Init.cs`) or by Alembic's revision
 * (`1a2b3c4d5e6f_add_x.py`). Not a guide (`docs/migration/v3.md`) or the code of an app's own
 * migrator (`migration/MigrationScreen.kt`), not a package's `__init__.py`.
 */
export const MIGRATION_FILE = /(?:^|\/)migrations?\/(?:[^/]+\/)*(?:[^/]*\.sql|[^/]*\d{3}[^/]*|[0-9a-f]{12}_[^/]*)$/i;
/** Documents, whatever folder they are in: never a migration. */
const DOCUMENT = /\.(?:md|mdx|markdown|rst|txt|adoc|html?)$/i;

/** Whether a path is a migration (MIGRATION_FILE), never a document. */
export function isMigration(path: string): boolean {
  return MIGRATION_FILE.test(path) && !DOCUMENT.test(path);
}

/** A GitHub Actions workflow: the YAML of `.github/workflows/`, not the scripts or notes kept beside it. */
const GITHUB_WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/** A Ruby gem's specification (`view_component.gemspec`). */
export const GEMSPEC = /^[\w.-]+\.gemspec$/;
/** A Gradle version catalog (`gradle/libs.versions.toml`). */
export const VERSION_CATALOG = /^[\w-]+\.versions\.toml$/;

const DEFAULT_RULES: Record<FileSignalKind, (path: string, base: string) => boolean> = {
  ownership: (_path, base) => base === 'CODEOWNERS',
  ci: (path, base) =>
    GITHUB_WORKFLOW_FILE.test(path) || path.startsWith('.circleci/') || base === '.gitlab-ci.yml' ||
    base === 'Jenkinsfile' || /^azure-pipelines.*\.ya?ml$/.test(base) || base === '.travis.yml',
  infrastructure: (path, base) =>
    /^Dockerfile/.test(base) || base.endsWith('.dockerfile') || COMPOSE.test(base) || base.endsWith('.tf') ||
    base === 'Chart.yaml' || HELM_CHART_FILE.test(path) ||
    base === 'kustomization.yaml' || K8S_DIRS.test(path) || base === 'helmfile.yaml',
  data: (path, base) =>
    isMigration(path) || base.endsWith('.sql') || base.endsWith('.proto') || base === 'schema.prisma' ||
    OPENAPI.test(base) || base.endsWith('.graphql') || base.endsWith('.gql'),
  dependency: (path, base) =>
    MANIFESTS.has(base) || REQUIREMENTS_FILE.test(base) || REQUIREMENTS_FOLDER_FILE.test(path) || /^build\.gradle(?:\.kts)?$/.test(base) || MSBUILD_MANIFEST.test(base)
    || VERSION_CATALOG.test(base) || GEMSPEC.test(base),
};

/** Checked in this order: the first kind whose rule matches wins. */
export const FILE_SIGNAL_KINDS: readonly FileSignalKind[] = ['ownership', 'ci', 'infrastructure', 'data', 'dependency'];

export type PathClassifier = (path: string) => FileSignalKind | null;

/**
 * Configured `paths` replace a kind's default rule; `enabled: false` turns the kind off.
 * The default rules pass over tests, examples and vendored code (non-product.ts); configured paths do not.
 */
export function createPathClassifier(signals: DecisionOrbitConfig['signals']): PathClassifier {
  const active = FILE_SIGNAL_KINDS.filter((kind) => signals[kind]?.enabled !== false).map((kind) => {
    const globs = signals[kind]?.paths;
    const rule = DEFAULT_RULES[kind];
    const test = globs && globs.length > 0 ? (path: string): boolean => matchesAnyGlob(path, globs) : (path: string): boolean => rule(path, baseName(path)) && !inNonProductFolder(path);
    return { kind, test };
  });
  // Histories touch the same files again and again: each path is classified once.
  const known = new Map<string, FileSignalKind | null>();
  return (path) => {
    let kind = known.get(path);
    if (kind === undefined) known.set(path, (kind = active.find((entry) => entry.test(path))?.kind ?? null));
    return kind;
  };
}

/** The weight of one signal of this kind: config, else 0.5. */
export function signalWeight(signals: DecisionOrbitConfig['signals'], kind: SignalKind): number {
  return signals[kind]?.weight ?? 0.5;
}
