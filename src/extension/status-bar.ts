// The roster's verdict for the active repository; a click opens the map.
import * as vscode from 'vscode';
import { percent, verdictWords, zoneFootnote } from '../core/analysis/describe';
import type { WorkspaceAnalyses } from './analysis/workspace-analyses';
import { COMMAND_IDS } from './commands/ids';

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
    if (!report) {
      this.item.hide();
      return;
    }
    const zone = report.zone.overall;
    const label = verdictWords(zone);
    const footnote = zoneFootnote(zone);
    this.item.text = `${ICONS[zone.verdict] ?? ''} ${label}`;
    this.item.tooltip = `Decision Orbit: leadership is ${label} — decided ${percent(zone.decided)}, consulted or informed ${percent(zone.consulted + zone.informed)}, routed around ${percent(zone.around)} of ${zone.count} decisions${footnote === null ? '' : ` (${footnote})`}. Click to open the map.`;
    this.item.accessibilityInformation = { label: `Decision Orbit verdict: ${label}. Open the map.` };
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
