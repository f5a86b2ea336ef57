// Specifies the sample-value inlay hints: where each comes from, how secrets and empty values show, and range filtering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InlayHintKind } from 'vscode-languageserver-types';
import { sampleValueHints } from '../../server/src/core/language/inlay-hints';
import type { Environment } from '../../server/src/core/expand/profiles';
import { parseScriptFile } from '../../server/src/core/read/script-file';
import type { Span } from '../../server/src/core/base/types';
import { parseWebhookFile } from '../../server/src/core/read/webhook-file';
import { fieldsContext } from './core-helpers';
import { EN } from '../support/l10n';

const FIELDS = `{
  "customFields": {
    "geo": { "type": "text", "example": "KZ" },
    "trader_id": { "type": "text" },
    "note": { "type": "long-text", "example": "${'n'.repeat(60)}" }
  },
  "trackerFields": { "clickid": { "example": "7f3a9c01" } },
  "profiles": {
    "lead": { "tracker.clickid": "LEAD-1", "username": "", "chatId": "\${env:WT_CHAT}", "trader_id": "TR-9" },
    "bare": {}
  }
}`;

const ENV: Environment = { WT_CHAT: '482913377' };

/** The hints of a webhook text as `placeholder label`, the placeholder read back from before each hint. */
function hints(text: string, profile?: string, within?: Span, env: Environment = ENV): string[] {
  const document = TextDocument.create('file:///project/h.webhook', 'webhook-template', 1, text);
  const parsed = text.startsWith('flows:') ? parseScriptFile(text, 'yaml') : parseWebhookFile(text);
  return sampleValueHints(document, parsed, fieldsContext(FIELDS), profile, env, within ?? { start: 0, end: text.length }, EN).map((hint) => {
    const before = text.slice(0, document.offsetAt(hint.position));
    return `${before.slice(before.lastIndexOf('{'))} ${hint.label as string}`;
  });
}

test('without a profile, fields show their examples and built-ins their samples', () => {
  assert.deepEqual(hints('GET https://t.example/p?c={tracker.clickid}&g={geo}&chat={chatId}\n'), ['{tracker.clickid} = 7f3a9c01', '{geo} = KZ', '{chatId} = 482913377']);
});

test('a profile value wins over the example', () => {
  assert.deepEqual(hints('GET https://t.example/p?c={tracker.clickid}&g={geo}\n', 'lead'), ['{tracker.clickid} = LEAD-1', '{geo} = KZ']);
});

test('a profile value read from the environment shows as ***', () => {
  assert.deepEqual(hints('GET https://t.example/p?chat={chatId}\n', 'lead'), ['{chatId} = ***']);
});

test('an empty profile value shows as (empty)', () => {
  assert.deepEqual(hints('GET https://t.example/p?u={username}\n', 'lead'), ['{username} = (empty)']);
});

test('a field with neither a profile value nor an example gets no hint', () => {
  assert.deepEqual(hints('GET https://t.example/p?t={trader_id}\n'), []);
  assert.deepEqual(hints('GET https://t.example/p?t={trader_id}\n', 'lead'), ['{trader_id} = TR-9']);
});

test('an environment variable that is not set gives no hint', () => {
  assert.deepEqual(hints('GET https://t.example/p?chat={chatId}\n', 'lead', undefined, {}), []);
});

test('unknown keys get no hint', () => {
  assert.deepEqual(hints('GET https://t.example/p?c={tracker.clikid}&x={nope}\n'), []);
});

test('a value longer than 40 characters is cut with an ellipsis', () => {
  assert.deepEqual(hints('POST https://t.example/p\n\n{note}\n'), [`{note} = ${'n'.repeat(39)}…`]);
});

test('in a script webhook step, {stepKey} shows the step\'s own key, over the profile', () => {
  const text = 'flows:\n  - key: main\n    steps:\n      - key: lead_postback\n        type: webhook\n        url: "https://t.example/p?s={stepKey}"\n';
  assert.deepEqual(hints(text, 'lead'), ['{stepKey} = lead_postback']);
});

test('only placeholders inside the requested span get hints', () => {
  const text = 'GET https://t.example/p?c={tracker.clickid}&g={geo}&chat={chatId}\n';
  const start = text.indexOf('&g=') + 1;
  assert.deepEqual(hints(text, undefined, { start, end: text.indexOf('&chat=') }), ['{geo} = KZ']);
  assert.deepEqual(hints(text, undefined, { start: 0, end: 4 }), []);
});

test('a request outside the span gives no hints, in a file of several requests', () => {
  const text = '### A\nGET https://t.example/a?g={geo}\n\n### B\nGET https://t.example/b?c={tracker.clickid}\n';
  assert.deepEqual(hints(text, undefined, { start: text.indexOf('### B'), end: text.length }), ['{tracker.clickid} = 7f3a9c01']);
});

test('a hint is padded on the left, of kind Type, and its tooltip names the profile and the source', () => {
  const text = 'GET https://t.example/p?c={tracker.clickid}&g={geo}\n';
  const document = TextDocument.create('file:///project/h.webhook', 'webhook-template', 1, text);
  const [profiled, example] = sampleValueHints(document, parseWebhookFile(text), fieldsContext(FIELDS), 'lead', ENV, { start: 0, end: text.length }, EN);
  assert.equal(profiled.kind, InlayHintKind.Type);
  assert.equal(profiled.paddingLeft, true);
  assert.deepEqual(profiled.position, document.positionAt(text.indexOf('&g=')));
  assert.equal(profiled.tooltip, 'Profile "lead": from the profile.');
  assert.equal(example.tooltip, 'Profile "lead": the field\'s example.');
});

test('a profile the fields file lacks gives no hints', () => {
  assert.deepEqual(hints('GET https://t.example/p?c={tracker.clickid}\n', 'nope'), []);
});
