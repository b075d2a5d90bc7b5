// `decisionOrbit.*` settings, typed once. Mirrors `contributes.configuration` in
// package.json; the same keys as `.decision-orbit.yml`, which wins key by key.
import * as vscode from 'vscode';
import * as z from 'zod';
import { configSchema, type DecisionOrbitConfig } from '../core/config/schema';

export const SETTINGS_SECTION = 'decisionOrbit';

export interface DecisionOrbitSettings {
  /** Config-file keys set in VS Code settings (validated; bad keys are dropped with a message). */
  hostConfig: Partial<DecisionOrbitConfig>;
  gitPath: string | undefined;
  /** Debounce for live refresh, milliseconds. */
  refreshDelayMs: number;
  /** `codeLens.allFiles`: a decisions CodeLens on every file, not only on records. */
  codeLensAllFiles: boolean;
}

const CONFIG_KEYS = ['leadership', 'people', 'adr', 'signals', 'areas', 'zone', 'forge'] as const;

export function readSettings(scope?: vscode.Uri): { settings: DecisionOrbitSettings; problems: string[] } {
  const section = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const problems: string[] = [];
  const hostConfig: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const inspected = section.inspect<unknown>(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value === undefined) continue;
    const parsed = configSchema.shape[key].safeParse(value);
    if (parsed.success) hostConfig[key] = parsed.data;
    else problems.push(`Setting decisionOrbit.${key} is invalid (${parsed.error.issues[0]?.message ?? 'bad value'}) and was ignored.`);
  }
  const gitPath = z.string().min(1).safeParse(section.get('git.path'));
  // Window-scoped settings (this one and codeLens.allFiles): read for a resource, VS Code logs a warning about the extension.
  const delay = z.number().int().min(0).max(60_000).safeParse(vscode.workspace.getConfiguration(SETTINGS_SECTION).get('refresh.delay'));
  return {
    settings: {
      hostConfig: hostConfig as Partial<DecisionOrbitConfig>,
      gitPath: gitPath.success ? gitPath.data : undefined,
      refreshDelayMs: delay.success ? delay.data : 750,
      codeLensAllFiles: vscode.workspace.getConfiguration(SETTINGS_SECTION).get('codeLens.allFiles') === true,
    },
    problems,
  };
}
