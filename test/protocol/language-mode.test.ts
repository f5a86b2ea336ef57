// Protocol tests of documents whose name says nothing: an untitled editor, or a file the user set to the webhook language.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileUri, type LspClient } from './lsp-client';
import { serveExamples, stopExamples } from './examples-session';

/** `{geo}` is a custom field of examples/webhook-fields.json; `{chatid}` is the classic typo of `{chatId}`. */
const REQUEST = 'GET https://crm.example.com/api/leads?chat={chatid}&geo={geo}\n';
const codes = (list: { code?: unknown; message: string }[]) => list.map((d) => `${String(d.code)}: ${d.message}`);

describe('documents in the webhook language whatever their name', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    ({ root, client } = await serveExamples());
  });

  after(() => stopExamples({ root, client }));

  test('an untitled editor is checked against the fields file of the first workspace folder', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, 'webhook-template', REQUEST);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(codes(diagnostics), ['unknown-key: Unknown key "chatid" (checked against webhook-fields.json). Did you mean "{chatId}"?']);
  });

  test('a file of another name set to the webhook language is checked, and its problems go when it is closed', async () => {
    const uri = fileUri(join(root, 'postbacks.txt'));
    await client.open(uri, 'webhook-template', REQUEST);
    assert.equal((await client.waitForDiagnostics(uri)).length, 1);
    const mark = client.mark();
    await client.close(uri);
    assert.deepEqual(await client.waitForDiagnostics(uri, () => true, 5000, mark), []);
  });

  test('the file name still decides over the language: a script file opened as webhook-template is read as a script', async () => {
    const uri = fileUri(join(root, 'typed.script.yaml'));
    await client.open(uri, 'webhook-template', 'flows:\n  - key: main\n    steps:\n      - key: hi\n        type: message\n        text: "Hi {{usernme}}"\n');
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-key']);
    assert.match(diagnostics[0].message, /"usernme"/);
  });
});
