// Protocol test: a large document read whole gives its memory back once, and edits sent at once are checked once.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileUri } from './lsp-client';
import { serveFolder, stopExamples, type ExamplesSession } from './examples-session';
import { makeWorkspace, positionOf } from './workspace';

const FIELDS = '{ "customFields": { "geo": { "type": "text" } } }\n';

/** A script of `steps` message steps (about 80 characters each). */
function script(steps: number): string {
  const lines = Array.from({ length: steps }, (_, i) => [`      - key: s${i}`, '        type: message', `        text: "Step ${i}: {{username}} {{fields.geo}}"`]);
  return ['flows:', '  - key: main', '    steps:', ...lines.flat(), ''].join('\n');
}

const collections = (session: ExamplesSession) => session.client.traces.filter((message) => message.startsWith('Collected garbage after reading'));

describe('large documents', () => {
  let session: ExamplesSession;

  before(async () => {
    session = await serveFolder(makeWorkspace({ 'webhook-fields.json': FIELDS }));
  });

  after(() => stopExamples(session ?? {}));

  test('a large script read whole is followed by one collection; a keystroke in it and a small script by none', async () => {
    const text = script(20000);
    assert.ok(text.length > 1024 * 1024);
    const uri = fileUri(join(session.root, 'large.script.yaml'));
    await session.client.open(uri, 'yaml', text);
    await session.client.waitForPublication(uri, (_, params) => params.version === 1, 30000);
    for (const started = Date.now(); collections(session).length === 0 && Date.now() - started < 5000; ) await sleep(10);
    assert.deepEqual(collections(session).map((message) => message.replace(/\(\d+ ms\)/, '')), [`Collected garbage after reading ${uri} whole .`]);
    const at = positionOf(text, 'Step 10000:');
    const version = await session.client.change(uri, [{ range: { start: at, end: at }, text: 'x' }]);
    await session.client.waitForPublication(uri, (_, params) => params.version === version, 10000);
    const small = fileUri(join(session.root, 'small.script.yaml'));
    await session.client.open(small, 'yaml', script(10));
    await session.client.waitForPublication(small, () => true, 10000);
    await sleep(300);
    assert.equal(collections(session).length, 1);
  });

  test('300 edits sent at once are checked a few times, not once each, and the last check is of the last version', async () => {
    const text = script(2000);
    const uri = fileUri(join(session.root, 'burst.script.yaml'));
    await session.client.open(uri, 'yaml', text);
    await session.client.waitForPublication(uri, (_, params) => params.version === 1, 10000);
    const mark = session.client.mark();
    const at = positionOf(text, 'Step 1000:');
    const typed = '{{fields.gep}} '.repeat(20);
    const sent = Array.from(typed, (character, i) => session.client.change(uri, [{ range: { start: { line: at.line, character: at.character + i }, end: { line: at.line, character: at.character + i } }, text: character }]));
    const last = Math.max(...(await Promise.all(sent)));
    const final = await session.client.waitForPublication(uri, (_, params) => params.version === last, 10000);
    const checks = session.client.published.filter((published) => published.seq > mark && published.params.uri === uri);
    assert.ok(checks.length < typed.length / 4, `${checks.length} checks of ${typed.length} edits`);
    assert.deepEqual(final.params.diagnostics.map((diagnostic) => diagnostic.code), Array(20).fill('unknown-key'));
  });
});
