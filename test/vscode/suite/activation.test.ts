// Activation, in every workspace the launcher opens (trusted or not, one folder or several).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../../src/extension/commands/ids';
import { extensionApi } from './helpers';

describe('activation', () => {
  it('activates quickly and does no analysis before returning', async () => {
    const api = await extensionApi();
    assert.ok(api.activationMs < 50, `activation took ${api.activationMs.toFixed(1)} ms`);
  });

  it('registers every command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of Object.values(COMMAND_IDS)) assert.ok(registered.has(id), `${id} is not registered`);
  });
});
