// The in-editor suite of the web extension: VS Code loads this as extensionTestsPath inside a copy of the extension
// that has only its `browser` entry, so both run in the browser's web worker extension host (test/e2e/run-web.mjs).
// esbuild bundles it for a browser (out/web-e2e/index.js): no Node.js, no mocha; each test is an async function, run in
// turn. It runs the shared table (test/support/parity-table.ts, the one test/protocol/web-parity.test.ts runs over
// LSP) through the editor's own commands, then sends through fetch to receivers the runner started. Results go to
// e2e-results.json beside the workspace, written through the editor's file system (a worker has no other).
import * as vscode from 'vscode';
import { PARITY_TABLE, type Cursor, type ParityCase, type ParityWorkspace } from '../../support/parity-table';

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

/** What the runner wrote beside the workspace: which table workspace this is, and where its receiver listens. */
interface Mode {
  workspace: ParityWorkspace;
  receiver?: string;
}

const EXTENSION_ID = 'webhook-templates.webhook-templates';
const SETTLE_MS = 20_000;
const tests: { title: string; run: () => Promise<void> }[] = [];

function test(title: string, run: () => Promise<void>): void {
  tests.push({ title, run });
}

class Failure extends Error {}

function equal(actual: unknown, expected: unknown, what = 'value'): void {
  const [a, e] = [JSON.stringify(actual, null, 1), JSON.stringify(expected, null, 1)];
  if (a !== e) throw new Failure(`${what}:\n  expected ${e}\n  actual   ${a}`);
}

function ok(value: unknown, what: string): void {
  if (!value) throw new Failure(what);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The folder of the results and the mode: the workspace file's, or the one folder's parent. */
function home(): vscode.Uri {
  const file = vscode.workspace.workspaceFile;
  if (file && file.scheme !== 'untitled') return vscode.Uri.joinPath(file, '..');
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, '..');
}

async function readMode(): Promise<Mode> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(home(), 'e2e-mode.json'));
  return JSON.parse(new TextDecoder().decode(bytes)) as Mode;
}

/** A table file's URI: `file` relative to the one folder, or `folder/file` in a multi-root workspace. */
function uriOf(file: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return vscode.Uri.joinPath(folders[0].uri, file);
  const [name, ...rest] = file.split('/');
  const folder = folders.find((candidate) => candidate.name === name);
  if (!folder) throw new Error(`no workspace folder ${name}`);
  return vscode.Uri.joinPath(folder.uri, ...rest);
}

/** The table's name of a URI an answer holds. */
function fileOf(uri: vscode.Uri): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return uri.toString();
  const rest = uri.path.slice(folder.uri.path.length + 1);
  return folders.length === 1 ? rest : `${folder.name}/${rest}`;
}

function positionOf(document: vscode.TextDocument, cursor: Cursor): vscode.Position {
  const text = document.getText();
  const needle = cursor.text.replace('|', '');
  let offset = -1;
  for (let i = 0; i <= (cursor.occurrence ?? 0); i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`"${needle}" is not in the file`);
  return document.positionAt(offset + cursor.text.indexOf('|'));
}

const where = (uri: vscode.Uri, position: vscode.Position) => `${fileOf(uri)} ${position.line + 1}:${position.character}`;
const span = (range: vscode.Range) => `${range.start.line + 1}:${range.start.character}-${range.end.line + 1}:${range.end.character}`;
const codeOf = (diagnostic: vscode.Diagnostic) => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);

function textAt(document: vscode.TextDocument, range: vscode.Range): string {
  if (range.start.line !== range.end.line) return document.lineAt(range.start.line).text.slice(range.start.character);
  return document.getText(range);
}

function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[], document: vscode.TextDocument): string[] {
  return diagnostics
    .filter((diagnostic) => diagnostic.source === 'webhook-templates')
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((diagnostic) => `${codeOf(diagnostic)} ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character} ${textAt(document, diagnostic.range)}`);
}

async function settled<T>(read: () => T | Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await delay(100);
  }
}

function outline(symbols: vscode.DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.name}`, ...outline(symbol.children ?? [], depth + 1)]);
}

const command = <T>(id: string, ...args: unknown[]) => Promise.resolve(vscode.commands.executeCommand<T>(id, ...args));

/**
 * The quick fixes' titles, none when the workbench cancelled the request. Right after an editor opens, it cancels a
 * code action request whose model changes meanwhile, or answers it while the file's markers are being replaced,
 * without the diagnostics in context (once in nine runs here); the lightbulb simply asks again, and the test does too.
 */
async function quickFixTitles(uri: vscode.Uri, range: vscode.Range): Promise<string[]> {
  try {
    const actions = await command<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    return actions.map((action) => action.title);
  } catch (error) {
    if (error instanceof Error && error.message === 'Canceled') return [];
    throw error;
  }
}

/** One case of the table through the editor's commands: the lines it compares. */
async function runCase(parity: ParityCase): Promise<string[]> {
  const uri = uriOf(parity.file);
  const operation = parity.run;
  if (operation.kind === 'diagnostics') {
    // The workspace check's diagnostics of a file no editor opened are read without opening it (its text from the fs).
    const document = operation.open ? await vscode.workspace.openTextDocument(uri) : undefined;
    const text = document ?? (await vscode.workspace.openTextDocument(uri));
    return settled(() => describeDiagnostics(vscode.languages.getDiagnostics(uri), text), (found) => JSON.stringify(found) === JSON.stringify(parity.expect));
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const position = 'at' in operation ? positionOf(document, operation.at) : new vscode.Position(0, 0);
  switch (operation.kind) {
    case 'completion': {
      const list = await command<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      const leaked = (operation.absent ?? []).filter((label) => labels.includes(label));
      equal(leaked, [], 'labels that must not be offered');
      return parity.expect.filter((label) => labels.includes(label));
    }
    case 'hover': {
      const hovers = await command<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      const shown = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
      return parity.expect.filter((part) => shown.includes(part)).concat(shown ? [] : ['(no hover)']);
    }
    case 'definition': {
      const targets = await command<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, position);
      return targets.map((target) => ('targetUri' in target ? where(target.targetUri, (target.targetSelectionRange ?? target.targetRange).start) : where(target.uri, target.range.start)));
    }
    case 'quickFixes': {
      const here = await settled(
        () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => codeOf(diagnostic) === operation.code && diagnostic.range.contains(position)),
        (found) => found.length > 0,
      );
      const range = here[0]?.range ?? new vscode.Range(position, position);
      const titles = await settled(() => quickFixTitles(uri, range), (found) => parity.expect.every((title) => found.includes(title)));
      return parity.expect.filter((title) => titles.includes(title));
    }
    case 'references': {
      const locations = await command<vscode.Location[]>('vscode.executeReferenceProvider', uri, position);
      return locations.map((location) => where(location.uri, location.range.start)).sort();
    }
    case 'rename': {
      const edit = await command<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, position, operation.newName);
      return edit.entries().flatMap(([file, edits]) => edits.map((one) => `${fileOf(file)} ${span(one.range)} ${one.newText}`)).sort();
    }
    case 'symbols': {
      const symbols = await command<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return outline(symbols ?? []);
    }
    case 'inlayHints': {
      const range = new vscode.Range(0, 0, document.lineCount, 0);
      const hints = await command<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, range);
      return hints.map((hint) => `${hint.position.line + 1}:${hint.position.character} ${typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')}`);
    }
  }
}

function defineTests(mode: Mode): void {
  test('the extension runs in the browser: a web worker extension host, no Node.js', async () => {
    equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a worker global');
    equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'the process global');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    ok(extension, `${EXTENSION_ID} is installed`);
    await extension!.activate();
    equal(extension!.extensionKind, vscode.ExtensionKind.UI, 'the host kind (UI: the browser side)');
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'the UI kind');
  });

  for (const parity of PARITY_TABLE.filter((candidate) => candidate.workspace === mode.workspace)) {
    test(`shared table: ${parity.name}`, async () => equal(await runCase(parity), parity.expect, 'answer'));
  }

  if (mode.workspace !== 'examples' || !mode.receiver) return;
  const sendFile = () => uriOf('web-send.webhook');
  test('Preview shows the request as it would be sent, in the browser too', async () => {
    const text = await command<string>('webhookTemplates.previewWebhook', { uri: sendFile().toString(), line: 1, confirm: false });
    ok(text.includes(`GET ${mode.receiver}/cors?sub1=1`), `the preview names the request: ${text}`);
  });
  test('Copy as cURL puts the command on the clipboard', async () => {
    const curl = await command<string>('webhookTemplates.copyAsCurl', { uri: sendFile().toString(), line: 1, confirm: false });
    ok(/^curl .*127\.0\.0\.1/.test(curl), `a curl command: ${curl}`);
    equal(await vscode.env.clipboard.readText(), curl, 'the clipboard');
  });
  test('a receiver that lets a page read its answer: the answer, as on the desktop', async () => {
    const outcome = await command<{ status: number; body: string; answerHidden?: string }>('webhookTemplates.sendTestWebhook', { uri: sendFile().toString(), line: 1, confirm: false });
    equal([outcome.status, outcome.body, outcome.answerHidden], [200, 'ok-cors', undefined], 'status, body, hidden');
  });
  test('a receiver whose CORS policy hides its answer: sent, said so, not a failure; the receiver got it', async () => {
    const outcome = await command<{ status: number; answerHidden?: string }>('webhookTemplates.sendTestWebhook', { uri: sendFile().toString(), line: 4, confirm: false });
    equal(outcome.answerHidden, 'cors', 'the outcome says the answer is hidden');
    const counts = (await (await fetch(`${mode.receiver}/count`)).json()) as Record<string, number>;
    equal(counts['/plain'], 1, 'requests the CORS-less receiver got');
  });
  test('Send All in the browser: the readable answer passes, the hidden one is "sent, answer hidden", not a failure', async () => {
    const outcome = await command<{ results: { name: string; outcome: string; status?: number; reason?: string }[]; summary: string }>('webhookTemplates.sendAllWebhooks', { uri: sendFile().toString(), confirm: false });
    equal(outcome.results.map((result) => [result.name, result.outcome, result.status]), [['Allowed', 'answered', 200], ['Hidden', 'hidden', undefined]], 'results');
    ok(/may have recorded it/.test(outcome.results[1].reason ?? ''), `the reason says it may have been recorded: ${outcome.results[1].reason}`);
    ok(outcome.summary.includes('sent, answer hidden'), `the summary: ${outcome.summary}`);
    const counts = (await (await fetch(`${mode.receiver}/count`)).json()) as Record<string, number>;
    equal(counts['/plain'], 2, 'requests the CORS-less receiver got (the single send and this one)');
  });
  test('the command line step explains how to run the check elsewhere (a browser runs no programs)', async () => {
    const outcome = await command<{ instructions?: string }>('webhookTemplates.checkWithCli', { confirm: false });
    ok(outcome.instructions?.includes('check'), `instructions: ${JSON.stringify(outcome)}`);
  });
}

export async function run(): Promise<void> {
  const results: { passed: number; failed: number; tests: TestResult[]; error?: string } = { passed: 0, failed: 0, tests: [] };
  try {
    defineTests(await readMode());
    for (const { title, run: body } of tests) {
      const started = Date.now();
      try {
        await body();
        results.tests.push({ title, state: 'passed', durationMs: Date.now() - started });
      } catch (error) {
        results.tests.push({ title, state: 'failed', durationMs: Date.now() - started, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    }
  } catch (error) {
    results.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  results.passed = results.tests.filter((one) => one.state === 'passed').length;
  results.failed = results.tests.length - results.passed;
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(home(), 'e2e-results.json'), new TextEncoder().encode(JSON.stringify(results, null, 2)));
}
