// The summary table of a run: a row per request with its status, time and what its receiver records or why it did
// not pass; the counts; columns aligned; secrets hidden; in Russian too.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExpandedRequest, ReceiverRecord } from '../../server/src/core';
import type { SendResult } from '../../send/src/http';
import type { RunResult } from '../../send/src/send-all';
import { alignColumns, formatRunSummary, runCounts } from '../../send/src/send-all-text';
import { EN, RU } from '../support/l10n';

const KEITARO: ReceiverRecord = { receiver: 'Keitaro', summary: 'Keitaro records "lead" on click c1.', lines: [], problems: [] };

function request(name: string, more: Partial<ExpandedRequest> = {}): ExpandedRequest {
  return { name, method: 'GET', url: 'http://127.0.0.1/', headers: [], unresolved: [], empty: [], secrets: [], profile: 'lead', ...more };
}

function response(status: number, statusText = ''): SendResult {
  return { url: 'http://127.0.0.1/', method: 'GET', status, statusText, headers: [], body: '', truncated: false, bytes: 0, timeMs: 12.4, redirects: [] };
}

const item = (name: string, more: Partial<ExpandedRequest> = {}) => ({ request: request(name, more), file: 'hooks.webhook', line: 0 });

const RESULTS: RunResult[] = [
  { item: item('Keitaro lead', { record: KEITARO }), outcome: 'answered', response: response(200, 'OK'), timeMs: 12.4 },
  { item: item('Unknown receiver'), outcome: 'answered', response: response(204), timeMs: 3 },
  { item: item('Failing'), outcome: 'answered', response: response(500), timeMs: 8, reason: 'HTTP 500 Internal Server Error: boom' },
  { item: item('Down'), outcome: 'failed', timeMs: 12_345, reason: 'Connection refused by 127.0.0.1:9: is the receiver running?' },
  { item: item('Mistake'), outcome: 'refused', reason: 'no value for {chatid} (unknown key)' },
  { item: item('Later'), outcome: 'stopped', reason: 'the run was stopped before its turn' },
];

describe('formatRunSummary', () => {
  test('a title with the profile, the counts, a header row and one aligned row per request', () => {
    const text = formatRunSummary(RESULTS, EN, { title: 'Send all: hooks.webhook', sentAt: '23:10:05' });
    assert.equal(
      text,
      [
        '### Send all: hooks.webhook (profile lead) · 23:10:05',
        '# 6 requests · 2xx: 2 · other status: 1 · not delivered: 1 · refused: 1 · stopped: 1',
        'Request           Status           Time    Receiver records, or why not',
        'Keitaro lead      ✓ 200            12 ms   Keitaro records "lead" on click c1.',
        'Unknown receiver  ✓ 204            3 ms    (not a known receiver: nothing to say)',
        'Failing           ✗ 500            8 ms    HTTP 500 Internal Server Error: boom',
        'Down              ✗ not delivered  12.3 s  Connection refused by 127.0.0.1:9: is the receiver running?',
        'Mistake           ✗ refused        —       no value for {chatid} (unknown key)',
        'Later             – not sent       —       the run was stopped before its turn',
        '',
      ].join('\n'),
    );
  });

  test('what the receiver records is said only for a request that passed, with its warnings', () => {
    const warned = { ...KEITARO, summary: 'Keitaro records nothing.', problems: ['The click id is empty.'] };
    const text = formatRunSummary([{ item: item('a', { record: warned }), outcome: 'answered', response: response(200), timeMs: 1 }], EN, { title: 't' });
    assert.match(text, /Keitaro records nothing\. ⚠ The click id is empty\.$/m);
    const failed = formatRunSummary([{ item: item('a', { record: KEITARO }), outcome: 'answered', response: response(404), timeMs: 1, reason: 'HTTP 404' }], EN, { title: 't' });
    assert.ok(!failed.includes('Keitaro records'), failed);
  });

  test('a long request name is cut so the other columns stay in place', () => {
    const text = formatRunSummary([{ item: item('x'.repeat(100)), outcome: 'refused', reason: 'r' }], EN, { title: 't' });
    const row = text.split('\n')[3];
    assert.equal(row.indexOf('✗'), 42, row);
    assert.ok(row.startsWith(`${'x'.repeat(39)}…`), row);
  });

  test('notes follow the table as comment lines', () => {
    const text = formatRunSummary(RESULTS.slice(0, 1), EN, { title: 't', notes: ['Each answer is in Send History.'] });
    assert.ok(text.endsWith('\n# Each answer is in Send History.\n'), text);
  });

  test('a secret in a record, a reason or a name is shown as ***', () => {
    const secret = 'tok-SECRET-77';
    const record = { ...KEITARO, summary: `Keitaro records "lead" on click ${secret}.` };
    const secretive = [
      { item: item('a', { record, secrets: [secret] }), outcome: 'answered' as const, response: response(200), timeMs: 1 },
      { item: item(`b ${secret}`, { secrets: [secret] }), outcome: 'refused' as const, reason: `bad ${encodeURIComponent(secret)}` },
    ];
    const text = formatRunSummary(secretive, EN, { title: 't' });
    assert.ok(!text.includes(secret), text);
    assert.match(text, /on click \*\*\*\./);
    assert.match(text, /^b \*\*\*/m);
  });

  test('in Russian', () => {
    const text = formatRunSummary(RESULTS.slice(3, 5), RU, { title: 'Отправить все: hooks.webhook' });
    assert.match(text, /^# 2 запроса · не доставлено: 1 · отказано: 1$/m);
    assert.match(text, /^Запрос\s+Статус\s+Время\s+Что запишет получатель, или почему нет$/m);
    assert.match(text, /✗ не доставлен/);
    assert.match(text, /✗ отказ/);
  });
});

describe('runCounts and alignColumns', () => {
  test('counts name only the kinds that occur', () => {
    assert.equal(runCounts(RESULTS.slice(0, 2), EN), '2 requests · 2xx: 2');
    assert.equal(runCounts(RESULTS.slice(4, 5), EN), '1 request · refused: 1');
  });

  test('every column but the last is padded to its widest cell', () => {
    assert.deepEqual(alignColumns([['a', 'bb', 'c'], ['ccc', 'd', 'long last']]), ['a    bb  c', 'ccc  d   long last']);
  });
});
