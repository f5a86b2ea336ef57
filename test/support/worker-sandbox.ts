// Runs the browser build of the server (dist/web/server.js) as a web worker would, in a context holding only what a
// worker's global scope has: no process, Buffer, require or setImmediate. A Node.js global the bundle reached for
// would throw there. Messages cross as in postMessage: copied, and delivered on a later turn.
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

/** What a dedicated worker's global scope offers that the server may use (the WHATWG and ECMAScript globals). */
function workerGlobals(console: Console, owned: Owned) {
  return {
    console,
    // Timers and channels are the sandbox's own, so terminate() can end them as a worker's end would.
    setTimeout: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => owned.timer(setTimeout(callback, ms, ...args)),
    clearTimeout,
    setInterval: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => owned.timer(setInterval(callback, ms, ...args)),
    clearInterval,
    queueMicrotask,
    MessageChannel: class extends MessageChannel {
      constructor() {
        super();
        owned.ports.push(this.port1, this.port2);
      }
    },
    TextEncoder, TextDecoder, URL, URLSearchParams, AbortController, AbortSignal, Event, EventTarget,
    performance, structuredClone, atob, btoa, fetch, Headers, Request, Response, Blob,
    navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) web worker sandbox', language: 'en-US' },
    location: { href: 'https://sandbox.invalid/dist/web/server.js', origin: 'https://sandbox.invalid', protocol: 'https:' },
    origin: 'https://sandbox.invalid',
  };
}

/** What the code in the sandbox started that would keep Node.js running after the worker is gone. */
class Owned {
  readonly timers: NodeJS.Timeout[] = [];
  readonly ports: { close(): void }[] = [];
  timer(handle: NodeJS.Timeout): NodeJS.Timeout {
    this.timers.push(handle);
    return handle;
  }
  end(): void {
    for (const handle of this.timers) clearTimeout(handle);
    for (const port of this.ports) port.close();
  }
}

class PostedReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
  deliver(message: Message): void {
    this.callback?.(message);
  }
}

class PostingWriter extends AbstractMessageWriter {
  constructor(private readonly post: (message: Message) => void) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.post(message);
  }
  end(): void {}
}

export interface WorkerSandbox {
  connection: ProtocolConnection;
  /** What the server wrote to the console before its connection took the console over, and errors it threw. */
  errors: string[];
  /** Ends the worker: its timers and message channels stop, as `Worker.terminate()` does. */
  terminate(): void;
}

/** Starts `bundle` in the sandbox and answers a connection to it (not yet listening). */
export function startWorkerSandbox(bundle: string): WorkerSandbox {
  const errors: string[] = [];
  const logged = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  const quiet = { ...console, log: logged, error: logged, warn: logged, info: logged, debug: () => undefined } as Console;
  const owned = new Owned();
  const scope: Record<string, unknown> = workerGlobals(quiet, owned);
  const reader = new PostedReader();
  // postMessage copies; the other side hears it on a later turn.
  scope.postMessage = (message: unknown) => setTimeout(() => reader.deliver(JSON.parse(JSON.stringify(message)) as Message));
  scope.addEventListener = () => undefined;
  scope.removeEventListener = () => undefined;
  scope.close = () => undefined;
  scope.self = scope;
  const writer = new PostingWriter((message) =>
    setTimeout(() => {
      const onmessage = scope.onmessage as ((event: { data: unknown }) => void) | undefined;
      if (!onmessage) return errors.push(`the worker listens to nothing: ${JSON.stringify(message).slice(0, 200)}`);
      try {
        onmessage({ data: JSON.parse(JSON.stringify(message)) });
      } catch (error) {
        errors.push(`the worker threw: ${(error as Error).stack ?? error}`);
      }
    }),
  );
  const context = createContext(scope, { name: 'web worker sandbox' });
  try {
    runInContext(readFileSync(bundle, 'utf8'), context, { filename: bundle });
  } catch (error) {
    // A worker whose script throws is gone: nothing it started may keep the test running.
    owned.end();
    throw error;
  }
  return { connection: createProtocolConnection(reader, writer), errors, terminate: () => owned.end() };
}
