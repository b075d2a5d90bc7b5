// "Decision Orbit: Connect GitHub": the user's opt-in to reading PR reviews for
// this workspace, through VS Code's own GitHub sign-in (`github`, or
// `github-enterprise` for the server `github-enterprise.uri` names). The
// workspace remembers only that it is connected and through which provider;
// tokens stay with VS Code's authentication and are asked for at each analysis,
// silently, and only for the host their provider signs in to.
import * as vscode from 'vscode';
import type { ForgeAccess } from '../../core/context';

const STATE_KEY = 'decisionOrbit.forge.provider';
const SCOPES = ['repo'];
export const GITHUB_PROVIDER = 'github';
export const GITHUB_ENTERPRISE_PROVIDER = 'github-enterprise';

function enterpriseHost(): string | undefined {
  const uri = vscode.workspace.getConfiguration('github-enterprise').get<string>('uri');
  try {
    return uri ? new URL(uri).host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export class GitHubConnection {
  constructor(private readonly state: vscode.Memento, private readonly log: vscode.LogOutputChannel) {}

  /** The authentication provider this workspace connected through, if it did. */
  get provider(): string | undefined {
    return this.state.get<string>(STATE_KEY);
  }

  /**
   * Signs in (VS Code asks the user) and turns forge reviews on for the workspace.
   * `providerId`: another authentication provider than the built-in ones (tests).
   */
  async connect(providerId?: string): Promise<boolean> {
    const provider = providerId ?? (enterpriseHost() ? await this.pickProvider() : GITHUB_PROVIDER);
    if (provider === undefined) return false;
    let session: vscode.AuthenticationSession;
    try {
      session = await vscode.authentication.getSession(provider, SCOPES, { createIfNone: true });
    } catch (error) {
      // Declined, or the provider failed: nothing is turned on.
      void vscode.window.showWarningMessage(`Decision Orbit: GitHub is not connected (${error instanceof Error ? error.message : String(error)}).`);
      return false;
    }
    await this.state.update(STATE_KEY, provider);
    this.log.info(`Connected to GitHub as ${session.account.label}: pull request reviews are read at the next analysis.`);
    return true;
  }

  /** Turns forge reviews off for the workspace; VS Code keeps the sign-in for other uses. */
  async disconnect(): Promise<void> {
    await this.state.update(STATE_KEY, undefined);
    this.log.info('Disconnected from GitHub: pull request reviews are no longer read.');
  }

  /** What the analysis gets: nothing is turned on unless the workspace connected. */
  access(): ForgeAccess {
    const provider = this.provider;
    if (provider === undefined) return { token: () => undefined };
    return {
      provider: 'github',
      token: async (host) => {
        const wanted = host.toLowerCase() === 'github.com' ? GITHUB_PROVIDER : host.toLowerCase() === enterpriseHost() ? GITHUB_ENTERPRISE_PROVIDER : undefined;
        // A provider of our own (tests) signs in to whatever host the configuration names.
        const builtIn = provider === GITHUB_PROVIDER || provider === GITHUB_ENTERPRISE_PROVIDER;
        if (builtIn && wanted !== provider) return undefined;
        const session = await vscode.authentication.getSession(provider, SCOPES, { silent: true });
        return session?.accessToken;
      },
    };
  }

  private async pickProvider(): Promise<string | undefined> {
    const picked = await vscode.window.showQuickPick(
      [{ label: 'GitHub.com', provider: GITHUB_PROVIDER }, { label: `GitHub Enterprise Server (${enterpriseHost() ?? ''})`, provider: GITHUB_ENTERPRISE_PROVIDER }],
      { placeHolder: 'Read pull request reviews from' },
    );
    return picked?.provider;
  }
}
