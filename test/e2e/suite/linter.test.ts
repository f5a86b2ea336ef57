// The linter's conventions in the real editor: a severity set for one person, a suppression written by its quick fix,
// and the codes completed after the comment's keyword.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, ourDiagnostics, waitFor } from './support';

const TEXT = '### Lead\nGET http://api.example.com/lead?c={chatid}\n';

async function untitledTemplate(text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'webhook-template', content: text });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

function codes(document: vscode.TextDocument): string[] {
  return ourDiagnostics(document.uri).map(codeOf).sort();
}

suite('linter conventions', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(async () => {
    await vscode.workspace.getConfiguration('webhookTemplates').update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the setting webhookTemplates.severity changes a severity and turns a code off, at once', async () => {
    const document = await untitledTemplate(TEXT);
    await waitFor('the unknown key and plain http', () => (codes(document).join() === 'insecure-http,unknown-key' ? true : undefined));
    await vscode.workspace.getConfiguration('webhookTemplates').update('severity', { 'unknown-key': 'warning', 'insecure-http': 'off' }, vscode.ConfigurationTarget.Workspace);
    const [unknown] = await waitFor('the unknown key alone, as a warning', () => {
      const diagnostics = ourDiagnostics(document.uri);
      return diagnostics.length === 1 && diagnostics[0].severity === vscode.DiagnosticSeverity.Warning ? diagnostics : undefined;
    });
    assert.equal(codeOf(unknown), 'unknown-key');
  });

  test('"Disable unknown-key for this line" writes the comment above the request line, and the problem goes', async () => {
    const document = await untitledTemplate(TEXT);
    const unknown = await waitFor('the unknown key', () => ourDiagnostics(document.uri).find((diagnostic) => codeOf(diagnostic) === 'unknown-key'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, unknown.range);
    const disable = actions.find((action) => action.title === 'Disable unknown-key for this line');
    assert.ok(disable?.edit, actions.map((action) => action.title).join('; '));
    assert.equal(await vscode.workspace.applyEdit(disable.edit), true);
    assert.equal(document.lineAt(1).text, '# webhook-templates-disable-next-line unknown-key');
    await waitFor('only plain http left', () => (codes(document).join() === 'insecure-http' ? true : undefined));
  });

  test('after the keyword of a suppression comment, the problem codes are completed', async () => {
    const document = await untitledTemplate(`# webhook-templates-disable-next-line \n${TEXT}`);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 38));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('unknown-key') && labels.includes('receiver-unknown-parameter'), labels.slice(0, 20).join(', '));
  });
});
