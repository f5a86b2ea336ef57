// The read-only response view: request line, status, headers, body (JSON pretty-printed), truncation note, secrets hidden.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExpandedRequest } from '../../server/src/core/base/types';
import type { SendResult } from '../../send/src/http';
import { formatResponse } from '../../send/src/response-text';
import { formatExpandedRequest } from '../../send/src/request-text';
import { EN } from '../support/l10n';

const request: ExpandedRequest = {
  name: 'lead',
  method: 'POST',
  url: 'https://t.example.com/postback?subid=abc',
  headers: [],
  body: '{"a":1}',
  unresolved: [],
  empty: [],
  secrets: [],
};

function result(fields: Partial<SendResult> = {}): SendResult {
  return {
    url: request.url,
    method: 'POST',
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'application/json']],
    body: '',
    truncated: false,
    bytes: 0,
    timeMs: 42,
    redirects: [],
    ...fields,
  };
}

describe('formatResponse', () => {
  test('shows a title, the request line, status line with time, headers, a blank line and the body', () => {
    const text = formatResponse(result({ body: 'ok', bytes: 2 }), request, EN);
    const expected = ['### lead (examples only)', 'POST https://t.example.com/postback?subid=abc', 'HTTP 200 OK · 42 ms · 2 B', 'content-type: application/json', '', 'ok', ''];
    assert.equal(text, expected.join('\n'));
  });

  test('the title names the profile used and when it was sent', () => {
    const text = formatResponse(result({ body: 'ok' }), { ...request, profile: 'lead' }, EN, '23:10:05');
    assert.equal(text.split('\n')[0], '### lead (profile lead) · 23:10:05');
  });

  test('says what the receiver records, from the request sent', () => {
    const record = { receiver: 'Keitaro', summary: 'Keitaro records "lead" on click c1.', lines: [{ name: 'subid', value: 'c1' }], problems: [] };
    const text = formatResponse(result({ body: 'ok' }), { ...request, record }, EN);
    assert.deepEqual(text.split('\n').slice(1, 3), ['# Keitaro records "lead" on click c1.', '#   subid = c1']);
  });

  test('pretty-prints a JSON body, keeping big numbers exactly as received', () => {
    const text = formatResponse(result({ body: '{"id":12345678901234567890,"ok":[true]}' }), request, EN);
    assert.ok(text.endsWith('\n\n{\n  "id": 12345678901234567890,\n  "ok": [\n    true\n  ]\n}\n'), text);
  });

  test('shows a body that is not JSON as it is', () => {
    const text = formatResponse(result({ body: '{not json\n  as is' }), request, EN);
    assert.ok(text.endsWith('\n\n{not json\n  as is\n'));
  });

  test('notes a truncated body and leaves it as received', () => {
    const text = formatResponse(result({ body: '{"a": [1, 2', truncated: true, bytes: 1048576 }), request, EN);
    assert.ok(text.includes('\n\n{"a": [1, 2\n'));
    assert.match(text, /Truncated: only the first 1,048,576 bytes/);
  });

  test('names the final request after redirects', () => {
    const text = formatResponse(result({ url: 'https://t.example.com/done', method: 'GET', redirects: [request.url] }), request, EN);
    assert.match(text, /^→ after 1 redirect: GET https:\/\/t\.example\.com\/done$/m);
  });

  test('says when the body is empty', () => {
    assert.match(formatResponse(result({ status: 204, statusText: 'No Content', headers: [] }), request, EN), /^HTTP 204 No Content · 42 ms · 0 B\n\n\(empty body\)\n$/m);
  });

  test('hides secrets, in the URL and in a body that echoes them', () => {
    const withSecret = { ...request, url: 'https://t.example.com/postback?key=s3cr3t', secrets: ['s3cr3t'] };
    const text = formatResponse(result({ body: '{"echo":"s3cr3t"}' }), withSecret, EN);
    assert.doesNotMatch(text, /s3cr3t/);
    assert.match(text, /key=\*\*\*/);
  });
});

test('the preview writes a line break of a header value out, never as a header line of its own', () => {
  const text = formatExpandedRequest({ ...request, headers: [['X-User', 'evil\r\nX-Admin: 1']] }, EN);
  assert.match(text, /^X-User: evil\\r\\nX-Admin: 1$/m);
  assert.doesNotMatch(text, /^X-Admin: 1$/m);
});
