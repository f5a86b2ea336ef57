// One full garbage collection after a large document was read whole, once the read is over.
//
// Reading a 5 MB script whole makes about 200 MB of short-lived objects (the YAML library's syntax tree and document).
// V8 lets the heap grow before its next full collection by a factor of the heap at its last one, and that one falls in
// the middle of such a read: without another, the server keeps the read's pages and lets the garbage of typing pile up
// to twice that before collecting (580 MB resident after 2,000 keystrokes in the 5 MB script). One collection after
// the read bounds the heap by what the server keeps (about 70 MB) and gives the read's pages back. TypeScript's server
// does the same after loading a project. Small documents never ask for one.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A document read whole at least this long (in characters) is followed by a collection. */
export const LARGE_READ = 1024 * 1024;
/** Reads close together (a fields file's change re-checks every open template) are followed by one collection. */
const SETTLE_MS = 50;

export class MemoryAfterReads {
  private timer: NodeJS.Timeout | undefined;
  private collector: (() => void) | null | undefined;
  private readonly reads: string[] = [];

  /** `trace` hears of each collection (the server's trace, webhookTemplates.trace.server). */
  constructor(private readonly trace: (message: string) => void = () => undefined) {}

  /** A document of `length` characters was read whole: a collection follows soon when it is large. */
  readWhole(uri: string, length: number): void {
    if (length < LARGE_READ) return;
    this.reads.push(uri);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.collect(), SETTLE_MS);
  }

  private collect(): void {
    const gc = this.garbageCollector();
    const reads = this.reads.splice(0);
    if (!gc) return;
    const started = performance.now();
    // The first collection finds the read's pages empty; the second gives them back (heap 330 → 90 MB after 5 MB).
    gc();
    gc();
    this.trace(`Collected garbage after reading ${reads.join(', ')} whole (${Math.round(performance.now() - started)} ms).`);
  }

  /** V8's `gc`, made available to this process on first use; null when the runtime refuses (then nothing is collected). */
  private garbageCollector(): (() => void) | null {
    if (this.collector === undefined) {
      try {
        setFlagsFromString('--expose-gc');
        const gc: unknown = runInNewContext('gc');
        this.collector = typeof gc === 'function' ? (gc as () => void) : null;
      } catch {
        this.collector = null;
      }
    }
    return this.collector;
  }
}
