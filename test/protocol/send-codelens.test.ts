// Protocol tests of the "Send test webhook" and "Preview" CodeLenses above each request and webhook step, and of
// "Send all webhooks" at the top of a .webhook file and on each flow of a script file.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeLensRequest, type CodeLens } from 'vscode-languageserver-protocol';
import { PREVIEW_COMMAND, SEND_ALL_COMMAND, SEND_COMMAND } from '../../server/src/protocol';
import { LspClient, fileUri } from './lsp-client';
import { readText } from './workspace';
import { serveOpenExamples, stopExamples } from './examples-session';

const REQUEST_TIMEOUT_MS = 5000;

function codeLenses(client: LspClient, uri: string): Promise<CodeLens[]> {
  const answer = client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  const timeout = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('codeLens timed out')), REQUEST_TIMEOUT_MS).unref());
  return Promise.race([answer, timeout]).then((lenses) => lenses ?? []);
}

/** Zero-based numbers of the lines that match. */
function linesMatching(text: string, pattern: RegExp): number[] {
  return text.split('\n').flatMap((line, index) => (pattern.test(line) ? [index] : []));
}

/** The pair of lenses one request should have at `line`. */
function expectedPair(uri: string, line: number, character: number): CodeLens[] {
  const range = { start: { line, character }, end: { line, character } };
  const args = [{ uri, line }];
  return [
    { range, command: { title: 'Send test webhook', command: SEND_COMMAND, arguments: args } },
    { range, command: { title: 'Preview', command: PREVIEW_COMMAND, arguments: args } },
  ];
}

/** The "Send all" lens at the start of `line`: the file's (no flow) or a flow's. */
function sendAllLens(uri: string, line: number, title: string, flow?: string): CodeLens {
  const range = { start: { line, character: 0 }, end: { line, character: 0 } };
  return { range, command: { title, command: SEND_ALL_COMMAND, arguments: [flow === undefined ? { uri } : { uri, flow }] } };
}

describe('send CodeLenses over the protocol', () => {
  let root: string;
  let client: LspClient;
  let webhookUri: string;
  let webhookText: string;
  let scriptUri: string;
  let scriptText: string;

  before(async () => {
    const session = await serveOpenExamples();
    ({ root, client } = session);
    ({ uri: webhookUri, text: webhookText } = session.webhook);
    ({ uri: scriptUri, text: scriptText } = session.script);
  });

  after(() => stopExamples({ root, client }));

  test('keitaro.webhook has "Send all" at the top, and a Send and a Preview lens at the ### line of each of its six requests', async () => {
    const lines = linesMatching(webhookText, /^###/);
    assert.equal(lines.length, 6);
    const lenses = await codeLenses(client, webhookUri);
    assert.deepEqual(lenses, [sendAllLens(webhookUri, 0, 'Send all webhooks (6)'), ...lines.flatMap((line) => expectedPair(webhookUri, line, 0))]);
  });

  test('funnel.script.yaml has "Send all" on each of its three flows and one pair per webhook step, at the value of the step key', async () => {
    const steps = ['lead_postback', 'lead_postback_copy', 'crm_deposit', 'keitaro_sale', 'reactivation_postback', 'reactivation_event'];
    const textLines = scriptText.split('\n');
    const lineOf = (key: string) => {
      const line = textLines.findIndex((text) => text.endsWith(`- key: ${key}`));
      assert.ok(line >= 0, key);
      return line;
    };
    const flows = ['main', 'deposit', 'reactivation'].map((flow) => sendAllLens(scriptUri, lineOf(flow), 'Send all webhooks of this flow (2)', flow));
    const pairs = steps.flatMap((key) => expectedPair(scriptUri, lineOf(key), textLines[lineOf(key)].indexOf(key)));
    assert.deepEqual(await codeLenses(client, scriptUri), [...flows, ...pairs]);
  });

  test('message, change_flow and note steps get no lens', async () => {
    const lenses = await codeLenses(client, scriptUri);
    const lensLines = new Set(lenses.map((lens) => lens.range.start.line));
    for (const key of ['welcome', 'source_note', 'reminder', 'go_deposit', 'deposit_thanks', 'comeback', 'ask_operator']) {
      const line = scriptText.split('\n').findIndex((text) => text.endsWith(`- key: ${key}`));
      assert.ok(!lensLines.has(line), `a lens on the ${key} step`);
    }
  });

  test('the lenses follow an edit: a request added at the top shifts the others down', async () => {
    const uri = fileUri(join(root, 'edited.webhook'));
    await client.open(uri, 'webhook-template', '### One\nGET https://a.example.com/x?c={chatId}\n');
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '### Zero\nhttps://b.example.com/\n\n' }]);
    const lenses = await codeLenses(client, uri);
    assert.deepEqual(lenses, [sendAllLens(uri, 0, 'Send all webhooks (2)'), ...expectedPair(uri, 0, 0), ...expectedPair(uri, 3, 0)]);
  });

  test('a document that is not a template gets no lenses', async () => {
    const uri = fileUri(join(root, 'webhook-fields.json'));
    await client.open(uri, 'json', readText(root, 'webhook-fields.json'));
    assert.deepEqual(await codeLenses(client, uri), []);
  });
});
