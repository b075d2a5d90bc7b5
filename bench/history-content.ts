// Deterministic texts for the generated benchmark history: people, source files,
// manifests, infrastructure files and ADRs in several dialects.

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

export interface BenchPerson {
  name: string;
  email: string;
  /** An older identity the person used early on, mapped by `.mailmap`. */
  oldEmail?: string;
  role?: string;
}

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dev', 'Elif', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jonas',
  'Kofi', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq'];
const LAST = ['Abe', 'Brandt', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Gupta', 'Haddad', 'Ivanova', 'Jensen'];
const ROLES = ['CTO', 'VP Engineering', 'Principal Architect'];

function slug(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}

/** 200 people: the first three are the leadership roster, every tenth has an old email. */
export function benchPeople(): BenchPerson[] {
  const people: BenchPerson[] = [];
  for (const last of LAST) {
    for (const first of FIRST) {
      const i = people.length;
      const email = `${slug(first)}.${slug(last)}@corp.example`;
      people.push({
        name: `${first} ${last}`,
        email,
        oldEmail: i % 10 === 5 ? `${slug(first)}@old.corp.example` : undefined,
        role: ROLES[i],
      });
    }
  }
  return people;
}

export const BOT: BenchPerson = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

export function configYaml(people: readonly BenchPerson[]): string {
  const leaders = people.filter((p) => p.role !== undefined)
    .map((p) => `  - name: ${p.name}\n    role: ${p.role}\n    aliases: [${p.email}]\n`).join('');
  return `leadership:\n${leaders}areas:\n  platform: ["services/platform-*/**"]\n`;
}

export function mailmap(people: readonly BenchPerson[]): string {
  return people.filter((p) => p.oldEmail !== undefined)
    .map((p) => `${p.name} <${p.email}> <${p.oldEmail}>\n`).join('');
}

/** A source file's text; `version` changes one line so diffs stay small and renames stay similar. */
export function sourceFile(id: number, version: number): string {
  const lines = [`// module ${id}`, `export const revision${id} = ${version};`];
  for (let i = 0; i < 8; i += 1) {
    const k = i === version % 8 ? version : i;
    lines.push(`export function step${id}_${i}(x: number): number { return x * ${i + 1} + ${k}; }`);
  }
  return `${lines.join('\n')}\n`;
}

export function nodeManifest(pkg: string, version: number): string {
  return `{\n  "name": "@corp/${pkg}",\n  "version": "1.${version}.0",\n  "dependencies": {\n    "express": "4.${version % 30}.0",\n    "zod": "3.${version % 20}.1"\n  }\n}\n`;
}

export function goManifest(pkg: string, version: number): string {
  return `module corp.example/${pkg}\n\ngo 1.22\n\nrequire (\n\tgithub.com/lib/pq v1.10.${version % 10}\n\tgo.uber.org/zap v1.2${version % 8}.0\n)\n`;
}

export function lockFile(version: number): string {
  return `{\n  "name": "corp",\n  "lockfileVersion": 3,\n  "packages": { "": { "name": "corp" } },\n  "revision": ${version}\n}\n`;
}

export function dockerfile(pkg: string, version: number): string {
  return `FROM node:${18 + (version % 5)}-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "${pkg}/dist/main.js"]\n`;
}

export function workflow(name: string, version: number): string {
  return `name: ${name}\non: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-${version % 2 === 0 ? 'latest' : '22.04'}\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n`;
}

export function migration(n: number): string {
  return `CREATE TABLE table_${n} (\n  id bigserial PRIMARY KEY,\n  payload jsonb NOT NULL\n);\n`;
}

const TOPICS = ['caching', 'queues', 'auth', 'billing', 'search', 'logging', 'tracing', 'storage', 'api style', 'frontend'];

export interface AdrText {
  path: string;
  text: string;
}

function isoDay(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(0, 10);
}

function adrName(n: number): { title: string; file: string } {
  const title = `Decide on ${TOPICS[n % TOPICS.length]} approach ${n}`;
  return { title, file: `${String(n).padStart(4, '0')}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.md` };
}

/** The n-th record: two thirds MADR (4 front matter or 2 bullets), one third Nygard. */
export function adrFile(n: number, epochSeconds: number, deciders: readonly string[], status: string): AdrText {
  const { title, file } = adrName(n);
  const date = isoDay(epochSeconds);
  if (n % 3 === 2) {
    return {
      path: `doc/architecture/decisions/${file}`,
      text: `# ${n}. ${title}\n\nDate: ${date}\n\n## Status\n\n${status[0]?.toUpperCase()}${status.slice(1)}\n\n## Context\n\nWe need a ${TOPICS[n % TOPICS.length]} approach.\n\n## Decision\n\nWe will use option ${n % 4}.\n\n## Consequences\n\nSome.\n`,
    };
  }
  if (n % 3 === 1) {
    return {
      path: `docs/adr/${file}`,
      text: `# ${title}\n\n* Status: ${status}\n* Deciders: ${deciders.join(', ')}\n* Date: ${date}\n\n## Context and Problem Statement\n\nWhich ${TOPICS[n % TOPICS.length]} approach?\n\n## Decision Outcome\n\nChosen option: "option ${n % 4}".\n`,
    };
  }
  const supersedes = n > 30 && n % 10 === 0 ? `\nSupersedes [ADR-${n - 30}](${adrName(n - 30).file})\n` : '';
  return {
    path: `docs/adr/${file}`,
    text: `---\nstatus: ${status}\ndate: ${date}\ndecision-makers: [${deciders.join(', ')}]\nconsulted: []\ninformed: []\n---\n\n# ${title}\n${supersedes}\n## Context and Problem Statement\n\nWhich ${TOPICS[n % TOPICS.length]} approach?\n\n## Decision Outcome\n\nChosen option: "option ${n % 4}".\n`,
  };
}
