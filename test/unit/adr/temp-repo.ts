// A throw-away folder tree for discovery and reading tests (no git needed).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempTree {
  root: string;
  remove: () => void;
}

export function tempTree(files: Record<string, string | Uint8Array>): TempTree {
  const root = mkdtempSync(path.join(tmpdir(), 'adr-unit-'));
  for (const [file, content] of Object.entries(files)) {
    const absolute = path.join(root, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
