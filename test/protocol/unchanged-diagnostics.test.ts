// Protocol test: a check whose diagnostics equal those last sent sends nothing; a changed set is sent at once.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileUri } from './lsp-client';
import { serveFolder, stopExamples, type ExamplesSession } from './examples-session';
import { makeWorkspace, positionOf } from './workspace';

const FIELDS = '{ "customFields": { "geo": { "type": "text" } } }\n';
const SCRIPT = [
  'flows:',
  '  - key: main',
  '    steps:',
  '      - key: hello',
  '        type: message',
  '        text: "Hello {{username}}, from {{fields.gep}}"',
  '      - key: later',
  '        type: message',
  '        text: "See you"',
  '',
].join('\n');

describe('diagnostics not sent again when unchanged', () => {
  let session: ExamplesSession;
  let uri: string;

  before(async () => {
    session = await serveFolder(makeWorkspace({ 'webhook-fields.json': FIELDS }));
    uri = fileUri(join(session.root, 'bot.script.yaml'));
    await session.client.open(uri, 'yaml', SCRIPT);
    await session.client.waitForPublication(uri, (_, params) => params.version === 1, 10000);
  });

  after(() => stopExamples(session ?? {}));

  /** Types one character and waits until the server has checked that version, whether it sent anything or not. */
  async function typeAt(line: number, character: number, text: string) {
    const version = await session.client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text }]);
    return session.client.waitForPublication(uri, (_, params) => params.version === version, 10000);
  }

  test('typing where no problem moves sends no diagnostics, and the editor keeps the set it has', async () => {
    const at = positionOf(SCRIPT, 'See you');
    const mark = session.client.mark();
    for (let typed = 0; typed < 5; typed++) assert.equal((await typeAt(at.line, at.character + typed, 'x')).sent, false, `keystroke ${typed + 1} was sent`);
    assert.equal(session.client.published.filter((p) => p.seq > mark && p.sent && p.params.uri === uri).length, 0);
    assert.deepEqual(session.client.latestSent(uri)?.params.diagnostics.map((d) => d.code), ['unknown-key']);
  });

  test('a keystroke that moves a problem, or makes one, sends the new set at once', async () => {
    const hello = positionOf(SCRIPT, 'Hello');
    const moved = await typeAt(hello.line, hello.character, 'x');
    assert.equal(moved.sent, true, 'the problem after the keystroke moved: the editor must hear');
    assert.equal(moved.params.diagnostics[0].range.start.character, positionOf(SCRIPT, '{{fields.gep}}').character + 1);
    const later = positionOf(SCRIPT, 'See you');
    const made = await typeAt(later.line, later.character, '{{chatid}} ');
    assert.equal(made.sent, true);
    assert.deepEqual(made.params.diagnostics.map((d) => d.code), ['unknown-key', 'unknown-key']);
  });

  test('a file checked for the first time without problems is sent nothing (the editor shows none), and an empty set is sent once it had some', async () => {
    const clean = fileUri(join(session.root, 'clean.script.yaml'));
    const text = SCRIPT.replace('{{fields.gep}}', '{{fields.geo}}');
    await session.client.open(clean, 'yaml', text);
    const first = await session.client.waitForPublication(clean, (_, params) => params.version === 1, 10000);
    assert.equal(first.sent, false, 'an empty set was sent for a file the editor never had diagnostics for');
    assert.equal(session.client.latestSent(clean), undefined);
    const hello = positionOf(text, 'Hello');
    const broken = await session.client.change(clean, [{ range: { start: hello, end: hello }, text: '{{nope}} ' }]);
    assert.deepEqual((await session.client.waitForPublication(clean, (_, params) => params.version === broken, 10000)).params.diagnostics.map((d) => d.code), ['unknown-key']);
    const end = { line: hello.line, character: hello.character + '{{nope}} '.length };
    const fixed = await session.client.change(clean, [{ range: { start: hello, end }, text: '' }]);
    const cleared = await session.client.waitForPublication(clean, (_, params) => params.version === fixed, 10000);
    assert.equal(cleared.sent, true, 'the editor shows a problem until it is sent the empty set');
    assert.deepEqual(cleared.params.diagnostics, []);
  });
});
