// What a send leaves behind, for a single send and each send of a run alike: a line in the log and an entry in Send
// History (with the response view's text), secrets hidden.
import * as vscode from 'vscode';
import type { ExpandedRequest } from '../../../server/src/core';
import type { RequestTarget } from '../../../server/src/protocol';
import { redact } from '../../../send/src/curl';
import type { SendResult } from '../../../send/src/outgoing';
import { formatHiddenAnswer, formatResponse } from '../../../send/src/response-text';
import { l10n } from '../l10n';
import type { SendHistory } from './history';

export interface SentDeps {
  history: SendHistory;
  log: vscode.LogOutputChannel;
}

let sequence = 0;

/** A history id that stays unique when a run sends several requests in the same millisecond. */
function newId(): string {
  return `${Date.now()}-${sequence++}`;
}

/** Logs and keeps an answer; returns the response view's text. */
export async function noteAnswer(deps: SentDeps, target: RequestTarget, request: ExpandedRequest, sent: Date, result: SendResult): Promise<string> {
  const view = formatResponse(result, request, l10n, sent.toLocaleString(vscode.env.language));
  deps.log.info(`Sent ${request.method} ${request.name}: ${result.status} in ${Math.round(result.timeMs)} ms`);
  await deps.history.add({ id: newId(), time: sent.toISOString(), target, request, status: result.status, timeMs: result.timeMs, view });
  return view;
}

/** Logs and keeps a send that got no answer; `message` says why (secrets are hidden here). */
export async function noteFailure(deps: SentDeps, target: RequestTarget, request: ExpandedRequest, sent: Date, message: string): Promise<string> {
  const said = redact(message, request.secrets);
  deps.log.warn(`Send of ${request.name} failed: ${said}`);
  await deps.history.add({ id: newId(), time: sent.toISOString(), target, request, error: said, view: said });
  return said;
}

/**
 * Logs and keeps a browser's send whose answer the receiver's CORS policy hid: `message` says whether the request may
 * have been recorded. Returns the response view's text and the message, secrets hidden.
 */
export async function noteHiddenAnswer(deps: SentDeps, target: RequestTarget, request: ExpandedRequest, sent: Date, message: string): Promise<{ view: string; why: string }> {
  const why = redact(message, request.secrets);
  const view = formatHiddenAnswer(request, why, l10n, sent.toLocaleString(vscode.env.language));
  deps.log.warn(`Sent ${request.method} ${request.name}; the answer is hidden by the receiver's CORS policy.`);
  await deps.history.add({ id: newId(), time: sent.toISOString(), target, request, error: why, view });
  return { view, why };
}
