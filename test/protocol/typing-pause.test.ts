// Protocol test: while the user types in a template, the fields file's hints wait for a pause instead of following every keystroke.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileUri, type LspClient } from './lsp-client';
import { serveExamples, stopExamples } from './examples-session';
import { readText } from './workspace';

const KEYSTROKES = 60;
const KEYSTROKE_GAP_MS = 20;
/** Line 5 (0-based) of examples/keitaro.webhook is the first `###` title: typing there changes no placeholder. */
const TITLE_LINE = 5;
const TOLD_AT = 5;
/** By then the publications the news caused are out (they come within ~150 ms); from here the burst must publish none. */
const SETTLED_AT = 30;

describe('typing in a template', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    ({ root, client } = await serveExamples());
  });

  after(() => stopExamples({ root, client }));

  // The fields file is told it changed early in the burst: its hints are published then, and once after the pause.
  // Before, each publication indexed the document being typed in, which scheduled the next publication: a loop.
  test(`${KEYSTROKES} keystrokes ${KEYSTROKE_GAP_MS} ms apart republish the fields file only when told and after the pause`, async () => {
    const fieldsUri = fileUri(join(root, 'webhook-fields.json'));
    const templateUri = fileUri(join(root, 'keitaro.webhook'));
    await client.waitForDiagnostics(fieldsUri, (list) => list.some((d) => d.code === 'fields-unused'), 10000);
    await client.open(templateUri, 'webhook-template', readText(root, 'keitaro.webhook'));
    await client.waitForDiagnostics(templateUri);
    await sleep(1000);
    const before = client.mark();
    let settled = before;
    for (let i = 0; i < KEYSTROKES; i++) {
      const at = { line: TITLE_LINE, character: 3 + i };
      await client.change(templateUri, [{ range: { start: at, end: at }, text: 'x' }]);
      if (i === TOLD_AT) await client.fileChanged(fieldsUri);
      if (i === SETTLED_AT) settled = client.mark();
      await sleep(KEYSTROKE_GAP_MS);
    }
    const fieldsPublications = (since: number) => client.published.filter((p) => p.seq > since && p.params.uri === fieldsUri).length;
    assert.ok(fieldsPublications(before) >= 1, 'the change of the fields file was not published');
    assert.equal(fieldsPublications(settled), 0, 'the fields file was republished while typing');
    await sleep(1000);
    assert.equal(fieldsPublications(settled), 1, 'the pause after typing republishes the fields file once');
  });
});
