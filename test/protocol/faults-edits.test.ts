// Fault tests of the server under load and odd requests: edit storms, cancelled requests, positions out of range.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, HoverRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { LspClient, fileUri, itemsOf } from './lsp-client';
import { makeWorkspace } from './workspace';
import { serveFolder, stopExamples } from './examples-session';

const FIELDS = '{ "customFields": { "geo": { "type": "text", "example": "KZ" } } }\n';
/** However busy the machine, a server that is alive answers a hover well within this. */
const ANSWER_BOUND_MS = 5000;

describe('the server under an edit storm', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    ({ root, client } = await serveFolder(makeWorkspace({ 'webhook-fields.json': FIELDS })));
  });

  after(() => stopExamples({ root, client }));

  test('3,000 edits in a burst: the diagnostics end up those of the final text, and a hover is answered at once after', async () => {
    const uri = fileUri(join(root, 'storm.webhook'));
    await client.open(uri, 'webhook-template', 'GET https://t.test/?g={geo}\n');
    let version = 1;
    const sends: Promise<number>[] = [];
    for (let i = 0; i < 3000; i++) {
      const text = i % 2 === 0 ? `GET https://t.test/?g={geo}&n=${i}&x={chatid}\n` : `GET https://t.test/?g={{geo}}&n=${i}\n`;
      sends.push(client.change(uri, [{ text }]));
    }
    sends.push(client.change(uri, [{ text: 'GET https://t.test/?g={geox}\n' }]));
    version = Math.max(...(await Promise.all(sends)));
    const final = await client.waitForPublication(uri, (_diagnostics, params) => params.version === version, 30000);
    assert.deepEqual(final.params.diagnostics.map((d) => [d.code, d.range.start.character]), [['unknown-key', 22]]);
    const started = performance.now();
    const hover = await client.hover(uri, { line: 0, character: 24 });
    assert.ok(performance.now() - started < ANSWER_BOUND_MS, `hover took ${Math.round(performance.now() - started)} ms`);
    assert.equal(hover, null);
    assert.deepEqual(client.errorLogs(), []);
  });

  test('incremental edits of every size (insert, delete, replace past the end) leave the server checking the right text', async () => {
    const uri = fileUri(join(root, 'increments.webhook'));
    await client.open(uri, 'webhook-template', 'GET https://t.test/\n');
    for (let i = 0; i < 500; i++) {
      await client.change(uri, [{ range: { start: { line: 0, character: 19 }, end: { line: 0, character: 19 } }, text: '{' }]);
      await client.change(uri, [{ range: { start: { line: 0, character: 19 }, end: { line: 0, character: 20 } }, text: '' }]);
    }
    const last = await client.change(uri, [{ range: { start: { line: 0, character: 19 }, end: { line: 99, character: 99 } }, text: '?a={tracker.clikid}\n' }]);
    const diagnostics = await client.waitForDiagnostics(uri, (_d, params) => params.version === last, 20000);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-key']);
  });
});

describe('requests the server must refuse or cancel', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    ({ root, client } = await serveFolder(makeWorkspace({ 'webhook-fields.json': FIELDS })));
  });

  after(() => stopExamples({ root, client }));

  test('a cancelled hover is answered with RequestCancelled or a neutral result, and the next one works', async () => {
    const uri = fileUri(join(root, 'cancel.webhook'));
    await client.open(uri, 'webhook-template', 'GET https://t.test/?g={geo}\n');
    const outcomes = await Promise.all(Array.from({ length: 50 }, async () => {
      const source = new CancellationTokenSource();
      const answer = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 24 } }, source.token);
      source.cancel();
      try {
        const hover = await answer;
        return hover === null || typeof hover === 'object' ? 'neutral' : 'other';
      } catch (error) {
        return error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled ? 'cancelled' : `error ${String(error)}`;
      }
    }));
    assert.deepEqual(outcomes.filter((outcome) => outcome !== 'neutral' && outcome !== 'cancelled'), []);
    const hover = await client.hover(uri, { line: 0, character: 24 });
    assert.match(JSON.stringify(hover), /geo/);
  });

  test('negative and far positions, and documents never opened, are answered neutrally', async () => {
    const uri = fileUri(join(root, 'odd.webhook'));
    await client.open(uri, 'webhook-template', 'GET https://t.test/?g={geo}\n');
    for (const position of [{ line: -1, character: -1 }, { line: 0, character: -5 }, { line: 0, character: 1e6 }, { line: 1e6, character: 0 }]) {
      await client.hover(uri, position);
      itemsOf(await client.completion(uri, position));
      await client.definition(uri, position);
      await client.codeActions(uri, { start: position, end: position }, []);
    }
    const never = fileUri(join(root, 'never.webhook'));
    assert.equal(await client.hover(never, { line: 0, character: 0 }), null);
    assert.deepEqual(itemsOf(await client.completion(never, { line: -3, character: 2 })), []);
    assert.equal(client.hasExited, false);
    assert.deepEqual(client.errorLogs(), []);
    assert.match(JSON.stringify(await client.hover(uri, { line: 0, character: 24 })), /geo/);
  });
});
