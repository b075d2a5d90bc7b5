// Manifest readers, one per ecosystem. Each is lenient: a manifest that does not
// parse yields null, and the caller keeps the change as maintenance rather than
// guessing (a broken manifest is a mistake, not a decision).
import { baseName, GEMSPEC, MSBUILD_MANIFEST, REQUIREMENTS_FILE, REQUIREMENTS_FOLDER_FILE, VERSION_CATALOG } from '../rules';
import { emptyFacts, siblingKey, type ManifestFacts } from './manifest-facts';

type Reader = (text: string) => ManifestFacts | null;

/** Version specs that point inside the repository: the project's own packages. */
const LOCAL_SPEC = /^(?:workspace:|file:|link:|portal:|\.{0,2}\/)/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function addDependency(facts: ManifestFacts, name: string, spec: string | null): void {
  if (name && !(spec !== null && LOCAL_SPEC.test(spec))) facts.dependencies.set(name, spec);
}

function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function readJsonSections(text: string, sections: readonly string[], platformOf: (data: Record<string, unknown>, facts: ManifestFacts) => void): ManifestFacts | null {
  const data = jsonObject(text);
  if (!data) return null;
  const facts = emptyFacts();
  for (const section of sections) {
    const entries = data[section];
    if (!isRecord(entries)) continue;
    // Keys, not entries: no pair array per dependency (a monorepo's history holds hundreds of thousands).
    for (const name of Object.keys(entries)) {
      const spec = entries[name];
      addDependency(facts, name, typeof spec === 'string' ? spec : null);
    }
  }
  if (typeof data.name === 'string' && data.name !== '') facts.own.add(data.name);
  platformOf(data, facts);
  return facts;
}

const readPackageJson: Reader = (text) =>
  readJsonSections(text, ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'], (data, facts) => {
    const engines = data.engines;
    if (isRecord(engines)) for (const [runtime, spec] of Object.entries(engines)) if (typeof spec === 'string') facts.platform.set(runtime, spec);
  });

const readComposerJson: Reader = (text) => {
  const facts = readJsonSections(text, ['require', 'require-dev'], () => undefined);
  const php = facts?.dependencies.get('php');
  if (facts && php !== undefined) {
    facts.dependencies.delete('php');
    if (php !== null) facts.platform.set('php', php);
  }
  return facts;
};

/**
 * What a Go module path shares with every module of its repository: the whole path, or on
 * a code host the host, owner and repository (`github.com/acme/app` for
 * `github.com/acme/app/test/e2e`), so that a sub-module's requirement of the root module
 * (`github.com/acme/app/v8`) is the project's own.
 */
function goRepositoryOf(module: string): string {
  const parts = module.split('/');
  return CODE_HOSTS.has(parts[0] ?? '') && parts.length >= 3 ? parts.slice(0, 3).join('/') : module;
}

const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'gitea.com', 'sr.ht', 'git.sr.ht']);

const readGoMod: Reader = (text) => {
  const facts = emptyFacts();
  const module = /^module\s+(\S+)/m.exec(text)?.[1];
  if (module !== undefined) facts.own.add(module);
  const own = module === undefined ? undefined : goRepositoryOf(module);
  let inRequire = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/(?! indirect).*$/, '').trim();
    if (/^require\s*\($/.test(line)) inRequire = true;
    else if (inRequire && line === ')') inRequire = false;
    else {
      const go = /^go\s+(\d[\w.]*)$/.exec(line);
      if (go?.[1]) facts.platform.set('go', go[1]);
      const entry = inRequire ? /^(\S+)\s+(\S+)(.*)$/.exec(line) : /^require\s+(\S+)\s+(\S+)(.*)$/.exec(line);
      // Indirect requirements are what the direct ones pull in: nobody chose them.
      if (entry?.[1] && entry[2] && !entry[3]?.includes('// indirect') && !(own && (entry[1] === own || entry[1].startsWith(`${own}/`)))) addDependency(facts, entry[1], entry[2]);
    }
  }
  return facts;
};

/** TOML sections as `name → body lines`, enough for dependency tables (Cargo, pyproject, Pipfile). */
function tomlSections(text: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] = [];
  sections.set('', current);
  for (const line of text.split('\n')) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line);
    if (header?.[1]) {
      const name = header[1].replace(/["']/g, '');
      current = sections.get(name) ?? [];
      sections.set(name, current);
    } else current.push(line);
  }
  return sections;
}

/** `key = value` lines of a TOML table (a quoted key without its quotes), the value as written, a trailing comment left out. */
function tomlPairs(lines: readonly string[]): Array<[string, string]> {
  return lines.flatMap((line) => {
    const match = /^\s*([A-Za-z0-9_.\-"']+)\s*=\s*(.+?)\s*(?:#[^"']*)?$/.exec(line);
    return match?.[1] && match[2] ? [[match[1].replace(/["']/g, ''), match[2]] as [string, string]] : [];
  });
}

/** A quoted TOML string's text, or null. */
function tomlString(value: string): string | null {
  return /^["']([^"']*)["']/.exec(value)?.[1] ?? null;
}

/** `key = "…"` inside an inline table (`{ module = "…", version.ref = "…" }`), or null. */
function inlineField(table: string, key: string): string | null {
  return new RegExp(`(?:^|[{,\\s])${key.replace(/\./g, '\\.')}\\s*=\\s*["']([^"']*)["']`).exec(table)?.[1] ?? null;
}

/** `key = "value"` or `key = { version = "value", path = ... }` lines of a TOML table. */
function tomlTableEntries(lines: readonly string[]): Map<string, { version: string | null; local: boolean }> {
  const entries = new Map<string, { version: string | null; local: boolean }>();
  for (const [key, value] of tomlPairs(lines)) {
    if (value.startsWith('{')) entries.set(key, { version: inlineField(value, 'version'), local: /\bpath\s*=|\bworkspace\s*=\s*true/.test(value) });
    else entries.set(key, { version: tomlString(value), local: false });
  }
  return entries;
}

function tomlStringArray(lines: readonly string[], key: string): string[] | null {
  const body = lines.join('\n');
  const start = new RegExp(`^\\s*${key.replace(/[-]/g, '\\-')}\\s*=\\s*\\[`, 'm').exec(body);
  if (!start) return null;
  const values: string[] = [];
  // Strings may hold brackets ("httpx[http2]"): the array ends at the first bracket outside one.
  const token = /\s*(?:"([^"]*)"|'([^']*)'|(\])|#[^\n]*|[^"'\]#]+)/y;
  token.lastIndex = start.index + start[0].length;
  for (let match = token.exec(body); match; match = token.exec(body)) {
    if (match[3]) break;
    const value = match[1] ?? match[2];
    if (value !== undefined) values.push(value);
  }
  return values;
}

/** A PEP 508 requirement ("requests[socks]>=2.31; python_version<'3.12'") as name and spec. */
function pep508(requirement: string): [string, string | null] | null {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)/.exec(requirement);
  if (!match?.[1]) return null;
  return [match[1].toLowerCase().replace(/[._]+/g, '-'), match[2]?.trim() || null];
}

const readCargoToml: Reader = (text) => {
  const facts = emptyFacts();
  for (const [name, lines] of tomlSections(text)) {
    const table = /^(?:workspace\.|target\..+\.)?(?:dev-|build-)?dependencies$/.exec(name);
    const single = /^(?:target\..+\.)?(?:dev-|build-)?dependencies\.(.+)$/.exec(name);
    if (table) for (const [dep, entry] of tomlTableEntries(lines)) { if (!entry.local) addDependency(facts, dep, entry.version); }
    else if (single?.[1]) {
      const entry = tomlTableEntries(lines);
      if (!entry.has('path') && !entry.has('workspace')) addDependency(facts, single[1], entry.get('version')?.version ?? null);
    } else if (name === 'package' || name === 'workspace.package') {
      const entries = tomlTableEntries(lines);
      const rust = entries.get('rust-version')?.version;
      if (rust) facts.platform.set('rust', rust);
      const own = entries.get('name')?.version;
      if (own) facts.own.add(own);
    }
  }
  return facts;
};

const readPyprojectToml: Reader = (text) => {
  const facts = emptyFacts();
  const sections = tomlSections(text);
  const project = sections.get('project') ?? [];
  for (const requirement of tomlStringArray(project, 'dependencies') ?? []) {
    const dep = pep508(requirement);
    if (dep) addDependency(facts, dep[0], dep[1]);
  }
  for (const [name, lines] of sections) {
    if (name === 'project.optional-dependencies' || name === 'dependency-groups') {
      for (const line of lines) for (const m of line.matchAll(/["']([^"']+)["']/g)) {
        const dep = pep508(m[1] as string);
        if (dep) addDependency(facts, dep[0], dep[1]);
      }
    }
    if (/^tool\.poetry\.(?:dev-)?dependencies$|^tool\.poetry\.group\..+\.dependencies$/.test(name)) {
      for (const [dep, entry] of tomlTableEntries(lines)) {
        if (dep === 'python') { if (entry.version) facts.platform.set('python', entry.version); }
        else if (!entry.local) addDependency(facts, dep.toLowerCase(), entry.version);
      }
    }
  }
  const requires = tomlTableEntries(project).get('requires-python')?.version;
  if (requires) facts.platform.set('python', requires);
  for (const table of [project, sections.get('tool.poetry') ?? []]) {
    const own = tomlTableEntries(table).get('name')?.version;
    const normalised = own ? pep508(own)?.[0] : undefined;
    if (normalised) facts.own.add(normalised);
  }
  return facts;
};

const readPipfile: Reader = (text) => {
  const facts = emptyFacts();
  for (const [name, lines] of tomlSections(text)) {
    if (name === 'packages' || name === 'dev-packages') for (const [dep, entry] of tomlTableEntries(lines)) { if (!entry.local) addDependency(facts, dep.toLowerCase(), entry.version); }
    if (name === 'requires') {
      const python = tomlTableEntries(lines).get('python_version')?.version;
      if (python) facts.platform.set('python', python);
    }
  }
  return facts;
};

/** Go's dep tool (before modules): each `[[constraint]]` names a direct dependency; overrides pin what others pull in. */
const readGopkgToml: Reader = (text) => {
  const facts = emptyFacts();
  let name: string | null = null;
  let version: string | null = null;
  const flush = (): void => {
    if (name) addDependency(facts, name, version);
    name = null;
    version = null;
  };
  for (const [section, lines] of tomlSections(text)) {
    if (section !== 'constraint') continue;
    for (const line of lines) {
      const entry = /^\s*(name|version|branch|revision)\s*=\s*"([^"]*)"/.exec(line);
      if (entry?.[1] === 'name') {
        flush();
        name = entry[2] ?? null;
      } else if (entry?.[1] === 'version') version = entry[2] ?? null;
    }
    flush();
  }
  return facts;
};

/**
 * The entries of a requirements file with what pip-compile or uv wrote under each (`# via
 * -r requirements.in`, `# via django`), or null for the comment when there is none.
 */
function requirementEntries(text: string): Array<{ line: string; via: string | null }> {
  const entries: Array<{ line: string; via: string | null }> = [];
  let inVia = false;
  for (const raw of text.split('\n')) {
    const comment = /^\s*#\s*(.*)$/.exec(raw)?.[1];
    const last = entries[entries.length - 1];
    if (comment !== undefined) {
      // `# via x` on one line, or `# via` and one `#   x` per line after it.
      if (/^via\b/.test(comment)) inVia = true;
      if (inVia && last) last.via = `${last.via ?? ''} ${comment.replace(/^via\b/, '')}`;
      continue;
    }
    inVia = false;
    // A hashed entry goes on over lines ending in a backslash.
    const line = raw.replace(/\s+#.*$/, '').replace(/\s*\\$/, '').trim();
    if (!line || line.startsWith('-')) continue;
    entries.push({ line, via: null });
  }
  return entries;
}

/**
 * A compiled requirements file (pip-compile, `uv pip compile`) pins the whole tree and says
 * `via` for each entry: only those the input files ask for (`-r`, `-c`) are the project's
 * choice, the rest is a lock file's content (indirect). A file that says no `via` is read
 * whole, each entry chosen.
 */
const readRequirements: Reader = (text) => {
  const facts = emptyFacts();
  const entries = requirementEntries(text);
  const compiled = entries.some((entry) => entry.via !== null);
  for (const { line, via } of entries) {
    const dep = pep508(line);
    if (!dep) continue;
    addDependency(facts, dep[0], dep[1]);
    if (compiled && !/(?:^|\s)-[rc]\s/.test(`${via ?? ''} `)) facts.indirect.add(dep[0]);
  }
  return facts;
};

const XML_TAGS = new Map<string, RegExp>();

/** The text of the first `<tag>` element (one pattern per tag name, made once: a pom has hundreds of blocks). */
function xmlTag(block: string, tag: string): string | null {
  let pattern = XML_TAGS.get(tag);
  if (!pattern) XML_TAGS.set(tag, (pattern = new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`)));
  return pattern.exec(block)?.[1] ?? null;
}

/** The project's own coordinates: the first `<groupId>` and `<artifactId>` outside its parent, dependencies, build and profiles. */
function projectCoordinates(pom: string): { group: string | null; artifact: string | null } {
  const own: { group: string | null; artifact: string | null } = { group: null, artifact: null };
  for (const match of pom.matchAll(/<(parent|dependencies|dependencyManagement|build|profiles)>[\s\S]*?<\/\1>|<(groupId|artifactId)>\s*([^<]*?)\s*<\/\2>/g)) {
    if (match[2] === 'groupId') own.group ??= match[3] ?? '';
    else if (match[2] === 'artifactId') own.artifact ??= match[3] ?? '';
    if (own.group !== null && own.artifact !== null) break;
  }
  return own;
}

const readPomXml: Reader = (text) => {
  const facts = emptyFacts();
  const withoutComments = text.includes('<!--') ? text.replace(/<!--[\s\S]*?-->/g, '') : text;
  const properties = new Map<string, string>();
  const propertiesBlock = /<properties>([\s\S]*?)<\/properties>/.exec(withoutComments)?.[1] ?? '';
  for (const m of propertiesBlock.matchAll(/<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g)) properties.set(m[1] as string, m[2] as string);
  const project = projectCoordinates(withoutComments);
  const parentGroup = xmlTag(/<parent>([\s\S]*?)<\/parent>/.exec(withoutComments)?.[1] ?? '', 'groupId');
  const ownGroup = project.group ?? parentGroup;
  if (ownGroup !== null) properties.set('project.groupId', ownGroup).set('pom.groupId', ownGroup);
  if (parentGroup !== null) properties.set('project.parent.groupId', parentGroup).set('parent.groupId', parentGroup);
  // Most groups and versions are written out: only a `${…}` is looked up.
  const resolve = (value: string | null): string | null => (value === null || !value.includes('${') ? value : value.replace(/\$\{([^}]+)\}/g, (whole, key: string) => properties.get(key) ?? whole));
  // A sibling module named through a property only the parent defines (`${james.groupId}`) is known by its artifact.
  if (project.artifact) facts.own.add(`${ownGroup ?? ''}:${project.artifact}`).add(siblingKey(project.artifact));
  for (const m of withoutComments.matchAll(/<(dependency|plugin)>([\s\S]*?)<\/\1>/g)) {
    const block = m[2] as string;
    const group = resolve(xmlTag(block, 'groupId')) ?? (m[1] === 'plugin' ? 'org.apache.maven.plugins' : null);
    const artifact = xmlTag(block, 'artifactId');
    const version = xmlTag(block, 'version');
    // The project's own modules move with the project's release version.
    if (!artifact || (ownGroup && group === ownGroup) || version === '${project.version}') continue;
    addDependency(facts, `${group ?? ''}:${artifact}`, resolve(version));
  }
  for (const key of ['java.version', 'maven.compiler.release', 'maven.compiler.source', 'maven.compiler.target', 'kotlin.version']) {
    const value = properties.get(key);
    if (value) facts.platform.set(key.startsWith('kotlin') ? 'kotlin' : 'java', value);
  }
  return facts;
};

const GRADLE_CONFIGURATIONS = /\b(?:implementation|api|compileOnly|runtimeOnly|annotationProcessor|kapt|ksp|classpath|testImplementation|testRuntimeOnly|testCompileOnly|androidTestImplementation|debugImplementation|compile|testCompile|runtime)\b/;

const readGradle: Reader = (text) => {
  const facts = emptyFacts();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '');
    if (GRADLE_CONFIGURATIONS.test(line)) {
      const coordinate = /["']([\w.-]+):([\w.-]+)(?::([^"'@]+))?[^"']*["']/.exec(line);
      if (coordinate) addDependency(facts, `${coordinate[1]}:${coordinate[2]}`, coordinate[3] ?? null);
    }
    const plugin = /\bid\s*\(?\s*["']([\w.-]+)["']\s*\)?\s*version\s*\(?\s*["']([^"']+)["']/.exec(line);
    if (plugin?.[1]) addDependency(facts, `plugin:${plugin[1]}`, plugin[2] ?? null);
    const java = /(?:sourceCompatibility|targetCompatibility|jvmTarget)\s*=?\s*(?:JavaVersion\.VERSION_)?["']?([\d_.]+)/.exec(line) ?? /JavaLanguageVersion\.of\(\s*(\d+)\s*\)|jvmToolchain\(\s*(\d+)\s*\)/.exec(line);
    const javaVersion = java?.[1] ?? java?.[2];
    if (javaVersion) facts.platform.set('java', javaVersion.replace(/_/g, '.'));
  }
  return facts;
};

/**
 * A Gradle version catalog (`gradle/libs.versions.toml`, Gradle's way since 7.4 and Android's
 * default): its libraries by module (`group:name`, as build.gradle names them) and its plugins
 * by id (`plugin:<id>`), each with the version it gives or names in `[versions]`.
 */
const readVersionCatalog: Reader = (text) => {
  const facts = emptyFacts();
  const sections = tomlSections(text);
  const versions = new Map<string, string>();
  for (const [key, value] of tomlPairs(sections.get('versions') ?? [])) {
    // A rich version (`{ strictly = "[1.0, 2.0[", prefer = "1.5" }`) is the one it prefers or requires.
    const version = value.startsWith('{') ? inlineField(value, 'prefer') ?? inlineField(value, 'require') ?? inlineField(value, 'strictly') : tomlString(value);
    if (version !== null) versions.set(key, version);
  }
  const versionOf = (table: string): string | null => {
    const ref = inlineField(table, 'version.ref') ?? /\bversion\s*=\s*\{[^}]*\bref\s*=\s*["']([^"']+)["']/.exec(table)?.[1] ?? null;
    return ref !== null ? versions.get(ref) ?? null : inlineField(table, 'version');
  };
  for (const [, value] of tomlPairs(sections.get('libraries') ?? [])) {
    if (value.startsWith('{')) {
      const group = inlineField(value, 'group');
      const name = inlineField(value, 'name');
      const module = inlineField(value, 'module') ?? (group !== null && name !== null ? `${group}:${name}` : null);
      if (module !== null) addDependency(facts, module, versionOf(value));
    } else {
      const coordinate = /^([\w.-]+):([\w.-]+)(?::(.+))?$/.exec(tomlString(value) ?? '');
      if (coordinate) addDependency(facts, `${coordinate[1]}:${coordinate[2]}`, coordinate[3] ?? null);
    }
  }
  for (const [, value] of tomlPairs(sections.get('plugins') ?? [])) {
    if (value.startsWith('{')) {
      const id = inlineField(value, 'id');
      if (id !== null) addDependency(facts, `plugin:${id}`, versionOf(value));
    } else {
      const plugin = /^([\w.-]+)(?::(.+))?$/.exec(tomlString(value) ?? '');
      if (plugin?.[1]) addDependency(facts, `plugin:${plugin[1]}`, plugin[2] ?? null);
    }
  }
  return facts;
};

const readGemfile: Reader = (text) => {
  const facts = emptyFacts();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '');
    const gem = /^\s*gem\s+["']([^"']+)["'](?:\s*,\s*["']([^"']+)["'])?/.exec(line);
    if (gem?.[1] && !/\bpath:/.test(line)) addDependency(facts, gem[1], gem[2] ?? null);
    const ruby = /^\s*ruby\s+["']([^"']+)["']/.exec(line);
    if (ruby?.[1]) facts.platform.set('ruby', ruby[1]);
  }
  return facts;
};

/**
 * A Ruby gem's `.gemspec`: the gems it depends on (`spec.add_dependency "rails", ">= 6.1"`,
 * runtime and development alike, as a Gemfile lists both) and the Ruby it requires.
 */
const readGemspec: Reader = (text) => {
  const facts = emptyFacts();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '');
    const gem = /\.add_(?:runtime_|development_)?dependency\s*\(?\s*["']([^"']+)["'](?:\s*,\s*\[?\s*["']([^"']+)["'])?/.exec(line);
    if (gem?.[1]) addDependency(facts, gem[1], gem[2] ?? null);
    const ruby = /\.required_ruby_version\s*=\s*\[?\s*["']([^"']+)["']/.exec(line);
    if (ruby?.[1]) facts.platform.set('ruby', ruby[1]);
  }
  return facts;
};

const readMsbuild: Reader = (text) => {
  const facts = emptyFacts();
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of withoutComments.matchAll(/<(PackageReference|PackageVersion|GlobalPackageReference)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
    const attributes = m[2] ?? '';
    const name = /\b(?:Include|Update)\s*=\s*"([^"]+)"/.exec(attributes)?.[1];
    const version = /\bVersion\s*=\s*"([^"]+)"/.exec(attributes)?.[1] ?? (m[3] ? xmlTag(m[3], 'Version') : null);
    if (name) addDependency(facts, name, version ?? null);
  }
  const framework = xmlTag(withoutComments, 'TargetFramework') ?? xmlTag(withoutComments, 'TargetFrameworks');
  if (framework) facts.platform.set('dotnet', framework);
  // Properties of targets the projects name (`<LibraryTargetFrameworks>`, in Directory.Build.props) are where
  // targets are decided: every target they spell out, as one, so that renaming or regrouping them decides nothing.
  const named = new Set<string>();
  // Properties only: a reference's `<RequiredTargetFramework>` (old project files) says what it needs, not what the project targets.
  for (const group of withoutComments.matchAll(/<PropertyGroup\b[^>]*>([\s\S]*?)<\/PropertyGroup>/g)) {
    for (const m of (group[1] ?? '').matchAll(/<(\w+TargetFrameworks?)>([^<]*)<\/\1>/g)) {
      for (const part of (m[2] ?? '').split(';')) if (part.trim() !== '' && !part.includes('$(')) named.add(part.trim());
    }
  }
  if (named.size > 0) facts.platform.set('dotnet (properties)', [...named].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join(';'));
  return facts;
};

const BY_NAME: ReadonlyArray<[RegExp, Reader]> = [
  [/^package\.json$/, readPackageJson],
  [/^composer\.json$/, readComposerJson],
  [/^go\.mod$/, readGoMod],
  [/^Gopkg\.toml$/, readGopkgToml],
  [/^Cargo\.toml$/, readCargoToml],
  [/^pyproject\.toml$/, readPyprojectToml],
  [/^Pipfile$/, readPipfile],
  [REQUIREMENTS_FILE, readRequirements],
  [VERSION_CATALOG, readVersionCatalog],
  [/^pom\.xml$/, readPomXml],
  [/^build\.gradle(?:\.kts)?$/, readGradle],
  [/^Gemfile$/, readGemfile],
  [GEMSPEC, readGemspec],
  [MSBUILD_MANIFEST, readMsbuild],
];

/** The reader for a manifest, by its path (a file of a `requirements/` folder) or its file name; null when the file is no manifest we read. */
export function manifestReader(path: string): Reader | null {
  if (REQUIREMENTS_FOLDER_FILE.test(path)) return readRequirements;
  const base = baseName(path);
  return BY_NAME.find(([pattern]) => pattern.test(base))?.[1] ?? null;
}
