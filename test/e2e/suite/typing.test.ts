// Typing in a real editor: where accepting a key leaves the cursor, and receiver snippets offered without Ctrl+Space.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openDocument, ourDiagnostics, positionAfter, waitFor, workspaceFile } from './support';

const FOLDER = 'e2e-typing';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes a file under the typing folder and opens it in an editor with the cursor at the end of `after`. */
async function editorAt(name: string, text: string, after: string): Promise<vscode.TextEditor> {
  await vscode.workspace.fs.writeFile(workspaceFile(FOLDER, name), Buffer.from(text));
  const document = await openDocument(FOLDER, name);
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor && editor.document === document, 'no editor for the typing file');
  const at = positionAfter(document, after);
  editor.selection = new vscode.Selection(at, at);
  return editor;
}

/** Accepts what the suggest widget selects, once `open` has made it show something that changes the line. */
async function acceptSuggestion(editor: vscode.TextEditor, open: () => Thenable<unknown>, changed: (line: string) => boolean, line: number): Promise<string> {
  return waitFor('an accepted suggestion', async () => {
    await open();
    await pause(400);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    const text = editor.document.lineAt(line).text;
    return changed(text) ? text : undefined;
  });
}

suite('typing', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('accepting a key inside {ge} with its } typed leaves one } and the cursor after it', async () => {
    const editor = await editorAt('accept.webhook', '### Accept\nGET https://x.example.com/p?g={ge}&x=1\n', '{ge');
    const line = await acceptSuggestion(editor, () => vscode.commands.executeCommand('editor.action.triggerSuggest'), (text) => text.includes('{geo'), 1);
    assert.equal(line, 'GET https://x.example.com/p?g={geo}&x=1');
    assert.equal(editor.selection.active.character, 'GET https://x.example.com/p?g={geo}'.length);
  });

  test('the space typed after url: in a webhook step offers the receiver snippets by itself', async () => {
    const text = 'flows:\n  - key: main\n    steps:\n      - key: lead\n        type: webhook\n        url:\n';
    const editor = await editorAt('space.script.yaml', text, 'url:');
    // The first space makes VS Code ask; a retry types nothing more.
    let typed = false;
    const type = () => (typed ? Promise.resolve() : vscode.commands.executeCommand('type', { text: ' ' }).then(() => (typed = true)));
    const line = await acceptSuggestion(editor, type, (current) => current.includes('https://'), 5);
    assert.match(line, /^ {8}url: "https:\/\/keitaro\.example\.com\/KEY\/postback\?subid=\{tracker\.clickid\}&status=lead&sub_id_1=\{chatId\}"$/);
  });

  test('typing h on the empty request line of a .webhook block offers the receiver snippets by itself', async () => {
    const editor = await editorAt('letter.webhook', '### New\n\n', '### New\n');
    let typed = false;
    const type = () => (typed ? Promise.resolve() : vscode.commands.executeCommand('type', { text: 'h' }).then(() => (typed = true)));
    const line = await acceptSuggestion(editor, type, (current) => current.startsWith('https://'), 1);
    assert.equal(line, 'https://keitaro.example.com/KEY/postback?subid={tracker.clickid}&status=lead&sub_id_1={chatId}');
  });

  test('the placeholder being typed has no squiggle until the cursor leaves it', async () => {
    const editor = await editorAt('squiggle.webhook', '### Squiggle\nGET https://x.example.com/p?c=\n', 'p?c=');
    for (const text of ['{', 't', 'r', 'a', 'c', 'k', 'e', 'r', '.']) await vscode.commands.executeCommand('type', { text });
    await vscode.commands.executeCommand('hideSuggestWidget');
    assert.equal(editor.document.lineAt(1).text, 'GET https://x.example.com/p?c={tracker.}');
    const onPlaceholder = () => ourDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.range.start.line === 1);
    // Long enough for the server to have checked the line several times over.
    await pause(2000);
    assert.deepEqual(onPlaceholder().map((diagnostic) => diagnostic.message), [], 'a squiggle under the cursor while typing');
    const start = new vscode.Position(1, 0);
    editor.selection = new vscode.Selection(start, start);
    const shown = await waitFor('the squiggle once the cursor left', () => (onPlaceholder().length > 0 ? onPlaceholder() : undefined));
    assert.match(editor.document.getText(shown[0].range), /tracker\./);
  });
});
