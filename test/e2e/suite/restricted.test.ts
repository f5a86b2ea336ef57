// Restricted mode (an untrusted workspace): checking still works, sending test webhooks is refused.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, openDocument, ourDiagnostics, waitFor, workspaceFile } from './support';

suite('Restricted mode @untrusted', () => {
  suiteSetup(activateExtension);

  test('the workspace is untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('diagnostics still arrive', async () => {
    const document = await openDocument('keitaro.webhook');
    const codes = await waitFor('diagnostics in restricted mode', () => {
      const found = ourDiagnostics(document.uri).map(codeOf);
      return found.length > 0 ? found : undefined;
    });
    assert.ok(codes.includes('unknown-key'), codes.join(', '));
  });

  test('sending is refused with a message that says why', async () => {
    const uri = workspaceFile('keitaro.webhook');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('webhookTemplates.sendTestWebhook', { uri: uri.toString(), line: 5, profile: 'lead', confirm: false })),
      /untrusted/i,
    );
  });

  test('sending all webhooks of a file is refused too, before anything is expanded', async () => {
    const uri = workspaceFile('keitaro.webhook');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('webhookTemplates.sendAllWebhooks', { uri: uri.toString(), profile: 'lead', confirm: false })), /untrusted/i);
  });
});
