// Specifies how sample values are encoded for where they stand: URL parts, JSON strings, forms, headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyEncodings, encodedFrom, encodeValue, insideJsonStrings, isFormContentType, jsonStringContent, looksLikeJson, percentEncode, urlEncodings } from '../../server/src/core/expand/encode';
import type { Span } from '../../server/src/core/base/types';

/** Spans of every `{...}` placeholder-like run in a text, for the body helpers. */
function spansOf(text: string): Span[] {
  return [...text.matchAll(/\{[A-Za-z_.]+\}/g)].map((match) => ({ start: match.index!, end: match.index! + match[0].length }));
}

function urlEncodingsOf(url: string): string[] {
  return urlEncodings(url, spansOf(url).map((span) => span.start));
}

test('URL placeholders in scheme, host, path, query and fragment get their encodings', () => {
  assert.deepEqual(urlEncodingsOf('{s}://{h}:8080/{p}?q={q}#{f}'), ['raw', 'host', 'component', 'component', 'component']);
});

test('a placeholder before a path without a scheme holds a base URL and stays raw', () => {
  assert.deepEqual(urlEncodingsOf('{base}/postback?x={x}'), ['raw', 'component']);
});

test('a :// inside the query does not make the query an authority', () => {
  assert.deepEqual(urlEncodingsOf('https://x.example/p?a={a}&return=https://y.example'), ['component']);
});

test('samples are percent-encoded from the first /, ? or # after the scheme, or from the first one at all without a scheme', () => {
  assert.equal(encodedFrom('https://{h}:8080/{p}?q'), 'https://{h}:8080'.length);
  assert.equal(encodedFrom('{base}/postback?x={x}'), '{base}'.length);
  assert.equal(encodedFrom('https://x.example?a=https://y'), 'https://x.example'.length);
  assert.equal(encodedFrom('https://x.example'), 'https://x.example'.length);
});

test('a host value with host characters stays raw', () => {
  assert.equal(encodeValue('eu-1.example.com:8443', 'host'), 'eu-1.example.com:8443');
});

test('a host value with characters no host has is percent-encoded', () => {
  assert.equal(encodeValue('a b/c', 'host'), 'a%20b%2Fc');
});

test('a component encodes every delimiter of a query', () => {
  assert.equal(encodeValue('a b&c=d#e+f?/%', 'component'), 'a%20b%26c%3Dd%23e%2Bf%3F%2F%25');
});

test('a lone surrogate does not make percent-encoding throw', () => {
  assert.equal(percentEncode('a\uD800b'), 'a%EF%BF%BDb');
});

test('a JSON string escapes quotes, backslashes and control characters', () => {
  assert.equal(jsonStringContent('"q" \\ \n\t\u0001'), '\\"q\\" \\\\ \\n\\t\\u0001');
});

test('a JSON string escapes U+2028 and U+2029', () => {
  assert.equal(jsonStringContent('a\u2028b\u2029c'), 'a\\u2028b\\u2029c');
});

test('a JSON string keeps Cyrillic and emoji as they are', () => {
  assert.equal(jsonStringContent('Иван 🙂'), 'Иван 🙂');
});

test('a header value is kept as written: a line break is refused at the send, never dropped silently', () => {
  assert.equal(encodeValue('a\r\nB: c\rd\ne', 'header'), 'a\r\nB: c\rd\ne');
});

test('placeholders after escaped quotes are still seen inside their string', () => {
  const body = '{"a": "say \\"{x}\\" ok", "n": {y}}';
  assert.deepEqual(insideJsonStrings(body, spansOf(body)), [true, false]);
});

test('a body starting with a placeholder does not look like JSON', () => {
  const body = '{chatId} joined';
  assert.equal(looksLikeJson(body, spansOf(body)), false);
});

test('a body starting with [ after blanks looks like JSON', () => {
  assert.equal(looksLikeJson('  \n[{"a": 1}]', []), true);
});

test('a form content type is recognised with parameters and any case', () => {
  assert.equal(isFormContentType('Application/X-WWW-Form-Urlencoded; charset=UTF-8'), true);
  assert.equal(isFormContentType('application/json'), false);
});

test('a form body percent-encodes every value', () => {
  const body = '{a}=1&b={b}';
  assert.deepEqual(bodyEncodings(body, spansOf(body), 'application/x-www-form-urlencoded'), ['component', 'component']);
});

test('a non-JSON body takes its values raw', () => {
  const body = 'chat={chatId} "{username}"';
  assert.deepEqual(bodyEncodings(body, spansOf(body), undefined), ['raw', 'raw']);
});
