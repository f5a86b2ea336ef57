// Specifies the sample-value inlay hints: where each comes from, how secrets and empty values show, and range filtering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InlayHintKind } from 'vscode-languageserver-types';
import { drawnValue, sampleValueHints, type InlayHintOptions } from '../../server/src/core/language/inlay-hints';
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
    "bare": {},
    "odd": {
      "username": "ivan\\r\\n\\tX-Evil: 1",
      "geo": "KZ\\u202E\\u0000\\u0085\\u200B",
      "tracker.clickid": "7f3a9c01e5b24d6f8a1b2c3d4e5f6c01",
      "trader_id": "Иван \\"Иванов\\" & Co"
    }
  }
}`;

const ENV: Environment = { WT_CHAT: '482913377' };

/** The hints of a webhook text (or a YAML script), as the service gives them. */
function hintsOf(text: string, profile?: string, options: InlayHintOptions = {}, within?: Span, env: Environment = ENV) {
  const document = TextDocument.create('file:///project/h.webhook', 'webhook-template', 1, text);
  const parsed = text.startsWith('flows:') ? parseScriptFile(text, 'yaml') : parseWebhookFile(text);
  return { document, hints: sampleValueHints(document, parsed, fieldsContext(FIELDS), profile, env, within ?? { start: 0, end: text.length }, EN, options) };
}

/** The hints of a webhook text as `placeholder label`, the placeholder read back from before each hint. */
function hints(text: string, profile?: string, within?: Span, env: Environment = ENV, options: InlayHintOptions = {}): string[] {
  const { document, hints: found } = hintsOf(text, profile, options, within, env);
  return found.map((hint) => {
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

test('a value longer than 24 characters keeps its start and end around an ellipsis in the middle', () => {
  assert.deepEqual(hints('POST https://t.example/p\n\n{note}\n'), [`{note} = ${'n'.repeat(12)}…${'n'.repeat(11)}`]);
  assert.deepEqual(hints('GET https://t.example/p?c={tracker.clickid}\n', 'odd'), ['{tracker.clickid} = 7f3a9c01e5b2…c3d4e5f6c01']);
});

test('the setting maxLength sets how long a hint is, down to 8: 7f3a…c01', () => {
  const text = 'GET https://t.example/p?c={tracker.clickid}\n';
  assert.deepEqual(hints(text, 'odd', undefined, ENV, { maxLength: 8 }), ['{tracker.clickid} = 7f3a…c01']);
  assert.deepEqual(hints(text, 'odd', undefined, ENV, { maxLength: 3 }), ['{tracker.clickid} = 7f3a…c01']);
  assert.deepEqual(hints(text, 'odd', undefined, ENV, { maxLength: 40 }), ['{tracker.clickid} = 7f3a9c01e5b24d6f8a1b2c3d4e5f6c01']);
});

test('control characters are never drawn raw: CR, LF and tab as \\r \\n \\t, other C0/C1, bidi and invisible ones as \\uXXXX', () => {
  const text = 'GET https://t.example/p?u={username}&g={geo}\n';
  assert.deepEqual(hints(text, 'odd', undefined, ENV, { maxLength: 60 }), ['{username} = ivan\\r\\n\\tX-Evil: 1', '{geo} = KZ\\u202E\\u0000\\u0085\\u200B']);
  for (const hint of hintsOf(text, 'odd').hints) {
    assert.doesNotMatch(`${hint.label as string}${hint.tooltip as string}`, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  }
});

test('an escape is never cut in two by the ellipsis', () => {
  assert.equal(drawnValue('ab\u202Ecdefgh', 8), 'ab…fgh');
  assert.equal(drawnValue('abcdefg\n\n', 8), 'abcd…\\n');
  assert.equal(drawnValue('short', 8), 'short');
});

test('where the encoding changes the value, the tooltip says what is sent: percent-encoded in the URL', () => {
  const { hints: [hint] } = hintsOf('GET https://t.example/p?t={trader_id}\n', 'odd');
  assert.equal(hint.label, '= Иван "Иванов" & Co');
  assert.equal(hint.tooltip, 'Profile "odd": from the profile.\nSent as %D0%98%D0%B2%D0%B0%D0%BD%20%22%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%22%20%26%20Co (percent-encoded).');
});

test('the tooltip says what is sent in a JSON string of the body, and that a header cannot carry a line break', () => {
  const text = 'POST https://t.example/p\nX-Name: {username}\n\n{"trader": "{trader_id}", "u": "{username}"}\n';
  const [header, trader, user] = hintsOf(text, 'odd').hints.map((hint) => (hint.tooltip as string).split('\n').slice(1));
  assert.deepEqual(header, ['Value: ivan\\r\\n\\tX-Evil: 1', 'A header cannot carry this line break: a send with this profile is refused.']);
  assert.deepEqual(trader, ['Sent as Иван \\"Иванов\\" & Co (escaped for a JSON string).']);
  // JSON writes the controls as the very escapes the hint draws them with.
  assert.deepEqual(user, ['Value: ivan\\r\\n\\tX-Evil: 1', 'Sent as ivan\\r\\n\\tX-Evil: 1 (escaped for a JSON string).']);
});

test('the tooltip gives the whole value when the hint is cut, and no "sent as" when the encoding leaves it alone', () => {
  const { hints: [hint] } = hintsOf('GET https://t.example/p?c={tracker.clickid}\n', 'odd');
  assert.equal(hint.tooltip, 'Profile "odd": from the profile.\nValue: 7f3a9c01e5b24d6f8a1b2c3d4e5f6c01');
});

test('a secret says nothing of its value or its sent form', () => {
  const { hints: [hint] } = hintsOf('GET https://t.example/p?chat={chatId}\n', 'lead', {}, undefined, { WT_CHAT: 'a b' });
  assert.equal(hint.label, '= ***');
  assert.equal(hint.tooltip, 'Profile "lead": from the profile.');
});

test('in a script string with escapes, the sent form is still found for each placeholder', () => {
  const text = 'flows:\n  - key: main\n    steps:\n      - key: pb\n        type: webhook\n        url: "https://t.example/p?x=\\u0041&t={trader_id}&u={username}"\n';
  const tooltips = hintsOf(text, 'odd').hints.map((hint) => (hint.tooltip as string).split('\n').pop());
  assert.deepEqual(tooltips, [
    'Sent as %D0%98%D0%B2%D0%B0%D0%BD%20%22%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%22%20%26%20Co (percent-encoded).',
    'Sent as ivan%0D%0A%09X-Evil%3A%201 (percent-encoded).',
  ]);
});

test('a message placeholder (not sent over HTTP) gets no "sent as"', () => {
  const text = 'flows:\n  - key: main\n    steps:\n      - key: hi\n        type: message\n        text: "Hi {{fields.trader_id}}"\n';
  assert.deepEqual(hintsOf(text, 'odd').hints.map((hint) => hint.tooltip), ['Profile "odd": from the profile.']);
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
