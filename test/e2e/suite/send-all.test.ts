// "Send All Webhooks in File" through the real command (scripted, `confirm: false`) to a receiver on 127.0.0.1: every
// request of a file or of one flow sent in turn, refused ones left out, the summary shown in one response tab.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { activateExtension, openDocument, waitFor, workspaceFile } from './support';

interface Outcome {
  file: string;
  flow?: string;
  profile?: string;
  results: { name: string; line: number; flow?: string; outcome: string; status?: number; recorded?: string; reason?: string }[];
  summary: string;
}

const FIELDS = {
  trackerFields: { clickid: { description: 'Click id', example: 'example-click' } },
  profiles: { lead: { username: 'ivan_petrov', chatId: 482913377, 'tracker.clickid': 'click-lead' } },
};

function webhookFile(port: number): string {
  const base = `http://127.0.0.1:${port}`;
  return [
    '### Keitaro lead',
    `GET ${base}/k3y/postback?subid={tracker.clickid}&status=lead`,
    '',
    '### Failing',
    `GET ${base}/fail?chatid={chatId}`,
    '',
    '### Mistake',
    `GET ${base}/postback?chatid={chatid}`,
    '',
    '### JSON',
    `POST ${base}/json`,
    '',
    '{"chat": "{chatId}", "user": "{username}"}',
    '',
  ].join('\n');
}

function scriptFile(port: number): string {
  const base = `http://127.0.0.1:${port}`;
  const step = (key: string, path: string) => [`      - key: ${key}`, '        type: webhook', `        url: "${base}${path}?s={stepKey}"`];
  return ['flows:', '  - key: main', '    steps:', ...step('main_a', '/main/a'), ...step('main_b', '/main/b'), '  - key: deposit', '    steps:', ...step('deposit_a', '/deposit/a'), ''].join('\n');
}

suite('send all webhooks in a file', () => {
  const arrived: string[] = [];
  let server: Server;
  let webhookUri: vscode.Uri;
  let scriptUri: vscode.Uri;

  suiteSetup(async () => {
    await activateExtension();
    server = createServer((request, response) => {
      arrived.push(request.url ?? '/');
      if (request.url?.startsWith('/fail')) response.writeHead(500, { 'Content-Type': 'text/plain' }).end('no such click');
      else response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await vscode.workspace.fs.writeFile(workspaceFile('e2e-send-all', 'webhook-fields.json'), Buffer.from(JSON.stringify(FIELDS, null, 2)));
    webhookUri = workspaceFile('e2e-send-all', 'postbacks.webhook');
    scriptUri = workspaceFile('e2e-send-all', 'bot.script.yaml');
    await vscode.workspace.fs.writeFile(webhookUri, Buffer.from(webhookFile(port)));
    await vscode.workspace.fs.writeFile(scriptUri, Buffer.from(scriptFile(port)));
    await openDocument('e2e-send-all', 'postbacks.webhook');
  });

  setup(() => {
    arrived.length = 0;
  });

  suiteTeardown(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  const sendAll = (argument: Record<string, unknown>) => vscode.commands.executeCommand<Outcome>('webhookTemplates.sendAllWebhooks', { profile: 'lead', confirm: false, ...argument });

  test('every request of the file is sent in turn; the one with an unresolved placeholder is refused; each result returned', async () => {
    const outcome = await sendAll({ uri: webhookUri });
    assert.ok(outcome, 'the command returned nothing');
    assert.equal(outcome.file, 'e2e-send-all/postbacks.webhook');
    assert.equal(outcome.profile, 'lead');
    assert.deepEqual(
      outcome.results.map((result) => [result.name, result.line, result.outcome, result.status]),
      [['Keitaro lead', 0, 'answered', 200], ['Failing', 3, 'answered', 500], ['Mistake', 6, 'refused', undefined], ['JSON', 9, 'answered', 200]],
    );
    assert.deepEqual(arrived, ['/k3y/postback?subid=click-lead&status=lead', '/fail?chatid=482913377', '/json']);
    assert.match(outcome.results[0].recorded ?? '', /^Keitaro records "lead" on click click-lead/);
    assert.equal(outcome.results[1].reason, 'HTTP 500 Internal Server Error: no such click');
    assert.match(outcome.results[2].reason ?? '', /^no value for \{chatid\}/);
  });

  test('the summary opens in one read-only tab named after the file, as a table (webhook-summary), the same text the command returned', async () => {
    const outcome = await sendAll({ uri: webhookUri });
    const shown = await waitFor('the summary tab', () =>
      vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'webhook-response' && document.uri.path === '/Send all: postbacks.webhook.webhook-summary' && document.getText() === outcome.summary),
    );
    assert.equal(shown.languageId, 'webhook-summary');
    const lines = shown.getText().split('\n');
    assert.match(lines[0], /^### Send all: postbacks\.webhook \(profile lead\) · /);
    assert.equal(lines[1], '# 4 requests · 2xx: 2 · other status: 1 · refused: 1');
    assert.match(lines[3], /^Keitaro lead\s+✓ 200\s+\d+ ms\s+Keitaro records "lead" on click click-lead/);
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.label.startsWith('Send all: postbacks.webhook'));
    assert.equal(tabs.length, 1, 'a second summary tab opened for the same file');
  });

  test('a flow given in the argument: only its webhook steps go', async () => {
    const outcome = await sendAll({ uri: scriptUri, flow: 'deposit' });
    assert.equal(outcome.flow, 'deposit');
    assert.deepEqual(outcome.results.map((result) => [result.name, result.flow, result.outcome]), [['deposit_a', 'deposit', 'answered']]);
    assert.deepEqual(arrived, ['/deposit/a?s=deposit_a']);
  });

  test('a script file without a flow, scripted: every flow, in the file\'s order', async () => {
    const outcome = await sendAll({ uri: scriptUri.toString() });
    assert.equal(outcome.flow, undefined);
    assert.deepEqual(arrived, ['/main/a?s=main_a', '/main/b?s=main_b', '/deposit/a?s=deposit_a']);
  });

  test('a flow or a profile that is not there is an error, and nothing is sent', async () => {
    await assert.rejects(Promise.resolve(sendAll({ uri: scriptUri, flow: 'ghost' })), /No flow "ghost".*main, deposit/);
    await assert.rejects(Promise.resolve(sendAll({ uri: webhookUri, profile: 'ghost' })), /no profile "ghost"/);
    assert.deepEqual(arrived, []);
  });

  test('without an argument, the active editor\'s file', async () => {
    await openDocument('e2e-send-all', 'postbacks.webhook');
    const outcome = await vscode.commands.executeCommand<Outcome | undefined>('webhookTemplates.sendAllWebhooks', { confirm: false, profile: 'lead' });
    assert.equal(outcome?.file, 'e2e-send-all/postbacks.webhook');
    assert.equal(arrived.length, 3);
  });
});
