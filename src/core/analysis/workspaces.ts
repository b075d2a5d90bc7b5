// Workspace package globs of a monorepo: npm/yarn `workspaces`, pnpm-workspace.yaml, lerna.json.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';

const packageJsonSchema = z.object({
  workspaces: z.union([z.array(z.string()), z.object({ packages: z.array(z.string()).optional() })]).optional(),
});
const packagesListSchema = z.object({ packages: z.array(z.string()).optional() });

async function readOptional(file: string): Promise<string | null> {
  return fs.readFile(file, 'utf8').catch(() => null);
}

function safeParse<T>(schema: z.ZodType<T>, read: () => unknown): T | null {
  try {
    const result = schema.safeParse(read());
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** Globs naming package folders (`services/*`), without negations, sorted. */
export async function readWorkspaceGlobs(root: string): Promise<string[]> {
  const [pkg, pnpm, lerna] = await Promise.all([
    readOptional(path.join(root, 'package.json')),
    readOptional(path.join(root, 'pnpm-workspace.yaml')),
    readOptional(path.join(root, 'lerna.json')),
  ]);
  const globs: string[] = [];
  const fromPackage = pkg === null ? null : safeParse(packageJsonSchema, () => JSON.parse(pkg));
  const workspaces = fromPackage?.workspaces;
  if (Array.isArray(workspaces)) globs.push(...workspaces);
  else if (workspaces?.packages) globs.push(...workspaces.packages);
  if (pnpm !== null) globs.push(...(safeParse(packagesListSchema, () => parse(pnpm))?.packages ?? []));
  if (lerna !== null) globs.push(...(safeParse(packagesListSchema, () => JSON.parse(lerna))?.packages ?? []));
  return [...new Set(globs.filter((g) => !g.startsWith('!')).map((g) => g.replace(/^\.\//, '').replace(/\/$/, '')))].sort();
}
