// Sends a document's diagnostics only when they differ from the set the editor was last sent for it.
//
// Typing in a large script changes the diagnostics of the step typed in, if any: most keystrokes leave the set as it
// was, and sending hundreds of unchanged diagnostics again costs the server, the pipe and the editor each time. The
// editor moves the markers it shows with the edits, as the check moves the diagnostics it carries over, so a set equal
// to the last one sent is what the editor already shows.
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';

export class DiagnosticsPublisher {
  /** The set last sent for each URI; null when the editor may have changed it since (the next set is sent). */
  private readonly sent = new Map<string, readonly Diagnostic[] | null>();

  constructor(private readonly connection: Connection) {}

  /**
   * Sends the diagnostics unless they equal what the editor shows: the set last sent for the URI, or none before the
   * first (the workspace scan sends nothing for a file without problems). True when sent. A set not sent is traced
   * (`webhookTemplates.trace.server`), so a client that waits for a check can tell it happened.
   */
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): boolean {
    const shown = this.sent.has(uri) ? this.sent.get(uri) : NONE;
    if (shown && sameDiagnostics(shown, diagnostics)) {
      this.connection.tracer.log(unchangedText(uri, version));
      return false;
    }
    this.sent.set(uri, diagnostics);
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
    return true;
  }

  /** The editor may no longer show what it was sent (the document was closed): the next set is sent whatever it is. */
  forget(uri: string): void {
    this.sent.set(uri, null);
  }
}

const NONE: readonly Diagnostic[] = [];

/** E.g. `Diagnostics of file:///…/bot.script.yaml v7 unchanged: not sent again.` (no version for a closed file). */
export function unchangedText(uri: string, version: number | undefined): string {
  return `Diagnostics of ${uri}${version === undefined ? '' : ` v${version}`} unchanged: not sent again.`;
}

/** Equal sets in the same order: carried-over diagnostics are the same objects, others are compared field by field. */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameValue(a[i], b[i])) return false;
  return true;
}

/** Deep equality of values as they go over the protocol (JSON: no functions, no cycles; undefined fields left out). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
