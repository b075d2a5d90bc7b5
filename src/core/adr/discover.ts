// Every ADR folder and record file of a repository, from every convention at once, and
// findings that say what discovery did when it found nothing or stopped early.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DecisionOrbitConfig } from '../config/schema';
import type { Warning } from '../model/report';
import { CONVENTIONAL_FOLDERS } from './category';
import { foldersInConventionFile } from './conventions';
import { isIndexPage, isTemplateName, listFolder, NUMBERED_RECORD, RECORD_FILE, recordsIn } from './record-files';
import { parseAdr } from './parse';
import { hasRecordShape } from './record-shape';
import { insideRepo } from './repo-paths';
import { CONVENTION_FILES, MAX_WALK_DEPTH, MAX_WALK_DIRS, walkRepo } from './repo-walk';

export { isTemplateName } from './record-files';

export interface Discovery {
  folders: string[];
  files: string[];
  warnings: Warning[];
}

const CONFIG_FILE = '.decision-orbit.yml';
/** Folder names that hold records wherever they are, when most of their pages are numbered records (`knowledge-base/adr`, `services/billing/decisions`). */
const NUMBERED_RECORD_FOLDERS = ['architecture', 'adr', 'adrs', 'decisions'] as const;
/** Folder names that say "records" on their own: their pages, numbered or not, are records when most are written as records (`contributing/ADRs/back-end/naming.md`). */
const RECORD_FOLDER_NAMES = ['adr', 'adrs'] as const;
/** Words of a folder's name that say it holds decisions (`architecture-decisions`, `ArchitectureDecisions`, `tech_decision_log`). */
const DECISION_WORDS = new Set(['adr', 'adrs', 'decision', 'decisions']);

/**
 * The conventional folder names of one segment (`decision-records`) with their separators left
 * out: `decisionrecords`, `Decision_Records` and `ArchitectureDecisionRecords` say the same.
 */
const RECORD_FOLDER_KEYS = new Set(CONVENTIONAL_FOLDERS.filter((folder) => !folder.includes('/')).map(folderKey));

function folderKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A folder named for decisions: one of NUMBERED_RECORD_FOLDERS, or a name with one of DECISION_WORDS among its words. */
function namesDecisions(name: string): boolean {
  if ((NUMBERED_RECORD_FOLDERS as readonly string[]).includes(name.toLowerCase())) return true;
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/).some((word) => DECISION_WORDS.has(word));
}

async function isDirectory(absolute: string): Promise<boolean> {
  return stat(absolute).then((s) => s.isDirectory(), () => false);
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

/**
 * A folder named for decisions (namesDecisions), in any case (`ADR/`), is an ADR folder when
 * most of its pages are numbered records: at least two, or one in a folder named adr or adrs
 * (a name that says "records" on its own; `architecture/001-overview.md` is no record).
 */
async function isNumberedRecordFolder(root: string, dir: string, name: string): Promise<boolean> {
  const pages = (await listFolder(path.join(root, dir))).filter((e) => e.isFile() && RECORD_FILE.test(e.name) && !isIndexPage(e.name) && !isTemplateName(e.name));
  const numbered = pages.filter((e) => NUMBERED_RECORD.test(e.name)).length;
  const fewest = (RECORD_FOLDER_NAMES as readonly string[]).includes(name) ? 1 : 2;
  return numbered >= fewest && numbered * 2 > pages.length;
}

/**
 * The pages of a folder named adr or adrs, in any case, when most of them (its subfolders'
 * included) are written as records, numbered or not: those are its records, and the others
 * (an overview page, a guide) are named in a warning. Null when the folder holds something else.
 */
async function shapedRecordFolder(root: string, dir: string): Promise<{ records: string[]; warning: Warning | null } | null> {
  const files = await recordsIn(root, dir);
  const shaped: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(root, file), 'utf8').catch(() => null);
    if (text !== null && hasRecordShape(parseAdr(file, text))) shaped.push(file);
  }
  if (shaped.length < 2 || shaped.length * 2 < files.length) return null;
  const others = files.filter((file) => !shaped.includes(file));
  const [has, isRead, asRecords] = others.length === 1 ? ['has', 'it is', 'a record'] : ['have', 'they are', 'records'];
  const warning: Warning | null = others.length === 0 ? null : {
    code: 'adr-not-records',
    message: `${dir}: ${others.map((file) => file.slice(dir.length + 1)).join(', ')} ${has} no status and no decision section beside ${shaped.length} pages written as records, so ${isRead} not read as ${asRecords}; name the folder in adr.paths to read every page as a record`,
    path: dir,
  };
  return { records: shaped, warning };
}

function lookedMessage(scanned: number): string {
  return `no ADRs found: looked for ${[...CONVENTION_FILES].join(', ')}, for folders named ${CONVENTIONAL_FOLDERS.join(', ')}, `
    + `for numbered records in folders named ${NUMBERED_RECORD_FOLDERS.join(', ')} or with adr or decisions in their names, for pages written as records (a status or a decision section) in folders named ${RECORD_FOLDER_NAMES.join(', ')} `
    + `and for adr-NNN-*.md files, in ${scanned} folders (test, fixture and example folders are never searched); `
    + `if this repository has records, name their folder in adr.paths in ${CONFIG_FILE}`;
}

function truncatedMessage(reason: 'folders' | 'depth'): string {
  const limit = reason === 'folders' ? `after ${MAX_WALK_DIRS.toLocaleString('en-US')} folders` : `${MAX_WALK_DEPTH} folders deep`;
  return `ADR discovery stopped ${limit}, so ADR folders beyond that were not searched; name them in adr.paths in ${CONFIG_FILE} to be sure every record is found`;
}

export async function discoverAdrs(root: string, config: DecisionOrbitConfig): Promise<Discovery> {
  const warnings: Warning[] = [];
  const configured = config.adr.paths ?? [];
  const walk = await walkRepo(root);
  /** Folders named by a tool's config, a convention file or adr.paths. */
  const named = new Set<string>();

  const addFolder = async (absolute: string, source: string): Promise<void> => {
    const relative = insideRepo(root, absolute);
    if (relative === null) {
      warnings.push({ code: 'adr-folder-outside', message: `${source} points outside the repository: ${absolute}`, path: source });
      return;
    }
    if (!(await isDirectory(absolute))) {
      warnings.push({ code: 'adr-folder-missing', message: `${source} names an ADR folder that does not exist: ${relative}`, path: source });
      return;
    }
    named.add(relative === '.' ? '' : relative);
  };

  // A tool's config is taken as written, wherever it points inside the repository; configs in
  // test, fixture and example folders are never read (the walk does not enter them).
  for (const convention of walk.conventionFiles) {
    const text = await readFile(path.join(root, convention), 'utf8').catch(() => '');
    let folders: string[];
    try {
      folders = foldersInConventionFile(convention, text);
    } catch (error) {
      warnings.push({ code: 'adr-config-unreadable', message: `${convention}: ${error instanceof Error ? error.message : String(error)}`, path: convention });
      continue;
    }
    for (const folder of folders) await addFolder(path.resolve(root, path.posix.dirname(convention), folder), convention);
  }
  for (const file of await adrDirsAbove(root)) {
    for (const folder of foldersInConventionFile('.adr-dir', await readFile(file, 'utf8').catch(() => ''))) await addFolder(path.resolve(path.dirname(file), folder), file);
  }
  for (const entry of configured) {
    if (/[*?]/.test(entry)) {
      const pattern = globToRegExp(entry);
      const matched = [...walk.dirs].filter((dir) => pattern.test(dir));
      if (matched.length === 0) warnings.push({ code: 'adr-folder-missing', message: `adr.paths "${entry}" matches no folder`, path: CONFIG_FILE });
      for (const dir of matched) named.add(dir);
    } else {
      await addFolder(path.resolve(root, entry), `${CONFIG_FILE} adr.paths`);
    }
  }

  // A folder named by adr.paths or by a tool's config says where the records are: the walk's limit is no news then.
  if (walk.truncated && named.size === 0) warnings.push({ code: 'adr-discovery-truncated', message: truncatedMessage(walk.truncated), path: null });
  const guessed = new Set<string>();
  const shapedFolders = new Set<string>();
  const files = new Set<string>(walk.namedRecords.filter((file) => !isTemplateName(path.posix.basename(file))));
  for (const dir of walk.dirs) {
    const base = path.posix.basename(dir);
    const name = base.toLowerCase();
    if (CONVENTIONAL_FOLDERS.some((folder) => dir === folder || dir.endsWith(`/${folder}`)) || RECORD_FOLDER_KEYS.has(folderKey(base))) guessed.add(dir);
    else if (namesDecisions(base) && (await isNumberedRecordFolder(root, dir, name))) guessed.add(dir);
    else if ((RECORD_FOLDER_NAMES as readonly string[]).includes(name) && !named.has(dir)) {
      // Found by how its pages are written, so that decides which of them are records.
      const shaped = await shapedRecordFolder(root, dir);
      if (!shaped) continue;
      shapedFolders.add(dir);
      for (const file of shaped.records) files.add(file);
      if (shaped.warning) warnings.push(shaped.warning);
    }
  }

  for (const folder of new Set([...named, ...guessed])) {
    for (const file of await recordsIn(root, folder === '' ? '.' : folder)) files.add(file);
  }
  const folders = new Set([...named, ...guessed, ...shapedFolders]);
  if (files.size === 0) warnings.push({ code: 'adr-none-found', message: lookedMessage(walk.dirs.size), path: null });
  return { folders: [...folders].sort(), files: [...files].sort(), warnings };
}
