// Sends real requests to HTTP servers started on 127.0.0.1: what arrives, redirects, timeouts, size cap and errors.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, test } from 'node:test';
import { contentTypeFor, sendRequest, type SendOptions } from '../../send/src/http';
import { EN } from '../support/l10n';
import { closeServers, sendFailure, serve, webhook, type Handler } from '../support/send-server';

const echo: Handler = (req, res, body) => {
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ method: req.method, path: req.url, body, contentType: req.headers['content-type'] ?? null }));
};

const silent: Handler = () => undefined;

function redirectTo(location: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { Location: location });
    res.end('moved');
  };
}

const defaults: SendOptions = { timeoutMs: 5000, maxRedirects: 5, maxResponseBytes: 1024 * 1024, l10n: EN };


function utf8Header(value: string | string[] | undefined): string {
  return Buffer.from(String(value), 'latin1').toString('utf8');
}

describe('sendRequest: what the receiver gets', () => {
  afterEach(closeServers);

  test('query values arrive decoded exactly, hostile ones included', async () => {
    const server = await serve(echo);
    const values = ['a b', 'x&y=z', '#frag', '1+1', '100%', 'Иван Петров', '😀🎉', `it's "q"`, '/?;,'];
    const query = values.map((value, i) => `v${i}=${encodeURIComponent(value)}`).join('&');
    await sendRequest(webhook({ url: `${server.base}/postback?${query}` }), defaults);
    const params = new URL(server.received[0].path, 'http://x').searchParams;
    assert.deepEqual(values.map((_, i) => params.get(`v${i}`)), values);
  });

  test('a percent-encoded path segment arrives decoded exactly', async () => {
    const server = await serve(echo);
    await sendRequest(webhook({ url: `${server.base}/p/${encodeURIComponent('a b/ц#?')}/end` }), defaults);
    const segments = new URL(server.received[0].path, 'http://x').pathname.split('/');
    assert.equal(decodeURIComponent(segments[2]), 'a b/ц#?');
  });

  test('a POST body that parses as JSON arrives whole, as application/json', async () => {
    const server = await serve(echo);
    const body = JSON.stringify({ username: 'Иван "the" 😀', chat_id: '482913377', n: {} });
    await sendRequest(webhook({ method: 'POST', url: `${server.base}/hook`, body }), defaults);
    const got = server.received[0];
    assert.equal(got.method, 'POST');
    assert.deepEqual(JSON.parse(got.body), JSON.parse(body));
    assert.equal(got.headers['content-type'], 'application/json');
  });

  test("the user's own Content-Type is sent instead, and only once", async () => {
    const server = await serve(echo);
    const headers: [string, string][] = [['content-type', 'text/plain; charset=utf-8']];
    await sendRequest(webhook({ method: 'POST', url: server.base, headers, body: '{"a": 1}' }), defaults);
    const got = server.received[0];
    assert.equal(got.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(got.rawHeaders.filter((name) => name.toLowerCase() === 'content-type').length, 1);
  });

  test('a POST body that is not JSON gets no invented Content-Type', async () => {
    const server = await serve(echo);
    await sendRequest(webhook({ method: 'POST', url: server.base, body: 'subid=1&status=lead' }), defaults);
    assert.equal(server.received[0].body, 'subid=1&status=lead');
    assert.equal(server.received[0].headers['content-type'], undefined);
  });

  test('headers arrive, values as UTF-8 bytes', async () => {
    const server = await serve(echo);
    const headers: [string, string][] = [['X-Token', 'abc 123'], ['X-User', 'Иван 😀'], ['X-Empty', '']];
    await sendRequest(webhook({ url: server.base, headers }), defaults);
    const got = server.received[0].headers;
    assert.equal(got['x-token'], 'abc 123');
    assert.equal(utf8Header(got['x-user']), 'Иван 😀');
    assert.equal(got['x-empty'], '');
  });

  test('credentials written in the URL go out as Basic authorization', async () => {
    const server = await serve(echo);
    await sendRequest(webhook({ url: server.base.replace('//', `//${encodeURIComponent('user')}:${encodeURIComponent('pä:ss')}@`) }), defaults);
    const authorization = String(server.received[0].headers.authorization);
    assert.equal(Buffer.from(authorization.replace(/^Basic /, ''), 'base64').toString('utf8'), 'user:pä:ss');
  });

  test('a GET is sent as GET with no body', async () => {
    const server = await serve(echo);
    const result = await sendRequest(webhook({ url: `${server.base}/ping` }), defaults);
    assert.equal(server.received[0].method, 'GET');
    assert.equal(server.received[0].body, '');
    assert.equal(result.method, 'GET');
    assert.equal(result.url, `${server.base}/ping`);
  });
});

describe('sendRequest: the answer', () => {
  afterEach(closeServers);

  test('a 500 answer is a result with its status, not an error', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('boom');
    });
    const result = await sendRequest(webhook({ url: server.base }), defaults);
    assert.equal(result.status, 500);
    assert.equal(result.statusText, 'Internal Server Error');
    assert.equal(result.body, 'boom');
  });

  test('response headers come back in order with their values', async () => {
    // Written by hand: node's own server cannot put UTF-8 bytes in a header.
    const head = 'HTTP/1.1 200 OK\r\nX-First: 1\r\nX-Second: два\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok';
    const server = await serve((req) => req.socket.end(Buffer.from(head, 'utf8')));
    const result = await sendRequest(webhook({ url: server.base }), defaults);
    const names = result.headers.map(([name]) => name);
    assert.ok(names.indexOf('X-First') < names.indexOf('X-Second'));
    assert.deepEqual(result.headers.find(([name]) => name === 'X-Second'), ['X-Second', 'два']);
  });

  test('the body is decoded as UTF-8, with its byte count and time', async () => {
    const server = await serve((_req, res) => res.end('Привет 😀'));
    const result = await sendRequest(webhook({ url: server.base }), defaults);
    assert.equal(result.body, 'Привет 😀');
    assert.equal(result.bytes, Buffer.byteLength('Привет 😀'));
    assert.equal(result.truncated, false);
    assert.ok(result.timeMs >= 0 && result.timeMs < 5000);
  });
});

describe('sendRequest: redirects', () => {
  afterEach(closeServers);

  test('a redirect is followed, and the chain is reported', async () => {
    const server = await serve((req, res, body) => (req.url === '/start' ? redirectTo('/end')(req, res, body) : echo(req, res, body)));
    const result = await sendRequest(webhook({ url: `${server.base}/start` }), defaults);
    assert.equal(result.status, 200);
    assert.equal(result.url, `${server.base}/end`);
    assert.deepEqual(result.redirects, [`${server.base}/start`]);
  });

  test('a relative Location is resolved against the current URL', async () => {
    const server = await serve((req, res, body) => (req.url === '/dir/a' ? redirectTo('../b?x=1')(req, res, body) : echo(req, res, body)));
    const result = await sendRequest(webhook({ url: `${server.base}/dir/a` }), defaults);
    assert.equal(result.url, `${server.base}/b?x=1`);
    assert.equal(server.received[1].path, '/b?x=1');
  });

  test('the redirect limit stops an endless chain', async () => {
    const server = await serve((req, res, body) => redirectTo(`/${Number(req.url?.slice(1)) + 1}`)(req, res, body));
    const error = await sendFailure(sendRequest(webhook({ url: `${server.base}/0` }), { ...defaults, maxRedirects: 3 }));
    assert.equal(error.kind, 'too-many-redirects');
    assert.equal(server.received.length, 4);
    assert.match(error.message, /3 redirects/);
  });

  test('with a limit of 0 the redirect itself is the result', async () => {
    const server = await serve(redirectTo('/elsewhere', 301));
    const result = await sendRequest(webhook({ url: server.base }), { ...defaults, maxRedirects: 0 });
    assert.equal(result.status, 301);
    assert.equal(server.received.length, 1);
  });

  test('a 303 after a POST becomes a GET without body or Content-Type', async () => {
    const server = await serve((req, res, body) => (req.url === '/form' ? redirectTo('/done', 303)(req, res, body) : echo(req, res, body)));
    const result = await sendRequest(webhook({ method: 'POST', url: `${server.base}/form`, body: '{"a":1}' }), defaults);
    assert.deepEqual(JSON.parse(result.body), { method: 'GET', path: '/done', body: '', contentType: null });
    assert.equal(result.method, 'GET');
  });

  test('a 302 after a POST becomes a GET, as browsers do', async () => {
    const server = await serve((req, res, body) => (req.url === '/form' ? redirectTo('/done', 302)(req, res, body) : echo(req, res, body)));
    const result = await sendRequest(webhook({ method: 'POST', url: `${server.base}/form`, body: 'a=1' }), defaults);
    assert.equal(JSON.parse(result.body).method, 'GET');
  });

  for (const status of [307, 308]) {
    test(`a ${status} repeats the POST with its body and Content-Type`, async () => {
      const server = await serve((req, res, body) => (req.url === '/old' ? redirectTo('/new', status)(req, res, body) : echo(req, res, body)));
      const result = await sendRequest(webhook({ method: 'POST', url: `${server.base}/old`, body: '{"a":1}' }), defaults);
      assert.deepEqual(JSON.parse(result.body), { method: 'POST', path: '/new', body: '{"a":1}', contentType: 'application/json' });
    });
  }

  test('credentials are dropped on a redirect to another origin, other headers kept', async () => {
    const other = await serve(echo);
    const first = await serve(redirectTo(`${other.base}/landing`, 307));
    const headers: [string, string][] = [['Authorization', 'Bearer s3cret'], ['Cookie', 'sid=1'], ['X-Keep', 'yes']];
    await sendRequest(webhook({ url: first.base, headers }), defaults);
    const got = other.received[0].headers;
    assert.equal(got.authorization, undefined);
    assert.equal(got.cookie, undefined);
    assert.equal(got['x-keep'], 'yes');
  });

  test('credentials are kept on a redirect within the same origin', async () => {
    const server = await serve((req, res, body) => (req.url === '/a' ? redirectTo('/b', 307)(req, res, body) : echo(req, res, body)));
    const headers: [string, string][] = [['Authorization', 'Bearer s3cret'], ['Cookie', 'sid=1']];
    await sendRequest(webhook({ url: `${server.base}/a`, headers }), defaults);
    assert.equal(server.received[1].headers.authorization, 'Bearer s3cret');
    assert.equal(server.received[1].headers.cookie, 'sid=1');
  });

  test('a redirect to a non-http URL is refused as invalid', async () => {
    const server = await serve(redirectTo('ftp://files.example.com/x'));
    const error = await sendFailure(sendRequest(webhook({ url: server.base }), defaults));
    assert.equal(error.kind, 'invalid-url');
  });
});

function streamForever(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const write = (): void => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', write);
  };
  write();
}

describe('sendRequest: size cap', () => {
  afterEach(closeServers);

  test('a 5 MB answer is cut at the cap and marked truncated', async () => {
    const server = await serve((_req, res) => res.end(Buffer.alloc(5 * 1024 * 1024, 'x')));
    const result = await sendRequest(webhook({ url: server.base }), { ...defaults, maxResponseBytes: 1024 * 1024 });
    assert.equal(result.truncated, true);
    assert.equal(result.bytes, 1024 * 1024);
    assert.equal(result.body.length, 1024 * 1024);
  });

  test('an answer that never ends is cut at the cap: the body is not read to its end', async () => {
    const server = await serve((_req, res) => streamForever(res));
    const result = await sendRequest(webhook({ url: server.base }), { ...defaults, maxResponseBytes: 200 * 1024 });
    assert.equal(result.truncated, true);
    assert.equal(result.bytes, 200 * 1024);
  });

  test('a body exactly the size of the cap is not truncated', async () => {
    const server = await serve((_req, res) => res.end('0123456789'));
    const result = await sendRequest(webhook({ url: server.base }), { ...defaults, maxResponseBytes: 10 });
    assert.equal(result.truncated, false);
    assert.equal(result.body, '0123456789');
  });

  test('a cut through a multi-byte character leaves no replacement character', async () => {
    const server = await serve((_req, res) => res.end('abЖ'));
    const result = await sendRequest(webhook({ url: server.base }), { ...defaults, maxResponseBytes: 3 });
    assert.equal(result.body, 'ab');
    assert.equal(result.truncated, true);
  });
});

describe('sendRequest: timeout and cancellation', () => {
  afterEach(closeServers);

  test('a server that never answers times out within the timeout', async () => {
    const server = await serve(silent);
    const started = Date.now();
    const error = await sendFailure(sendRequest(webhook({ url: server.base }), { ...defaults, timeoutMs: 300 }));
    const elapsed = Date.now() - started;
    assert.equal(error.kind, 'timeout');
    assert.ok(elapsed >= 250 && elapsed < 1300, `took ${elapsed} ms`);
    assert.equal(error.message, `No answer from 127.0.0.1:${server.port} within 0.3 s.`);
  });

  test('the timeout covers the body too', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200);
      res.write('partial');
    });
    const error = await sendFailure(sendRequest(webhook({ url: server.base }), { ...defaults, timeoutMs: 300 }));
    assert.equal(error.kind, 'timeout');
  });

  test('aborting the signal mid-request cancels it', async () => {
    const server = await serve(silent);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await sendFailure(sendRequest(webhook({ url: server.base }), { ...defaults, signal: controller.signal }));
    assert.equal(error.kind, 'cancelled');
    assert.ok(Date.now() - started < 1000);
  });

  test('an already aborted signal sends nothing', async () => {
    const server = await serve(echo);
    const error = await sendFailure(sendRequest(webhook({ url: server.base }), { ...defaults, signal: AbortSignal.abort() }));
    assert.equal(error.kind, 'cancelled');
    assert.equal(server.received.length, 0);
  });
});

describe('sendRequest: failures', () => {
  afterEach(closeServers);

  test('a closed port is reported as refused, naming host and port', async () => {
    const server = await serve(echo);
    await closeServers();
    const error = await sendFailure(sendRequest(webhook({ url: `${server.base}/x` }), defaults));
    assert.equal(error.kind, 'refused');
    assert.equal(error.message, `Connection refused by 127.0.0.1:${server.port}: is the receiver running?`);
  });

  // RFC 6761: `.invalid` never resolves. The timeout is long so a slow resolver still answers (EAI_AGAIN is dns too).
  test('a name that does not resolve is a dns error', async () => {
    const error = await sendFailure(sendRequest(webhook({ url: 'http://webhook-templates-test.invalid/x' }), { ...defaults, timeoutMs: 20000 }));
    assert.equal(error.kind, 'dns');
    assert.match(error.message, /webhook-templates-test\.invalid/);
  });

  test('https to a server that does not speak TLS is a tls error', async () => {
    const server = await serve(echo);
    const error = await sendFailure(sendRequest(webhook({ url: `https://127.0.0.1:${server.port}/` }), defaults));
    assert.equal(error.kind, 'tls');
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${server.port}`));
  });

  test('a method other than GET or POST is not sent', async () => {
    const server = await serve(echo);
    const error = await sendFailure(sendRequest(webhook({ method: 'PUT', url: server.base }), defaults));
    assert.equal(error.kind, 'unsupported-method');
    assert.equal(server.received.length, 0);
  });

  for (const url of ['not a url', 'ftp://example.com/x', '']) {
    test(`"${url}" is an invalid URL`, async () => {
      const error = await sendFailure(sendRequest(webhook({ url }), defaults));
      assert.equal(error.kind, 'invalid-url');
    });
  }

  test('a header value with a line break is not sent', async () => {
    const server = await serve(echo);
    const headers: [string, string][] = [['X-Bad', 'a\r\nInjected: 1']];
    const error = await sendFailure(sendRequest(webhook({ url: server.base, headers }), defaults));
    assert.equal(error.kind, 'invalid-request');
    assert.equal(server.received.length, 0);
  });
});

describe('contentTypeFor', () => {
  const post = (body?: string, headers: [string, string][] = []) => webhook({ method: 'POST', url: 'http://x/', body, headers });

  test('is JSON for a POST body that parses as JSON', () => {
    assert.equal(contentTypeFor(post('{"a": [1, 2]}')), 'application/json');
  });

  test('is nothing when a Content-Type header is given, in any case', () => {
    assert.equal(contentTypeFor(post('{}', [['CONTENT-TYPE', 'text/plain']])), undefined);
  });

  test('is nothing for a body that is not JSON, or no body', () => {
    assert.equal(contentTypeFor(post('{"a": 1')), undefined);
    assert.equal(contentTypeFor(post()), undefined);
  });

  test('is nothing for a GET', () => {
    assert.equal(contentTypeFor(webhook({ url: 'http://x/', body: '{}' })), undefined);
  });
});
