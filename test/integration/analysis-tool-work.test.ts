// Bots and AI assistants in a real history (fixture `tool-work`): bots' work is
// automated unless it decided something a person merged; assistants' work is
// their driver's; a person named like a bot stays a person.
import assert from 'node:assert/strict';
import { analyzeRepository } from '../../src/core/analyze';
import { reportSchema, type Decision, type Report } from '../../src/core/model/report';
import { sharedFixture } from '../fixtures/catalog';
import { fixtureGitEnv } from '../fixtures/git';
import { TOOL_WORK_PRS } from '../fixtures/tool-work';

/** The fixtures' git environment: the machine's git config never reaches the analysis. */
const GIT_ENV = fixtureGitEnv();
const NOW = new Date('2026-10-01T00:00:00Z');
const ROSTER = { leadership: [{ name: 'Dana Chen', role: 'CTO', aliases: [] }, { name: 'Arjun Patel', role: 'Architect', aliases: [] }] };

function prDecision(report: Report, pr: number): Decision {
  const found = report.decisions.find((d) => d.pr === `#${pr}`);
  assert.ok(found, `a decision for PR #${pr}`);
  return found;
}

function idOf(report: Report, name: string): string {
  const person = report.people.find((p) => p.name === name);
  assert.ok(person, `${name} is in the people list`);
  return person.id;
}

describe('analysis: bots and AI assistants (fixture tool-work)', function () {
  let withRoster: Report;
  let withoutRoster: Report;
  before(async () => {
    const fixture = await sharedFixture('tool-work');
    withRoster = reportSchema.parse(await analyzeRepository({ env: GIT_ENV, root: fixture.root, now: NOW, hostConfig: ROSTER }));
    withoutRoster = reportSchema.parse(await analyzeRepository({ env: GIT_ENV, root: fixture.root, now: NOW }));
  });

  it('makes the person who merged a bot\'s dependency addition its decider, inferred', () => {
    const dana = idOf(withRoster, 'Dana Chen');
    const added = prDecision(withRoster, TOOL_WORK_PRS.addZod);
    assert.deepEqual(added.decisionMakers, [dana]);
    assert.equal(added.involvement, 'decided');
    assert.deepEqual([added.counted, added.kinds], [true, ['dependency']]);
    assert.deepEqual(added.evidence.filter((e) => e.person === dana).map((e) => [e.role, e.level, e.inferred]), [['merger', 'decided', true]]);
  });

  it('keeps a human-merged dependabot version bump automated: maintenance, not counted, and no bot decides', () => {
    const bot = idOf(withRoster, 'dependabot[bot]');
    assert.equal(withRoster.people.find((p) => p.id === bot)?.isBot, true);
    const bump = prDecision(withRoster, TOOL_WORK_PRS.bump);
    assert.ok(!bump.decisionMakers.includes(bot), 'a bot is never a decision-maker');
    assert.equal(bump.involvement, 'automated');
    assert.deepEqual([bump.counted, bump.notCountedReason], [false, 'automated']);
    assert.deepEqual(bump.decisionMakers, []);
    const dana = idOf(withRoster, 'Dana Chen');
    assert.deepEqual(bump.evidence.filter((e) => e.person === dana).map((e) => [e.role, e.level]), [['merger', 'consulted']]);
  });

  it('keeps a bot\'s move to the next pre-1.0 version automated though a person\'s Co-authored-by trailer is on it', () => {
    const bump = prDecision(withRoster, TOOL_WORK_PRS.preReleaseBump);
    assert.deepEqual(bump.findings, ['tiny-queue 0.2 → 0.3'], 'what moved is still said');
    assert.deepEqual([bump.involvement, bump.counted, bump.notCountedReason], ['automated', false, 'automated']);
    assert.deepEqual(bump.decisionMakers, [], 'the trailer does not make Bob its decider');
    assert.deepEqual(bump.evidence.filter((e) => e.person === idOf(withRoster, 'Bob Li')).map((e) => [e.role, e.level, e.inferred]), [['co-author', 'consulted', true]]);
    assert.deepEqual(bump.kinds, ['dependency']);
  });

  it('keeps a bot\'s pre-1.0 bump squash-merged under a person\'s name the bot\'s: its PR text in the message, or its trailer', () => {
    const bot = idOf(withRoster, 'dependabot[bot]');
    for (const [pr, name] of [[TOOL_WORK_PRS.squashedBump, 'Dana Chen'], [TOOL_WORK_PRS.coAuthoredBump, 'Bob Li']] as const) {
      const bump = prDecision(withRoster, pr);
      assert.equal(bump.findings?.length, 1, `PR #${pr} moved one pre-1.0 version`);
      assert.deepEqual([bump.involvement, bump.counted, bump.notCountedReason, bump.decisionMakers], ['automated', false, 'automated', []], `PR #${pr}`);
      assert.deepEqual(bump.evidence.filter((e) => e.person === idOf(withRoster, name)).map((e) => [e.role, e.source, e.level, e.inferred]), [['merger', 'commit-author', 'consulted', true]], `PR #${pr}`);
      assert.ok(bump.evidence.some((e) => e.person === bot && (e.role === 'author' || e.role === 'co-author')), `PR #${pr}: the bot's part is said`);
    }
  });

  it('makes the person who squash-merged a bot\'s major move its decider, inferred, and the bot no one', () => {
    const major = prDecision(withRoster, TOOL_WORK_PRS.squashedMajor);
    const dana = idOf(withRoster, 'Dana Chen');
    assert.deepEqual(major.findings, ['express 4 → 5']);
    assert.deepEqual([major.involvement, major.counted, major.decisionMakers], ['decided', true, [dana]]);
    assert.deepEqual(major.evidence.filter((e) => e.person === dana).map((e) => [e.role, e.level, e.inferred]), [['merger', 'decided', true]]);
    const renovate = withRoster.people.find((p) => p.name === 'renovate[bot]');
    assert.equal(renovate?.isBot, true, 'renovate, named only by its PR text, is a bot in the people list');
    assert.deepEqual(major.evidence.filter((e) => e.person === renovate.id).map((e) => [e.role, e.inferred]), [['author', true]]);
  });

  it('keeps a person\'s own bump titled like a bot\'s, naming dependabot, with a trailer of a person named like a bot, theirs', () => {
    const hand = prDecision(withRoster, TOOL_WORK_PRS.handBump);
    const talbot = withRoster.people.find((p) => p.name === 'Jane Talbot');
    assert.equal(talbot?.isBot, false);
    assert.deepEqual([hand.counted, hand.involvement, hand.findings], [true, 'around', ['tiny-queue 0.6 → 0.7']]);
    assert.deepEqual(hand.decisionMakers, [idOf(withRoster, 'Carol Diaz'), talbot.id]);
    assert.ok(!hand.evidence.some((e) => withRoster.people.find((p) => p.id === e.person)?.isBot), 'no bot in its evidence');
  });

  it('counts a person\'s move to the next pre-1.0 version as their dependency decision', () => {
    const moved = withRoster.decisions.find((d) => d.source === 'git' && d.title.startsWith('Move to tiny-queue 0.4'));
    assert.ok(moved);
    assert.deepEqual(moved.findings, ['tiny-queue 0.3 → 0.4']);
    assert.deepEqual([moved.counted, moved.kinds, moved.decisionMakers], [true, ['dependency'], [idOf(withRoster, 'Carol Diaz')]]);
  });

  it('gives Copilot\'s commit to Bob who co-authored it and Claude\'s to Eve; no assistant is a person', () => {
    const copilot = prDecision(withRoster, TOOL_WORK_PRS.copilot);
    const bob = idOf(withRoster, 'Bob Li');
    assert.deepEqual(copilot.decisionMakers, [bob]);
    assert.deepEqual(copilot.evidence.map((e) => [e.person, e.role, e.level]), [[bob, 'co-author', 'decided'], [idOf(withRoster, 'Arjun Patel'), 'merger', 'consulted']]);
    const ci = withRoster.decisions.find((d) => d.kind === 'ci');
    assert.deepEqual(ci?.decisionMakers, [idOf(withRoster, 'Eve Moreau')]);
    for (const report of [withRoster, withoutRoster]) {
      assert.deepEqual(report.people.filter((p) => /copilot|claude/i.test(`${p.name} ${p.emails.join(' ')}`)), []);
      const named = new Set(report.decisions.flatMap((d) => [...d.decisionMakers, ...d.evidence.map((e) => e.person)]));
      assert.deepEqual([...named].filter((id) => !report.people.some((p) => p.id === id)), [], 'every person evidence names is in the people list');
    }
  });

  it('makes no person of a machine\'s default account: the merger of its titled merge commit (… (#N)) decided its change, inferred', () => {
    const cache = prDecision(withRoster, TOOL_WORK_PRS.machine);
    const arjun = idOf(withRoster, 'Arjun Patel');
    assert.deepEqual(cache.evidence.map((e) => [e.person, e.role, e.level, e.inferred]), [[arjun, 'merger', 'decided', true]]);
    assert.deepEqual(cache.decisionMakers, [arjun]);
    for (const report of [withRoster, withoutRoster]) assert.deepEqual(report.people.filter((p) => /ubuntu/i.test(`${p.name} ${p.emails.join(' ')}`)), []);
  });

  it('keeps a bot\'s generated owners and infrastructure automated though a person merged them: no version was chosen', () => {
    const generated = prDecision(withRoster, TOOL_WORK_PRS.generated);
    assert.deepEqual(generated.findings, ['infrastructure added: resource aws_organizations_account', 'new infrastructure in infra/accounts', 'owners added: /infra/ @acme/platform'], 'what changed is still said');
    assert.deepEqual([generated.involvement, generated.counted, generated.notCountedReason, generated.decisionMakers], ['automated', false, 'automated', []]);
    const dana = idOf(withRoster, 'Dana Chen');
    assert.deepEqual(generated.evidence.filter((e) => e.person === dana).map((e) => [e.role, e.level]), [['merger', 'consulted']]);
    const bot = withRoster.people.find((p) => p.name === 'github-actions[bot]');
    assert.equal(bot?.isBot, true);
  });

  it('makes a person\'s change on a bot\'s branch theirs: a pipeline dropped beside dependabot\'s minor bump, Bob\'s trailer on the squash', () => {
    const edited = prDecision(withRoster, TOOL_WORK_PRS.editedBotBranch);
    const bob = idOf(withRoster, 'Bob Li');
    assert.deepEqual([edited.counted, edited.kinds, edited.findings], [true, ['ci'], ['pipeline removed: .github/workflows/ci.yml']]);
    assert.deepEqual(edited.decisionMakers, [bob]);
    assert.deepEqual(edited.evidence.filter((e) => e.person === bob).map((e) => [e.role, e.level, e.inferred]), [['co-author', 'decided', true]]);
  });

  it('keeps a person named Talbot a person who decided her change', () => {
    const talbot = withRoster.people.find((p) => p.name === 'Jane Talbot');
    assert.ok(talbot);
    assert.equal(talbot.isBot, false);
    assert.deepEqual(prDecision(withRoster, TOOL_WORK_PRS.talbot).decisionMakers, [talbot.id]);
  });

  it('suggests leaders by record fields and merges of others\' work, never bots or names found only in samples', () => {
    const suggested = withoutRoster.insights?.suggestedLeaders.map((s) => withoutRoster.people.find((p) => p.id === s.person)?.name);
    assert.deepEqual(suggested, ['Dana Chen', 'Arjun Patel', 'Carol Diaz']);
    // Discovery never takes records from sample folders, so the sample's name is nobody at all.
    assert.ok(!withoutRoster.people.some((p) => p.name === 'Ivy Sample'));
    assert.ok(!withoutRoster.decisions.some((d) => d.path?.includes('sample')));
  });
});
