// A run of sends against a real receiver on 127.0.0.1: in order and one at a time, refused requests left out with
// their reason, a stop ending the run after the request in flight, and what passes a smoke test.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ExpandedRequest, ExpansionIssue } from '../../server/src/core';
import { passed, refusalOf, sendAll, type RunItem, type RunOptions } from '../../send/src/send-all';
import { SendError, sendRequest } from '../../send/src/http';
import { runCounts } from '../../send/src/send-all-text';
import { EN } from '../support/l10n';

const issue = (text: string, reason: string): ExpansionIssue => ({ text, span: { start: 0, end: text.length }, reason });

function request(name: string, url: string, more: Partial<ExpandedRequest> = {}): ExpandedRequest {
  return { name, method: 'GET', url, headers: [], unresolved: [], empty: [], secrets: [], ...more };
}

describe('refusalOf: the single send\'s rules for a request of a run', () => {
  const base = request('r', 'http://127.0.0.1/');

  test('an unresolved placeholder refuses the request and names it with why', () => {
    assert.equal(refusalOf({ ...base, unresolved: [issue('{chatid}', 'unknown key')] }, EN, true), 'no value for {chatid} (unknown key)');
  });

  test('a header value with a line break refuses the request', () => {
    assert.match(refusalOf({ ...base, headers: [['X-Note', 'a\nb']] }, EN, true) ?? '', /line break.*X-Note: a\\nb/);
  });

  test('an empty value refuses it unless empty values are allowed', () => {
    const empty = { ...base, empty: [issue('{username}', 'empty in profile')] };
    assert.equal(refusalOf(empty, EN, false), 'empty for this profile: {username}');
    assert.equal(refusalOf(empty, EN, true), undefined);
  });

  test('a non-ASCII header value is no reason to refuse (receivers may read it garbled; the editor asks)', () => {
    assert.equal(refusalOf({ ...base, headers: [['X-User', 'Иван']] }, EN, false), undefined);
  });
});

describe('sendAll against a receiver', () => {
  let server: Server;
  let base: string;
  const arrived: string[] = [];
  /** Requests to /slow are answered after this many ms. */
  const SLOW_MS = 300;
  let inFlight = 0;
  let mostAtOnce = 0;

  before(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      arrived.push(path);
      inFlight++;
      mostAtOnce = Math.max(mostAtOnce, inFlight);
      const answer = () => {
        inFlight--;
        if (path.startsWith('/fail')) res.writeHead(500, { 'Content-Type': 'text/plain' }).end('subid is missing\nsecond line');
        else res.writeHead(200).end('ok');
      };
      if (path.startsWith('/slow')) setTimeout(answer, SLOW_MS);
      else answer();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    arrived.length = 0;
    mostAtOnce = 0;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const options = (more: Partial<RunOptions> = {}): RunOptions => ({ send: { timeoutMs: 5000, maxRedirects: 0, maxResponseBytes: 1024, l10n: EN }, sender: sendRequest, ...more });
  const item = (name: string, path: string, more: Partial<RunItem> = {}): RunItem => ({ request: request(name, `${base}${path}`), file: 'hooks.webhook', line: 0, ...more });

  test('sends each request in the file\'s order, one at a time, and keeps each answer', async () => {
    const results = await sendAll([item('a', '/slow/a'), item('b', '/slow/b'), item('c', '/c')], options());
    assert.deepEqual(arrived, ['/slow/a', '/slow/b', '/c']);
    assert.equal(mostAtOnce, 1, 'two requests were in flight at once');
    assert.deepEqual(results.map((result) => [result.item.request.name, result.outcome, result.response?.status]), [['a', 'answered', 200], ['b', 'answered', 200], ['c', 'answered', 200]]);
    assert.ok(results.every(passed));
    assert.ok(results[0].timeMs! >= SLOW_MS - 50, `time ${results[0].timeMs}`);
  });

  test('a refused request is not sent and keeps its reason; the others go', async () => {
    const results = await sendAll([item('a', '/a', { refusal: 'no value for {chatid}' }), item('b', '/b')], options());
    assert.deepEqual(arrived, ['/b']);
    assert.deepEqual([results[0].outcome, results[0].reason], ['refused', 'no value for {chatid}']);
    assert.equal(passed(results[0]), false);
  });

  test('a non-2xx answer fails with its status line and the first line of the body', async () => {
    const [result] = await sendAll([item('a', '/fail')], options());
    assert.equal(result.outcome, 'answered');
    assert.equal(result.reason, 'HTTP 500 Internal Server Error: subid is missing');
    assert.equal(passed(result), false);
  });

  test('a request that gets no answer fails with why, and the run goes on', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const results = await sendAll([{ ...item('gone', '/'), request: request('gone', `http://127.0.0.1:${port}/`) }, item('b', '/b')], options());
    assert.equal(results[0].outcome, 'failed');
    assert.match(results[0].reason ?? '', /Connection refused/);
    assert.deepEqual(arrived, ['/b']);
  });

  test('in a browser, a send whose answer a CORS policy hides is neither failed nor passed: sent, answer hidden, with why', async () => {
    const hidden: RunOptions['sender'] = async () => {
      throw new SendError('cors', "127.0.0.1's CORS policy does not let a browser page read its answer. The request was sent: the receiver may have recorded it");
    };
    const results = await sendAll([item('a', '/a')], options({ sender: hidden }));
    assert.equal(results[0].outcome, 'hidden');
    assert.match(results[0].reason ?? '', /may have recorded it/);
    assert.equal(passed(results[0]), false);
    assert.equal(runCounts(results, EN), '1 request · sent, answer hidden: 1');
  });

  test('a stop ends the run after the request in flight: it is answered, the rest are not sent', async () => {
    const stop = new AbortController();
    const results = await sendAll([item('a', '/slow/a'), item('b', '/b'), item('c', '/c')], options({ stop: stop.signal, onSend: (sent) => sent.request.name === 'a' && stop.abort() }));
    assert.deepEqual(arrived, ['/slow/a']);
    assert.deepEqual(results.map((result) => result.outcome), ['answered', 'stopped', 'stopped']);
    assert.equal(results[0].response?.status, 200, 'the request in flight was cut off');
    assert.equal(results[1].reason, 'the run was stopped before its turn');
  });

  test('each result is handed over as it comes, in order', async () => {
    const seen: string[] = [];
    await sendAll([item('a', '/a'), item('b', '/b', { refusal: 'x' })], options({ onResult: (result, index) => void seen.push(`${index}:${result.item.request.name}:${result.outcome}`) }));
    assert.deepEqual(seen, ['0:a:answered', '1:b:refused']);
  });

  test('a secret in a reason is shown as ***', async () => {
    const secret = 'tok-SECRET-1';
    const withSecret = { ...item('a', '/fail'), request: request('a', `${base}/fail?token=${secret}`, { secrets: [secret] }), refusal: `bad ${secret}` };
    const [result] = await sendAll([withSecret], options());
    assert.equal(result.reason, 'bad ***');
  });
});
