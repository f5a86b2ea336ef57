// The browser's sender (send/src/fetch-send.ts) against real receivers on 127.0.0.1, through a page that keeps
// answers from itself as a browser's CORS check does: a receiver that does not allow the page's origin still gets the
// request, but the page may not read the answer. The send must say so, and never call it failed.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, test } from 'node:test';
import type { ExpandedRequest } from '../../server/src/core/base/types';
import { preflightReasons, sendWithFetch, type Page } from '../../send/src/fetch-send';
import { firstHop, type SendOptions } from '../../send/src/outgoing';
import { EN } from '../support/l10n';
import { closeServers, sendFailure, serve, webhook as testWebhook } from '../support/send-server';

const ORIGIN = 'https://vscode.dev';
afterEach(closeServers);

/** A page at ORIGIN: its fetch throws, as a browser's does, when a cors-mode answer does not allow the origin. */
function page(calls: RequestInit[] = []): Page {
  return {
    origin: ORIGIN,
    fetch: async (input, init) => {
      calls.push(init ?? {});
      const response = await fetch(input, init);
      if (init?.mode === 'no-cors') return response;
      const allowed = response.headers.get('access-control-allow-origin');
      if (allowed !== '*' && allowed !== ORIGIN) {
        await response.body?.cancel();
        throw new TypeError('Failed to fetch');
      }
      return response;
    },
  };
}

const corsAllowed = (req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ ok: true, method: req.method }));
};
const noCors = (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('recorded');
};

function webhook(fields: Partial<ExpandedRequest> & { url: string }): ExpandedRequest {
  return testWebhook(fields, 'lead');
}

const options: SendOptions = { timeoutMs: 5000, maxRedirects: 5, maxResponseBytes: 1024 * 1024, l10n: EN };


describe('sendWithFetch: a receiver that lets the page read its answer', () => {
  test('the answer is the result, as on the desktop', async () => {
    const receiver = await serve(corsAllowed);
    const result = await sendWithFetch(webhook({ url: `${receiver.base}/postback?sub1=42` }), options, page());
    assert.equal(result.status, 200);
    assert.deepEqual(JSON.parse(result.body), { ok: true, method: 'GET' });
    assert.equal(result.url, `${receiver.base}/postback?sub1=42`);
    assert.deepEqual(result.notes, []);
  });

  test('headers no page may set are left out, and the result says which', async () => {
    const receiver = await serve(corsAllowed);
    const calls: RequestInit[] = [];
    const request = webhook({ url: `${receiver.base}/`, headers: [['User-Agent', 'bot/1'], ['Cookie', 'a=1'], ['X-Token', 't']] });
    const result = await sendWithFetch(request, options, page(calls));
    assert.deepEqual((calls[0].headers as [string, string][]).map(([name]) => name), ['X-Token']);
    assert.deepEqual(result.notes, ['Not sent: User-Agent, Cookie. A browser lets no page set these headers.']);
    assert.equal(receiver.received[0].headers['x-token'], 't');
  });

  test('a POST body and its JSON content type go out; no cookies or referrer of the page go with them', async () => {
    const receiver = await serve(corsAllowed);
    const calls: RequestInit[] = [];
    await sendWithFetch(webhook({ url: `${receiver.base}/`, method: 'post', body: '{"a":1}' }), options, page(calls));
    assert.equal(receiver.received[0].body, '{"a":1}');
    assert.equal(receiver.received[0].headers['content-type'], 'application/json');
    assert.equal(calls[0].credentials, 'omit');
    assert.equal(calls[0].referrerPolicy, 'no-referrer');
  });

  test('a body longer than the cap is cut', async () => {
    const receiver = await serve((_req, res) => {
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
      res.end('x'.repeat(5000));
    });
    const result = await sendWithFetch(webhook({ url: receiver.base }), { ...options, maxResponseBytes: 1000 }, page());
    assert.equal(result.truncated, true);
    assert.equal(result.body.length, 1000);
  });
});

describe('sendWithFetch: a receiver whose CORS policy hides its answer', () => {
  test('a simple request: the send says it went out and may have been recorded, not that it failed', async () => {
    const receiver = await serve(noCors);
    const error = await sendFailure(sendWithFetch(webhook({ url: `${receiver.base}/postback` }), options, page()));
    assert.equal(error.kind, 'cors');
    assert.match(error.message, /CORS policy does not let a browser page read its answer\. The request was sent: the receiver may have recorded it/);
    assert.match(error.message, /Copy as cURL/);
    assert.equal(receiver.received.filter((one) => one.method === 'GET').length, 1, 'the receiver got the request');
  });

  test('a request a browser asks about first (JSON, a custom header): the message names why and both outcomes', async () => {
    const receiver = await serve(noCors);
    const request = webhook({ url: receiver.base, method: 'POST', body: '{"a":1}', headers: [['X-Token', 't']] });
    const error = await sendFailure(sendWithFetch(request, options, page()));
    assert.equal(error.kind, 'cors');
    assert.match(error.message, /with X-Token, Content-Type: application\/json: if the receiver refused, nothing was sent; if it allowed the request but not the reading of its answer, the request arrived and may have been recorded/);
  });

  test('a host that does not answer at all is unreachable, not a CORS matter', async () => {
    const receiver = await serve(noCors);
    const closed = receiver.base;
    await closeServers();
    const error = await sendFailure(sendWithFetch(webhook({ url: closed }), options, page()));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /could not be reached from the browser/);
  });
});

describe('sendWithFetch: what a browser never sends', () => {
  test('an http:// request to another host from an https:// page is refused before fetch', async () => {
    const calls: RequestInit[] = [];
    const error = await sendFailure(sendWithFetch(webhook({ url: 'http://tracker.example/postback' }), options, page(calls)));
    assert.equal(error.kind, 'mixed-content');
    assert.match(error.message, /Copy as cURL/);
    assert.equal(calls.length, 0);
  });

  test('a line break in a header value is refused as on the desktop, before fetch', async () => {
    const calls: RequestInit[] = [];
    const error = await sendFailure(sendWithFetch(webhook({ url: 'https://tracker.example/', headers: [['X-A', 'a\r\nb']] }), options, page(calls)));
    assert.equal(error.kind, 'invalid-request');
    assert.equal(calls.length, 0);
  });

  test('no answer within the timeout is a timeout; a cancel is a cancel', async () => {
    const receiver = await serve(() => undefined);
    const late = await sendFailure(sendWithFetch(webhook({ url: receiver.base }), { ...options, timeoutMs: 200 }, page()));
    assert.equal(late.kind, 'timeout');
    const controller = new AbortController();
    const sending = sendWithFetch(webhook({ url: receiver.base }), { ...options, signal: controller.signal }, page());
    setTimeout(() => controller.abort(), 50);
    assert.equal((await sendFailure(sending)).kind, 'cancelled');
  });
});

describe('preflightReasons', () => {
  const reasons = (request: ExpandedRequest) => preflightReasons(firstHop(request, EN));
  test('a GET with safelisted headers goes out without asking', () => {
    assert.deepEqual(reasons(webhook({ url: 'https://a.example/', headers: [['Accept', 'text/plain'], ['User-Agent', 'x']] })), []);
    assert.deepEqual(reasons(webhook({ url: 'https://a.example/', method: 'POST', body: 'a=1', headers: [['Content-Type', 'application/x-www-form-urlencoded']] })), []);
  });
  test('a custom header or a JSON body makes the browser ask first', () => {
    assert.deepEqual(reasons(webhook({ url: 'https://a.example/', method: 'POST', body: '{}', headers: [['X-Key', 'k']] })), ['X-Key', 'Content-Type: application/json']);
  });
});
