// What the zone alone does not show: is the team growing deciders (breadth), which
// live decisions hang on people who left or on one person (bus factor), where
// declared owners differ from who actually works there (drift), and — with no
// roster — who the likeliest leaders are.
import type { KeptCommit } from '../model/history';
import type { IdentityResolver } from '../model/people';
import type { Decision, Evidence, Insights, Person } from '../model/report';
import { folderPattern, inNonProductFolder } from '../signals/non-product';
import { ambiguousFirstNames } from '../people/ambiguous';
import { DAY_MS } from '../util/day';
import { rulesMatching, type CodeownersRule, type RulesOfPath } from './codeowners';
import { commitPeople } from './evidence';
import { AUTHORING } from './tool-work';
import type { HistoryIndex } from './history-index';
import { isCounted } from '../../rules/decision-rules';
import { quarterOf } from '../../rules/zone';

const INACTIVE_DAYS = 180;
const SUGGESTED_LEADERS = 5;

export interface InsightsInput {
  decisions: readonly Decision[];
  people: readonly Person[];
  leaders: readonly string[];
  now: Date;
  index: HistoryIndex;
  resolver: IdentityResolver;
  reviewTrailers: readonly string[];
  /** `rulesOf`: the analysis' matcher of these rules, when it has one (the history pass matched the same paths). */
  codeowners: { file: string; rules: readonly CodeownersRule[]; rulesOf?: RulesOfPath } | null;
}

/**
 * Everyone the evidence says decided, sorted, by decision object: decisions are
 * never changed once built, and a refresh reuses those a commit did not touch.
 */
const decidedBy = new WeakMap<Decision, string[]>();

function deciders(d: Decision, isTool: (id: string) => boolean): string[] {
  let people = decidedBy.get(d);
  if (!people) {
    // Evidence lists are short and there are thousands of them: one array, no set.
    people = [];
    for (const e of d.evidence) if (e.level === 'decided' && !people.includes(e.person)) people.push(e.person);
    decidedBy.set(d, people.sort());
  }
  // Whether someone is a tool is the resolver's word of this analysis; the copy may go into the report.
  return people.filter((p) => !isTool(p));
}

type Deciders = (d: Decision) => string[];

function breadthByQuarter(input: InsightsInput, decidersOf: Deciders): Record<string, number> {
  const leaders = new Set(input.leaders);
  const byQuarter = new Map<string, Set<string>>();
  for (const d of input.decisions) {
    if (d.date === null || !isCounted(d)) continue;
    const quarter = quarterOf(d.date);
    const set = byQuarter.get(quarter) ?? new Set<string>();
    for (const person of decidersOf(d)) if (!leaders.has(person)) set.add(person);
    byQuarter.set(quarter, set);
  }
  return Object.fromEntries([...byQuarter].sort(([a], [b]) => a.localeCompare(b)).map(([q, set]) => [q, set.size]));
}

function busFactor(input: InsightsInput, decidersOf: Deciders): Insights['busFactor'] {
  const cutoff = new Date(input.now.getTime() - INACTIVE_DAYS * DAY_MS).toISOString().slice(0, 10);
  const lastActive = new Map(input.people.map((p) => [p.id, p.lastActive ?? null]));
  const result: Insights['busFactor'] = [];
  for (const d of input.decisions) {
    const live = isCounted(d) && d.supersededBy.length === 0 && !['superseded', 'deprecated', 'rejected'].includes(d.status);
    const people = decidersOf(d);
    if (!live || people.length === 0) continue;
    if (people.every((p) => { const last = lastActive.get(p); return last === null || last === undefined || last < cutoff; })) {
      result.push({ decision: d.id, people, reason: 'all-inactive' });
    } else if (d.source === 'adr' && people.length === 1) {
      result.push({ decision: d.id, people, reason: 'single-owner' });
    }
  }
  return result;
}

/**
 * Records that name their decision-makers but were accepted by the commit of someone
 * else: what approving them gives (DESIGN.md's table), declared against actual.
 */
function acceptanceDrift(decisions: readonly Decision[], isTool: (id: string) => boolean): Insights['drift'] {
  const result: Insights['drift'] = [];
  for (const d of decisions) {
    if (d.source !== 'adr' || d.path === null || d.decisionMakers.length === 0) continue;
    const declared = [...d.decisionMakers].sort();
    const actual = [...new Set(d.evidence.filter((e) => e.change === 'accepted' && !declared.includes(e.person) && !isTool(e.person)).map((e) => e.person))].sort();
    if (actual.length > 0) result.push({ path: d.path, declared, actual, source: 'status-change' });
  }
  return result;
}

/**
 * For each CODEOWNERS rule, the commits (by index, in the history's order) that
 * touch a path it matches. Each path is matched against the rules once (rulesOf):
 * a history names the same few thousand paths in tens of thousands of commits.
 */
function commitsByRule(commits: readonly KeptCommit[], rules: readonly CodeownersRule[], rulesOf: RulesOfPath): number[][] {
  const byRule = rules.map((): number[] => []);
  // The last commit each rule was given: a commit's files name a rule many times, the rule takes it once.
  const lastOf = rules.map(() => -1);
  for (let at = 0; at < commits.length; at += 1) {
    for (const { path } of (commits[at] as KeptCommit).files) {
      for (const index of rulesOf(path)) {
        if (lastOf[index] === at) continue;
        lastOf[index] = at;
        byRule[index]?.push(at);
      }
    }
  }
  return byRule;
}

function drift(input: InsightsInput, isTool: (id: string) => boolean): Insights['drift'] {
  const result: Insights['drift'] = acceptanceDrift(input.decisions, isTool);
  if (!input.codeowners) return result;
  const { commits } = input.index.history;
  const byRule = commitsByRule(commits, input.codeowners.rules, input.codeowners.rulesOf ?? rulesMatching(input.codeowners.rules));
  // A broad rule (`*`) touches every commit: its people are worked out once, not once per rule.
  const peopleOfCommit: string[][] = [];
  for (const [index, rule] of input.codeowners.rules.entries()) {
    const declared = [...new Set(rule.owners.map((o) => input.resolver.resolveText(o).id))].sort();
    const actual = new Set<string>();
    // Rule by rule, commit by commit: the resolver first meets each person where it always did.
    for (const at of byRule[index] ?? []) {
      const commit = commits[at] as KeptCommit;
      for (const person of (peopleOfCommit[at] ??= commitPeople(commit, input))) if (!isTool(person)) actual.add(person);
    }
    const actualList = [...actual].sort();
    if (actualList.length === 0 || actualList.join('\0') === declared.join('\0')) continue;
    result.push({ path: rule.pattern, declared, actual: actualList, source: `${input.codeowners.file}:${rule.line}` });
  }
  return result;
}

/** Records and files under test, fixture and example folders (and specs) are samples, not the repository's own decisions. */
const SAMPLE_DIR = folderPattern(['specs?']);

function isSample(d: Decision): boolean {
  const paths = d.source === 'adr' ? (d.path === null ? [] : [d.path]) : d.files ?? [];
  return paths.length > 0 && paths.every((path) => inNonProductFolder(path, SAMPLE_DIR));
}

type LeaderWork = 'decided' | 'wrote' | 'reviewed' | 'merged';

/** What a piece of evidence says its person did for a leader's part, if anything. */
function leaderWork(d: Decision, e: Evidence): LeaderWork | null {
  if (e.role === 'decision-maker') return 'decided';
  // A record that names no decision-makers was decided, as far as anyone can tell, by whoever wrote or accepted it.
  if (d.source === 'adr' && AUTHORING.has(e.role) && e.level === 'decided') return 'wrote';
  if (e.role === 'reviewer') return 'reviewed';
  return e.role === 'merger' && !d.evidence.some((a) => a.person === e.person && AUTHORING.has(a.role)) ? 'merged' : null;
}

/**
 * Leaders decide in records (named as deciders, or writing one that names nobody) and
 * review and merge other people's work; how much someone commits says nothing of it. A
 * person named only in samples is nobody's leader, nor one known by a first name that
 * begins someone else's full name (`Anna` beside `Anna Leach`): nobody could tell whom
 * the suggestion means.
 */
function suggestedLeaders(input: InsightsInput, isTool: (id: string) => boolean): Insights['suggestedLeaders'] {
  if (input.leaders.length > 0) return [];
  const ambiguous = ambiguousFirstNames(input.people);
  const tally = new Map<string, Record<LeaderWork, number> & { last: string }>();
  for (const d of input.decisions) {
    if (!isCounted(d) || isSample(d)) continue;
    const seen = new Set<string>();
    for (const e of d.evidence) {
      const what = leaderWork(d, e);
      if (what === null || isTool(e.person) || ambiguous.has(e.person) || seen.has(`${e.person}\0${what}`)) continue;
      seen.add(`${e.person}\0${what}`);
      const t = tally.get(e.person) ?? { decided: 0, wrote: 0, reviewed: 0, merged: 0, last: '' };
      t[what] += 1;
      if (d.date !== null && d.date > t.last) t.last = d.date;
      tally.set(e.person, t);
    }
  }
  return [...tally]
    .map(([person, t]) => ({
      person,
      score: 2 * t.decided + t.wrote + t.reviewed + t.merged,
      last: t.last,
      reason: `decided ${t.decided} in records${t.wrote > 0 ? `, wrote ${t.wrote} naming no deciders` : ''}, reviewed ${t.reviewed}, merged ${t.merged} of others'; last ${t.last || 'undated'}`,
    }))
    // Of two people who did as much, the one who did it more lately leads now; the alphabet tells nothing.
    .sort((a, b) => b.score - a.score || b.last.localeCompare(a.last) || a.person.localeCompare(b.person))
    .slice(0, SUGGESTED_LEADERS)
    .map(({ person, score, reason }) => ({ person, score, reason }));
}

export function computeInsights(input: InsightsInput): Insights {
  const bots = new Set(input.people.filter((p) => p.isBot).map((p) => p.id));
  // Assistants are in no list of people: the resolver knows them.
  const isTool = (id: string): boolean => bots.has(id) || input.resolver.isAssistant(id);
  const lists = new Map<Decision, string[]>();
  const decidersOf: Deciders = (d) => {
    let list = lists.get(d);
    if (!list) lists.set(d, (list = deciders(d, isTool)));
    return list;
  };
  return {
    breadthByQuarter: breadthByQuarter(input, decidersOf),
    busFactor: busFactor(input, decidersOf),
    drift: drift(input, isTool),
    suggestedLeaders: suggestedLeaders(input, isTool),
  };
}
