// When the language server's process ends unexpectedly: restart or give up, and whether to tell the user. No editor API here.

/** What to do about one unexpected end of the server. */
export interface CrashDecision {
  restart: boolean;
  /** Tell the user: 'restarted' the first time only, 'gave-up' when the restarts are used up; undefined otherwise. */
  notify?: 'restarted' | 'gave-up';
}

/** vscode-languageclient's own defaults: four restarts, then a fifth crash within three minutes stops the server. */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;
/** Connection errors tolerated in a row before the client shuts the connection down (vscode-languageclient's default). */
export const MAX_CONNECTION_ERRORS = 3;

export class CrashPolicy {
  private crashes: number[] = [];
  private told = false;

  constructor(private readonly now: () => number = Date.now) {}

  /** The server's process ended without being asked to. */
  closed(): CrashDecision {
    const time = this.now();
    this.crashes = [...this.crashes.filter((at) => time - at <= RESTART_WINDOW_MS), time];
    if (this.crashes.length > MAX_RESTARTS) return { restart: false, notify: 'gave-up' };
    if (this.told) return { restart: true };
    this.told = true;
    return { restart: true, notify: 'restarted' };
  }

  /** A read or write on the connection failed for the `count`-th time in a row: go on, or shut the connection down. */
  continueAfterError(count: number | undefined): boolean {
    return count !== undefined && count <= MAX_CONNECTION_ERRORS;
  }
}
