// The first-run walkthrough: it is contributed, and each step's command runs, asks nothing when told, and does its job.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, codeOf, ourDiagnostics, waitFor, workspaceFile, workspaceRoot } from './support';

interface Step {
  id: string;
  description: string;
  /** The browser's variant of a step is shown only there, the desktop's only on the desktop. */
  when?: string;
  media: { svg?: string; image?: string; markdown?: string };
}

/** A manifest string: VS Code may hand it over still as `%key%`, then the English package.nls.json has it. */
function localised(extension: vscode.Extension<unknown>, text: string): string {
  const key = /^%(.+)%$/.exec(text)?.[1];
  if (!key) return text;
  return JSON.parse(readFileSync(join(extension.extensionPath, 'package.nls.json'), 'utf8'))[key];
}

function commandLinks(description: string): string[] {
  return [...description.matchAll(/\]\(command:([\w.]+)/g)].map((match) => match[1]);
}

function newTempFolder(): vscode.Uri {
  return vscode.Uri.file(realpathSync(mkdtempSync(join(tmpdir(), 'wt-e2e-tour-'))));
}

/** Runs the tour's "check" task and answers its exit code. */
async function checkExitCode(folder: vscode.Uri): Promise<number | undefined> {
  const ended = new Promise<number | undefined>((resolve) => {
    const listener = vscode.tasks.onDidEndTaskProcess((event) => {
      if (event.execution.task.definition.type !== 'webhook-templates') return;
      listener.dispose();
      resolve(event.exitCode);
    });
  });
  const outcome = await vscode.commands.executeCommand<{ commandLine: string[]; cwd: string }>('webhookTemplates.checkWithCli', { folder });
  assert.equal(outcome?.cwd, folder.fsPath);
  assert.deepEqual(outcome.commandLine.slice(-2), ['check', '.']);
  return ended;
}

interface Starter {
  created: vscode.Uri[];
  refused?: string;
}

suite('first-run tour', () => {
  let extension: vscode.Extension<unknown>;
  const temps: vscode.Uri[] = [];
  let starterFolder: vscode.Uri;

  suiteSetup(async () => {
    extension = await activateExtension();
    starterFolder = newTempFolder();
    temps.push(starterFolder);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('webhookTemplates.stopLocalReceiver');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const folder of temps) rmSync(folder.fsPath, { recursive: true, force: true });
  });

  test('the walkthrough has its five steps (four and a command line note in a browser), each with a button whose command is registered and a picture that ships', async () => {
    const walkthroughs = (extension.packageJSON as { contributes: { walkthroughs: { id: string; steps: Step[] }[] } }).contributes.walkthroughs;
    const steps = walkthroughs.find((walkthrough) => walkthrough.id === 'gettingStarted')?.steps ?? [];
    const shown = (inBrowser: boolean) => steps.filter((step) => step.when !== (inBrowser ? '!webhookTemplates.inBrowser' : 'webhookTemplates.inBrowser')).map((step) => step.id);
    assert.deepEqual(shown(false), ['fieldsFile', 'mistake', 'profile', 'localReceiver', 'commandLine']);
    assert.deepEqual(shown(true), ['fieldsFile', 'mistake', 'profile', 'commandLineInBrowser']);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of steps) {
      const links = commandLinks(localised(extension, step.description));
      assert.ok(links.length > 0, `step ${step.id} has no button`);
      assert.deepEqual(links.filter((command) => !registered.has(command)), [], `step ${step.id}`);
      assert.ok(step.media.svg && existsSync(join(extension.extensionPath, step.media.svg)), `step ${step.id}: ${step.media.svg}`);
    }
  });

  test('Create Starter Workspace writes webhook-fields.json and starter.webhook into an empty folder', async () => {
    const outcome = await vscode.commands.executeCommand<Starter>('webhookTemplates.createStarterWorkspace', { folder: starterFolder, confirm: false });
    assert.deepEqual(outcome?.created.map((uri) => uri.path.split('/').pop()), ['webhook-fields.json', 'starter.webhook']);
    const fields = JSON.parse(readFileSync(join(starterFolder.fsPath, 'webhook-fields.json'), 'utf8'));
    assert.deepEqual(Object.keys(fields.profiles), ['lead']);
    assert.match(readFileSync(join(starterFolder.fsPath, 'starter.webhook'), 'utf8'), /postback\?subid=\{tracker\.clickid\}&status=lead&payout=0/);
  });

  test('Create Starter Workspace refuses a folder that has one of its files, and leaves that file as it was', async () => {
    const folder = newTempFolder();
    temps.push(folder);
    writeFileSync(join(folder.fsPath, 'starter.webhook'), 'GET https://mine.example.com/keep\n');
    const outcome = await vscode.commands.executeCommand<Starter>('webhookTemplates.createStarterWorkspace', { folder, confirm: false });
    assert.deepEqual(outcome?.created, []);
    assert.match(outcome.refused ?? '', /starter\.webhook/);
    assert.equal(readFileSync(join(folder.fsPath, 'starter.webhook'), 'utf8'), 'GET https://mine.example.com/keep\n');
    assert.equal(existsSync(join(folder.fsPath, 'webhook-fields.json')), false);
  });

  test('Open Fields File opens the workspace folder\'s fields file', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const outcome = await vscode.commands.executeCommand<{ uri: vscode.Uri; created: boolean }>('webhookTemplates.openFieldsFile', { confirm: false });
    assert.equal(outcome?.uri.toString(), workspaceFile('webhook-fields.json').toString());
    assert.equal(outcome.created, false);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), outcome.uri.toString());
  });

  test('Open an Example Mistake opens an unsaved template where both typos are reported', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('webhookTemplates.openMistakeExample');
    assert.equal(uri?.scheme, 'untitled');
    const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString())!;
    const seen = await waitFor('the two unknown keys of the example', () => {
      const found = ourDiagnostics(uri).map((diagnostic) => `${codeOf(diagnostic)} ${document.getText(diagnostic.range)}`);
      return found.length === 2 ? found : undefined;
    });
    assert.deepEqual(seen, ['unknown-key {tracker.clikid}', 'unknown-key {chatid}']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Select Sample Profile with no editor open takes the workspace fields file\'s profiles, and the next preview uses the one chosen', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('webhookTemplates.selectProfile', { profile: 'no-username' });
    const template = workspaceFile('keitaro.webhook');
    const preview = await vscode.commands.executeCommand<string>('webhookTemplates.previewWebhook', { uri: template, line: 7, confirm: false });
    assert.match(preview ?? '', /chatid=1000001/);
    await vscode.commands.executeCommand('webhookTemplates.selectProfile', { profile: 'lead' });
  });

  test('the starter\'s request to the local receiver arrives there, and the answer echoes the expanded query', async () => {
    const { url } = (await vscode.commands.executeCommand<{ url: string }>('webhookTemplates.startLocalReceiver', { confirm: false }))!;
    const template = vscode.Uri.joinPath(starterFolder, 'starter.webhook');
    const line = readFileSync(template.fsPath, 'utf8').split('\n').findIndex((text) => text.startsWith(`GET ${url}/`));
    assert.ok(line > 0, `starter.webhook has no GET to ${url}`);
    const outcome = await vscode.commands.executeCommand<{ status: number; body: string }>('webhookTemplates.sendTestWebhook', { uri: template, line, profile: 'lead', confirm: false });
    assert.equal(outcome?.status, 200);
    const echo = JSON.parse(outcome.body) as { path: string; query: Record<string, string> };
    assert.equal(echo.path, '/abc123/postback');
    assert.deepEqual(echo.query, { subid: '7f3a9c01', status: 'lead', payout: '0', sub_id_1: 'KZ', sub_id_2: '482913377' });
  });

  test('Start Local Receiver finds the workspace template that sends to it; after Stop nothing answers there', async () => {
    const { url } = (await vscode.commands.executeCommand<{ url: string }>('webhookTemplates.startLocalReceiver', { confirm: false }))!;
    const uri = workspaceFile('e2e-tour', 'local.webhook');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`### Local\n# Sends to the tour's receiver.\nGET ${url}/hook?c={chatId}\n`));
    const again = await vscode.commands.executeCommand<{ url: string; template?: { uri: vscode.Uri; line: number } }>('webhookTemplates.startLocalReceiver', { confirm: false });
    assert.equal(again?.url, url);
    assert.equal(again.template?.uri.toString(), uri.toString());
    assert.equal(again.template.line, 2);
    await vscode.commands.executeCommand('webhookTemplates.stopLocalReceiver');
    await assert.rejects(fetch(`${url}/after-stop`));
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'e2e-tour'), { recursive: true });
  });

  test('Check Workspace with the Command Line runs the bundled CLI as a task: exit 0 on the starter, 1 on the examples\' deliberate mistakes', async () => {
    assert.equal(await checkExitCode(starterFolder), 0);
    assert.equal(await checkExitCode(workspaceRoot()), 1);
  });
});
