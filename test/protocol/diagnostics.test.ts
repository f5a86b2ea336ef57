// Protocol tests of diagnostics: what the server publishes for the examples, by file name, and after edits.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, fileUri } from './lsp-client';
import { readText } from './workspace';
import { serveExamples, stopExamples } from './examples-session';

/** Code and exact range of a diagnostic, in a form that compares and prints well. */
function shape(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${diagnostic.code} ${start.line}:${start.character}-${end.line}:${end.character}`;
}

const shapes = (diagnostics: Diagnostic[]) => diagnostics.map(shape).sort();

/** The seed request (line 7): Keitaro records it as a sale, and three of its parameters are not Keitaro's. */
const KEITARO_SEED = [
  'receiver-default-value 7:28-7:44',
  'receiver-unknown-parameter 7:105-7:118',
  'receiver-unknown-parameter 7:69-7:77',
  'receiver-unknown-parameter 7:89-7:95',
];
const KEITARO_EXPECTED = [...KEITARO_SEED, 'unknown-key 24:94-24:102', 'unknown-key 28:55-28:71'].sort();
const FUNNEL_EXPECTED = ['fields-namespace-in-webhook 69:104-69:116', 'step-id-for-step-key 79:21-79:29', 'wrong-dialect 30:15-30:25', 'wrong-dialect 34:65-34:84'];

describe('diagnostics over the protocol', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    ({ root, client } = await serveExamples());
  });

  after(() => stopExamples({ root, client }));

  test('keitaro.webhook gets exactly its two unknown keys, naming webhook-fields.json, and the seed request its receiver findings', async () => {
    const uri = fileUri(join(root, 'keitaro.webhook'));
    await client.open(uri, 'webhook-template', readText(root, 'keitaro.webhook'));
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(shapes(diagnostics), KEITARO_EXPECTED);
    for (const diagnostic of diagnostics.filter((d) => d.code === 'unknown-key')) assert.match(diagnostic.message, /webhook-fields\.json/);
    const chatid = diagnostics.find((d) => d.range.start.line === 24)!;
    assert.match(chatid.message, /"chatid"/);
    assert.match(chatid.message, /\{chatId\}/);
    assert.equal(chatid.severity, 1);
  });

  test('funnel.script.yaml opened as yaml gets its four mistakes', async () => {
    const uri = fileUri(join(root, 'funnel.script.yaml'));
    await client.open(uri, 'yaml', readText(root, 'funnel.script.yaml'));
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(shapes(diagnostics), FUNNEL_EXPECTED);
  });

  test('the same script content as plaintext under another .script.yaml name gets the same four', async () => {
    const uri = fileUri(join(root, 'other-bot.script.yaml'));
    await client.open(uri, 'plaintext', readText(root, 'funnel.script.yaml'));
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(shapes(diagnostics), FUNNEL_EXPECTED);
  });

  test('a file whose name is not a template gets no template diagnostics, whatever its language id', async () => {
    const uri = fileUri(join(root, 'notes.yaml'));
    const mark = client.mark();
    await client.open(uri, 'yaml', readText(root, 'funnel.script.yaml'));
    // Follow it with a template so there is a publication to wait for: the notes file must not have had one before it.
    const probe = fileUri(join(root, 'probe.webhook'));
    await client.open(probe, 'webhook-template', 'GET https://x.test/?a={chatid}\n');
    await client.waitForDiagnostics(probe, (list) => list.length === 1, 5000, mark);
    const forNotes = client.published.filter((p) => p.seq > mark && p.params.uri === uri && p.params.diagnostics.length > 0);
    assert.deepEqual(forNotes, []);
  });

  test('an incremental edit fixing {chatid} leaves one diagnostic', async () => {
    const uri = fileUri(join(root, 'edited.webhook'));
    await client.open(uri, 'webhook-template', readText(root, 'keitaro.webhook'));
    await client.waitForDiagnostics(uri, (list) => list.length === KEITARO_EXPECTED.length);
    const version = await client.change(uri, [{ range: { start: { line: 24, character: 95 }, end: { line: 24, character: 101 } }, text: 'chatId' }]);
    const diagnostics = await client.waitForDiagnostics(uri, (_list, params) => params.version === version);
    assert.deepEqual(shapes(diagnostics), [...KEITARO_SEED, 'unknown-key 28:55-28:71'].sort());
  });

  test('typing a new mistake character by character is reported at its exact place', async () => {
    const uri = fileUri(join(root, 'typed.webhook'));
    await client.open(uri, 'webhook-template', 'GET https://x.test/?a=1\n');
    await client.waitForDiagnostics(uri, (list) => list.length === 0);
    let version = 0;
    for (const [index, char] of [...'&b={usrname}'].entries()) {
      const at = { line: 0, character: 23 + index };
      version = await client.change(uri, [{ range: { start: at, end: at }, text: char }]);
    }
    const diagnostics = await client.waitForDiagnostics(uri, (_list, params) => params.version === version);
    assert.deepEqual(shapes(diagnostics), ['unknown-key 0:26-0:35']);
    assert.match(diagnostics[0].message, /Did you mean "\{username\}"\?/);
  });

  test('closing a template clears its diagnostics', async () => {
    const uri = fileUri(join(root, 'closed.webhook'));
    await client.open(uri, 'webhook-template', 'GET https://x.test/?a={chatid}\n');
    await client.waitForDiagnostics(uri, (list) => list.length === 1);
    const mark = client.mark();
    await client.close(uri);
    await client.waitForDiagnostics(uri, (list) => list.length === 0, 5000, mark);
  });
});
