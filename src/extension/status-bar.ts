// The roster's verdict for the active repository; a click opens the map.
import * as vscode from 'vscode';
import { verdictWords } from '../present/describe';
import type { WorkspaceAnalyses } from './analysis/workspace-analyses';
import { COMMAND_IDS } from './commands/ids';
import { zoneTooltip } from './zone-text';

const ICONS: Record<string, string> = {
  'too-close': '$(target)', goldilocks: '$(pass)', 'too-far': '$(telescope)', 'leaning-close': '$(target)', 'leaning-far': '$(telescope)', split: '$(split-horizontal)', 'no-data': '$(circle-large-outline)',
};

export class VerdictStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('decisionOrbit.verdict', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly analyses: WorkspaceAnalyses) {
    this.item.name = 'Decision Orbit verdict';
    this.item.command = COMMAND_IDS.openMap;
    this.subscription = analyses.onDidChange(() => this.update());
  }

  update(): void {
    const report = this.analyses.report;
    const error = this.analyses.active?.error;
    if (error !== undefined) {
      this.showFailure(error, report ? verdictWords(report.zone.overall) : undefined);
      return;
    }
    if (!report) {
      this.item.hide();
      return;
    }
    if (report.leadership.length === 0) {
      // Without a roster there is no verdict to give: say what is missing and offer to fix it.
      this.item.text = '$(organization) Decision Orbit: no roster';
      this.item.tooltip = 'Decision Orbit: no leadership roster is configured, so no decision is called routed around and there is no verdict. Click to configure leadership.';
      this.item.accessibilityInformation = { label: 'Decision Orbit: no leadership roster. Configure leadership.' };
      this.item.command = COMMAND_IDS.configureLeadership;
    } else {
      const zone = report.zone.overall;
      const label = verdictWords(zone);
      this.item.text = `${ICONS[zone.verdict] ?? ''} ${label}`;
      const tooltip = zoneTooltip(report, 'Decision Orbit: leadership', zone);
      tooltip.appendMarkdown('\n\nClick to open the map.');
      this.item.tooltip = tooltip;
      this.item.accessibilityInformation = { label: `Decision Orbit verdict: ${label}. Open the map.` };
      this.item.command = COMMAND_IDS.openMap;
    }
    this.item.backgroundColor = undefined;
    this.item.show();
  }

  /** The last analysis failed: said here until one succeeds, over the verdict from before when there is one. */
  private showFailure(error: unknown, keptVerdict: string | undefined): void {
    const kept = keptVerdict !== undefined;
    const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
    this.item.text = kept ? `$(warning) ${keptVerdict}` : '$(error) Decision Orbit: not analysed';
    this.item.tooltip = `Decision Orbit: the last analysis failed: ${message}${kept ? ' The analysis from before stays shown.' : ''} Click for the details.`;
    this.item.accessibilityInformation = { label: `Decision Orbit: the last analysis failed. ${message}` };
    this.item.command = COMMAND_IDS.showOutput;
    this.item.backgroundColor = new vscode.ThemeColor(kept ? 'statusBarItem.warningBackground' : 'statusBarItem.errorBackground');
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  get command(): string | undefined {
    return typeof this.item.command === 'string' ? this.item.command : this.item.command?.command;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
