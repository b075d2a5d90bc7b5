// Bots and AI assistants in a decision's evidence (ARCHITECTURE.md "Involvement and the
// zone"): work only bots authored is automated unless it chose a version (or a
// person worked on it), and then the person who merged it decided it; work an
// assistant authored or co-authored is the person's who drove it, and the
// assistant leaves no evidence.
import type { Evidence, EvidenceRole } from '../model/report';
import type { CountedLevel } from '../../rules/decision-rules';
import { counted, higherLevel } from './levels';

export interface ToolPeople {
  isBot: (personId: string) => boolean;
  isAssistant: (personId: string) => boolean;
}

export interface ToolWorkUnit {
  /** A git signal (bots' merged work can be a person's decision); ADRs keep their own rules. */
  git: boolean;
  /** The unit decided nothing (a version bump within a major, say); absent: it decided something. */
  maintenance?: boolean;
}

/** The roles of those who wrote a commit. */
export const AUTHORING: ReadonlySet<EvidenceRole> = new Set(['author', 'co-author']);

function isHuman(person: string, people: ToolPeople): boolean {
  return !people.isBot(person) && !people.isAssistant(person);
}

/**
 * A person's Co-authored-by trailer on a commit a bot authored: a forge writes one
 * for whoever updated the bot's branch or squashed it, so it does not make the
 * bot's change theirs; they took it in, as a merger does (ADR 0016).
 */
function trailerOnBotCommit(e: Evidence, evidence: readonly Evidence[], people: ToolPeople): boolean {
  return personOnBotCommit(e, 'co-author', evidence, people);
}

/**
 * A person's Co-authored-by trailer on a commit a bot authored: they worked on
 * the bot's branch, so what it holds beyond the bot's own kind of change may be theirs.
 */
export function personOnBotCommits(evidence: readonly Evidence[], people: ToolPeople): boolean {
  return evidence.some((e) => trailerOnBotCommit(e, evidence, people));
}

/** A person in `role` on a commit a bot authored. */
function personOnBotCommit(e: Evidence, role: EvidenceRole, evidence: readonly Evidence[], people: ToolPeople): boolean {
  return e.role === role && isHuman(e.person, people) && evidence.some((a) => a.role === 'author' && a.ref === e.ref && people.isBot(a.person));
}

/**
 * A person's authorship of a commit a bot also authored: a forge squash-merges an
 * updater's PR under the name of whoever merged it, and the evidence names the
 * updater beside them (its text or trailer in the message, evidence.ts), so the
 * person took the bot's bump in as a merger does.
 */
function authorOnBotCommit(e: Evidence, evidence: readonly Evidence[], people: ToolPeople): boolean {
  return personOnBotCommit(e, 'author', evidence, people);
}

/**
 * A git unit's evidence with each person's authorship of a bot's commit made a
 * merger's part (consulted, inferred; attributeToolWork raises it where the bot's
 * work decided something). Evidence without one comes back as the same array.
 */
export function takeInBotCommits(evidence: Evidence[], people: ToolPeople): Evidence[] {
  if (!evidence.some((e) => authorOnBotCommit(e, evidence, people))) return evidence;
  return evidence.map((e) => (authorOnBotCommit(e, evidence, people) ? { ...e, role: 'merger', level: 'consulted', inferred: true } : e));
}

/** A person's authorship, not a tool's. */
function humanAuthorship(e: Evidence, evidence: readonly Evidence[], people: ToolPeople): boolean {
  return AUTHORING.has(e.role) && isHuman(e.person, people) && !trailerOnBotCommit(e, evidence, people);
}

/** Bots authored it and no person did (assistants aside: their work is their driver's). */
export function botAuthored(evidence: readonly Evidence[], people: ToolPeople): boolean {
  let bot = false;
  for (const e of evidence) {
    if (humanAuthorship(e, evidence, people)) return false;
    if (AUTHORING.has(e.role) && people.isBot(e.person)) bot = true;
  }
  return bot;
}

/** The level the human mergers of tool-authored work take, or null when a person authored it. */
function mergerLevel(evidence: readonly Evidence[], people: ToolPeople, unit: ToolWorkUnit): CountedLevel | null {
  let assistant: CountedLevel | null = null;
  for (const e of evidence) {
    if (humanAuthorship(e, evidence, people)) return null;
    if (AUTHORING.has(e.role) && people.isAssistant(e.person)) assistant = assistant === null ? counted(e.level) : higherLevel(assistant, counted(e.level));
  }
  if (assistant !== null) return assistant;
  return unit.git && unit.maintenance !== true && botAuthored(evidence, people) ? 'decided' : null;
}

/** A bot's part stays on record as what it did, with no level: a bot is never an owner or a decider. */
function withoutLevel(e: Evidence): Evidence {
  const { level: _level, ...rest } = e;
  return rest;
}

/**
 * The evidence with assistants taken out, bots' parts without a level and, when
 * tools authored the work and no person did, each human merger raised to what the
 * authorship gives (inferred). A person's trailer on a bot's commit counts as a
 * merger's part (inferred). Evidence naming no tool comes back as the same array.
 */
export function attributeToolWork(evidence: Evidence[], people: ToolPeople, unit: ToolWorkUnit): Evidence[] {
  if (!evidence.some((e) => !isHuman(e.person, people))) return evidence;
  const raise = mergerLevel(evidence, people, unit);
  const result: Evidence[] = [];
  for (const e of evidence) {
    if (people.isAssistant(e.person)) continue;
    if (people.isBot(e.person)) result.push(e.level === undefined ? e : withoutLevel(e));
    else if (trailerOnBotCommit(e, evidence, people)) result.push({ ...e, inferred: true, level: raise === null ? 'consulted' : higherLevel('consulted', raise) });
    else if (raise === null || e.role !== 'merger') result.push(e);
    else {
      const level = higherLevel(counted(e.level), raise);
      result.push(level === counted(e.level) ? e : { ...e, inferred: true, level });
    }
  }
  return result;
}
