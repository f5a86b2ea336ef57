// Rename of a tracker field across the workspace through VS Code's rename provider command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openDocument, positionAfter, waitFor } from './support';

suite('rename', () => {
  suiteSetup(activateExtension);

  test('renaming {tracker.clickid} edits every template, unopened ones too, and the fields file', async () => {
    const document = await openDocument('keitaro.webhook');
    const position = positionAfter(document, 'subid={tracker.cl');
    const edit = await waitFor('a rename edit', async () => {
      const found = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', document.uri, position, 'click_id');
      return found && found.size > 0 ? found : undefined;
    });
    const files = new Map(edit.entries().map(([uri, edits]) => [uri.path.split('/').pop(), edits]));
    for (const name of ['keitaro.webhook', 'funnel.script.yaml', 'webhook-fields.json']) assert.ok(files.has(name), `no edit in ${name}: ${[...files.keys()].join(', ')}`);
    assert.ok(files.get('keitaro.webhook')!.every((textEdit) => textEdit.newText === 'click_id' && document.getText(textEdit.range) === 'clickid'));
  });

  test('renaming a built-in key is refused', async () => {
    const document = await openDocument('keitaro.webhook');
    const position = positionAfter(document, '={chat');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, position, 'chat_id')));
  });
});
