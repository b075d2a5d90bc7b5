// The labeller's draws, with plain git only (never the engine), so anyone can redo them:
//   node bench/corpus/sample.mjs units <repo> [seed]        candidate units and the 60 drawn
//   node bench/corpus/sample.mjs involvement <label.json>   the 20 decisions for `involvement`
//   node bench/corpus/sample.mjs records <label.json>       the 10 records for `records`
// The method is written in bench/corpus/README.md; change it only with a new seed and a note there.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const DEFAULT_SEED = 20261205;
const SIGNALS = 60;
const INVOLVEMENTS = 20;
const RECORDS = 10;

/** Candidate paths: where DESIGN.md looks for git signals, decision or not. */
const CANDIDATE = [
  // package manifests of any ecosystem, lock files included
  /(^|\/)(package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|go\.mod|go\.sum|go\.work|Cargo\.toml|Cargo\.lock|pyproject\.toml|poetry\.lock|Pipfile(\.lock)?|setup\.py|setup\.cfg|requirements[^/]*\.txt|pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|Gemfile(\.lock)?|[^/]+\.gemspec|[^/]+\.csproj|Directory\.Packages\.props|composer\.(json|lock)|\.terraform\.lock\.hcl)$/,
  // CI
  /(^|\/)(\.github\/workflows\/|\.github\/actions\/|\.circleci\/|\.buildkite\/)|(^|\/)(\.gitlab-ci\.yml|Jenkinsfile[^/]*|azure-pipelines[^/]*\.ya?ml|\.travis\.yml)$/,
  // infrastructure
  /(^|\/)(Dockerfile[^/]*|[^/]*\.Dockerfile|(docker-)?compose[^/]*\.ya?ml|Chart\.yaml|values[^/]*\.ya?ml|kustomization\.ya?ml)$|\.(tf|tfvars|hcl)$|(^|\/)(k8s|kubernetes|helm|charts|manifests)\//,
  // data
  /(^|\/)migrations?\/|\.(sql|proto|prisma|graphql|gql)$|(^|\/)(openapi|swagger)[^/]*\.(ya?ml|json)$/,
  // ownership
  /(^|\/)CODEOWNERS$/,
];

function git(repo, args) {
  return execFileSync('git', ['-C', repo, '-c', 'core.quotePath=false', '--no-pager', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
}

/** mulberry32: small, seeded, the same everywhere. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the seeded generator; the draw is the first n of the result. */
export function draw(items, n, seed) {
  const out = [...items];
  const next = rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.slice(0, n);
}

function prNumber(subject) {
  const m = /^Merge pull request #(\d+)/.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject) ?? /See merge request [^!]*!(\d+)/.exec(subject);
  return m ? Number(m[1]) : null;
}

/** First-parent units, newest first, each with the paths it changed against its first parent. */
function units(repo) {
  const out = git(repo, ['log', '--first-parent', '--diff-merges=first-parent', '--no-renames', '--name-only', '--format=%x00%H%x09%P%x09%s']);
  return out
    .split('\0')
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => {
      const [head, ...rest] = chunk.split('\n');
      const [sha, parents, ...subject] = head.split('\t');
      return { sha, parent: parents.split(' ')[0] || null, subject: subject.join('\t'), paths: rest.filter((p) => p !== '') };
    });
}

function newTopLevelDirs(repo, unit) {
  const dirs = [...new Set(unit.paths.filter((p) => p.includes('/')).map((p) => p.split('/')[0]))];
  if (dirs.length === 0) return [];
  const before = unit.parent ? new Set(git(repo, ['ls-tree', '--name-only', unit.parent]).split('\n')) : new Set();
  return dirs.filter((d) => !before.has(d));
}

function sampleUnits(repo, seed) {
  const all = units(repo);
  const candidates = [];
  for (const unit of all) {
    const hits = unit.paths.filter((p) => CANDIDATE.some((re) => re.test(p)));
    const fresh = newTopLevelDirs(repo, unit).map((d) => `${d}/ (new top-level directory)`);
    if (hits.length + fresh.length > 0) candidates.push({ ...unit, hits: [...fresh, ...hits] });
  }
  const drawn = draw(candidates, SIGNALS, seed);
  return {
    head: git(repo, ['rev-parse', 'HEAD']).trim(),
    seed,
    firstParentUnits: all.length,
    candidateUnits: candidates.length,
    signals: drawn.map((u) => ({ sha: u.sha, pr: prNumber(u.subject), subject: u.subject, paths: u.hits.slice(0, 8), pathCount: u.hits.length })),
  };
}

function readLabels(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const [mode, target, seedArg] = process.argv.slice(2);
if (mode === 'units' && target) {
  console.log(JSON.stringify(sampleUnits(target, seedArg ? Number(seedArg) : DEFAULT_SEED), null, 2));
} else if (mode === 'involvement' && target) {
  const labels = readLabels(target);
  const pool = [
    ...[...labels.adrs.paths].sort().map((p) => ({ source: 'adr', path: p })),
    ...labels.signals.filter((s) => s.decision).map((s) => ({ source: 'git', sha: s.sha, pr: s.pr })),
  ];
  console.log(JSON.stringify(draw(pool, INVOLVEMENTS, labels.seed + 1), null, 2));
} else if (mode === 'records' && target) {
  const labels = readLabels(target);
  console.log(JSON.stringify(draw([...labels.adrs.paths].sort(), RECORDS, labels.seed + 2), null, 2));
} else {
  console.error('usage: sample.mjs units <repo> [seed] | involvement <label.json> | records <label.json>');
  process.exit(2);
}
