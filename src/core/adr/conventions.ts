// Where each ADR tool says its records live: `.adr-dir` (adr-tools), `.log4brains.yml`,
// `adr.config.json` (adr-log), `.adr` (INI `records-dir`).
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';

const log4brainsSchema = z.object({
  project: z.object({
    adrFolder: z.string().optional(),
    packages: z.array(z.object({ adrFolder: z.string().optional() }).loose()).optional(),
  }).loose().optional(),
}).loose();

const adrConfigSchema = z.object({ path: z.string().optional() }).loose();

/** Folders (relative to the convention file's folder) named by one convention file. */
export function foldersInConventionFile(fileName: string, text: string): string[] {
  switch (path.posix.basename(fileName)) {
    case '.adr-dir':
      return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0).slice(0, 1);
    case '.log4brains.yml': {
      const parsed = log4brainsSchema.safeParse(parseYaml(text));
      if (!parsed.success) throw new Error('not a log4brains configuration');
      const project = parsed.data.project;
      return [project?.adrFolder, ...(project?.packages ?? []).map((p) => p.adrFolder)].filter((f): f is string => typeof f === 'string' && f.length > 0);
    }
    case 'adr.config.json': {
      const parsed = adrConfigSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error('not an adr-log configuration');
      return parsed.data.path ? [parsed.data.path] : [];
    }
    case '.adr': {
      const match = /^\s*records[-_]dir\s*[=:]\s*["']?([^"'\r\n]+?)["']?\s*$/m.exec(text);
      return match?.[1] ? [match[1]] : [];
    }
    default:
      return [];
  }
}
