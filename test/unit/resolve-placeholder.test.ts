// Specifies what a placeholder refers to in its dialect, and which finding (code, fix, missing key) it gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePlaceholder, delimiterFor, keyFormOf, resolveKey, suggestionsKept, type ResolveContext } from '../../server/src/core/resolve/resolve-placeholder';
import { scanPlaceholders } from '../../server/src/core/resolve/scan-placeholders';
import type { Dialect, Place, PlaceholderSyntax } from '../../server/src/core/base/types';
import { fieldsContext, wholeRegion } from './core-helpers';

const model = fieldsContext().source!.model;

function context(syntax: PlaceholderSyntax = 'braces', withModel = true): ResolveContext {
  return { model: withModel ? model : undefined, fieldsName: 'webhook-fields.json', syntax };
}

/** Analysis of the only placeholder of `text` standing in one region of the given dialect. */
function analyze(text: string, dialect: Dialect, place: Place = dialect === 'webhook' ? 'url' : 'text', ctx = context()) {
  const placeholders = scanPlaceholders(text, wholeRegion(text, dialect, place), ctx.syntax);
  assert.equal(placeholders.length, 1, `expected one placeholder in ${text}`);
  return analyzePlaceholder(placeholders[0], ctx);
}

test('a built-in key resolves to the built-in in the webhook dialect', () => {
  const analysis = analyze('{chatId}', 'webhook');
  assert.equal(analysis?.target?.kind, 'builtin');
  assert.equal(analysis?.finding, undefined);
});

test('a bare custom key resolves to the custom field in the webhook dialect', () => {
  const target = analyze('{deposit_amount}', 'webhook')?.target;
  assert.equal(target?.kind, 'custom');
  assert.equal(target?.kind === 'custom' && target.field.key, 'deposit_amount');
});

test('fields.KEY resolves to the custom field in the message dialect', () => {
  assert.equal(analyze('{{fields.geo}}', 'message')?.target?.kind, 'custom');
});

test('tracker.KEY resolves to the tracker field in both dialects', () => {
  assert.equal(analyze('{tracker.clickid}', 'webhook')?.target?.kind, 'tracker');
  assert.equal(analyze('{{tracker.clickid}}', 'message')?.target?.kind, 'tracker');
});

test('variables.NAME resolves to the bot variable in the message dialect', () => {
  assert.equal(analyze('{{variables.regLink}}', 'message')?.target?.kind, 'variable');
});

test('name is a built-in of messages only', () => {
  assert.equal(resolveKey('name', 'message', model)?.kind, 'builtin');
  assert.equal(resolveKey('name', 'webhook', model), undefined);
});

test('stepKey is a built-in of webhooks only', () => {
  assert.equal(resolveKey('stepKey', 'webhook', model)?.kind, 'builtin');
  assert.equal(resolveKey('stepKey', 'message', model), undefined);
});

test('keys are case-sensitive', () => {
  assert.equal(resolveKey('chatid', 'webhook', model), undefined);
});

test('without a fields file only built-ins resolve', () => {
  assert.equal(resolveKey('geo', 'webhook', undefined), undefined);
  assert.equal(resolveKey('username', 'webhook', undefined)?.kind, 'builtin');
});

test('a custom field is written bare in webhooks and with fields. in messages', () => {
  const target = resolveKey('geo', 'webhook', model)!;
  assert.equal(keyFormOf(target, 'webhook'), 'geo');
  assert.equal(keyFormOf(target, 'message'), 'fields.geo');
});

test('each dialect expects its delimiter; angle applies to webhooks only', () => {
  assert.equal(delimiterFor('webhook', 'braces'), '{');
  assert.equal(delimiterFor('webhook', 'angle'), '<');
  assert.equal(delimiterFor('message', 'angle'), '{{');
});

test('the empty object in a JSON body is not analysed at all', () => {
  assert.equal(analyze('{}', 'webhook', 'body'), undefined);
});

test('a single-brace word in a message that names nothing is prose', () => {
  assert.equal(analyze('{smile}', 'message'), undefined);
});

test('an unknown webhook key may be added to customFields', () => {
  assert.deepEqual(analyze('{campaign}', 'webhook')?.finding?.missing, { section: 'customFields', key: 'campaign' });
});

test('an unknown tracker key may be added to trackerFields', () => {
  assert.deepEqual(analyze('{tracker.sub7}', 'webhook')?.finding?.missing, { section: 'trackerFields', key: 'sub7' });
});

test('an unknown fields. key in a message may be added to customFields', () => {
  assert.deepEqual(analyze('{{fields.campaign}}', 'message')?.finding?.missing, { section: 'customFields', key: 'campaign' });
});

test('an unknown variables. name in a message may be added to botVariables', () => {
  assert.deepEqual(analyze('{{variables.promo}}', 'message')?.finding?.missing, { section: 'botVariables', key: 'promo' });
});

test('an unknown bare key in a message is not offered for the fields file (it needs fields.)', () => {
  assert.equal(analyze('{{campaign}}', 'message')?.finding?.missing, undefined);
});

test('a did-you-mean fix is written in the angle syntax in an angle project', () => {
  assert.equal(analyze('<chatid>', 'webhook', 'url', context('angle'))?.finding?.fix, '<chatId>');
});

test('a wrong-dialect fix for a custom field written {{fields.geo}} in a webhook is {geo}', () => {
  assert.equal(analyze('{{fields.geo}}', 'webhook')?.finding?.fix, '{geo}');
});

test('a mistyped key met again is suggested from memory, per fields model, and a new model is asked afresh', () => {
  const own = fieldsContext().source!.model;
  const ctx: ResolveContext = { model: own, fieldsName: 'webhook-fields.json', syntax: 'braces' };
  const first = analyze('{{fields.gep}}', 'message', 'text', ctx);
  assert.equal(suggestionsKept(own), 1);
  assert.deepEqual(analyze('{{fields.gep}}', 'message', 'text', ctx), first);
  analyze('{{fields.gep}}', 'message', 'text', ctx);
  assert.equal(suggestionsKept(own), 1, 'the same mistake was worked out again');
  assert.equal(first?.finding?.fix, '{{fields.geo}}');
  const without = fieldsContext('{ "customFields": { "gap": {} } }').source!.model;
  assert.equal(analyze('{{fields.gep}}', 'message', 'text', { ...ctx, model: without })?.finding?.fix, '{{fields.gap}}');
  assert.equal(suggestionsKept(without), 1);
});
