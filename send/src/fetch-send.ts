// Sends one expanded request with the browser's fetch (the extension in vscode.dev or github.dev): the request undici
// sends on the desktop, within what a page may do. When the receiver's CORS policy keeps its answer from the page, the
// user is told so, and that the request may have arrived and been recorded; such a send is never called failed.
import { isLoopbackUrl, type ExpandedRequest, type L10n } from '../../server/src/core';
import { SendError, cancelledError, firstHop, latin1OfUtf8, timeoutError, utf8OrLatin1, type Hop, type SendOptions, type SendResult } from './outgoing';

/** Where the request is sent from: the page's fetch and origin (tests hand in their own). */
export interface Page {
  fetch: typeof fetch;
  /** The page's origin (`https://vscode.dev`); an https page never sends plain http requests to other hosts. */
  origin?: string;
}

function currentPage(): Page {
  const scope = globalThis as { origin?: unknown };
  return { fetch: (input, init) => globalThis.fetch(input, init), origin: typeof scope.origin === 'string' ? scope.origin : undefined };
}

/** Request headers a page may not set (the Fetch standard's forbidden names; Chromium keeps User-Agent too). */
const FORBIDDEN_HEADERS = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method', 'connection',
  'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive', 'origin', 'referer',
  'set-cookie', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via', 'user-agent',
]);
const FORBIDDEN_PREFIXES = ['proxy-', 'sec-'];
/** Headers a page may send without asking the receiver first (CORS-safelisted), given plain values. */
const SAFELISTED_HEADERS = new Set(['accept', 'accept-language', 'content-language', 'content-type']);
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const UNSAFE_VALUE = /[\0-\x08\x0a-\x1f"():<>?@[\\\]{}\x7f]/;
/** A browser's cache never answers a send (Node.js's fetch, which the type-check sees, has no `cache` option). */
const NO_CACHE: object = { cache: 'no-store' };
/** How long the look at the receiver's host after a blocked send may take. */
const PROBE_MS = 5000;

function isForbidden(name: string): boolean {
  const lower = name.toLowerCase();
  return FORBIDDEN_HEADERS.has(lower) || FORBIDDEN_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * What makes the browser ask the receiver first (a CORS preflight): a header that is not safelisted, or a content
 * type other than a form's or plain text. Empty: the request goes out as it is, whatever the receiver's policy.
 */
export function preflightReasons(hop: Hop): string[] {
  const sent = hop.headers.filter(([name]) => !isForbidden(name));
  const reasons = sent.filter(([name, value]) => !SAFELISTED_HEADERS.has(name.toLowerCase()) || UNSAFE_VALUE.test(value)).map(([name]) => name);
  const type = sent.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  const essence = type?.split(';')[0].trim().toLowerCase();
  if (essence !== undefined && !SIMPLE_CONTENT_TYPES.has(essence) && !reasons.includes('Content-Type')) reasons.push(`Content-Type: ${essence}`);
  return [...new Set(reasons)];
}

export async function sendWithFetch(request: ExpandedRequest, options: SendOptions, page: Page = currentPage()): Promise<SendResult> {
  const { l10n } = options;
  const hop = firstHop(request, l10n);
  if (options.signal?.aborted) throw cancelledError(hop.url, l10n);
  if (page.origin?.startsWith('https:') && hop.url.protocol === 'http:' && !isLoopbackUrl(hop.url.href)) {
    throw new SendError('mixed-content', l10n.t('Not sent: a browser does not send http:// requests from an https:// page. Use an https:// URL, send from VS Code on the desktop, or use Copy as cURL.'));
  }
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
  const signal = eitherSignal(timeout.signal, options.signal);
  const started = performance.now();
  const left = hop.headers.filter(([name]) => isForbidden(name)).map(([name]) => name);
  try {
    const response = await page.fetch(hop.url.href, {
      method: hop.method,
      headers: hop.headers.filter(([name]) => !isForbidden(name)).map(([name, value]): [string, string] => [name, latin1OfUtf8(value)]),
      body: hop.method === 'GET' ? undefined : hop.body,
      redirect: options.maxRedirects === 0 ? 'manual' : 'follow',
      // The page's cookies are not the receiver's business, nor is the address of the editor.
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      mode: 'cors',
      signal,
      ...NO_CACHE,
    });
    return await resultOf(response, hop, options, started, left);
  } catch (error) {
    if (error instanceof SendError) throw error;
    if (options.signal?.aborted) throw cancelledError(hop.url, l10n, error);
    if (timeout.signal.aborted) throw timeoutError(hop.url, options.timeoutMs, l10n, error);
    throw await blockedOrUnreachable(hop, page, error, l10n);
  } finally {
    clearTimeout(timer);
  }
}

async function resultOf(response: Response, hop: Hop, options: SendOptions, started: number, left: string[]): Promise<SendResult> {
  const { l10n } = options;
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => headers.push([name, utf8OrLatin1(value)]));
  const { bytes, truncated } = await readCapped(response, options.maxResponseBytes);
  const notes = [
    ...(left.length > 0 ? [l10n.t('Not sent: {0}. A browser lets no page set these headers.', left.join(', '))] : []),
    ...(hop.method === 'GET' && hop.body ? [l10n.t('Not sent: the body. A browser sends no body with a GET request.')] : []),
    ...(response.type === 'opaqueredirect' ? [l10n.t('The receiver answered with a redirect, which a browser does not show while webhookTemplates.send.maxRedirects is 0.')] : []),
    ...(response.redirected ? [l10n.t('The browser followed the redirects itself and shows only where they ended (the redirect limit applies on the desktop).')] : []),
    ...(response.type === 'cors' ? [l10n.t('Only the response headers the receiver lets a page read are shown.')] : []),
  ];
  return {
    url: response.type === 'opaqueredirect' || !response.url ? hop.url.href : response.url,
    method: hop.method,
    status: response.status,
    statusText: response.statusText,
    headers,
    body: new TextDecoder('utf-8').decode(bytes, { stream: truncated }),
    truncated,
    bytes: bytes.length,
    timeMs: Math.round(performance.now() - started),
    redirects: response.redirected ? [hop.url.href] : [],
    notes,
  };
}

/** Reads at most `max` bytes of the body, then cancels the rest. */
async function readCapped(response: Response, max: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    if (size + next.value.length > max) {
      chunks.push(next.value.subarray(0, max - size));
      size = max;
      truncated = true;
      await reader!.cancel().catch(() => undefined);
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { bytes, truncated };
}

/**
 * fetch says only "failed" both when the receiver's CORS policy hid the answer and when the host could not be
 * reached. One look at the host's root, whose answer a page may not read but can tell apart from no answer, decides.
 */
async function blockedOrUnreachable(hop: Hop, page: Page, error: unknown, l10n: L10n): Promise<SendError> {
  const reachable = await page
    .fetch(`${hop.url.origin}/`, { method: 'HEAD', mode: 'no-cors', credentials: 'omit', referrerPolicy: 'no-referrer', signal: AbortSignal.timeout(PROBE_MS), ...NO_CACHE })
    .then(() => true, () => false);
  if (!reachable) {
    const detail = error instanceof Error ? error.message : String(error);
    return new SendError('network', l10n.t('{0} could not be reached from the browser (the host name, the network or its certificate): {1}', hop.url.host, detail), { cause: error });
  }
  return new SendError('cors', corsMessage(hop, l10n), { cause: error });
}

/** What the user must know after a blocked answer: whether the request went out, and what to do before sending again. */
export function corsMessage(hop: Hop, l10n: L10n): string {
  const reasons = preflightReasons(hop);
  const what = reasons.length === 0
    ? l10n.t("{0}'s CORS policy does not let a browser page read its answer. The request was sent: the receiver may have recorded it (a test postback can count as a conversion), so check there before sending again.", hop.url.host)
    : l10n.t("{0}'s CORS policy blocked this request or its answer. A browser asks the receiver first before it sends a request with {1}: if the receiver refused, nothing was sent; if it allowed the request but not the reading of its answer, the request arrived and may have been recorded, so check there before sending again.", hop.url.host, reasons.join(', '));
  return `${what} ${l10n.t('To see the answer, send from VS Code on the desktop or from the command line (Copy as cURL).')}`;
}

function eitherSignal(first: AbortSignal, second: AbortSignal | undefined): AbortSignal {
  if (!second) return first;
  const both = new AbortController();
  for (const signal of [first, second]) signal.addEventListener('abort', () => both.abort(), { once: true });
  return both.signal;
}
