// Specifies the shared reading of a URL part: computed once per part, equal to reading the value afresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readReceiverUrl, recogniseReceiver, type ReceiverDefinition } from '../../server/src/core/receivers/index';
import { urlTemplateParts } from '../../server/src/core/url-template-parts';
import { urlReadingOf } from '../../server/src/core/url-reading';

const KEITARO_URL = 'https://tracker.example/25123a/postback?subid={tracker.clickid}&status=lead';

test('a reading holds the same parts, receiver URL and receiver as reading the value afresh', () => {
  const reading = urlReadingOf({ span: { start: 10, end: 10 + KEITARO_URL.length }, value: KEITARO_URL });
  assert.deepEqual(reading.parts, urlTemplateParts(KEITARO_URL));
  assert.deepEqual(reading.receiverUrl, readReceiverUrl(KEITARO_URL));
  assert.deepEqual(reading.recognise(), recogniseReceiver(KEITARO_URL));
  assert.equal(reading.recognise()?.receiver.name, recogniseReceiver(KEITARO_URL)?.receiver.name);
});

test('the same part gets the same reading; an equal part of its own gets another', () => {
  const part = { span: { start: 0, end: KEITARO_URL.length }, value: KEITARO_URL };
  assert.equal(urlReadingOf(part), urlReadingOf(part));
  assert.notEqual(urlReadingOf(part), urlReadingOf({ ...part }));
  assert.equal(urlReadingOf(part).parts, urlReadingOf(part).parts);
});

test('recognition is kept per table list: user tables are tried first', () => {
  const part = { span: { start: 0, end: KEITARO_URL.length }, value: KEITARO_URL };
  const builtin = urlReadingOf(part).recognise();
  const mine: ReceiverDefinition = { ...builtin!.receiver, name: 'Mine' };
  assert.equal(urlReadingOf(part).recognise([mine])?.receiver.name, 'Mine');
  assert.equal(urlReadingOf(part).recognise()?.receiver.name, builtin!.receiver.name);
});

test('a value without scheme:// has parts but no receiver reading', () => {
  const reading = urlReadingOf({ span: { start: 0, end: 9 }, value: 'host/path' });
  assert.equal(reading.parts.origin.end, 4);
  assert.equal(reading.receiverUrl, undefined);
  assert.equal(reading.recognise(), undefined);
});
