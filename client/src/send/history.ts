// Recent test sends, kept in the extension's global storage with secrets already redacted and a fixed cap.
import type * as vscode from 'vscode';
import type { ExpandedRequest } from '../../../server/src/core/types';
import { redact } from '../../../server/src/send/curl';
import type { RequestTarget } from '../../../server/src/protocol';

const KEY = 'webhookTemplates.history';
/** A stored response body is cut here, so the history stays small whatever was received. */
const MAX_STORED_BODY = 64 * 1024;

export interface HistoryEntry {
  id: string;
  time: string;
  target: RequestTarget;
  request: ExpandedRequest;
  status?: number;
  timeMs?: number;
  error?: string;
  /** The response view's text. */
  view: string;
}

/** The entry as stored: every secret replaced, long texts cut. */
function redactEntry(entry: HistoryEntry): HistoryEntry {
  const secrets = entry.request.secrets;
  const clean = (text: string) => redact(text, secrets);
  const request: ExpandedRequest = {
    ...entry.request,
    url: clean(entry.request.url),
    headers: entry.request.headers.map(([name, value]) => [name, clean(value)]),
    body: entry.request.body === undefined ? undefined : clean(entry.request.body),
    secrets: [],
  };
  return { ...entry, request, view: clean(entry.view).slice(0, MAX_STORED_BODY), error: entry.error && clean(entry.error) };
}

export class SendHistory {
  constructor(
    private readonly memento: vscode.Memento,
    private readonly size: () => number,
  ) {}

  list(): HistoryEntry[] {
    return this.memento.get<HistoryEntry[]>(KEY, []);
  }

  async add(entry: HistoryEntry): Promise<void> {
    const kept = [redactEntry(entry), ...this.list()].slice(0, Math.max(0, this.size()));
    await this.memento.update(KEY, kept);
  }

  async clear(): Promise<void> {
    await this.memento.update(KEY, []);
  }
}
