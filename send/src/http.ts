// Sends one expanded request with undici: redirects followed here, one timeout over the whole exchange, a response size cap.
import { EventEmitter } from 'node:events';
import { STATUS_CODES } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { ExpandedRequest, L10n } from '../../server/src/core';
import { SendError, cancelledError, firstHop, httpUrl, latin1OfUtf8, timeoutError, utf8OrLatin1, type Hop, type SendErrorKind, type SendOptions as CommonSendOptions, type SendResult } from './outgoing';
import { agentOptions, type SendAgents } from './send-agents';
import { Agent, request as undiciRequest } from './undici-parts';

export { SendError, SENDABLE_METHODS, contentTypeFor, type SendErrorKind, type SendResult } from './outgoing';

export interface SendOptions extends CommonSendOptions {
  /**
   * Agents kept between sends (the extension's): the send takes the one for its timeout and leaves it open. Without
   * them the send makes an Agent of its own and destroys it afterwards, so a one-send process (the CLI) exits at once.
   */
  agents?: SendAgents;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// What a browser keeps from another origin: credentials (and a hand-written Host) stay with the origin they were meant for.
const ORIGIN_BOUND_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'host']);
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']);
// Made once: a decoder that is not streaming keeps nothing between calls.
const UTF8 = new TextDecoder('utf-8');

interface Exchange {
  hop: Hop;
  redirects: string[];
  options: SendOptions;
  dispatcher: Dispatcher;
  abort: Abort;
  started: number;
}

/** What undici aborts the exchange on ('abort'): the deadline or the user's cancel, whichever comes first. */
interface Abort {
  signal: EventEmitter;
  timedOut(): boolean;
  dispose(): void;
}

/**
 * One deadline over the whole exchange, and the caller's cancel. undici takes an EventEmitter as `signal`; with a plain
 * timer it costs a send less than AbortSignal.timeout and AbortSignal.any, which a kept connection makes noticeable.
 */
function abortOn(timeoutMs: number, cancel: AbortSignal | undefined): Abort {
  const signal = new EventEmitter();
  let timedOut = false;
  const fire = () => signal.emit('abort');
  const timer = setTimeout(() => {
    timedOut = true;
    fire();
  }, timeoutMs).unref();
  cancel?.addEventListener('abort', fire);
  const dispose = () => {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', fire);
  };
  return { signal, timedOut: () => timedOut, dispose };
}

/** Sends the request once (no retries), following redirects up to the limit. */
export async function sendRequest(request: ExpandedRequest, options: SendOptions): Promise<SendResult> {
  const { l10n } = options;
  const hop = firstHop(request, l10n);
  if (options.signal?.aborted) throw cancelledError(hop.url, l10n);
  const abort = abortOn(options.timeoutMs, options.signal);
  const dispatcher = options.agents?.agentFor(options.timeoutMs) ?? new Agent(agentOptions(options.timeoutMs));
  const exchange: Exchange = { hop, redirects: [], options, dispatcher, abort, started: performance.now() };
  try {
    return await follow(exchange, l10n);
  } catch (error) {
    throw toSendError(error, exchange.hop.url, options, abort.timedOut(), l10n);
  } finally {
    abort.dispose();
    // A kept Agent stays open for the next send; one of the send's own goes with it.
    if (!options.agents) await dispatcher.destroy().catch(() => undefined);
  }
}

async function follow(exchange: Exchange, l10n: L10n): Promise<SendResult> {
  for (;;) {
    const response = await undiciRequest(exchange.dispatcher, exchange.hop.url, requestOptions(exchange));
    const headers = headerPairs(response.headers);
    const next = exchange.options.maxRedirects > 0 ? redirectHop(exchange.hop, response.statusCode, headers, l10n) : undefined;
    if (!next) return readResult(exchange, response, headers);
    await response.body.dump();
    if (exchange.redirects.length >= exchange.options.maxRedirects) throw tooManyRedirects(exchange.options.maxRedirects, next.url, l10n);
    exchange.redirects.push(exchange.hop.url.href);
    exchange.hop = next;
  }
}

function requestOptions(exchange: Exchange) {
  const { hop, abort } = exchange;
  // Header values go out as UTF-8 bytes ("raw in headers"); undici writes header strings as Latin-1.
  const headers = hop.headers.flatMap(([name, value]) => [name, latin1OfUtf8(value)]);
  return { method: hop.method as Dispatcher.HttpMethod, headers, body: hop.body, signal: abort.signal, responseHeaders: 'raw' as const };
}

// With `responseHeaders: 'raw'` undici hands a flat [name, value, ...] list of Latin-1 strings, whatever its type says.
function headerPairs(raw: unknown): [string, string][] {
  const flat = Array.isArray(raw) ? raw.map((item) => String(item)) : [];
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i], utf8OrLatin1(flat[i + 1])]);
  return pairs;
}

function headerValue(headers: [string, string][], name: string): string | undefined {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

function redirectHop(hop: Hop, status: number, headers: [string, string][], l10n: L10n): Hop | undefined {
  const location = headerValue(headers, 'location');
  if (!REDIRECT_STATUSES.has(status) || location === undefined) return undefined;
  const url = httpUrl(location, hop.url);
  if (!url) throw new SendError('invalid-url', l10n.t('{0} redirected to a location that is not an http or https URL.', hop.url.host));
  const sameOrigin = url.origin === hop.url.origin;
  const headersKept = hop.headers.filter(([name]) => sameOrigin || !ORIGIN_BOUND_HEADERS.has(name.toLowerCase()));
  if (!becomesGet(status, hop.method)) return { url, method: hop.method, headers: headersKept, body: hop.body };
  return { url, method: 'GET', headers: headersKept.filter(([name]) => !BODY_HEADERS.has(name.toLowerCase())) };
}

// As browsers do: 303 always asks for a GET; 301 and 302 turn a POST into a GET; 307 and 308 repeat the request.
function becomesGet(status: number, method: string): boolean {
  return status === 303 || ((status === 301 || status === 302) && method === 'POST');
}

async function readResult(exchange: Exchange, response: Dispatcher.ResponseData, headers: [string, string][]): Promise<SendResult> {
  const { bytes, truncated } = await readCapped(response.body, exchange.options.maxResponseBytes);
  return {
    url: exchange.hop.url.href,
    method: exchange.hop.method,
    status: response.statusCode,
    statusText: STATUS_CODES[response.statusCode] ?? '',
    headers,
    // When cut, the last character may be cut too: decoding as a stream drops its first bytes instead of showing U+FFFD.
    body: truncated ? new TextDecoder('utf-8').decode(bytes, { stream: true }) : UTF8.decode(bytes),
    truncated,
    bytes: bytes.length,
    timeMs: Math.round(performance.now() - exchange.started),
    redirects: exchange.redirects,
  };
}

/**
 * Reads at most `max` bytes, then destroys the stream so the rest is never received. Listens for 'data' rather than
 * iterating the stream: an async iterator costs each send more than its small answer takes to read.
 */
function readCapped(body: Dispatcher.ResponseData['body'], max: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    body.on('data', (chunk: Buffer) => {
      if (done) return;
      if (size + chunk.length <= max) {
        chunks.push(chunk);
        size += chunk.length;
        return;
      }
      done = true;
      chunks.push(chunk.subarray(0, max - size));
      body.destroy();
      resolve({ bytes: Buffer.concat(chunks), truncated: true });
    });
    body.on('end', () => resolve({ bytes: Buffer.concat(chunks), truncated: false }));
    body.on('error', reject);
  });
}

function tooManyRedirects(limit: number, next: URL, l10n: L10n): SendError {
  const message = limit === 1
    ? l10n.t('Stopped after 1 redirect (the limit); the next one led to {0}.', next.host)
    : l10n.t('Stopped after {0} redirects (the limit); the next one led to {1}.', limit, next.host);
  return new SendError('too-many-redirects', message);
}

function toSendError(error: unknown, url: URL, options: SendOptions, timedOut: boolean, l10n: L10n): SendError {
  if (error instanceof SendError) return error;
  if (options.signal?.aborted) return cancelledError(url, l10n, error);
  const codes = errorCodes(error);
  if (timedOut || codes.some((code) => /^UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT$/.test(code))) {
    return timeoutError(url, options.timeoutMs, l10n, error);
  }
  const kind = kindOf(codes);
  return new SendError(kind, messageFor(kind, url, error, l10n), { cause: error });
}

/** Codes of the error, its cause and the attempts an AggregateError holds (IPv6 and IPv4 tried in turn). */
function errorCodes(error: unknown): string[] {
  if (!(error instanceof Error)) return [];
  const code: unknown = (error as Error & { code?: unknown }).code;
  const own = typeof code === 'string' ? [code] : [];
  const inner = error instanceof AggregateError ? error.errors : [];
  return [...own, ...errorCodes(error.cause), ...inner.flatMap(errorCodes)];
}

function kindOf(codes: string[]): SendErrorKind {
  const has = (pattern: RegExp) => codes.some((code) => pattern.test(code));
  if (has(/^ECONNREFUSED$/)) return 'refused';
  if (has(/^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NODATA|EAI_NONAME)$/)) return 'dns';
  if (has(/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|^ERR_TLS|^ERR_SSL|^EPROTO$/)) return 'tls';
  if (has(/^(UND_ERR_INVALID_ARG|UND_ERR_REQ_CONTENT_LENGTH_MISMATCH|ERR_INVALID_CHAR)$/)) return 'invalid-request';
  return 'network';
}

// OpenSSL's own messages ("80DC…:error:0A00010B:SSL routines:…") mean nothing to a user; its code says more.
function tlsDetail(error: unknown, detail: string, l10n: L10n): string {
  const [code] = errorCodes(error);
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER') return l10n.t('the server does not speak TLS on this port (is the URL meant to be http://?).');
  return /:error:[0-9A-F]+:/.test(detail) && code ? `${code}.` : detail;
}

function messageFor(kind: SendErrorKind, url: URL, error: unknown, l10n: L10n): string {
  const detail = error instanceof Error ? error.message : String(error);
  const hostPort = `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  switch (kind) {
    case 'refused':
      return l10n.t('Connection refused by {0}: is the receiver running?', hostPort);
    case 'dns':
      return l10n.t('The host name {0} does not resolve: check the URL (or the network).', url.hostname);
    case 'tls':
      return l10n.t('The secure connection to {0} failed: {1}', hostPort, tlsDetail(error, detail, l10n));
    case 'invalid-request':
      return l10n.t('The request cannot be sent as written: {0}', detail);
    default:
      return l10n.t('The connection to {0} failed: {1}', hostPort, detail);
  }
}
