// Unsaved edits of the fields file re-check the open templates at once, and reverting them restores the diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describeDiagnostic, openDocument, ourDiagnostics, positionAfter, waitFor } from './support';

async function diagnosticsSettle(template: vscode.TextDocument, expected: string[]): Promise<void> {
  await waitFor(`diagnostics ${JSON.stringify(expected)} on ${template.uri.path}`, () => {
    // The seed request's receiver findings do not depend on the fields file (specified in diagnostics.test.ts).
    const seen = ourDiagnostics(template.uri)
      .filter((diagnostic) => !codeOf(diagnostic).startsWith('receiver-'))
      .sort((a, b) => a.range.start.compareTo(b.range.start))
      .map((diagnostic) => describeDiagnostic(template, diagnostic));
    return JSON.stringify(seen) === JSON.stringify(expected) ? true : undefined;
  });
}

const BOTH = ['unknown-key 25:94 {chatid}', 'unknown-key 29:55 {tracker.clikid}'];

suite('fields file edits', () => {
  let template: vscode.TextDocument;
  let fields: vscode.TextDocument;

  suiteSetup(async () => {
    await activateExtension();
    template = await openDocument('keitaro.webhook');
    await diagnosticsSettle(template, BOTH);
    fields = await openDocument('webhook-fields.json');
  });

  suiteTeardown(async () => {
    await vscode.window.showTextDocument(fields);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('an unsaved new tracker field "clikid" clears the unknown-key error on {tracker.clikid}', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(fields.uri, positionAfter(fields, '"trackerFields": {'), '\n    "clikid": { "description": "The misspelt twin" },');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.equal(fields.isDirty, true);
    await diagnosticsSettle(template, ['unknown-key 25:94 {chatid}']);
  });

  test('reverting the unsaved edit brings the error back', async () => {
    await vscode.window.showTextDocument(fields);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(fields.isDirty, false);
    await diagnosticsSettle(template, BOTH);
  });
});
