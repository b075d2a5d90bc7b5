// A large, deterministic history for the benchmarks, written by ONE `git fast-import`
// process from a streamed input: 200 authors (+ a bot), trailers, manifests,
// Dockerfiles, workflows, migrations, ~300 ADRs in MADR and Nygard dialects, and a
// PR merge about every ten commits. Cached under .cache/bench/ and reused.
//
//   npx tsx bench/generate-history.ts [commits]     prints the repository root
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fixtureGitEnv, runGit } from '../test/fixtures/git';
import type { BenchPerson } from './history-content';
import * as c from './history-content';

/** Bump when the generated history changes: the cache folder is keyed by it. */
export const HISTORY_VERSION = 1;
export const DEFAULT_COMMITS = 100_000;

export interface GeneratedHistory {
  root: string;
  head: string;
  commits: number;
  merges: number;
  adrs: number;
  authors: number;
  /** Author date of the newest commit (ISO): a reproducible "now" is a day later. */
  lastDate: string;
  /** True when the cached repository was reused. */
  reused: boolean;
}

export interface HistoryOptions {
  commits?: number;
  /** Default: <project>/.cache/bench */
  cacheRoot?: string;
  onProgress?: (message: string) => void;
}

type Change =
  | { op: 'M'; path: string; content: string }
  | { op: 'D'; path: string }
  | { op: 'R'; from: string; to: string; content: string };

interface Package {
  dir: string;
  lang: 'node' | 'go';
  sources: string[];
  /** Next free module number: names are never reused. */
  nextSource: number;
  manifestVersion: number;
  dockerVersion: number;
}

interface FileState {
  /** Identity of the content lineage (kept across renames, so renames stay 100 % similar). */
  id: number;
  version: number;
}

const START_EPOCH = Date.UTC(2019, 0, 7, 9, 0, 0) / 1000;
const PROJECT_ROOT = path.resolve(__dirname, '..');
const WORKFLOWS = ['ci', 'release', 'lint', 'nightly', 'deploy', 'security'];

/** Streams fast-import commands with back-pressure. */
class ImportStream {
  private pending: string[] = [];
  private size = 0;

  constructor(private readonly stdin: NodeJS.WritableStream) {}

  push(text: string): void {
    this.pending.push(text);
    this.size += text.length;
  }

  data(text: string): void {
    this.push(`data ${Buffer.byteLength(text)}\n${text}\n`);
  }

  async flushIfLarge(): Promise<void> {
    if (this.size > 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    const chunk = this.pending.join('');
    this.pending = [];
    this.size = 0;
    if (!this.stdin.write(chunk)) await new Promise<void>((resolve) => this.stdin.once('drain', () => resolve()));
  }
}

class HistoryWriter {
  readonly rng = new c.Rng(20261001);
  readonly people = c.benchPeople();
  private readonly files = new Map<string, FileState>();
  private readonly packages: Package[] = [];
  private nextFileId = 1;
  private mark = 0;
  private mainMark = 0;
  private epoch = START_EPOCH;
  private prNumber = 0;
  private lockVersion = 0;
  private migrations = 0;
  private workflowVersion = 0;
  commits = 0;
  merges = 0;
  adrs = 0;

  constructor(private readonly out: ImportStream, private readonly target: number) {}

  async write(): Promise<void> {
    this.bootstrap();
    while (this.commits < this.target) {
      const remaining = this.target - this.commits;
      if (remaining >= 6 && this.rng.chance(0.135)) this.pullRequest(Math.min(1 + this.rng.int(4), remaining - 1));
      else this.directCommit();
      await this.out.flushIfLarge();
    }
    this.out.push('done\n');
    await this.out.flush();
  }

  private bootstrap(): void {
    const first = this.people[0] as BenchPerson;
    const changes: Change[] = [
      { op: 'M', path: 'README.md', content: '# corp\n\nThe benchmark monorepo.\n' },
      { op: 'M', path: '.decision-orbit.yml', content: c.configYaml(this.people) },
      { op: 'M', path: '.mailmap', content: c.mailmap(this.people) },
      { op: 'M', path: 'package.json', content: '{\n  "name": "corp",\n  "private": true,\n  "workspaces": ["services/*"]\n}\n' },
      { op: 'M', path: 'package-lock.json', content: c.lockFile(0) },
    ];
    for (let i = 0; i < 12; i += 1) changes.push(...this.newPackage(i));
    this.mainMark = this.emit('refs/heads/main', first, 'Initial import', changes, this.mainMark);
  }

  private newPackage(i: number): Change[] {
    const lang = i % 4 === 3 ? 'go' : 'node';
    const name = i % 5 === 0 ? `platform-${i}` : `svc-${i}`;
    const pkg: Package = { dir: `services/${name}`, lang, sources: [], nextSource: 0, manifestVersion: 0, dockerVersion: 0 };
    this.packages.push(pkg);
    const changes: Change[] = [
      lang === 'node'
        ? { op: 'M', path: `${pkg.dir}/package.json`, content: c.nodeManifest(name, 0) }
        : { op: 'M', path: `${pkg.dir}/go.mod`, content: c.goManifest(name, 0) },
      { op: 'M', path: `${pkg.dir}/Dockerfile`, content: c.dockerfile(pkg.dir, 0) },
    ];
    for (let k = 0; k < 6; k += 1) changes.push(this.addSource(pkg));
    return changes;
  }

  private addSource(pkg: Package): Change {
    const ext = pkg.lang === 'go' ? 'go' : 'ts';
    const file = `${pkg.dir}/src/mod${pkg.nextSource++}.${ext}`;
    pkg.sources.push(file);
    const state = { id: this.nextFileId++, version: 0 };
    this.files.set(file, state);
    return { op: 'M', path: file, content: c.sourceFile(state.id, 0) };
  }

  private touch(file: string): Change {
    const state = this.files.get(file) as FileState;
    state.version += 1;
    return { op: 'M', path: file, content: c.sourceFile(state.id, state.version) };
  }

  /** One commit's worth of changes, chosen like a real team's mix of work. */
  private changesFor(commitIndex: number): { changes: Change[]; subject: string } {
    const pkg = this.rng.pick(this.packages);
    const roll = this.rng.next();
    if (commitIndex % 5000 === 4999) {
      const changes = this.newPackage(this.packages.length);
      return { changes, subject: `Add ${this.packages[this.packages.length - 1]?.dir ?? ''} package` };
    }
    if (roll < 0.05) {
      pkg.manifestVersion += 1;
      this.lockVersion += 1;
      const name = path.basename(pkg.dir);
      const manifest: Change = pkg.lang === 'node'
        ? { op: 'M', path: `${pkg.dir}/package.json`, content: c.nodeManifest(name, pkg.manifestVersion) }
        : { op: 'M', path: `${pkg.dir}/go.mod`, content: c.goManifest(name, pkg.manifestVersion) };
      return { changes: [manifest, { op: 'M', path: 'package-lock.json', content: c.lockFile(this.lockVersion) }], subject: `Update ${name} dependencies` };
    }
    if (roll < 0.06) {
      this.lockVersion += 1;
      return { changes: [{ op: 'M', path: 'package-lock.json', content: c.lockFile(this.lockVersion) }], subject: 'Refresh lockfile' };
    }
    if (roll < 0.075) {
      pkg.dockerVersion += 1;
      return { changes: [{ op: 'M', path: `${pkg.dir}/Dockerfile`, content: c.dockerfile(pkg.dir, pkg.dockerVersion) }], subject: `Update ${pkg.dir} image` };
    }
    if (roll < 0.082) {
      this.workflowVersion += 1;
      const name = this.rng.pick(WORKFLOWS);
      return { changes: [{ op: 'M', path: `.github/workflows/${name}.yml`, content: c.workflow(name, this.workflowVersion) }], subject: `Tune ${name} workflow` };
    }
    if (roll < 0.085) {
      this.migrations += 1;
      const n = String(this.migrations).padStart(4, '0');
      return { changes: [{ op: 'M', path: `db/migrations/${n}_change.sql`, content: c.migration(this.migrations) }], subject: `Migration ${n}` };
    }
    if (roll < 0.11 && pkg.sources.length > 3) {
      const index = this.rng.int(pkg.sources.length);
      const from = pkg.sources[index] as string;
      const to = from.replace(/mod(\d+)\./, 'module$1.');
      if (to !== from && !this.files.has(to)) {
        this.files.set(to, this.files.get(from) as FileState);
        this.files.delete(from);
        pkg.sources[index] = to;
        const state = this.files.get(to) as FileState;
        return { changes: [{ op: 'R', from, to, content: c.sourceFile(state.id, state.version) }], subject: `Rename ${path.basename(from)}` };
      }
    }
    if (roll < 0.12 && pkg.sources.length > 4) {
      const [removed] = pkg.sources.splice(this.rng.int(pkg.sources.length), 1);
      this.files.delete(removed as string);
      return { changes: [{ op: 'D', path: removed as string }], subject: `Remove ${path.basename(removed as string)}` };
    }
    if (roll < 0.2 && pkg.sources.length < 60) {
      return { changes: [this.addSource(pkg), this.touch(this.rng.pick(pkg.sources))], subject: `Add module to ${pkg.dir}` };
    }
    const count = 1 + this.rng.int(3);
    const changes: Change[] = [];
    for (let i = 0; i < count; i += 1) changes.push(this.touch(this.rng.pick(pkg.sources)));
    return { changes: dedupe(changes), subject: `Improve ${path.basename(pkg.dir)}` };
  }

  private author(): BenchPerson {
    // A long tail: a few people write most commits.
    const i = Math.floor(this.people.length * this.rng.next() ** 2);
    return this.people[i] as BenchPerson;
  }

  private trailers(author: BenchPerson): string {
    const lines: string[] = [];
    const other = (): BenchPerson => {
      const p = this.author();
      return p === author ? (this.people[(this.people.indexOf(p) + 1) % this.people.length] as BenchPerson) : p;
    };
    const who = (p: BenchPerson): string => `${p.name} <${p.email}>`;
    if (this.rng.chance(0.12)) lines.push(`Co-authored-by: ${who(other())}`);
    if (this.rng.chance(0.2)) lines.push(`Reviewed-by: ${who(other())}`);
    if (this.rng.chance(0.05)) lines.push(`Acked-by: ${who(other())}`);
    if (this.rng.chance(0.1)) lines.push(`Signed-off-by: ${who(author)}`);
    return lines.length === 0 ? '' : `\n\n${lines.join('\n')}`;
  }

  private tick(): number {
    this.epoch += 600 + this.rng.int(3000);
    return this.epoch;
  }

  /** Remembers the final content of every path a branch touched. */
  private record(changes: Change[], touched: Map<string, string | null>): void {
    for (const change of changes) {
      if (change.op === 'M') touched.set(change.path, change.content);
      else if (change.op === 'D') touched.set(change.path, null);
      else {
        touched.set(change.from, null);
        touched.set(change.to, change.content);
      }
    }
  }

  private directCommit(): void {
    const author = this.commits < 2000 ? this.earlyIdentity(this.author()) : this.author();
    const { changes, subject } = this.changesFor(this.commits);
    this.mainMark = this.emit('refs/heads/main', author, `${subject}${this.trailers(author)}`, changes, this.mainMark);
  }

  /** Early on, people with an old email still used it (mapped by .mailmap). */
  private earlyIdentity(person: BenchPerson): BenchPerson {
    return person.oldEmail === undefined ? person : { name: person.name.split(' ')[0]?.toLowerCase() ?? person.name, email: person.oldEmail };
  }

  /** `size` commits on a branch, then a GitHub merge commit; or one squash "(#N)" commit. */
  private pullRequest(size: number): void {
    this.prNumber += 1;
    const number = this.prNumber;
    const bot = this.rng.chance(0.02);
    const author = bot ? c.BOT : this.author();
    const squash = bot || this.rng.chance(0.1);
    const addsAdr = this.adrs < 300 && number % 28 === 0;
    const work = Array.from({ length: squash ? 1 : size }, () => (bot ? this.bump() : this.changesFor(this.commits)));
    if (addsAdr && work[0] !== undefined) {
      const adr = this.adr();
      work[0] = { changes: [{ op: 'M', path: adr.path, content: adr.text }, ...work[0].changes], subject: `Record ADR ${this.adrs}` };
    }
    const title = work[0]?.subject ?? 'Change';
    if (squash) {
      this.mainMark = this.emit('refs/heads/main', author, `${title} (#${number})${this.trailers(author)}`, work[0]?.changes ?? [], this.mainMark);
      return;
    }
    const touched = new Map<string, string | null>();
    let branchMark = this.mainMark;
    for (const { changes, subject } of work) {
      this.record(changes, touched);
      branchMark = this.emit('refs/heads/pr-work', author, `${subject}${this.trailers(author)}`, changes, branchMark);
    }
    // fast-import does not merge: the merge commit states the branch's final file contents.
    const merged: Change[] = [...touched].map(([p, content]) => (content === null ? { op: 'D', path: p } : { op: 'M', path: p, content }));
    const merger = this.rng.chance(0.5) ? author : this.author();
    this.mainMark = this.emit('refs/heads/main', merger, `Merge pull request #${number} from corp/feature-${number}\n\n${title}`, merged, this.mainMark, branchMark);
    this.merges += 1;
  }

  /** A bot's dependency bump. */
  private bump(): { changes: Change[]; subject: string } {
    const pkg = this.rng.pick(this.packages.filter((p) => p.lang === 'node'));
    pkg.manifestVersion += 1;
    this.lockVersion += 1;
    const name = path.basename(pkg.dir);
    return {
      changes: [
        { op: 'M', path: `${pkg.dir}/package.json`, content: c.nodeManifest(name, pkg.manifestVersion) },
        { op: 'M', path: 'package-lock.json', content: c.lockFile(this.lockVersion) },
      ],
      subject: `Bump express in ${pkg.dir}`,
    };
  }

  private adr(): c.AdrText {
    this.adrs += 1;
    const n = this.adrs;
    const deciders = [this.author(), this.author()].map((p) => p.name);
    if (n % 4 === 0) deciders.push((this.people[n % 3] as BenchPerson).name);
    const status = n % 17 === 0 ? 'proposed' : n % 23 === 0 ? 'deprecated' : 'accepted';
    return c.adrFile(n, this.epoch, [...new Set(deciders)], status);
  }

  private emit(ref: string, who: BenchPerson, message: string, changes: Change[], from: number, merge?: number): number {
    this.mark += 1;
    this.commits += 1;
    const when = this.tick();
    const out = this.out;
    out.push(`commit ${ref}\nmark :${this.mark}\nauthor ${who.name} <${who.email}> ${when} +0000\ncommitter ${who.name} <${who.email}> ${when} +0000\n`);
    out.data(`${message}\n`);
    if (from > 0) out.push(`from :${from}\n`);
    if (merge !== undefined) out.push(`merge :${merge}\n`);
    for (const change of changes) {
      if (change.op === 'M') {
        out.push(`M 100644 inline ${change.path}\n`);
        out.data(change.content);
      } else if (change.op === 'D') {
        out.push(`D ${change.path}\n`);
      } else {
        out.push(`R ${change.from} ${change.to}\n`);
      }
    }
    out.push('\n');
    return this.mark;
  }

  lastDate(): string {
    return new Date(this.epoch * 1000).toISOString();
  }
}

function dedupe(changes: Change[]): Change[] {
  const seen = new Map<string, Change>();
  for (const change of changes) seen.set(change.op === 'R' ? change.to : change.path, change);
  return [...seen.values()];
}

async function runFastImport(root: string, commits: number): Promise<HistoryWriter> {
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: root, env: fixtureGitEnv(), stdio: ['pipe', 'ignore', 'pipe'] });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  const writer = new HistoryWriter(new ImportStream(child.stdin), commits);
  try {
    await writer.write();
  } catch (error) {
    child.kill();
    throw error;
  }
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import failed (${code}): ${Buffer.concat(stderr).toString().trim()}`);
  return writer;
}

export function historyDir(options: HistoryOptions = {}): string {
  const commits = options.commits ?? DEFAULT_COMMITS;
  return path.join(options.cacheRoot ?? path.join(PROJECT_ROOT, '.cache', 'bench'), `history-v${HISTORY_VERSION}-${commits}`);
}

/** The cached history when it is complete, else a freshly generated one. */
export async function ensureHistory(options: HistoryOptions = {}): Promise<GeneratedHistory> {
  const commits = options.commits ?? DEFAULT_COMMITS;
  const dir = historyDir(options);
  const metaFile = path.join(dir, 'meta.json');
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as GeneratedHistory;
    const head = await runGit(meta.root, ['rev-parse', 'HEAD'], { allowFailure: true });
    if (head.stdout.trim() === meta.head) return { ...meta, reused: true };
  }
  options.onProgress?.(`generating a ${commits}-commit history with git fast-import in ${dir}`);
  const staging = `${dir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const root = path.join(staging, 'repo');
  await mkdir(root, { recursive: true });
  await runGit(root, ['init', '--quiet', '--initial-branch=main']);
  const writer = await runFastImport(root, commits);
  await runGit(root, ['update-ref', '-d', 'refs/heads/pr-work']);
  await runGit(root, ['checkout', '--quiet', '--force', 'main']);
  await rm(dir, { recursive: true, force: true });
  await rename(staging, dir);
  const finalRoot = path.join(dir, 'repo');
  const head = (await runGit(finalRoot, ['rev-parse', 'HEAD'])).stdout.trim();
  const result: GeneratedHistory = {
    root: finalRoot, head, commits: writer.commits, merges: writer.merges, adrs: writer.adrs,
    authors: writer.people.length, lastDate: writer.lastDate(), reused: false,
  };
  await writeFile(metaFile, JSON.stringify(result, null, 2));
  return result;
}

if (require.main === module) {
  const commits = process.argv[2] === undefined ? DEFAULT_COMMITS : Number(process.argv[2]);
  ensureHistory({ commits, onProgress: (m) => process.stderr.write(`${m}\n`) }).then(
    (history) => process.stdout.write(`${history.root}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
