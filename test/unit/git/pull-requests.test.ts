import assert from 'node:assert/strict';
import { parseLogOutput } from '../../../src/core/git/log-parser';
import { addToCommitGraph, assignPullRequests, emptyCommitGraph, pullRequestOfMessage, type CommitGraph } from '../../../src/core/git/pull-requests';
import { isTopicMerge, type CommitRecord } from '../../../src/core/model/history';
import { literalLog, sha, type LiteralCommit } from './literal-log';

function graphOf(commits: readonly CommitRecord[]): CommitGraph {
  const graph = emptyCommitGraph();
  for (const commit of commits) addToCommitGraph(graph, commit);
  return graph;
}

// main, oldest first: root → squash (#13) → GitHub merge #12 (feature: f1, f2, which
// merged main in) → GitLab merge !7 (topic: t1, which contains the merge of a
// nested "#19" branch n1) → Bitbucket merge #8 (b1) → a direct commit that only
// quotes a merge subject.
const c = (label: string): string => sha(label);
const HISTORY: LiteralCommit[] = [
  { sha: c('quote'), parents: [c('bb')], message: 'Merge pull request #99 from somewhere (quoted in a revert)\n' },
  { sha: c('bb'), parents: [c('gl'), c('b1')], message: 'Merged in feature/billing (pull request #8)\n\nBilling\n' },
  { sha: c('b1'), parents: [c('gl')], message: 'Billing\n', files: [['A', 'billing/index.ts']] },
  { sha: c('gl'), parents: [c('gh'), c('t1')], message: "Merge branch 'topic' into 'main'\n\nTopic work\n\nSee merge request acme/app!7\n" },
  { sha: c('t1'), parents: [c('nested')], message: 'Topic\n' },
  { sha: c('nested'), parents: [c('gh'), c('n1')], message: 'Merge pull request #19 from acme/nested\n' },
  { sha: c('n1'), parents: [c('gh')], message: 'Nested work\n' },
  { sha: c('gh'), parents: [c('squash'), c('f2')], authorName: 'Dana Chen', message: 'Merge pull request #12 from acme/feature\n\nFeature\n' },
  { sha: c('f2'), parents: [c('sync')], message: 'Feature, part two\n' },
  { sha: c('sync'), parents: [c('f1'), c('squash')], message: "Merge branch 'main' into feature\n" },
  { sha: c('f1'), parents: [c('root')], message: 'Feature, part one\n' },
  { sha: c('squash'), parents: [c('root')], authorName: 'dependabot[bot]', message: 'Bump left-pad from 1.2.0 to 1.3.0 (#13)\n' },
  { sha: c('root'), message: 'Initial commit\n' },
];
const COMMITS = parseLogOutput(literalLog(HISTORY));

describe('pull requests: subjects', () => {
  it('reads GitHub merges, squash suffixes, GitLab and Bitbucket merges, with the title a merge\'s body gives', () => {
    assert.deepEqual(pullRequestOfMessage('Merge pull request #12 from acme/feature', 'Feature', true), { id: '#12', viaMergeCommit: true, title: 'Feature' });
    assert.deepEqual(pullRequestOfMessage('Bump left-pad from 1.2.0 to 1.3.0 (#13)', '', false), { id: '#13', viaMergeCommit: false });
    assert.deepEqual(pullRequestOfMessage("Merge branch 'topic' into 'main'", 'Topic work\n\nSee merge request acme/app!7', true), { id: '!7', viaMergeCommit: true, title: 'Topic work' });
    assert.deepEqual(pullRequestOfMessage('Merged in feature/billing (pull request #8)', 'Billing\n\n* Add invoices', true), { id: '#8', viaMergeCommit: true, title: 'Billing' });
  });

  it('gives a merge no title where its body starts with none: empty, a trailer, GitLab\'s closing line, another merge\'s subject', () => {
    for (const body of ['', 'Co-authored-by: Ann Lee <ann@acme.io>', 'Signed-off-by: Bo <bo@acme.io>', 'See merge request acme/app!7', "Merge branch 'main' into feature"]) {
      const claim = pullRequestOfMessage('Merge pull request #12 from acme/feature', body, true);
      assert.equal(claim?.title, undefined, JSON.stringify(body));
    }
    assert.equal(pullRequestOfMessage('Merge pull request #12 from acme/feature', 'Fix: the login page', true)?.title, 'Fix: the login page');
  });

  it('takes a merge subject on a commit that is no merge for no PR, and ignores (#N) in the middle of a subject', () => {
    assert.equal(pullRequestOfMessage('Merge pull request #99 from somewhere', '', false), null);
    assert.equal(pullRequestOfMessage('Fix (#4) follow-up', '', false), null);
    assert.equal(pullRequestOfMessage('Plain change', '', false), null);
  });
});

describe('pull requests: membership by the first-parent walk, on literal git log output', () => {
  const { pullRequests, base } = assignPullRequests(graphOf(COMMITS), c('quote'));
  const prOfCommit = new Map(pullRequests.flatMap((pr) => pr.commits.map((sha) => [sha, pr.id] as const)));
  const members = (id: string): string[] => pullRequests.filter((pr) => pr.id === id).flatMap((pr) => pr.commits);

  it('finds the PRs on the first-parent line, oldest first, with the merge commit that brought each in', () => {
    assert.deepEqual(pullRequests.map((pr) => [pr.id, pr.mergeCommit, pr.viaMergeCommit]), [
      ['#13', c('squash'), false],
      ['#12', c('gh'), true],
      ['!7', c('gl'), true],
      ['#8', c('bb'), true],
    ]);
    assert.equal(base, null, 'the walk ended at the root');
  });

  it('gives a PR its branch commits, but not main commits its branch merged in', () => {
    assert.deepEqual(members('#12').sort(), [c('gh'), c('f2'), c('sync'), c('f1')].sort());
    assert.deepEqual(members('#13'), [c('squash')]);
    assert.equal(prOfCommit.get(c('squash')), '#13');
  });

  it('gives a nested PR merge and its commits to the PR whose merge brought them into first-parent history', () => {
    assert.deepEqual(members('!7').sort(), [c('gl'), c('t1'), c('nested'), c('n1')].sort());
    assert.equal(prOfCommit.get(c('n1')), '!7');
    assert.ok(!pullRequests.some((pr) => pr.id === '#19'));
  });

  it('leaves direct commits on main out of every PR', () => {
    assert.equal(prOfCommit.get(c('root')), undefined);
    assert.equal(prOfCommit.get(c('quote')), undefined);
    assert.deepEqual(members('#8').sort(), [c('bb'), c('b1')].sort());
  });

  it('makes a topic branch merged without a PR number a unit of its own, merge-<sha>; a merge that brings nothing in is none', () => {
    const topic = parseLogOutput(literalLog([
      { sha: c('t-merge'), parents: [c('t-empty'), c('t2')], message: "Merge branch 'cleanup'\n" },
      { sha: c('t2'), parents: [c('t1x')], message: 'Cleanup, part two\n' },
      { sha: c('t1x'), parents: [c('t-root')], message: 'Cleanup, part one\n' },
      { sha: c('t-empty'), parents: [c('t-root'), c('t-root')], message: "Merge branch 'main'\n" },
      { sha: c('t-root'), message: 'Initial commit\n' },
    ]));
    const found = assignPullRequests(graphOf(topic), c('t-merge')).pullRequests;
    assert.deepEqual(found.map((pr) => [pr.id, pr.mergeCommit, pr.viaMergeCommit, [...pr.commits].sort()]), [
      [`merge-${c('t-merge')}`, c('t-merge'), true, [c('t-merge'), c('t2'), c('t1x')].sort()],
    ]);
    assert.equal(isTopicMerge(found[0] ?? { id: '' }), true);
    assert.equal(isTopicMerge({ id: '#12' }), false);
  });

  it('takes a squash-style title (… (#N)) on a real merge commit as merged by that commit, so its author is the merger', () => {
    assert.deepEqual(pullRequestOfMessage('feat(p2p): persistent peers (#21)', '', true), { id: '#21', viaMergeCommit: true });
    const titled = parseLogOutput(literalLog([
      { sha: c('m-21'), parents: [c('m-root'), c('m-work')], authorName: 'Dana Chen', authorEmail: 'dana@acme.io', message: 'feat(p2p): persistent peers (#21)\n\n* persistent peers\n' },
      { sha: c('m-work'), parents: [c('m-root')], authorName: 'Bob Li', authorEmail: 'bob@acme.io', message: 'persistent peers\n' },
      { sha: c('m-root'), message: 'Initial commit\n' },
    ]));
    const found = assignPullRequests(graphOf(titled), c('m-21')).pullRequests;
    assert.deepEqual(found.map((pr) => [pr.id, pr.mergeCommit, pr.viaMergeCommit, [...pr.commits].sort()]), [
      ['#21', c('m-21'), true, [c('m-21'), c('m-work')].sort()],
    ]);
    assert.equal(titled.find((commit) => commit.sha === c('m-21'))?.author.name, 'Dana Chen');
  });

  it('assigns the commits of <last>..HEAD alone exactly as the full walk does, and says where it stopped', () => {
    const newer = COMMITS.slice(0, 3);
    const partial = assignPullRequests(graphOf(newer), c('quote'));
    assert.equal(partial.base, c('gl'));
    assert.deepEqual(partial.pullRequests, pullRequests.filter((pr) => pr.id === '#8'));
  });
});
