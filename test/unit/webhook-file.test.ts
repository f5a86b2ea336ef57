// Specifies how a `.webhook` file is read into requests and webhook-dialect regions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWebhookFile } from '../../server/src/core/read/webhook-file';
import type { Span } from '../../server/src/core/base/types';

function slice(text: string, span: Span | undefined): string | undefined {
  return span && text.slice(span.start, span.end);
}

function regionTexts(text: string): string[] {
  return parseWebhookFile(text).regions.map((region) => `${region.place}: ${slice(text, region)}`);
}

test('a GET request line gives the method and the URL region', () => {
  const text = 'GET https://t.example/postback?subid={tracker.clickid}\n';
  const [request] = parseWebhookFile(text).requests;
  assert.equal(request.method, 'GET');
  assert.equal(slice(text, request.methodSpan), 'GET');
  assert.equal(slice(text, request.url?.span), 'https://t.example/postback?subid={tracker.clickid}');
  assert.deepEqual(regionTexts(text), ['url: https://t.example/postback?subid={tracker.clickid}']);
});

test('every region of a webhook file is in the webhook dialect', () => {
  const text = 'POST https://x/{a}\nX-Id: {chatId}\n\n{"chat": "{chatId}"}\n';
  assert.deepEqual(parseWebhookFile(text).regions.map((region) => region.dialect), ['webhook', 'webhook', 'webhook']);
});

test('the method is upper-cased as written', () => {
  const text = 'post https://x/\n';
  const [request] = parseWebhookFile(text).requests;
  assert.equal(request.method, 'POST');
  assert.equal(slice(text, request.methodSpan), 'post');
});

test('a URL alone is a GET request without a method span', () => {
  const text = 'https://x/?chat={chatId}\n';
  const [request] = parseWebhookFile(text).requests;
  assert.equal(request.method, 'GET');
  assert.equal(request.methodSpan, undefined);
  assert.equal(request.url?.value, 'https://x/?chat={chatId}');
  assert.equal(request.name, 'https://x/?chat={chatId}');
});

test('header values are regions, header names are not', () => {
  const text = 'POST https://x/\nAuthorization: Bearer {token}\nX-Chat:{chatId}\n';
  const [request] = parseWebhookFile(text).requests;
  assert.deepEqual(request.headers.map((header) => [header.name, slice(text, header.nameSpan), header.value.value]), [
    ['Authorization', 'Authorization', 'Bearer {token}'],
    ['X-Chat', 'X-Chat', '{chatId}'],
  ]);
  assert.deepEqual(regionTexts(text), ['url: https://x/', 'header: Bearer {token}', 'header: {chatId}']);
});

test('a header value leaves out the spaces around it', () => {
  const text = 'GET https://x/\nX-A:   v {a}   \n';
  const [header] = parseWebhookFile(text).requests[0].headers;
  assert.equal(slice(text, header.value.span), 'v {a}');
});

test('an empty header value is an empty region after the colon', () => {
  const text = 'GET https://x/\nX-A: \n';
  const [header] = parseWebhookFile(text).requests[0].headers;
  assert.deepEqual(header.value, { span: { start: 20, end: 20 }, value: '' });
});

test('the body is everything after the blank line, with its JSON braces kept', () => {
  const text = 'POST https://x/\nContent-Type: application/json\n\n{\n  "chat": "{chatId}",\n  "n": {}\n}\n';
  const [request] = parseWebhookFile(text).requests;
  assert.equal(request.body?.value, '{\n  "chat": "{chatId}",\n  "n": {}\n}');
  assert.equal(slice(text, request.body?.span), request.body?.value);
  assert.equal(parseWebhookFile(text).regions.at(-1)?.place, 'body');
});

test('trailing blank lines are not part of the body', () => {
  const text = 'POST https://x/\n\n{"a": 1}\n\n  \n\n';
  assert.equal(parseWebhookFile(text).requests[0].body?.value, '{"a": 1}');
});

test('a request without a body has no body region', () => {
  const text = 'POST https://x/\nX-A: 1\n\n\n';
  const parsed = parseWebhookFile(text);
  assert.equal(parsed.requests[0].body, undefined);
  assert.deepEqual(parsed.regions.map((region) => region.place), ['url', 'header']);
});

test('lines that look like headers after the body started are body', () => {
  const text = 'POST https://x/\n\nfirst line\nX-Late: {chatId}\n';
  const [request] = parseWebhookFile(text).requests;
  assert.deepEqual(request.headers, []);
  assert.equal(request.body?.value, 'first line\nX-Late: {chatId}');
});

test('a line in the header block that is not "Name: value" starts the body', () => {
  const text = 'POST https://x/\nX-A: 1\n{"chat": "{chatId}"}\n';
  const [request] = parseWebhookFile(text).requests;
  assert.deepEqual(request.headers.map((header) => header.name), ['X-A']);
  assert.equal(request.body?.value, '{"chat": "{chatId}"}');
});

test('a header name with a space is no header: the line starts the body', () => {
  const text = 'GET https://x/\nMy Header: v\n';
  const [request] = parseWebhookFile(text).requests;
  assert.deepEqual(request.headers, []);
  assert.equal(request.body?.value, 'My Header: v');
});

test('comment lines before the request line are skipped', () => {
  const text = '# Keitaro postback\n// sent on lead\n\nGET https://x/{a}\n';
  const parsed = parseWebhookFile(text);
  assert.equal(parsed.requests[0].url?.value, 'https://x/{a}');
  assert.deepEqual(regionTexts(text), ['url: https://x/{a}']);
});

test('a "#" line after the request line belongs to the body', () => {
  const text = 'POST https://x/\n\n# not a comment {chatId}\n';
  assert.equal(parseWebhookFile(text).requests[0].body?.value, '# not a comment {chatId}');
});

test('### lines separate requests and name them', () => {
  const text = '### Lead\nGET https://x/lead\n\n### Sale\nPOST https://x/sale\n\n{"s": 1}\n';
  const { requests } = parseWebhookFile(text);
  assert.deepEqual(requests.map((request) => [request.name, slice(text, request.nameSpan), request.url?.value]), [
    ['Lead', '### Lead', 'https://x/lead'],
    ['Sale', '### Sale', 'https://x/sale'],
  ]);
});

test('a request spans from its ### line to the end of its content', () => {
  const text = '### Lead\nGET https://x/lead\n\n\n### Sale\nPOST https://x/sale\n\n{"s": 1}\n\n';
  const { requests } = parseWebhookFile(text);
  assert.deepEqual(requests.map((request) => slice(text, request.span)), [
    '### Lead\nGET https://x/lead',
    '### Sale\nPOST https://x/sale\n\n{"s": 1}',
  ]);
});

test('a ### line without a title leaves the request named by its request line', () => {
  const text = '###\nPOST https://x/\n';
  const [request] = parseWebhookFile(text).requests;
  assert.equal(request.name, 'POST https://x/');
  assert.equal(slice(text, request.nameSpan), 'POST https://x/');
});

test('text before the first ### is a request when it has a request line', () => {
  const text = 'GET https://x/first\n### Second\nGET https://x/second\n';
  assert.deepEqual(parseWebhookFile(text).requests.map((request) => request.name), ['GET https://x/first', 'Second']);
});

test('comments before the first ### are no request', () => {
  const text = '# Postbacks of the sales bot\n\n### Lead\nGET https://x/lead\n';
  assert.deepEqual(parseWebhookFile(text).requests.map((request) => request.name), ['Lead']);
});

test('a ### block without a request line is no request', () => {
  const text = '### Lead\nGET https://x/lead\n### Nothing yet\n# todo\n###\n';
  assert.deepEqual(parseWebhookFile(text).requests.map((request) => request.name), ['Lead']);
});

test('a body ends at the next ### line', () => {
  const text = 'POST https://x/\n\n{"a": "{chatId}"}\n### Next\nGET https://y/\n';
  assert.equal(parseWebhookFile(text).requests[0].body?.value, '{"a": "{chatId}"}');
});

test('CRLF line endings stay out of every span', () => {
  const text = '### Lead\r\nPOST https://x/{a}\r\nX-A: {b}\r\n\r\n{"c": "{c}"}\r\nline2\r\n\r\n';
  const [request] = parseWebhookFile(text).requests;
  assert.deepEqual(regionTexts(text), ['url: https://x/{a}', 'header: {b}', 'body: {"c": "{c}"}\r\nline2']);
  assert.equal(slice(text, request.nameSpan), '### Lead');
});

test('lone CR line endings separate lines too', () => {
  const text = 'POST https://x/\rX-A: 1\r\rbody {a}\r';
  assert.deepEqual(regionTexts(text), ['url: https://x/', 'header: 1', 'body: body {a}']);
});

test('a file without a final newline keeps its last line whole', () => {
  const text = 'POST https://x/\n\n{"a": "{chatId}"}';
  assert.equal(parseWebhookFile(text).requests[0].body?.value, '{"a": "{chatId}"}');
});

test('an empty file has no requests and no regions', () => {
  assert.deepEqual(parseWebhookFile(''), { kind: 'webhook', regions: [], requests: [], steps: [], problems: [] });
});

test('a file of comments only has no requests', () => {
  assert.deepEqual(parseWebhookFile('# nothing here\n// yet\n').requests, []);
});

test('an HTTP version after the URL is not part of the URL', () => {
  const text = 'GET https://x/?a={a} HTTP/1.1\n';
  assert.equal(parseWebhookFile(text).requests[0].url?.value, 'https://x/?a={a}');
});

test('spaces around the request line stay out of the URL', () => {
  const text = '  POST   https://x/{a}  \n';
  const [request] = parseWebhookFile(text).requests;
  assert.equal(slice(text, request.methodSpan), 'POST');
  assert.equal(slice(text, request.url?.span), 'https://x/{a}');
});

test('each part value equals its source text', () => {
  const text = '### A\r\nPOST https://x/{a}\r\nX-A: {b}\r\n\r\n{"c": "{c}"}\r\n';
  const [request] = parseWebhookFile(text).requests;
  for (const part of [request.url, request.headers[0].value, request.body]) assert.equal(slice(text, part?.span), part?.value);
});

test('offsets count UTF-16 code units before a placeholder', () => {
  const text = '### Привет 😀\nPOST https://x/привет/😀/{chatId}\n';
  const [request] = parseWebhookFile(text).requests;
  assert.equal(slice(text, request.url?.span), 'https://x/привет/😀/{chatId}');
  assert.equal(request.url?.span.end, text.indexOf('{chatId}') + '{chatId}'.length);
});
