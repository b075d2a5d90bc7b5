// Every ADR folder and record file of a repository, from every convention at once.
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DecisionOrbitConfig } from '../config/schema';
import type { Warning } from '../model/report';
import { CONVENTIONAL_FOLDERS } from './category';
import { foldersInConventionFile } from './conventions';
import { insideRepo } from './repo-paths';
import { walkRepo } from './repo-walk';

export interface Discovery {
  folders: string[];
  files: string[];
  warnings: Warning[];
}

const RECORD_FILE = /\.(md|markdown)$/i;
const TEMPLATE = /(^|[-_.])template([-_.]|$)/i;
const INDEX_PAGES = new Set(['readme.md', 'index.md', 'readme.markdown', 'index.markdown', '_index.md', 'summary.md', 'toc.md']);
const SKIP_SUBFOLDERS = new Set(['templates', 'template', 'assets', 'images', 'img', 'media', 'scripts', 'diagrams']);
const MAX_RECORD_DEPTH = 3;

export function isTemplateName(name: string): boolean {
  return TEMPLATE.test(name.replace(RECORD_FILE, ''));
}

function isIndexPage(name: string): boolean {
  return INDEX_PAGES.has(name.toLowerCase());
}

async function exists(absolute: string): Promise<boolean> {
  return stat(absolute).then((s) => s.isDirectory(), () => false);
}

async function list(absolute: string): Promise<Dirent[]> {
  return readdir(absolute, { withFileTypes: true }).catch((): Dirent[] => []);
}

/** Records in an ADR folder: its Markdown files, category subfolders and folder-per-record `<slug>/README.md`. */
async function recordsIn(root: string, folder: string, depth: number): Promise<string[]> {
  const entries = await list(path.join(root, folder));
  const files: string[] = [];
  const markdown = entries.filter((e) => e.isFile() && RECORD_FILE.test(e.name));
  const onlyPage = depth > 0 && markdown.length === 1 && markdown[0] !== undefined && isIndexPage(markdown[0].name);
  for (const entry of markdown) {
    if (isTemplateName(entry.name)) continue;
    if (isIndexPage(entry.name) && !onlyPage) continue;
    files.push(`${folder}/${entry.name}`);
  }
  if (depth >= MAX_RECORD_DEPTH) return files;
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || SKIP_SUBFOLDERS.has(entry.name.toLowerCase()) || entry.name === 'node_modules') continue;
    files.push(...(await recordsIn(root, `${folder}/${entry.name}`, depth + 1)));
  }
  return files;
}

/** `.adr-dir` files from the root upwards (adr-tools looks in the working folder and its parents). */
async function adrDirsAbove(root: string): Promise<string[]> {
  const found: string[] = [];
  let dir = path.dirname(path.resolve(root));
  for (;;) {
    const candidate = path.join(dir, '.adr-dir');
    if (await stat(candidate).then((s) => s.isFile(), () => false)) found.push(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) return found;
    dir = parent;
  }
}

function globToRegExp(glob: string): RegExp {
  const source = glob.replace(/\/+$/, '').split('/').map((segment) => (segment === '**' ? '(?:.*)' : segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))).join('/');
  return new RegExp(`^${source.replace(/\(\?:\.\*\)\//g, '(?:.*/)?')}$`);
}

export async function discoverAdrs(root: string, config: DecisionOrbitConfig): Promise<Discovery> {
  const warnings: Warning[] = [];
  const walk = await walkRepo(root);
  if (walk.truncated) warnings.push({ code: 'adr-discovery-truncated', message: 'the repository is too large to search completely for ADR folders; set adr.paths in .decision-orbit.yml', path: null });
  const folders = new Set<string>();

  const addFolder = async (absolute: string, source: string): Promise<void> => {
    const relative = insideRepo(root, absolute);
    if (relative === null) {
      warnings.push({ code: 'adr-folder-outside', message: `${source} points outside the repository: ${absolute}`, path: source });
      return;
    }
    if (!(await exists(absolute))) {
      warnings.push({ code: 'adr-folder-missing', message: `${source} names an ADR folder that does not exist: ${relative}`, path: source });
      return;
    }
    folders.add(relative === '.' ? '' : relative);
  };

  for (const convention of walk.conventionFiles) {
    const text = await readFile(path.join(root, convention), 'utf8').catch(() => '');
    let named: string[];
    try {
      named = foldersInConventionFile(convention, text);
    } catch (error) {
      warnings.push({ code: 'adr-config-unreadable', message: `${convention}: ${error instanceof Error ? error.message : String(error)}`, path: convention });
      continue;
    }
    for (const folder of named) await addFolder(path.resolve(root, path.posix.dirname(convention), folder), convention);
  }
  for (const file of await adrDirsAbove(root)) {
    const named = foldersInConventionFile('.adr-dir', await readFile(file, 'utf8').catch(() => ''));
    for (const folder of named) await addFolder(path.resolve(path.dirname(file), folder), file);
  }
  for (const configured of config.adr.paths ?? []) {
    if (/[*?]/.test(configured)) {
      const pattern = globToRegExp(configured);
      const matched = [...walk.dirs].filter((dir) => pattern.test(dir));
      if (matched.length === 0) warnings.push({ code: 'adr-folder-missing', message: `adr.paths "${configured}" matches no folder`, path: '.decision-orbit.yml' });
      for (const dir of matched) folders.add(dir);
    } else {
      await addFolder(path.resolve(root, configured), '.decision-orbit.yml adr.paths');
    }
  }
  for (const dir of walk.dirs) {
    if (CONVENTIONAL_FOLDERS.some((folder) => dir === folder || dir.endsWith(`/${folder}`))) folders.add(dir);
  }

  const files = new Set<string>(walk.namedRecords.filter((file) => !isTemplateName(path.posix.basename(file))));
  for (const folder of folders) {
    for (const file of await recordsIn(root, folder === '' ? '.' : folder, 0)) files.add(file.replace(/^\.\//, ''));
  }
  return {
    folders: [...folders].sort(),
    files: [...files].sort(),
    warnings,
  };
}
