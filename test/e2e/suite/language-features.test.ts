// Completion, hover, go to definition and CodeLens through VS Code's own provider commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openDocument, positionAfter, waitFor, workspaceFile } from './support';

const TYPING_FILE = ['e2e-typing', 'typing.webhook'];

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

function targetOf(location: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in location
    ? { uri: location.targetUri, range: location.targetSelectionRange ?? location.targetRange }
    : { uri: location.uri, range: location.range };
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('language features', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('completion after "{tracker." in an unsaved edit lists the tracker fields', async () => {
    const uri = workspaceFile(...TYPING_FILE);
    await vscode.workspace.fs.writeFile(uri, Buffer.from('### Typing\nGET https://keitaro.yoursite.com/postback?subid=\n'));
    const document = await openDocument(...TYPING_FILE);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, positionAfter(document, 'subid='), '{tracker.');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const position = positionAfter(document, '{tracker.');
    const labels = await waitFor('tracker completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, '.');
      const found = list.items.map(labelOf);
      return found.includes('clickid') ? found : undefined;
    });
    for (const field of ['clickid', 'sub1', 'sub2', 'buyer', 'campaign']) assert.ok(labels.includes(field), `no "${field}" in ${labels.join(', ')}`);
    assert.ok(!labels.includes('chatId'), `a built-in key is offered after "{tracker.": ${labels.join(', ')}`);
  });

  test('hover on {tracker.clickid} shows its description from webhook-fields.json', async () => {
    const document = await openDocument('keitaro.webhook');
    const position = positionAfter(document, 'subid={tracker.cl');
    const text = await waitFor('a hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      return hovers.length > 0 ? hoverText(hovers) : undefined;
    });
    assert.match(text, /Click id the tracker gave this user/);
    assert.match(text, /tracker\.clickid/);
  });

  test('go to definition on the custom field {geo} lands on its key in webhook-fields.json', async () => {
    const document = await openDocument('keitaro.webhook');
    const position = positionAfter(document, 'sub_id_2={g');
    const locations = await waitFor('a definition', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
      return found.length > 0 ? found : undefined;
    });
    assert.equal(locations.length, 1);
    const target = targetOf(locations[0]);
    assert.equal(target.uri.toString(), workspaceFile('webhook-fields.json').toString());
    const fields = await vscode.workspace.openTextDocument(target.uri);
    assert.match(fields.lineAt(target.range.start.line).text, /^\s*"geo": \{ "type": "select"/);
  });

  test('CodeLens offers "Send test webhook" on each of the six requests of keitaro.webhook', async () => {
    const document = await openDocument('keitaro.webhook');
    const lenses = await waitFor('CodeLenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
      return found.length > 0 ? found : undefined;
    });
    const send = lenses.filter((lens) => lens.command?.title === 'Send test webhook');
    assert.equal(send.length, 6);
    assert.deepEqual(send.map((lens) => lens.range.start.line), [5, 9, 12, 15, 22, 26]);
    assert.equal(send[0].command?.command, 'webhookTemplates.sendTestWebhook');
  });
});
