// The tour's echo receiver: it listens on 127.0.0.1, answers with what it got, remembers its port, and stops.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, test } from 'node:test';
import { describeReceived, LocalReceiver, MAX_BODY_BYTES, type PortMemory, type ReceivedRequest } from '../../client/src/tour/local-receiver';

function memory(initial?: number): PortMemory & { value?: number } {
  const store: PortMemory & { value?: number } = {
    value: initial,
    get: () => store.value,
    set: async (port) => void (store.value = port),
  };
  return store;
}

const started: LocalReceiver[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((receiver) => receiver.stop()));
});

function receiver(ports = memory(), seen: ReceivedRequest[] = []): LocalReceiver {
  const made = new LocalReceiver(ports, (request) => seen.push(request));
  started.push(made);
  return made;
}

test('it answers a POST on 127.0.0.1 with the method, path, query, headers and parsed JSON body it got, and reports it', async () => {
  const seen: ReceivedRequest[] = [];
  const { url } = await receiver(memory(), seen).start();
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const response = await fetch(`${url}/abc123/postback?subid=7f3a%2001&status=lead&s=1&s=2`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Click': 'c1' }, body: '{"chat_id": "482913377"}' });
  assert.equal(response.status, 200);
  const echo = (await response.json()) as { method: string; path: string; query: unknown; headers: Record<string, string>; json: unknown };
  assert.equal(echo.method, 'POST');
  assert.equal(echo.path, '/abc123/postback');
  assert.deepEqual(echo.query, { subid: '7f3a 01', status: 'lead', s: ['1', '2'] });
  assert.equal(echo.headers['x-click'], 'c1');
  assert.deepEqual(echo.json, { chat_id: '482913377' });
  assert.equal(seen.length, 1);
  assert.equal(seen[0].target, '/abc123/postback?subid=7f3a%2001&status=lead&s=1&s=2');
});

test('a body past the size cap is cut and the dropped bytes are counted', async () => {
  const seen: ReceivedRequest[] = [];
  const { url } = await receiver(memory(), seen).start();
  const response = await fetch(`${url}/big`, { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 10) });
  assert.equal(((await response.json()) as { droppedBytes: number }).droppedBytes, 10);
  assert.equal(seen[0].body.length, MAX_BODY_BYTES);
});

test('the port is chosen once and remembered: a later receiver listens on the same one', async () => {
  const ports = memory();
  const first = receiver(ports);
  const { port } = await first.start();
  assert.equal(ports.value, port);
  await first.stop();
  assert.equal((await receiver(ports).start()).port, port);
});

test('the port a new starter names is the one the receiver will listen on, before it ever started', async () => {
  const ports = memory();
  const reserved = await receiver(ports).reservePort();
  assert.equal((await receiver(ports).start()).port, reserved);
});

test('when another program holds the remembered port, it listens on a new one, remembers it, and says it moved', async () => {
  const other = createServer();
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const taken = (other.address() as AddressInfo).port;
  try {
    const ports = memory(taken);
    const listening = await receiver(ports).start();
    assert.notEqual(listening.port, taken);
    assert.equal(listening.movedFrom, taken);
    assert.equal(ports.value, listening.port);
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
});

test('starting a running receiver keeps it; after stop nothing listens there any more', async () => {
  const made = receiver();
  const { url } = await made.start();
  assert.equal((await made.start()).url, url);
  await made.stop();
  assert.equal(made.url, undefined);
  await assert.rejects(fetch(`${url}/after-stop`));
});

test('the log line tells the method and sizes, and no value that could be a secret (path, query, headers, body)', () => {
  const line = describeReceived({ method: 'POST', target: '/bot123:SECRET/send?key=SECRET2&b=1', headers: { authorization: 'Bearer SECRET3' }, body: '{"token": "SECRET4"}', droppedBytes: 0 });
  assert.equal(line, 'Local receiver got a POST request: 2 query parameter(s), 1 header(s), 20 byte(s) of body.');
});
