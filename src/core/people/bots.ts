// Which git identities are tools rather than people: bots (dependency updaters,
// CI, merge queues) author `automated` work; AI assistants are tools whose work
// belongs to the person who drove it (ARCHITECTURE.md "Involvement and the zone").
// Every rule is anchored on a whole login, address, local part or name: a
// substring never makes a person a tool ("Talbot", "Robert Botha", "Claude Monet").
import { githubHandleOfEmail, normalizeEmail, normalizeHandle, normalizeName } from './normalize';

export type ToolClass = 'bot' | 'assistant';

/** A configured identity: a bare name, or globs (`*` any run) on the whole name, address or login. */
export type ToolPattern = string | { name?: string; email?: string; login?: string };

export interface ToolConfig {
  bots: readonly ToolPattern[];
  assistants: readonly ToolPattern[];
  /** The repository's folder name: an account named after it, at an address of that name, is the repository's own automation. */
  repositoryName?: string;
}

export interface ToolIdentity {
  name: string;
  email: string;
  /** A login the text named directly (`@handle`); logins also come from GitHub noreply addresses. */
  login?: string;
}

export interface ToolClassifier {
  classify(identity: ToolIdentity): ToolClass | null;
}

// AI assistants, checked before bots: several sign as `[bot]` logins.
const ASSISTANT_LOGINS = new Set([
  'copilot', 'copilot-swe-agent[bot]', 'github-copilot[bot]', 'copilot-pull-request-reviewer[bot]',
  'claude[bot]', 'cursor[bot]', 'cursoragent', 'devin-ai-integration[bot]', 'chatgpt-codex-connector[bot]',
  'codex[bot]', 'gemini-code-assist[bot]', 'google-gemini-code-assist[bot]', 'sweep-ai[bot]', 'sweep-nightly[bot]',
  'jetbrains-junie[bot]', 'junie-eap[bot]', 'junie-agent', 'google-labs-jules[bot]', 'amazon-q-developer[bot]', 'openhands-agent',
]);
const ASSISTANT_EMAILS = new Set([
  'noreply@anthropic.com', 'claude@anthropic.com', 'cursoragent@cursor.com', 'noreply@aider.chat', 'devin@cognition.ai', 'codex@openai.com',
  'openhands@all-hands.dev',
]);
/**
 * Names that only tools carry, as commits and records write them (`decision-makers: [Ann Lee,
 * Codex]`); "Claude", "Devin", "Jules", "Gemini", "Cline", "Cursor" or "Ai" alone may be a person's name.
 */
const ASSISTANT_NAMES = new Set([
  'github copilot', 'copilot', 'copilot agent', 'claude code', 'claude ai', 'anthropic claude', 'cursor agent', 'devin ai',
  'codex', 'openai codex', 'chatgpt', 'openai', 'gemini code assist', 'google gemini', 'sweep ai', 'aider', 'windsurf',
  'amazon q', 'amazon q developer', 'openhands', 'jetbrains junie', 'google jules', 'agent', 'ai agent', 'ai assistant', 'coding agent', 'llm',
]);

/** Whole names of tools, also with ` Bot` after them (`GitHub Actions Bot`, `GitHub Actions PlantUML Bot`); a person's `Marco Bot` is no tool's name. */
const BOT_NAMES = new Set([
  'dependabot', 'dependabot preview', 'renovate', 'renovate bot', 'renovatebot', 'mend renovate', 'whitesource renovate',
  'github actions', 'github action', 'github', 'github merge queue', 'github web flow', 'web flow', 'mergify', 'bors', 'bors ng',
  'kodiakhq', 'kodiak', 'snyk bot', 'greenkeeper', 'imgbot', 'imgbotapp', 'allcontributors', 'all contributors',
  'pre commit ci', 'semantic release bot', 'copybara', 'copybara service', 'gitlab bot', 'gitlab', 'gitlab ci', 'transifex', 'crowdin', 'weblate',
]);

/** A login: `dependabot[bot]`, `renovate[bot]`. */
const BOT_LOGIN = /^[a-z0-9][a-z0-9._-]*\[bot\]$/i;
/** A login-shaped name ending in `-bot` / `_bot`: `semantic-release-bot`, `snyk-bot`. */
const DASHED_BOT_NAME = /^[a-z0-9][a-z0-9._-]*[-_]bot$/i;
/**
 * A machine user's login, as a name or from a GitHub address: `acme-platform-ci`,
 * `k8s-ci-robot`, `acme-release-automation`, `edx-semantic-release`. Before `-ci` stand at least four characters,
 * so that a short login made of a person's two names (`li-ci`) stays theirs.
 */
const MACHINE_USER_LOGIN = /^(?:[a-z0-9][a-z0-9._-]*[-_](?:robot|automation|semantic[-_]release)|[a-z0-9][a-z0-9._-]{3,}[-_]ci)$/i;
/**
 * Local parts of bot addresses: `bot`, `bots`, `noreply`, `no-reply`, `automation`, `x-bot`, `x_bot`,
 * `x.bot`, `x[bot]`, GitLab's `project_12_bot_…` / `group_3_bot…`. A bare `…bot` suffix
 * is not one: `talbot@` and `abbot@` are people's names.
 */
const BOT_LOCAL_PART = /^(?:bots?|no-?reply|automation|[a-z0-9._+-]*[-_.]bot|[a-z0-9._+-]*\[bot\]|(?:project|group)_\d+_bot(?:_[a-z0-9]+)?)$/i;
/** A name that says it is an account, not a person: `GOV.UK Continuous Integration User`, `Deploy Bot`, `Deployment automation robot`, `Bot from GolangCI`. */
const ACCOUNT_NAME = /(?:^| )(?:continuous integration|ci|build|deploy(?:ment)?|release|automation) (?:user|bot|account|robot)$|^bot (?:from|for) /;
/** A project's bot named in one word, `Bot` capitalised after its name: `SyliusBot`, `shopwareBot` (never `Talbot`). */
const CAMEL_BOT_NAME = /^[A-Za-z0-9]*[a-z0-9]Bot$/;
/** A service account's GitHub login, `Service` capitalised after its name: `MicrosoftHealthService` (never `service` alone). */
const SERVICE_LOGIN = /^(?:\d+\+)?[A-Za-z0-9-]*[a-z0-9]Service@users\.noreply\.github\.com$/;
/** A CI account's name, an acronym or word before `CI` in capitals: `OPG CI` (a person's `Wang Ci` stays theirs). */
const CI_ACCOUNT_NAME = /^\S.*\sCI$/;
/** Jenkins' own identity, `jenkins <jenkins@ci-host>` or at a team's `+jenkins` address; a person named Jenkins has a box of their own. */
function isJenkins(name: string, local: string): boolean {
  return name === 'jenkins' && (local === 'jenkins' || local.endsWith('+jenkins'));
}
/** Local parts of tool names that end in `bot` with no separator. */
const KNOWN_BOT_LOCAL_PARTS = new Set(['dependabot', 'renovatebot', 'imgbot', 'imgbothelp', 'snykbot', 'mergifybot', 'greenkeeperio-bot', 'allcontributorsbot']);

function glob(pattern: string): RegExp {
  const source = pattern.toLowerCase().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`);
}

interface CompiledPattern {
  name?: RegExp;
  email?: RegExp;
  login?: RegExp;
}

function compile(pattern: ToolPattern): CompiledPattern {
  if (typeof pattern === 'string') return { name: glob(normalizeName(pattern)) };
  return {
    ...(pattern.name ? { name: glob(normalizeName(pattern.name)) } : {}),
    ...(pattern.email ? { email: glob(normalizeEmail(pattern.email)) } : {}),
    ...(pattern.login ? { login: glob(normalizeHandle(pattern.login)) } : {}),
  };
}

interface Parts {
  name: string;
  email: string;
  local: string;
  login: string | null;
}

/** Every field a pattern sets must match, and it must set one. */
function matches(pattern: CompiledPattern, parts: Parts): boolean {
  if (!pattern.name && !pattern.email && !pattern.login) return false;
  return (!pattern.name || pattern.name.test(parts.name))
    && (!pattern.email || pattern.email.test(parts.email))
    && (!pattern.login || (parts.login !== null && pattern.login.test(parts.login)));
}

function isBuiltInAssistant(raw: ToolIdentity, parts: Parts): boolean {
  return ASSISTANT_EMAILS.has(parts.email)
    || (parts.login !== null && ASSISTANT_LOGINS.has(parts.login))
    || ASSISTANT_LOGINS.has(raw.name.trim().toLowerCase())
    || ASSISTANT_NAMES.has(parts.name);
}

/**
 * A known tool's name among words ending in ` Bot`: `GitHub Actions PlantUML Bot`, a workflow's own
 * identity; `edX Transifex Bot`, an organisation's account on a tool.
 */
function isToolsBotName(name: string): boolean {
  if (!name.endsWith(' bot')) return false;
  const words = name.split(' ');
  for (let from = 0; from < words.length - 1; from += 1) {
    for (let to = from + 1; to < words.length; to += 1) if (BOT_NAMES.has(words.slice(from, to).join(' '))) return true;
  }
  return false;
}

function isBuiltInBot(raw: ToolIdentity, parts: Parts): boolean {
  const name = raw.name.trim();
  return BOT_LOGIN.test(name) || DASHED_BOT_NAME.test(name) || MACHINE_USER_LOGIN.test(name) || CAMEL_BOT_NAME.test(name) || BOT_NAMES.has(parts.name) || isToolsBotName(parts.name) || ACCOUNT_NAME.test(parts.name)
    || isJenkins(parts.name, parts.local) || CI_ACCOUNT_NAME.test(name) || SERVICE_LOGIN.test(raw.email.trim())
    || (parts.login !== null && (BOT_LOGIN.test(parts.login) || MACHINE_USER_LOGIN.test(parts.login)))
    || (parts.email.includes('@') && (BOT_LOCAL_PART.test(parts.local) || KNOWN_BOT_LOCAL_PARTS.has(parts.local)));
}

/**
 * aider signs the commits it writes `Name (aider)` with the driving person's
 * address: the work is that person's, so the suffix goes before anything is matched.
 */
export function driverName(name: string): string {
  return name.replace(/\s+\(aider\)$/i, '');
}

/**
 * The account a repository's release or sync workflow commits as (`cloud-sdk-js
 * <cloud-sdk-js@github.com>` in cloud-sdk-js): named after the repository, name and mailbox
 * alike. Only a name with a separator: a one-word repository is often its owner's own
 * (a GitHub profile repository is named after its owner's login).
 */
function repositoryAccount(repositoryName: string | undefined): string | null {
  const name = repositoryName?.trim().toLowerCase() ?? '';
  return name.length >= 4 && /^[a-z0-9]+(?:[-_.][a-z0-9]+)+$/.test(name) ? name : null;
}

export function createToolClassifier(config: ToolConfig): ToolClassifier {
  const bots = config.bots.map(compile);
  const assistants = config.assistants.map(compile);
  const ownAccount = repositoryAccount(config.repositoryName);
  return {
    classify: (identity) => {
      const email = normalizeEmail(identity.email);
      const parts: Parts = {
        name: normalizeName(identity.name),
        email,
        local: email.split('@')[0] ?? '',
        login: identity.login ? normalizeHandle(identity.login) : githubHandleOfEmail(email),
      };
      if (assistants.some((p) => matches(p, parts))) return 'assistant';
      if (bots.some((p) => matches(p, parts))) return 'bot';
      if (isBuiltInAssistant(identity, parts)) return 'assistant';
      if (ownAccount !== null && parts.local === ownAccount && identity.name.trim().toLowerCase() === ownAccount) return 'bot';
      return isBuiltInBot(identity, parts) ? 'bot' : null;
    },
  };
}
