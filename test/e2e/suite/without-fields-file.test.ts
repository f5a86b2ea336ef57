// A template with no fields file above it: built-in keys only, the server's note on its first line, and its quick fix that creates the file.
//
// Its folder lies outside the workspace folder, which has a fields file of its own: the server searches such a
// template's own folder only, as it searches a workspace folder up to its root. (A second workspace folder could
// not be added under the suite: in the VS Code server, updateWorkspaceFolders never reported the change.)
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, codeOf, ourDiagnostics, waitFor, workspaceFile } from './support';

const NOTE = 'no-fields-file';
/** `geo` is a custom field of the workspace folder's fields file only. */
const TEMPLATE = '### Lead\nGET https://tracker.example.com/abc123/postback?subid={chatId}&status=lead&sub_id_1={geo}\n';

function codes(uri: vscode.Uri): string[] {
  return ourDiagnostics(uri).map(codeOf).sort();
}

suite('a template without a fields file', () => {
  let root: string;
  let folder: vscode.Uri;
  let template: vscode.Uri;
  const fieldsFile = () => join(root, 'webhook-fields.json');

  suiteSetup(async () => {
    await activateExtension();
    root = realpathSync(mkdtempSync(join(tmpdir(), 'wt-e2e-nofields-')));
    writeFileSync(join(root, 'lead.webhook'), TEMPLATE);
    folder = vscode.Uri.file(root);
    template = vscode.Uri.file(join(root, 'lead.webhook'));
    await vscode.window.showTextDocument(template);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(root, { recursive: true, force: true });
  });

  test('it is checked against the built-in keys only (not the workspace folder\'s fields file), with one note on its first line', async () => {
    const seen = await waitFor('the note and the unknown key', () => (codes(template).join() === `${NOTE},unknown-key` ? ourDiagnostics(template) : undefined));
    const note = seen.find((diagnostic) => codeOf(diagnostic) === NOTE)!;
    assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(note.range.start.line, 0);
    assert.match(seen.find((diagnostic) => codeOf(diagnostic) === 'unknown-key')!.message, /"geo".*no fields file/);
  });

  test('a template of the workspace folder, which has a fields file, gets no note', async () => {
    const uri = workspaceFile('keitaro.webhook');
    await vscode.window.showTextDocument(uri, { preview: false });
    await waitFor('diagnostics of keitaro.webhook', () => (ourDiagnostics(uri).length > 0 ? true : undefined));
    assert.deepEqual(codes(uri).filter((code) => code === NOTE), []);
    await vscode.window.showTextDocument(template);
  });

  test('Open Fields File told not to create one opens nothing and writes nothing', async () => {
    const outcome = await vscode.commands.executeCommand('webhookTemplates.openFieldsFile', { folder, confirm: false, create: false });
    assert.equal(outcome, undefined);
    assert.equal(existsSync(fieldsFile()), false);
  });

  test('the note\'s quick fix (the server\'s) creates webhook-fields.json at the folder\'s root with the keys the template uses, and the note goes away', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', template, new vscode.Range(0, 0, 0, 3));
    const create = actions.find((action) => action.title === 'Create webhook-fields.json with the keys this template uses');
    assert.ok(create?.edit, `no quick fix for the note among: ${actions.map((action) => action.title).join('; ')}`);
    assert.equal(await vscode.workspace.applyEdit(create.edit), true);
    const created = vscode.workspace.textDocuments.find((document) => document.uri.fsPath === fieldsFile());
    assert.ok(await created?.save(), 'the created fields file was not saved');
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(fieldsFile(), 'utf8')).customFields), ['geo']);
    await waitFor('the note and the unknown key to go', () => (codes(template).length === 0 ? true : undefined));
  });

  test('deleting the fields file brings the note back; Open Fields File told to create one creates and opens it', async () => {
    // The fix left the new file open (without an editor); the server reads an open fields file, saved or not, so it
    // stays in force until its document closes: shown, deleted, then its editor closed.
    await vscode.window.showTextDocument(vscode.Uri.file(fieldsFile()), { preview: false });
    const remove = new vscode.WorkspaceEdit();
    remove.deleteFile(vscode.Uri.file(fieldsFile()));
    assert.equal(await vscode.workspace.applyEdit(remove), true);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(template);
    await waitFor('the note to come back', () => (codes(template).includes(NOTE) ? true : undefined));
    const outcome = await vscode.commands.executeCommand<{ uri: vscode.Uri; created: boolean }>('webhookTemplates.openFieldsFile', { folder, confirm: false, create: true });
    assert.equal(outcome?.created, true);
    assert.equal(outcome.uri.fsPath, fieldsFile());
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, fieldsFile());
  });
});
