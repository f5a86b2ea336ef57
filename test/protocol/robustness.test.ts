// Protocol tests of robustness: requests about documents the server never saw, odd positions, and staying alive after them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspClient, fileUri, itemsOf } from './lsp-client';
import { serveExamples, stopExamples } from './examples-session';

describe('requests the server cannot answer', () => {
  let root: string;
  let client: LspClient;
  const position = { line: 0, character: 5 };

  before(async () => {
    ({ root, client } = await serveExamples());
  });

  after(() => stopExamples({ root, client }));

  test('hover, completion, definition and code actions on a document never opened answer nothing', async () => {
    const uri = fileUri(join(root, 'never-opened.webhook'));
    assert.equal(await client.hover(uri, position), null);
    assert.deepEqual(itemsOf(await client.completion(uri, position)), []);
    assert.deepEqual((await client.definition(uri, position)) ?? [], []);
    assert.deepEqual((await client.codeActions(uri, { start: position, end: position }, [])) ?? [], []);
  });

  test('requests on an open document that is not a template answer nothing', async () => {
    const uri = fileUri(join(root, 'notes.txt'));
    await client.open(uri, 'plaintext', 'GET https://t.test/?a={');
    const end = { line: 0, character: 24 };
    assert.deepEqual(itemsOf(await client.completion(uri, end)), []);
    assert.equal(await client.hover(uri, { line: 0, character: 22 }), null);
  });

  test('positions past the end of a template answer nothing', async () => {
    const uri = fileUri(join(root, 'short.webhook'));
    await client.open(uri, 'webhook-template', 'GET https://t.test/?a={chatId}\n');
    const far = { line: 99, character: 99 };
    assert.equal(await client.hover(uri, far), null);
    assert.deepEqual(itemsOf(await client.completion(uri, far)), []);
    assert.deepEqual((await client.definition(uri, far)) ?? [], []);
  });

  test('after all that the server still checks templates and has logged no error', async () => {
    const uri = fileUri(join(root, 'after.webhook'));
    await client.open(uri, 'webhook-template', 'GET https://t.test/?a={chatid}\n');
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-key']);
    assert.equal(client.hasExited, false);
    assert.deepEqual(client.errorLogs(), []);
  });
});
