// Specifies the sample values of profiles: names, fallback order, number formatting, env references.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinKey } from '../../server/src/core/resolve/builtins';
import { parseFieldsFile } from '../../server/src/core/fields/fields-file';
import { createSampleContext, numberText, profileNames, sampleText, type SampleLookup } from '../../server/src/core/expand/profiles';
import type { Target } from '../../server/src/core/resolve/resolve-placeholder';
import type { FieldsModel } from '../../server/src/core/base/types';
import { EN } from '../support/l10n';

const FIELDS = `{
  "customFields": {
    "deposit_amount": { "type": "number", "example": 150 },
    "langs": { "type": "multiselect", "items": ["ru", "kz", "en"], "example": ["ru", "en"] },
    "trader_id": { "type": "text" }
  },
  "trackerFields": { "clickid": { "example": "7f3a9c01" } },
  "profiles": {
    "zeta": { "chatId": 482913377, "stepKey": "from_profile", "trader_id": null, "deposit_amount": 1.5 },
    "alpha": { "chatId": 4503599627370495, "username": "\${env:TG_USER}", "tracker.clickid": true },
    "mid": {}
  }
}`;

function model(text: string = FIELDS): FieldsModel {
  const parsed = parseFieldsFile(text, 'json').model;
  assert.ok(parsed, 'the fields text parses');
  return parsed;
}

function builtin(key: string): Target {
  const found = builtinKey(key);
  assert.ok(found, `${key} is a built-in`);
  return { kind: 'builtin', builtin: found };
}

function custom(key: string): Target {
  const field = model().customFields.get(key);
  assert.ok(field, `${key} is a custom field`);
  return { kind: 'custom', field };
}

function tracker(key: string): Target {
  const field = model().trackerFields.get(key);
  assert.ok(field, `${key} is a tracker field`);
  return { kind: 'tracker', field };
}

function valueOf(lookup: SampleLookup): string | undefined {
  return 'value' in lookup ? lookup.value.value : undefined;
}

test('profile names come in file order', () => {
  assert.deepEqual(profileNames(model()), ['zeta', 'alpha', 'mid']);
});

test('without a fields file there are no profiles', () => {
  assert.deepEqual(profileNames(undefined), []);
});

test('a numeric chatId formats as an integer, never in exponent form', () => {
  const lookup = createSampleContext(model(), 'zeta', {})(builtin('chatId'));
  assert.deepEqual(lookup, { value: { value: '482913377', secret: false, source: 'profile' } });
});

test('a 52-bit chatId keeps every digit', () => {
  assert.equal(valueOf(createSampleContext(model(), 'alpha', {})(builtin('chatId'))), '4503599627370495');
});

test('integers past exponent notation are written out in digits', () => {
  assert.equal(numberText(1e21), '1000000000000000000000');
});

test('small fractions are written without an exponent', () => {
  assert.equal(numberText(1e-7), '0.0000001');
});

test('a fractional profile value keeps its decimals', () => {
  assert.equal(valueOf(createSampleContext(model(), 'zeta', {})(custom('deposit_amount'))), '1.5');
});

test('a boolean profile value is written as true or false', () => {
  assert.equal(valueOf(createSampleContext(model(), 'alpha', {})(tracker('clickid'))), 'true');
});

test('a null profile value is an empty value, not a fallback', () => {
  assert.deepEqual(createSampleContext(model(), 'zeta', {})(custom('trader_id')), { value: { value: '', secret: false, source: 'profile' } });
});

test('a multiselect example joins its items with commas', () => {
  assert.deepEqual(createSampleContext(model(), 'mid', {})(custom('langs')), { value: { value: 'ru,en', secret: false, source: 'example' } });
});

test('an empty environment variable is an empty secret value', () => {
  const lookup = createSampleContext(model(), 'alpha', { TG_USER: '' })(builtin('username'));
  assert.deepEqual(lookup, { value: { value: '', secret: true, source: 'profile' } });
});

test('an env reference inside a longer value is kept as text', () => {
  const text = FIELDS.replace('"${env:TG_USER}"', '"x-${env:TG_USER}"');
  assert.equal(valueOf(createSampleContext(model(text), 'alpha', { TG_USER: 'u' })(builtin('username'))), 'x-${env:TG_USER}');
});

test("the request's step key wins over the profile's", () => {
  const lookup = createSampleContext(model(), 'zeta', {}, 'lead_sent')(builtin('stepKey'));
  assert.deepEqual(lookup, { value: { value: 'lead_sent', secret: false, source: 'step' } });
});

test("without a step key the profile's stepKey is used", () => {
  assert.equal(valueOf(createSampleContext(model(), 'zeta', {})(builtin('stepKey'))), 'from_profile');
});

test('without a step key or profile value stepKey takes the built-in sample', () => {
  assert.deepEqual(createSampleContext(model(), 'mid', {})(builtin('stepKey')), { value: { value: 'lead_postback', secret: false, source: 'builtin' } });
});

test('a custom field without value or example is missing, naming the fields file', () => {
  const lookup = createSampleContext(model(), 'mid', {}, undefined, 'webhook-fields.json')(custom('trader_id'));
  assert.equal('missing' in lookup && EN.say(lookup.missing), 'no value in profile "mid" and no example in webhook-fields.json');
});

test('an unknown profile makes every lookup missing', () => {
  const lookup = createSampleContext(model(), 'nobody', {}, undefined, 'webhook-fields.json')(builtin('chatId'));
  assert.equal('missing' in lookup && EN.say(lookup.missing), 'no profile "nobody" in webhook-fields.json');
});

test('an object sample is written as JSON', () => {
  assert.equal(sampleText({ a: 1 }), '{"a":1}');
});
