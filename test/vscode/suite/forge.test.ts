// "Decision Orbit: Connect GitHub" in the real extension host, with a session
// from an authentication provider registered here and a GitHub GraphQL server
// on loopback. VS Code asks the user before it hands an extension a session;
// under the test driver that dialog is refused, so what runs here is the user
// declining: nothing is connected and no request leaves. Reading reviews with a
// token is tested through the core and the CLI (test/integration/forge-*.test.ts).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../../src/extension/commands/ids';
import { pullRequestNode, startFakeGitHub } from '../../fixtures/github-server';
import { analysedReport, analysesSettled, describeIn, workspaceRoot } from './helpers';

const PROVIDER = 'decision-orbit-test-github';
const SEARCH_SERVICE = 'git:pr-11';

function git(args: string[]): void {
  execFileSync('git', ['-C', workspaceRoot().fsPath, ...args], { stdio: 'ignore' });
}

describeIn(['single-folder'], 'Connect GitHub', () => {
  it('asks VS Code for a session and, when the sign-in is declined, connects nothing and sends no request', async () => {
    const { api, report } = await analysedReport();
    const arjun = report.people.find((p) => p.name === 'Arjun Patel')?.id ?? '';
    const server = await startFakeGitHub({ owner: 'acme-orbit', name: 'platform' });
    server.pullRequests = [pullRequestNode({
      owner: 'acme-orbit', name: 'platform', number: 11, updatedAt: '2026-06-24T10:05:00Z', author: 'fosei', mergedBy: 'bobli',
      mergeCommit: report.decisions.find((d) => d.id === SEARCH_SERVICE)?.commits[0] ?? '', approvedBy: ['apatel'],
    })];
    const session: vscode.AuthenticationSession = { id: 'test', accessToken: server.token, account: { id: 'apatel', label: 'apatel' }, scopes: ['repo'] };
    const asked: string[][] = [];
    const changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
    const provider = vscode.authentication.registerAuthenticationProvider(PROVIDER, 'Test GitHub', {
      onDidChangeSessions: changed.event,
      getSessions: async (scopes) => {
        asked.push([...(scopes ?? [])]);
        return [session];
      },
      createSession: async () => session,
      removeSession: async () => undefined,
    });
    git(['remote', 'add', 'origin', 'https://github.example.com/acme-orbit/platform.git']);
    const settings = vscode.workspace.getConfiguration('decisionOrbit');
    try {
      await settings.update('forge', { provider: 'github', url: server.url }, vscode.ConfigurationTarget.Global);
      assert.equal(await vscode.commands.executeCommand(COMMAND_IDS.connectGitHub, PROVIDER), false);
      assert.ok(asked.some((scopes) => scopes.includes('repo')), 'the session was asked for with the repo scope');
      await vscode.commands.executeCommand(COMMAND_IDS.refresh);
      await analysesSettled(api);
      const after = api.analyses.report;
      assert.equal(after?.decisions.find((d) => d.id === SEARCH_SERVICE)?.involvementByLeader?.[arjun], 'around');
      // The config turns the forge on, but without a connection there is no token: one warning says so.
      assert.deepEqual(after?.warnings.filter((w) => w.code === 'forge-unavailable').map((w) => /Connect GitHub/.test(w.message)), [true]);
      assert.equal(server.requests.length, 0);
    } finally {
      await settings.update('forge', undefined, vscode.ConfigurationTarget.Global);
      git(['remote', 'remove', 'origin']);
      provider.dispose();
      changed.dispose();
      await server.close();
      await analysesSettled(api);
    }
  });
});
