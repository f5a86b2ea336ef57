// The extension loads in a real VS Code, activates, and registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension } from './support';

suite('activation', () => {
  test('the extension is present and activates', async () => {
    const extension = await activateExtension();
    assert.equal(extension.id, EXTENSION_ID);
    assert.equal(extension.isActive, true);
  });

  test('the send command is registered', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('webhookTemplates.sendTestWebhook'), 'webhookTemplates.sendTestWebhook is not registered');
  });
});
