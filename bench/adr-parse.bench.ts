// The ADR engine at scale (issue 3 "Done when"): 10,000 generated records in every dialect,
// (a) parsed in memory (budget < 1 s), (b) read from disk with discovery, decoding and link
// resolution (no budget: shown so a slow file system is visible).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAdr, readAdrs } from '../src/core/adr';
import { DEFAULT_CONFIG } from '../src/core/config/schema';
import { median, round, timeRuns } from './measure';
import type { BenchResult } from './types';

export const peakRssBudgetMB = 400;

const RECORDS = 10_000;
const FOLDERS = ['docs/adr', 'doc/architecture/decisions', 'docs/decisions', 'services/payments/docs/adr'];
const NAMES = ['Dana Chen', 'Arjun Patel', 'Bob Li', 'Carol Diaz', '@fosei', 'eve@acme.io', 'Zoë Martin', 'José Núñez'];
const STATUSES = ['accepted', 'Proposed', 'superseded by ADR-0003', 'Accepted (lazy consensus) & implemented', 'deprecated', '{ accepted }'];

/** Deterministic PRNG (mulberry32): the same records every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): Array<{ path: string; text: string }> {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const people = (): string[] => NAMES.filter(() => next() < 0.3);
  const prose = (): string => Array.from({ length: 6 + Math.floor(next() * 10) }, () => 'The team weighed cost, risk and the time it takes to change course later.').join(' ');
  const records: Array<{ path: string; text: string }> = [];
  for (let i = 1; i <= RECORDS; i += 1) {
    const folder = FOLDERS[i % FOLDERS.length] ?? 'docs/adr';
    const number = Math.ceil(i / FOLDERS.length);
    const title = `Decision ${i} about ${pick(['queues', 'storage', 'auth', 'builds', 'search'])}`;
    const slug = `${String(number).padStart(4, '0')}-decision-${i}`;
    const date = `20${String(10 + (i % 15)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const body = `## Context and Problem Statement\n\n${prose()}\n\n## Considered Options\n\n* One\n* Two\n\n## Decision Outcome\n\n${prose()}\n\nSupersedes [ADR-${number - 1}](${String(number - 1).padStart(4, '0')}-x.md)\n`;
    let text: string;
    switch (i % 4) {
      case 0:
        text = `---\nstatus: ${pick(STATUSES)}\ndate: ${date}\ndecision-makers: [${people().map((p) => JSON.stringify(p)).join(', ')}]\nconsulted:\n${people().map((p) => `  - ${JSON.stringify(p)}`).join('\n')}\ninformed: []\n---\n\n# ${title}\n\n${body}`;
        break;
      case 1:
        text = `# ${number}. ${title}\n\nDate: ${date}\n\n## Status\n\n${pick(STATUSES)}\n\n## Context\n\n${prose()}\n\n## Decision\n\n${prose()}\n`;
        break;
      case 2:
        text = `# ${title}\n\n* Status: ${pick(STATUSES)}\n* Deciders: ${people().join(', ')}\n* Date: ${date}\n\n${body}`;
        break;
      default:
        text = `\uFEFF---\r\nstatus: ${pick(STATUSES)}\r\ndate: ${date}\r\ndeciders: ${people().join(', ')}\r\n---\r\n\r\n# ${title}\r\n\r\n${body.replace(/\n/g, '\r\n')}`;
    }
    records.push({ path: `${folder}/${slug}.md`, text });
  }
  return records;
}

export async function run(): Promise<BenchResult[]> {
  const records = generate();
  const bytes = records.reduce((sum, r) => sum + r.text.length, 0);
  process.stderr.write(`  adr-parse: ${records.length} records, ${round(bytes / 1048576, 1)} MB\n`);
  let parsed = 0;
  const parseTimes = await timeRuns(async () => {
    parsed = records.map((r) => parseAdr(r.path, r.text)).length;
  }, 5, 1);

  const root = await mkdtemp(path.join(tmpdir(), 'decision-orbit-adr-bench-'));
  try {
    for (const folder of FOLDERS) await mkdir(path.join(root, folder), { recursive: true });
    for (let i = 0; i < records.length; i += 200) {
      await Promise.all(records.slice(i, i + 200).map((r) => writeFile(path.join(root, r.path), r.text)));
    }
    let read = 0;
    const readTimes = await timeRuns(async () => {
      read = (await readAdrs(root, DEFAULT_CONFIG)).records.length;
    }, 3, 1);
    return [
      { name: 'parse 10,000 ADRs (in memory)', value: round(median(parseTimes)), unit: 'ms', budget: { max: 1000 }, note: `${parsed} records, ${round(bytes / 1048576, 1)} MB, 4 dialects, median of 5` },
      { name: 'readAdrs 10,000 ADRs (disk, links)', value: round(median(readTimes)), unit: 'ms', note: `${read} records: discovery + decode + parse + link resolution, median of 3` },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
