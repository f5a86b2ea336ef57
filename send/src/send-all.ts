// Sends the requests of a run in turn ("Send All Webhooks", `send --all`): each refused one is left out with its
// reason, a stop asked for ends the run after the request in flight, and each result says what happened.
import type { ExpandedRequest, L10n } from '../../server/src/core';
import { redact } from './curl';
import { SendError, type SendOptions, type SendResult } from './outgoing';
import { headerProblemText, headerProblems, issueSummary } from './send-checks';

/** One request of the run, with where it stands so its result can be traced back. */
export interface RunItem {
  request: ExpandedRequest;
  /** The file it is in, as the user knows it. */
  file: string;
  /** Zero-based line of its name. */
  line: number;
  flow?: string;
  /** Why it is not sent (no value for a placeholder…); undefined: it is sent. */
  refusal?: string;
}

/**
 * - `answered`: the receiver answered (any status: 2xx passes, the others fail);
 * - `refused`: not sent, for the reason in `reason` (the same rules as a single send);
 * - `failed`: sent, but no answer came (connection refused, timeout…);
 * - `hidden`: only from a browser: sent (or asked about first), but the receiver's CORS policy hid the answer, so it
 *   may have been recorded; `reason` says so;
 * - `stopped`: not sent, because the run was stopped before its turn.
 */
export type RunOutcome = 'answered' | 'refused' | 'failed' | 'hidden' | 'stopped';

export interface RunResult {
  item: RunItem;
  outcome: RunOutcome;
  /** The answer, for `answered`. */
  response?: SendResult;
  /** Why it did not pass, for the user (secrets as ***); absent for a 2xx answer. */
  reason?: string;
  /** The time the exchange took, for `answered` and `failed`. */
  timeMs?: number;
}

export interface RunOptions {
  /** How each request is sent (its `signal`, if any, cancels the request in flight too). */
  send: SendOptions;
  /** What sends one request: undici's sendRequest in Node.js, the browser's fetch in a web worker. */
  sender: (request: ExpandedRequest, options: SendOptions) => Promise<SendResult>;
  /** Stops the run once the request in flight is answered (or times out): the rest are `stopped`. */
  stop?: AbortSignal;
  /** Called before each request that is sent. */
  onSend?: (item: RunItem, index: number) => void;
  /** Called with each result as it comes, in order. */
  onResult?: (result: RunResult, index: number) => void | Promise<void>;
}

/** Whether a result passes a smoke test: sent, and answered 2xx. */
export function passed(result: RunResult): boolean {
  return result.outcome === 'answered' && result.response !== undefined && result.response.status >= 200 && result.response.status < 300;
}

/**
 * Why a request cannot be sent as it is: placeholders without a value (unset `${env:…}` included), a header value
 * with a line break, and (unless `allowEmpty`) placeholders that are empty for the profile.
 */
export function refusalOf(request: ExpandedRequest, l10n: L10n, allowEmpty: boolean): string | undefined {
  if (request.unresolved.length > 0) return l10n.t('no value for {0}', issueSummary(request.unresolved, l10n));
  const lineBreaks = headerProblems(request).filter((problem) => problem.kind === 'line-break');
  if (lineBreaks.length > 0) return headerProblemText(lineBreaks, l10n);
  if (!allowEmpty && request.empty.length > 0) return emptyReason(request, l10n);
  return undefined;
}

/** `empty for this profile: {username}`: what a run that does not send empty values says of a request it leaves out. */
export function emptyReason(request: ExpandedRequest, l10n: L10n): string {
  return l10n.t('empty for this profile: {0}', issueSummary(request.empty, l10n, false));
}

/** The status line of an answer that is not 2xx, with the first line of its body (what most receivers say why). */
function statusReason(response: SendResult): string | undefined {
  if (response.status >= 200 && response.status < 300) return undefined;
  const said = response.body.trim().split(/\r?\n/, 1)[0] ?? '';
  const cut = said.length > 80 ? `${said.slice(0, 79)}…` : said;
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${cut ? `: ${cut}` : ''}`;
}

async function sendOne(item: RunItem, options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  try {
    const response = await options.sender(item.request, options.send);
    const reason = statusReason(response);
    return { item, outcome: 'answered', response, timeMs: response.timeMs, ...(reason ? { reason: redact(reason, item.request.secrets) } : {}) };
  } catch (error) {
    if (!(error instanceof SendError)) throw error;
    return { item, outcome: error.kind === 'cors' ? 'hidden' : 'failed', reason: redact(error.message, item.request.secrets), timeMs: Date.now() - started };
  }
}

/** Sends the items one after another (never two at once: a receiver sees them in the file's order). */
export async function sendAll(items: readonly RunItem[], options: RunOptions): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (const [index, item] of items.entries()) {
    let result: RunResult;
    if (options.stop?.aborted) result = { item, outcome: 'stopped', reason: options.send.l10n.t('the run was stopped before its turn') };
    else if (item.refusal !== undefined) result = { item, outcome: 'refused', reason: redact(item.refusal, item.request.secrets) };
    else {
      options.onSend?.(item, index);
      result = await sendOne(item, options);
    }
    results.push(result);
    await options.onResult?.(result, index);
  }
  return results;
}
