// Protocol timing: how long a ~1 MB script file takes from didOpen (and from an edit) to its diagnostics. Bounds are generous.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspClient, fileUri } from './lsp-client';
import { serveExamples, stopExamples } from './examples-session';

const FLOWS = 30;
const PAIRS_PER_FLOW = 100;
/** Every this many webhook steps carries a `{chatid}` typo. */
const TYPO_EVERY = 250;
const BOUND_MS = 5000;

/** One message step and one webhook step; the webhook step has a typo when `typo` is set. */
function stepPair(flow: number, pair: number, typo: boolean): string {
  const chat = typo ? '{chatid}' : '{chatId}';
  return [
    `      - key: welcome_${flow}_${pair}`,
    `        type: message`,
    `        text: "Hi {{username}}! Traders from {{fields.geo}} get a bonus: {{variables.regLink}}"`,
    `      - key: postback_${flow}_${pair}`,
    `        type: webhook`,
    `        method: GET`,
    `        url: "https://keitaro.yoursite.com/25123a/postback?subid={tracker.clickid}&status=lead&sub_id_1=${chat}&sub_id_2={geo}"`,
    '',
  ].join('\n');
}

/** A large script and the number of typos in it. */
function bigScript(): { text: string; typos: number } {
  const parts = ['name: Big bot\nflows:\n'];
  let typos = 0;
  for (let flow = 0; flow < FLOWS; flow++) {
    parts.push(`  - key: flow_${flow}\n    steps:\n`);
    for (let pair = 0; pair < PAIRS_PER_FLOW; pair++) {
      const typo = (flow * PAIRS_PER_FLOW + pair) % TYPO_EVERY === 0;
      if (typo) typos++;
      parts.push(stepPair(flow, pair, typo));
    }
  }
  return { text: parts.join(''), typos };
}

describe('timing over the protocol', () => {
  let root: string;
  let client: LspClient;
  const big = bigScript();

  before(async () => {
    ({ root, client } = await serveExamples());
  });

  after(() => stopExamples({ root, client }));

  test(`a ~1 MB script (${FLOWS * PAIRS_PER_FLOW * 2} steps) gets its diagnostics within ${BOUND_MS} ms of didOpen`, async (t) => {
    const uri = fileUri(join(root, 'big.script.yaml'));
    const started = performance.now();
    await client.open(uri, 'yaml', big.text);
    const diagnostics = await client.waitForDiagnostics(uri, () => true, BOUND_MS);
    const elapsed = performance.now() - started;
    const report = `didOpen → publishDiagnostics: ${elapsed.toFixed(0)} ms for ${(big.text.length / 1024 / 1024).toFixed(2)} MB, ${FLOWS * PAIRS_PER_FLOW * 2} steps`;
    t.diagnostic(report);
    console.log(report);
    assert.equal(diagnostics.length, big.typos);
    assert.ok(diagnostics.every((d) => d.code === 'unknown-key' && d.message.includes('"chatid"')));
    assert.ok(big.text.length > 900_000, `generated ${big.text.length} characters`);
    assert.ok(elapsed < BOUND_MS);
  });

  test(`an edit of that script is re-checked within ${BOUND_MS} ms of didChange`, async (t) => {
    const uri = fileUri(join(root, 'big.script.yaml'));
    await client.waitForDiagnostics(uri, (list) => list.length === big.typos);
    const line = big.text.split('\n').findIndex((text) => text.includes('{chatid}'));
    const at = big.text.split('\n')[line].indexOf('{chatid}') + 1;
    const started = performance.now();
    const version = await client.change(uri, [{ range: { start: { line, character: at }, end: { line, character: at + 6 } }, text: 'chatId' }]);
    const diagnostics = await client.waitForDiagnostics(uri, (_list, params) => params.version === version, BOUND_MS);
    const elapsed = performance.now() - started;
    const report = `didChange → publishDiagnostics: ${elapsed.toFixed(0)} ms on the same file`;
    t.diagnostic(report);
    console.log(report);
    assert.equal(diagnostics.length, big.typos - 1);
    assert.ok(elapsed < BOUND_MS);
  });
});
