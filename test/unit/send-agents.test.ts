// The Agents sends share: seen from the receiver's side, by the connections it accepts, not only by equal answers.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, test } from 'node:test';
import type { ExpandedRequest } from '../../server/src/core/base/types';
import { SendError, sendRequest, type SendOptions } from '../../send/src/http';
import { SendAgents } from '../../send/src/send-agents';
import { EN } from '../support/l10n';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A receiver that counts the connections it accepted and tells when one closes. */
interface Receiver {
  url: string;
  connections: () => number;
  closed: () => number;
}

const servers: Server[] = [];
const kept: SendAgents[] = [];

async function receiver(handler: Handler = (_req, res) => res.end('ok')): Promise<Receiver> {
  let connections = 0;
  let closed = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  server.on('connection', (socket) => {
    connections++;
    socket.on('close', () => closed++);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, connections: () => connections, closed: () => closed };
}

function agents(): SendAgents {
  const made = new SendAgents();
  kept.push(made);
  return made;
}

afterEach(async () => {
  await Promise.all(kept.splice(0).map((made) => made.close()));
  const closing = servers.splice(0);
  for (const server of closing) server.closeAllConnections();
  await Promise.all(closing.map((server) => new Promise((resolve) => server.close(resolve))));
});

function webhook(url: string): ExpandedRequest {
  return { name: 'test', method: 'POST', url, headers: [], body: '{"chat": "1"}', unresolved: [], empty: [], secrets: [] };
}

const options = (extra: Partial<SendOptions> = {}): SendOptions => ({ timeoutMs: 5000, maxRedirects: 5, maxResponseBytes: 1024 * 1024, l10n: EN, ...extra });

async function until(what: string, check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 2000) assert.fail(`waited 2 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('SendAgents: kept connections', () => {
  // undici may open a second connection for the second send while the first one still finishes writing its body;
  // from then on the sends take turns on the connections kept open.
  test('sends through kept Agents reuse their keep-alive connections', async () => {
    const server = await receiver();
    const shared = agents();
    for (let i = 0; i < 10; i++) assert.equal((await sendRequest(webhook(server.url), options({ agents: shared }))).status, 200);
    assert.ok(server.connections() <= 2, `${server.connections()} connections for 10 sends`);
    const opened = server.connections();
    for (let i = 0; i < 10; i++) await sendRequest(webhook(server.url), options({ agents: shared }));
    assert.equal(server.connections(), opened, 'ten more sends opened connections');
    assert.equal(server.closed(), 0);
    assert.equal(shared.size, 1);
  });

  test('without kept Agents every send connects anew and leaves no connection open', async () => {
    const server = await receiver();
    for (let i = 0; i < 10; i++) await sendRequest(webhook(server.url), options());
    assert.equal(server.connections(), 10);
    await until('the connections to close', () => server.closed() === 10);
  });

  test('a different timeout gets an Agent of its own; the same timeout, the same Agent', () => {
    const shared = agents();
    assert.equal(shared.agentFor(5000), shared.agentFor(5000));
    assert.notEqual(shared.agentFor(5000), shared.agentFor(9000));
    assert.equal(shared.size, 2);
  });
});

describe('SendAgents: close', () => {
  test('close() ends the idle connection, and the next send connects anew', async () => {
    const server = await receiver();
    const shared = agents();
    await sendRequest(webhook(server.url), options({ agents: shared }));
    const opened = server.connections();
    await shared.close();
    await until('the kept connections to close', () => server.closed() === opened);
    assert.equal(shared.size, 0);
    await sendRequest(webhook(server.url), options({ agents: shared }));
    assert.equal(server.connections(), opened + 1);
  });

  test('a send under way when close() is called still gets its answer', async () => {
    const server = await receiver((_req, res) => setTimeout(() => res.end('late'), 150));
    const shared = agents();
    const sending = sendRequest(webhook(server.url), options({ agents: shared }));
    await until('the request to arrive', () => server.connections() === 1);
    await shared.close();
    const result = await sending;
    assert.equal(result.body, 'late');
  });
});

describe('SendAgents: a kept connection after a send that went wrong', () => {
  test('a send cut at the size cap does not spoil the next one', async () => {
    const server = await receiver((_req, res) => res.end(Buffer.alloc(64 * 1024, 'x')));
    const shared = agents();
    const cut = await sendRequest(webhook(server.url), options({ agents: shared, maxResponseBytes: 1024 }));
    assert.equal(cut.truncated, true);
    const whole = await sendRequest(webhook(server.url), options({ agents: shared }));
    assert.equal(whole.bytes, 64 * 1024);
    assert.equal(whole.truncated, false);
  });

  test('a send that timed out does not spoil the next one', async () => {
    let answered = 0;
    const server = await receiver((_req, res) => {
      if (answered++ > 0) res.end('second');
    });
    const shared = agents();
    const error = await sendRequest(webhook(server.url), options({ agents: shared, timeoutMs: 200 })).catch((caught: unknown) => caught);
    assert.ok(error instanceof SendError && error.kind === 'timeout', String(error));
    const result = await sendRequest(webhook(server.url), options({ agents: shared, timeoutMs: 200 }));
    assert.equal(result.body, 'second');
  });

  test('a cancelled send does not spoil the next one', async () => {
    let answered = 0;
    const server = await receiver((_req, res) => {
      if (answered++ > 0) res.end('second');
    });
    const shared = agents();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await sendRequest(webhook(server.url), options({ agents: shared, signal: controller.signal })).catch((caught: unknown) => caught);
    assert.ok(error instanceof SendError && error.kind === 'cancelled', String(error));
    const result = await sendRequest(webhook(server.url), options({ agents: shared }));
    assert.equal(result.body, 'second');
  });
});
