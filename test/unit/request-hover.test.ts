// Specifies the hover on a request line: the request exactly as it is sent (encoded, with the active profile, secrets
// as ***), then what a known receiver records and its parameter table; for `.webhook` request lines and script `url:` values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { DESIGN_FIELDS } from '../support/design-fields';
import { SCRIPT_YAML_URI, WEBHOOK_URI, docAt, fieldsContext } from './core-helpers';
import { createTemplateService } from '../../server/src/core/index';
import type { Environment } from '../../server/src/core/expand/profiles';
import type { FieldsContext } from '../../server/src/core/base/types';

const FIELDS = DESIGN_FIELDS.replace(/\n}\n$/, `,
  "profiles": {
    "lead": { "username": "Иван Петров", "tracker.clickid": "LEAD-1", "deposit_amount": 150 },
    "secret": { "tracker.clickid": "\${env:WT_CLICK}" }
  }
}
`);

/** The hover at the `|` of a text, with the fields above, the active profile and environment given. */
function hoverAt(uri: string, textWithCursor: string, profile?: string, env: Environment = {}) {
  const { document, position } = docAt(uri, textWithCursor);
  const fields: FieldsContext = { ...fieldsContext(FIELDS), ...(profile ? { profile } : {}) };
  const hover = createTemplateService().hover(document, position, fields, env);
  const covers = hover?.range && document.getText().slice(document.offsetAt(hover.range.start), document.offsetAt(hover.range.end));
  return { hover, covers, value: (hover?.contents as MarkupContent | undefined)?.value ?? '' };
}

const UNKNOWN = 'POST https://crm.example.com/leads?u={username}&at={createdAt}&c={tracker.clickid}';

test('on the method of an unknown receiver: the request line as sent, encoded, with examples and built-in samples', () => {
  const { value, covers } = hoverAt(WEBHOOK_URI, `### Lead\nPO|ST ${UNKNOWN.slice(5)}\n`);
  assert.equal(value, [
    '**Sent as** (no profile: examples and built-in samples)',
    '',
    '```text',
    'POST https://crm.example.com/leads?u=ivan_petrov&at=2024-03-10T17%3A49%3A32.806Z&c=7f3a9c01',
    '```',
  ].join('\n'));
  assert.equal(covers, UNKNOWN);
});

test('on the URL outside placeholders: the same, with the active profile\'s values percent-encoded', () => {
  const { value } = hoverAt(WEBHOOK_URI, `${UNKNOWN.replace('crm.', 'c|rm.')}\n`, 'lead');
  assert.match(value, /^\*\*Sent as\*\* \(profile "lead"\)\n/);
  assert.match(value, /\nPOST https:\/\/crm\.example\.com\/leads\?u=%D0%98%D0%B2%D0%B0%D0%BD%20%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2&at=2024-03-10T17%3A49%3A32\.806Z&c=LEAD-1\n/);
});

test('a secret from ${env:…} is shown as *** and said so; the value never appears', () => {
  const { value } = hoverAt(WEBHOOK_URI, `|${UNKNOWN}\n`, 'secret', { WT_CLICK: 'TOP SECRET' });
  assert.match(value, /&c=\*\*\*\n/);
  assert.match(value, /Values read from environment variables are shown as `\*\*\*`\./);
  assert.doesNotMatch(value, /TOP|SECRET/);
});

test('what stays unresolved or empty is listed under the request line', () => {
  const text = 'GET https://crm.example.com/p?c={tracker.clickid}&x={tracker.clikid}\n';
  const { value } = hoverAt(WEBHOOK_URI, `G|${text.slice(1)}`, 'secret');
  assert.match(value, /```text\nGET https:\/\/crm\.example\.com\/p\?c=\{tracker\.clickid\}&x=\{tracker\.clikid\}\n```/);
  assert.match(value, /Not sendable, unresolved placeholders:\n- `\{tracker\.clickid\}`: environment variable WT_CLICK is not set\n- `\{tracker\.clikid\}`: /);
});

const KEITARO = 'GET https://k.example.com/25123a/postback?subid={tracker.clickid}&payout={deposit_amount}';

test('a known receiver: the request as sent, then what it records, then its table with the values as sent', () => {
  const { value, covers } = hoverAt(WEBHOOK_URI, `${KEITARO.replace('k.example', 'k.exa|mple')}\n`, 'lead');
  const sections = value.split('\n\n---\n\n');
  assert.equal(sections.length, 3);
  assert.match(sections[0], /^\*\*Sent as\*\* \(profile "lead"\)\n\n```text\nGET https:\/\/k\.example\.com\/25123a\/postback\?subid=LEAD-1&payout=150\n```$/);
  assert.equal(sections[1], [
    'Keitaro records "sale" (Keitaro\'s default: no status was sent) of 150 on click LEAD-1.',
    '',
    '- `subid` = `LEAD-1`',
    '- `status` = `sale` (Keitaro\'s default: no status was sent)',
    '- `payout` = `150`',
  ].join('\n'));
  assert.match(sections[2], /^\*\*Keitaro\*\* — parameters/);
  assert.match(sections[2], /\| `subid` \| .* \| `LEAD-1` \|/);
  assert.equal(covers, KEITARO);
});

test('the record warns when the receiver cannot tell what to record on', () => {
  const { value } = hoverAt(WEBHOOK_URI, '|GET https://k.example.com/25123a/postback?subid=&status=lead\n');
  assert.match(value, /Warning: "subid" is missing or empty: Keitaro cannot tell what to record it on, so it records nothing\./);
});

test('on a parameter name of a known receiver, the parameter explains itself', () => {
  const { value } = hoverAt(WEBHOOK_URI, `${KEITARO.replace('payout=', 'pay|out=')}\n`);
  assert.match(value, /^`payout` — Keitaro/);
  assert.doesNotMatch(value, /Sent as/);
});

test('on a placeholder of the URL, the placeholder\'s own hover', () => {
  assert.match(hoverAt(WEBHOOK_URI, `${KEITARO.replace('{tracker.click', '{tracker.cl|ick')}\n`).value, /^`\{tracker\.clickid\}` — Tracker field/);
});

test('a header line or the body of a request has no request hover', () => {
  assert.equal(hoverAt(WEBHOOK_URI, 'POST https://crm.example.com/p\nX-A|pp: 1\n\n{"a": 1}\n').hover, null);
  assert.equal(hoverAt(WEBHOOK_URI, 'POST https://crm.example.com/p\nX-App: 1\n\n{"a|": 1}\n').hover, null);
});

test('a script step\'s url: value, with {stepKey} as the step\'s own key', () => {
  const text = 'flows:\n  - key: main\n    steps:\n      - key: lead_postback\n        type: webhook\n        method: POST\n        url: "https://crm.exa|mple.com/p?s={stepKey}&u={username}"\n';
  const { value, covers } = hoverAt(SCRIPT_YAML_URI, text, 'lead');
  assert.match(value, /```text\nPOST https:\/\/crm\.example\.com\/p\?s=lead_postback&u=%D0%98%D0%B2%D0%B0%D0%BD%20%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2\n```/);
  assert.equal(covers, 'https://crm.example.com/p?s={stepKey}&u={username}');
});

test('a script step\'s url: of a known receiver gets its record and table too', () => {
  const text = `flows:\n  - key: main\n    steps:\n      - key: pb\n        type: webhook\n        url: '${KEITARO.slice(4).replace('postback', 'post|back')}&status=lead'\n`;
  const { value } = hoverAt(SCRIPT_YAML_URI, text);
  assert.deepEqual(value.split('\n\n---\n\n').map((section) => section.split('\n')[0]), [
    '**Sent as** (no profile: examples and built-in samples)',
    'Keitaro records "lead" of 150 on click 7f3a9c01.',
    '**Keitaro** — parameters and the values they get with sample values',
  ]);
});

test('other keys of a script step have no request hover', () => {
  const text = 'flows:\n  - key: main\n    steps:\n      - key: pb\n        type: webhook\n        me|thod: POST\n        url: "https://crm.example.com/p"\n';
  assert.equal(hoverAt(SCRIPT_YAML_URI, text).hover, null);
});
