// Indexing of an open document's usages waits for typing to pause: keystrokes cost the edited step, not the whole file.

/** How long typing must pause before an open document's usages are indexed again. */
const DEFERRED_MS = 400;

export class DeferredIndexing {
  private readonly waiting = new Map<string, () => void>();
  private timer: NodeJS.Timeout | undefined;

  /** Indexes a document later; a newer request for the same document replaces the older. */
  defer(uri: string, index: () => void): void {
    this.waiting.set(uri, index);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DEFERRED_MS);
  }

  /** Runs what waits now: before answering a question the user is waiting for (references, rename, counts). */
  flush(): void {
    clearTimeout(this.timer);
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const index of waiting) index();
  }

  cancel(uri: string): void {
    this.waiting.delete(uri);
  }
}
