// Specifies where fields are used and defined: template usages, bot-variable values, definitions and profile keys under the cursor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFieldsFile } from '../../server/src/core/fields/fields-file';
import { parseScriptFile } from '../../server/src/core/read/script-file';
import type { FieldsModel, Span } from '../../server/src/core/base/types';
import { fieldRefAt, fieldsFileUsages, profileKeys, templateUsages, type Usage } from '../../server/src/core/resolve/usages';
import { parseWebhookFile } from '../../server/src/core/read/webhook-file';
import { fieldsContext } from './core-helpers';

const FIELDS = `{
  "customFields": {
    "geo": { "type": "text", "example": "KZ" },
    "deposit_amount": { "type": "number" }
  },
  "trackerFields": {
    "clickid": { "example": "c1" },
    "sub1": {}
  },
  "botVariables": {
    "regLink": { "value": "https://p.example/reg?c={{tracker.clickid}}&g={{fields.geo}}&u={{username}}" }
  },
  "profiles": {
    "lead": { "tracker.clickid": "x", "geo": "UZ", "chatId": 1, "tracker.nope": "y", "unknown_custom": 2 }
  }
}
`;

function model(text = FIELDS): FieldsModel {
  const parsed = parseFieldsFile(text, 'json');
  assert.ok(parsed.model, JSON.stringify(parsed.problems));
  return parsed.model;
}

/** A usage as `kind:key name=<text of nameSpan> placeholder=<text of placeholderSpan>`. */
function described(text: string, usage: Usage): string {
  const slice = (span: Span) => text.slice(span.start, span.end);
  return `${usage.kind}:${usage.key} name=${slice(usage.nameSpan)} placeholder=${slice(usage.placeholderSpan)}`;
}

const webhookUsages = (text: string) => templateUsages(text, parseWebhookFile(text), fieldsContext(FIELDS)).map((usage) => described(text, usage));

test('templateUsages lists each field a webhook names, with the key part as its name span', () => {
  const text = 'GET https://t.example/p?c={tracker.clickid}&g={geo}&chat={chatId}\n';
  assert.deepEqual(webhookUsages(text), ['tracker:clickid name=clickid placeholder={tracker.clickid}', 'custom:geo name=geo placeholder={geo}']);
});

test('templateUsages leaves out built-ins and unknown keys', () => {
  assert.deepEqual(webhookUsages('GET https://t.example/p?u={username}&c={tracker.clikid}&x={nope}\n'), []);
});

test('templateUsages reads both dialects of a script file, and bot variables through variables.', () => {
  const text = [
    'flows:',
    '  - key: main',
    '    steps:',
    '      - key: hi',
    '        type: message',
    '        text: "{{fields.geo}} {{tracker.clickid}} {{variables.regLink}}"',
    '      - key: hook',
    '        type: webhook',
    '        url: "https://t.example/p?c={tracker.clickid}&a={deposit_amount}"',
    '',
  ].join('\n');
  const usages = templateUsages(text, parseScriptFile(text, 'yaml'), fieldsContext(FIELDS)).map((usage) => described(text, usage));
  assert.deepEqual(usages, [
    'custom:geo name=geo placeholder={{fields.geo}}',
    'tracker:clickid name=clickid placeholder={{tracker.clickid}}',
    'variable:regLink name=regLink placeholder={{variables.regLink}}',
    'tracker:clickid name=clickid placeholder={tracker.clickid}',
    'custom:deposit_amount name=deposit_amount placeholder={deposit_amount}',
  ]);
});

test('fieldsFileUsages finds the fields named in bot-variable values, in the fields file itself', () => {
  const usages = fieldsFileUsages(FIELDS, model(), 'webhook-fields.json').map((usage) => described(FIELDS, usage));
  assert.deepEqual(usages, ['tracker:clickid name=clickid placeholder={{tracker.clickid}}', 'custom:geo name=geo placeholder={{fields.geo}}']);
});

test('fieldsFileUsages finds nothing in a fields file without bot variables', () => {
  const text = '{ "customFields": { "geo": { "type": "text" } } }';
  assert.deepEqual(fieldsFileUsages(text, model(text), 'webhook-fields.json'), []);
});

test('fieldRefAt on a definition key names its section and key, spanning the key', () => {
  for (const [needle, kind, key] of [['"geo"', 'custom', 'geo'], ['"clickid"', 'tracker', 'clickid'], ['"regLink"', 'variable', 'regLink']] as const) {
    const found = fieldRefAt(model(), FIELDS.indexOf(needle) + 2);
    assert.deepEqual(found?.ref, { kind, key }, needle);
    assert.equal(FIELDS.slice(found!.span.start, found!.span.end), key);
  }
});

test('fieldRefAt on both edges of a definition key still finds it', () => {
  const start = FIELDS.indexOf('"sub1"') + 1;
  assert.deepEqual(fieldRefAt(model(), start)?.ref, { kind: 'tracker', key: 'sub1' });
  assert.deepEqual(fieldRefAt(model(), start + 'sub1'.length)?.ref, { kind: 'tracker', key: 'sub1' });
});

test('fieldRefAt on a profile key "tracker.clickid" names the tracker field, spanning only "clickid"', () => {
  const found = fieldRefAt(model(), FIELDS.indexOf('"tracker.clickid": "x"') + 12);
  assert.deepEqual(found?.ref, { kind: 'tracker', key: 'clickid' });
  assert.equal(FIELDS.slice(found!.span.start, found!.span.end), 'clickid');
});

test('fieldRefAt on a description, a value or a built-in profile key finds nothing', () => {
  const m = model();
  assert.equal(fieldRefAt(m, FIELDS.indexOf('"KZ"') + 1), undefined);
  assert.equal(fieldRefAt(m, FIELDS.indexOf('"chatId"') + 2), undefined);
  assert.equal(fieldRefAt(m, FIELDS.indexOf('"lead"') + 2), undefined);
});

test('profileKeys lists the keys naming custom and tracker fields, leaving out built-ins and undefined fields', () => {
  const keys = profileKeys(model()).map((entry) => `${entry.ref.kind}:${entry.ref.key}=${FIELDS.slice(entry.span.start, entry.span.end)}`);
  assert.deepEqual(keys, ['tracker:clickid=clickid', 'custom:geo=geo']);
});

test('profileKeys spans sit inside the key quotes, the tracker prefix left out', () => {
  const [tracker, custom] = profileKeys(model());
  assert.equal(FIELDS.slice(tracker.span.start - '"tracker.'.length, tracker.span.end + 1), '"tracker.clickid"');
  assert.equal(FIELDS.slice(custom.span.start - 1, custom.span.end + 1), '"geo"');
});

test('profileKeys spans are right in a YAML fields file too', () => {
  const text = 'trackerFields:\n  clickid: {}\nprofiles:\n  lead:\n    tracker.clickid: x\n';
  const parsed = parseFieldsFile(text, 'yaml');
  assert.ok(parsed.model);
  const [entry] = profileKeys(parsed.model);
  assert.equal(text.slice(entry.span.start, entry.span.end), 'clickid');
  assert.equal(entry.span.start, text.indexOf('tracker.clickid: x') + 'tracker.'.length);
});
