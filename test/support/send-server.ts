// What the send tests share: local receivers that record each request, closed after each test, and an expanded
// request to send to them.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExpandedRequest } from '../../server/src/core/base/types';
import { SendError } from '../../send/src/outgoing';

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: string;
}

export interface TestServer {
  base: string;
  port: number;
  received: Received[];
}

const servers: Server[] = [];

/** A receiver on 127.0.0.1 that records each request whole before `handler` answers it. */
export async function serve(handler: Handler): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, rawHeaders: req.rawHeaders, body });
      handler(req, res, body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, port, received };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Closes every receiver `serve` started (for `afterEach`). */
export async function closeServers(): Promise<void> {
  await Promise.all(servers.splice(0).map(closeServer));
}

/** A GET request named `name`, with nothing unresolved, empty or secret unless `fields` says so. */
export function webhook(fields: Partial<ExpandedRequest> & { url: string }, name = 'test'): ExpandedRequest {
  return { name, method: 'GET', headers: [], unresolved: [], empty: [], secrets: [], ...fields };
}

/** The SendError a send fails with; fails the test when it succeeds or fails otherwise. */
export async function sendFailure(promise: Promise<unknown>): Promise<SendError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SendError, `expected a SendError, got ${String(error)}`);
    return error;
  }
  assert.fail('the send succeeded');
}
