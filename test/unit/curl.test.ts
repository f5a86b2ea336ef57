// "Copy as cURL": the command's quoting, method, headers, body, and hidden secrets.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import type { ExpandedRequest } from '../../server/src/core/base/types';
import { redact, shellQuote, toCurl } from '../../send/src/curl';

function webhook(fields: Partial<ExpandedRequest> & { url: string }): ExpandedRequest {
  return { name: 'test', method: 'GET', headers: [], unresolved: [], empty: [], secrets: [], ...fields };
}

/** The words a POSIX shell makes of the command (curl replaced by printf, so nothing is sent). */
function shellWords(command: string): string[] {
  const script = command.replace(/^curl /, `printf '%s\\0' `);
  return execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('toCurl', () => {
  test('a GET is the URL alone, single-quoted', () => {
    assert.equal(toCurl(webhook({ url: 'https://t.example.com/postback?subid=abc&status=lead' })), `curl 'https://t.example.com/postback?subid=abc&status=lead'`);
  });

  test('a JSON POST carries its body with --data-raw and the Content-Type the send adds', () => {
    const request = webhook({ method: 'POST', url: 'https://h/hook', body: '{"chat_id": "42"}' });
    assert.equal(toCurl(request), [`curl 'https://h/hook'`, `  -H 'Content-Type: application/json'`, `  --data-raw '{"chat_id": "42"}'`].join(' \\\n'));
  });

  test('a POST without body says -X POST', () => {
    assert.equal(toCurl(webhook({ method: 'POST', url: 'https://h/hook' })), `curl -X POST 'https://h/hook'`);
  });

  test('headers become -H lines in order, an empty value written Name;', () => {
    const headers: [string, string][] = [['X-One', '1'], ['X-Empty', ''], ['X-Two', 'два']];
    const words = shellWords(toCurl(webhook({ url: 'https://h/', headers })));
    assert.deepEqual(words, ['https://h/', '-H', 'X-One: 1', '-H', 'X-Empty;', '-H', 'X-Two: два']);
  });

  test('single quotes, dollars, backticks, backslashes and newlines reach curl unchanged', () => {
    const body = `name=O'Brien $HOME \`id\` \\"q\\" !x\nline 2`;
    const words = shellWords(toCurl(webhook({ method: 'POST', url: "https://h/?q=it's", body })));
    assert.deepEqual(words, ["https://h/?q=it's", '--data-raw', body]);
  });

  test('a URL with braces or brackets turns curl globbing off', () => {
    const words = shellWords(toCurl(webhook({ url: 'https://h/?sub={sub1}&a[]=1' })));
    assert.deepEqual(words, ['--globoff', 'https://h/?sub={sub1}&a[]=1']);
  });

  test('secrets are hidden in URL, headers and body', () => {
    const request = webhook({
      method: 'POST',
      url: `https://h/?key=${encodeURIComponent('k e/y')}`,
      headers: [['Authorization', 'Bearer p4ss"word']],
      body: JSON.stringify({ token: 'p4ss"word' }),
      secrets: ['k e/y', 'p4ss"word'],
    });
    const command = toCurl(request);
    assert.doesNotMatch(command, /k%20e|p4ss/);
    assert.deepEqual(shellWords(command), ['https://h/?key=***', '-H', 'Authorization: Bearer ***', '-H', 'Content-Type: application/json', '--data-raw', '{"token":"***"}']);
  });

  test('revealSecrets shows them', () => {
    const request = webhook({ url: 'https://h/?key=abc', secrets: ['abc'] });
    assert.equal(toCurl(request, { revealSecrets: true }), `curl 'https://h/?key=abc'`);
  });
});

describe('redact', () => {
  test('hides every occurrence of every secret', () => {
    assert.equal(redact('a=s1&b=s2&c=s1', ['s1', 's2']), 'a=***&b=***&c=***');
  });

  test('hides the longer secret whole when one secret holds another', () => {
    assert.equal(redact('x=abcdef', ['abc', 'abcdef']), 'x=***');
  });

  test('ignores empty secrets', () => {
    assert.equal(redact('text', ['']), 'text');
  });
});

describe('shellQuote', () => {
  test("writes a single quote as '\\''", () => {
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
  });
});
