// Activation, in every workspace the launcher opens (trusted or not, one folder or several).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND_IDS, CONTEXT_KEYS } from '../../../src/extension/commands/ids';
import { EXTENSION_ID, extensionApi } from './helpers';

describe('activation', () => {
  it('activates in under 50 ms of CPU (the analysis starts after activate returns)', async () => {
    const api = await extensionApi();
    // The figures go into the run's output: the issue asks for them to be stated. The
    // budget is on CPU: on two cores shared with the workbench and the browser, the wall
    // time also counts waiting for a core (117 ms once on a quiet machine, 4-37 ms in 30 others).
    console.log(`activation: ${api.activationMs.toFixed(1)} ms, ${api.activationCpuMs.toFixed(1)} ms of CPU`);
    assert.ok(api.activationCpuMs > 0, 'the CPU time of activation was measured');
    assert.ok(api.activationCpuMs < 50, `activation took ${api.activationCpuMs.toFixed(1)} ms of CPU`);
  });

  it('registers every command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of Object.values(COMMAND_IDS)) assert.ok(registered.has(id), `${id} is not registered`);
  });
});

describe('the views before activation', () => {
  it('say "Starting Decision Orbit…" until their providers are registered, then no longer', async () => {
    const api = await extensionApi();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { views: Record<string, Array<{ id: string }>>; viewsWelcome: Array<{ view: string; contents: string; when?: string }> } };
    const views = Object.values(manifest.contributes.views).flat().map((view) => view.id);
    // VS Code shows a view's welcome while no provider is registered; without one it says "There is no data provider registered…".
    const starting = manifest.contributes.viewsWelcome.filter((welcome) => welcome.when === `!${CONTEXT_KEYS.started}`);
    assert.deepEqual(starting.map((welcome) => welcome.view).sort(), [...views].sort());
    assert.ok(starting.every((welcome) => welcome.contents === 'Starting Decision Orbit…'));
    assert.equal(api.contextValue(CONTEXT_KEYS.started), true, 'the welcome would stay over the views after activation');
  });
});
