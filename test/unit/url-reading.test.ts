// Specifies the shared reading of a URL part: computed once per part, equal to reading the value afresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readReceiverUrl, recognisedUrlOf, recogniseReceiver, type ReceiverDefinition } from '../../server/src/core/receivers/index';
import { urlTemplateParts } from '../../server/src/core/read/url-template-parts';
import { shareUrlReadings, urlReadingOf } from '../../server/src/core/read/url-reading';
import { fieldsContext, service, webhookDoc } from './core-helpers';

const KEITARO_URL = 'https://tracker.example/25123a/postback?subid={tracker.clickid}&status=lead';

test('a reading holds the same parts, receiver URL and receiver as reading the value afresh', () => {
  const part = { span: { start: 10, end: 10 + KEITARO_URL.length }, value: KEITARO_URL };
  const reading = urlReadingOf(part);
  assert.deepEqual(reading.parts, urlTemplateParts(KEITARO_URL));
  assert.deepEqual(reading.receiverUrl, readReceiverUrl(KEITARO_URL));
  assert.deepEqual(recognisedUrlOf(part), recogniseReceiver(KEITARO_URL));
  assert.equal(recognisedUrlOf(part)?.receiver.name, recogniseReceiver(KEITARO_URL)?.receiver.name);
});

test('the same part gets the same reading; an equal part of its own gets another', () => {
  const part = { span: { start: 0, end: KEITARO_URL.length }, value: KEITARO_URL };
  assert.equal(urlReadingOf(part), urlReadingOf(part));
  assert.notEqual(urlReadingOf(part), urlReadingOf({ ...part }));
  assert.equal(urlReadingOf(part).parts, urlReadingOf(part).parts);
});

test('recognition is kept per table list: user tables are tried first', () => {
  const part = { span: { start: 0, end: KEITARO_URL.length }, value: KEITARO_URL };
  const builtin = recognisedUrlOf(part);
  const mine: ReceiverDefinition = { ...builtin!.receiver, name: 'Mine' };
  assert.equal(recognisedUrlOf(part, [mine])?.receiver.name, 'Mine');
  assert.equal(recognisedUrlOf(part)?.receiver.name, builtin!.receiver.name);
});

test('a value without scheme:// has parts but no receiver reading', () => {
  const part = { span: { start: 0, end: 9 }, value: 'host/path' };
  const reading = urlReadingOf(part);
  assert.equal(reading.parts.origin.end, 4);
  assert.equal(reading.receiverUrl, undefined);
  assert.equal(recognisedUrlOf(part), undefined);
});

test('parts of one parse written alike share a reading; other values keep their own', () => {
  const part = (value: string, start: number) => ({ span: { start, end: start + value.length }, value });
  const request = (url: ReturnType<typeof part>) => ({ name: 'r', span: url.span, nameSpan: url.span, method: 'GET', url, headers: [] });
  const [first, again, other] = [part(KEITARO_URL, 0), part(KEITARO_URL, 200), part('https://other.example/', 400)];
  shareUrlReadings({ kind: 'webhook', regions: [], requests: [first, again, other].map(request), steps: [], problems: [] });
  assert.equal(urlReadingOf(first), urlReadingOf(again));
  assert.notEqual(urlReadingOf(first), urlReadingOf(other));
});

test('a repeated URL gets the same receiver findings at each place it is written', () => {
  const url = 'https://tracker.example/25123a/postback?subid={tracker.clickid}&status=lead&p1={chatId}';
  const text = `GET ${url}\n\n###\n\nGET ${url}\n`;
  const found = service().templateDiagnostics(webhookDoc(text), fieldsContext()).filter((diagnostic) => diagnostic.code === 'receiver-unknown-parameter');
  assert.deepEqual(found.map((diagnostic) => diagnostic.range.start.line), [0, 4]);
  const titles = (diagnostic: (typeof found)[number]) => diagnostic.data.fixes.map((fix: { title: string }) => fix.title);
  assert.equal(found[0].message, found[1].message);
  assert.deepEqual(titles(found[0]), titles(found[1]));
  assert.deepEqual(found[1].data.fixes[0].edits[0].range.start.line, 4);
});
