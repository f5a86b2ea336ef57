// Recent test sends, kept in the extension's global storage with secrets already redacted and a fixed cap.
import type * as vscode from 'vscode';
import type { ExpandedRequest } from '../../../server/src/core';
import { redact } from '../../../send/src/curl';
import type { RequestTarget } from '../../../server/src/protocol';

const KEY = 'webhookTemplates.history';
/** A stored text (response view, request body, URL, header value) is cut here, so one entry stays small whatever was sent or received. */
export const MAX_STORED_TEXT = 64 * 1024;
/** The whole stored list stays under this (as JSON characters): the oldest entries go first. The newest one is always kept. */
export const MAX_STORED_TOTAL = 1024 * 1024;

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
  // Redacted before cutting, so a cut can never leave a secret's first characters behind.
  const clean = (text: string) => redact(text, secrets).slice(0, MAX_STORED_TEXT);
  const request: ExpandedRequest = {
    ...entry.request,
    url: clean(entry.request.url),
    headers: entry.request.headers.map(([name, value]) => [name.slice(0, MAX_STORED_TEXT), clean(value)]),
    body: entry.request.body === undefined ? undefined : clean(entry.request.body),
    unresolved: [],
    empty: [],
    secrets: [],
  };
  return { ...entry, request, view: clean(entry.view), error: entry.error && clean(entry.error) };
}

/** The newest entries that fit in MAX_STORED_TOTAL, at most `count` of them. */
function withinBounds(entries: HistoryEntry[], count: number): HistoryEntry[] {
  const kept: HistoryEntry[] = [];
  let total = 0;
  for (const entry of entries.slice(0, Math.max(0, count))) {
    total += JSON.stringify(entry).length;
    if (kept.length > 0 && total > MAX_STORED_TOTAL) break;
    kept.push(entry);
  }
  return kept;
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
    await this.memento.update(KEY, withinBounds([redactEntry(entry), ...this.list()], this.size()));
  }

  async clear(): Promise<void> {
    await this.memento.update(KEY, []);
  }
}
