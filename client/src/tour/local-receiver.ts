// An echo receiver on 127.0.0.1 for test webhooks: it records each request and answers with what it got. No editor API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request body is kept up to this size; the rest is counted, not stored. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ReceivedRequest {
  method: string;
  /** Path and query as the request line had them. */
  target: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Bytes of the body past MAX_BODY_BYTES that were not kept. */
  droppedBytes: number;
}

/** Where the port is remembered between sessions, so the templates that name it keep reaching the receiver. */
export interface PortMemory {
  get(): number | undefined;
  set(port: number): Promise<void> | Thenable<void>;
}

export interface Listening {
  url: string;
  port: number;
  /** The remembered port, when another program held it and the receiver had to take a new one. */
  movedFrom?: number;
}

/** What the receiver answers: the request as it arrived, with the query split and a JSON body parsed. */
export function echoOf(request: ReceivedRequest): Record<string, unknown> {
  const url = new URL(request.target, 'http://127.0.0.1');
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 ? values[0] : values;
  }
  let json: unknown;
  try {
    json = request.body ? JSON.parse(request.body) : undefined;
  } catch {
    json = undefined;
  }
  return { method: request.method, path: url.pathname, query, headers: request.headers, body: request.body, ...(json === undefined ? {} : { json }), ...(request.droppedBytes ? { droppedBytes: request.droppedBytes } : {}) };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function isPortTaken(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES';
}

export class LocalReceiver {
  private server: Server | undefined;
  private port: number | undefined;

  constructor(
    private readonly memory: PortMemory,
    private readonly onRequest: (request: ReceivedRequest) => void,
  ) {}

  /** The receiver's address while it listens. */
  get url(): string | undefined {
    return this.server && this.port !== undefined ? `http://127.0.0.1:${this.port}` : undefined;
  }

  /** The port the receiver listens on, or will listen on when started: chosen once (a free one) and remembered. */
  async reservePort(): Promise<number> {
    const known = this.port ?? this.memory.get();
    if (known !== undefined) return known;
    const probe = createServer();
    const port = await listen(probe, 0);
    await new Promise((resolve) => probe.close(resolve));
    await this.memory.set(port);
    return port;
  }

  /** Starts listening on the remembered port (a new one when another program holds it); a running receiver is kept. */
  async start(): Promise<Listening> {
    if (this.url && this.port !== undefined) return { url: this.url, port: this.port };
    const wanted = await this.reservePort();
    const server = createServer((request, response) => this.receive(request, response));
    let port: number;
    try {
      port = await listen(server, wanted);
    } catch (error) {
      if (!isPortTaken(error)) throw error;
      port = await listen(server, 0);
      await this.memory.set(port);
    }
    this.server = server;
    this.port = port;
    return { url: this.url!, port, ...(port === wanted ? {} : { movedFrom: wanted }) };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  dispose(): void {
    void this.stop();
  }

  private receive(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    let kept = 0;
    let dropped = 0;
    request.on('data', (chunk: Buffer) => {
      const room = Math.max(0, MAX_BODY_BYTES - kept);
      if (room > 0) chunks.push(chunk.subarray(0, room));
      kept += Math.min(room, chunk.length);
      dropped += Math.max(0, chunk.length - room);
    });
    request.on('end', () => {
      const received: ReceivedRequest = { method: request.method ?? '', target: request.url ?? '/', headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), droppedBytes: dropped };
      this.onRequest(received);
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(echoOf(received), null, 2));
    });
  }
}

/**
 * How a received request reads in the log: its method and sizes, never a value. A profile's `${env:…}` secrets
 * may stand anywhere in it (a bot token in the path, a key in a header), and the log keeps no secret; the sender's
 * response view shows what arrived, with those secrets hidden.
 */
export function describeReceived(request: ReceivedRequest): string {
  const parameters = [...new URL(request.target, 'http://127.0.0.1').searchParams.keys()].length;
  const bytes = Buffer.byteLength(request.body) + request.droppedBytes;
  return `Local receiver got a ${request.method} request: ${parameters} query parameter(s), ${Object.keys(request.headers).length} header(s), ${bytes} byte(s) of body.`;
}
