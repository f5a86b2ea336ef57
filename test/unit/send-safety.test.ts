// Specifies what keeps a test send safe: credentials never follow a redirect to another origin, secrets never shown unless asked.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import type { ExpandedRequest } from '../../server/src/core/base/types';
import { toCurl } from '../../send/src/curl';
import { sendRequest } from '../../send/src/http';
import { formatExpandedRequest } from '../../send/src/request-text';
import { formatResponse } from '../../send/src/response-text';
import { EN } from '../support/l10n';

interface Receiver {
  base: string;
  seen: { path: string; headers: IncomingHttpHeaders }[];
}

const servers: Server[] = [];
after(() => servers.forEach((server) => server.close()));

/** A receiver on 127.0.0.1 that redirects where `route` says (status 307) and answers 200 elsewhere. */
async function receiver(route: (path: string) => string | undefined): Promise<Receiver> {
  const seen: Receiver['seen'] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const location = route(req.url ?? '');
    res.writeHead(location ? 307 : 200, location ? { location } : { 'content-type': 'text/plain' }).end(location ? '' : 'ok');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const SECRET = 'tok-9f8e7d';
const OPTIONS = { timeoutMs: 5000, maxRedirects: 5, maxResponseBytes: 1024, l10n: EN };

function request(overrides: Partial<ExpandedRequest>): ExpandedRequest {
  return { name: 'r', method: 'GET', url: 'http://127.0.0.1/', headers: [], unresolved: [], empty: [], secrets: [], ...overrides };
}

describe('redirects and credentials', () => {
  test('once dropped on another origin, credentials stay dropped when the chain comes back to the first origin', async () => {
    const bases = { first: '', other: '' };
    const other = await receiver((path) => (path === '/bounce' ? `${bases.first}/back` : undefined));
    bases.other = other.base;
    const first = await receiver((path) => (path === '/start' ? `${bases.other}/bounce` : undefined));
    bases.first = first.base;
    const headers: [string, string][] = [['Authorization', `Bearer ${SECRET}`], ['Cookie', 'sid=1'], ['Proxy-Authorization', 'Basic x']];
    await sendRequest(request({ url: `${first.base}/start`, headers }), OPTIONS);
    const back = first.seen.find((hit) => hit.path === '/back');
    assert.ok(back, 'the chain came back');
    for (const hit of [...other.seen, back]) {
      assert.equal(hit.headers.authorization, undefined, hit.path);
      assert.equal(hit.headers.cookie, undefined, hit.path);
      assert.equal(hit.headers['proxy-authorization'], undefined, hit.path);
    }
  });

  test('credentials written in the URL do not follow a redirect to another origin', async () => {
    const other = await receiver(() => undefined);
    const first = await receiver(() => `${other.base}/landing`);
    await sendRequest(request({ url: first.base.replace('http://', `http://user:${SECRET}@`) + '/' }), OPTIONS);
    assert.match(String(first.seen[0].headers.authorization), /^Basic /);
    assert.equal(other.seen[0].headers.authorization, undefined);
  });
});

describe('secrets from ${env:…}', () => {
  const withSecret = request({
    method: 'POST',
    url: `https://t.test/pb?key=${encodeURIComponent(SECRET)}`,
    headers: [['X-Token', SECRET]],
    body: JSON.stringify({ token: SECRET }),
    secrets: [SECRET],
  });

  test('"Copy as cURL" shows them as *** unless asked', () => {
    assert.ok(!toCurl(withSecret).includes(SECRET));
    assert.ok(toCurl(withSecret, { revealSecrets: true }).includes(SECRET));
  });

  test('the preview shows them as ***', () => {
    assert.ok(!formatExpandedRequest(withSecret, EN).includes(SECRET));
  });

  test('the response view hides them, even when the receiver echoes them back', () => {
    const result = { url: withSecret.url, method: 'POST', status: 200, statusText: 'OK', headers: [['x-echo', SECRET]] as [string, string][], body: `{"got":"${SECRET}"}`, truncated: false, bytes: 10, timeMs: 1, redirects: [] };
    assert.ok(!formatResponse(result, withSecret, EN).includes(SECRET));
  });
});
