// The shared server code yields to pending requests with setImmediate (Node.js); a web worker has none. A message
// channel gives the same turn (after what is queued) without the 4 ms a chain of zero timeouts is clamped to.

type Callback = (...args: unknown[]) => void;

/** A browser's MessagePort as used here (the type-check sees Node.js's, which has no `onmessage`). */
interface Port {
  onmessage: ((event: { data: number }) => void) | null;
  postMessage(message: number): void;
}

export function installSetImmediate(scope: typeof globalThis = globalThis): void {
  if (typeof scope.setImmediate === 'function') return;
  const channel = new MessageChannel();
  const [receiver, sender] = [channel.port1, channel.port2] as unknown as [Port, Port];
  const queued = new Map<number, () => void>();
  let last = 0;
  receiver.onmessage = (event) => {
    const run = queued.get(event.data);
    queued.delete(event.data);
    run?.();
  };
  const setImmediate = (callback: Callback, ...args: unknown[]) => {
    const id = ++last;
    queued.set(id, () => callback(...args));
    sender.postMessage(id);
    return id;
  };
  Object.assign(scope, { setImmediate, clearImmediate: (id: number) => queued.delete(id) });
}
