// What every sender shares (undici's in http.ts, the browser's fetch in fetch-send.ts): the options, the result, the
// errors, and the request made ready to go (method, URL, header checks, the JSON content type, URL credentials).
import type { ExpandedRequest, L10n } from '../../server/src/core';

export interface SendOptions {
  /** Covers the whole exchange: connecting, every redirect, headers and body. */
  timeoutMs: number;
  /** 0 does not follow redirects: the 3xx answer is the result. */
  maxRedirects: number;
  /** The body is cut here (`truncated`), and the connection closed. */
  maxResponseBytes: number;
  /** Aborting it cancels the send (kind `cancelled`). */
  signal?: AbortSignal;
  /** The language failures are said in. */
  l10n: L10n;
}

export interface SendResult {
  /** The URL that gave the final answer, after redirects. */
  url: string;
  /** The method of the final request (a 303 turns a POST into a GET). */
  method: string;
  status: number;
  statusText: string;
  /** Response headers in the order received, values decoded as UTF-8. */
  headers: [string, string][];
  /** The body decoded as UTF-8 (cut at `maxResponseBytes` when `truncated`). */
  body: string;
  truncated: boolean;
  /** Body bytes received and kept. */
  bytes: number;
  timeMs: number;
  /** The URLs that answered with a redirect, in order: the chain is `[...redirects, url]`. */
  redirects: string[];
  /** What the sender could not do as asked, for the user (a browser: headers it will not send, headers it hides). */
  notes?: string[];
}

export type SendErrorKind =
  | 'refused'
  | 'dns'
  | 'tls'
  | 'timeout'
  | 'cancelled'
  | 'too-many-redirects'
  | 'invalid-url'
  | 'unsupported-method'
  | 'invalid-request'
  | 'network'
  // Only from a browser: the receiver's CORS policy keeps its answer (or the request) from the page.
  | 'cors'
  // Only from a browser: an http:// request from an https:// page, which the browser never sends.
  | 'mixed-content';

/** Why a send got no answer. Its message is for the user; a non-2xx answer is a result, never a SendError. */
export class SendError extends Error {
  override readonly name = 'SendError';

  constructor(
    readonly kind: SendErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Chatterfy's webhook step sends GET or POST only. */
export const SENDABLE_METHODS: readonly string[] = ['GET', 'POST'];

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The Content-Type the send adds: JSON for a POST body that parses as JSON when no header names one. */
export function contentTypeFor(request: ExpandedRequest): string | undefined {
  if (request.method.toUpperCase() !== 'POST' || request.body === undefined) return undefined;
  if (request.headers.some(([name]) => name.toLowerCase() === 'content-type')) return undefined;
  return parsesAsJson(request.body) ? 'application/json' : undefined;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** One request of the exchange: the first, or one made by following a redirect. */
export interface Hop {
  url: URL;
  method: string;
  headers: [string, string][];
  body?: string;
}

/** The request as it goes out first, or the SendError that says why it cannot go. */
export function firstHop(request: ExpandedRequest, l10n: L10n): Hop {
  const method = request.method.toUpperCase();
  if (!SENDABLE_METHODS.includes(method)) {
    throw new SendError('unsupported-method', l10n.t("Only GET and POST can be sent (the methods of Chatterfy's webhook step), not {0}.", method));
  }
  const url = httpUrl(request.url);
  if (!url) throw new SendError('invalid-url', l10n.t('"{0}" has no valid http or https URL to send to.', request.name));
  request.headers.forEach(([name, value]) => checkHeader(name, value, l10n));
  const contentType = contentTypeFor(request);
  const headers: [string, string][] = contentType ? [...request.headers, ['Content-Type', contentType]] : [...request.headers];
  return { url: withoutCredentials(url, headers), method, headers, body: request.body };
}

// undici and fetch would drop `user:password@` silently; like curl, send it as Basic authorization unless a header says otherwise.
function withoutCredentials(url: URL, headers: [string, string][]): URL {
  if (url.username === '' && url.password === '') return url;
  const credentials = `${percentDecoded(url.username)}:${percentDecoded(url.password)}`;
  if (!headers.some(([name]) => name.toLowerCase() === 'authorization')) {
    headers.push(['Authorization', `Basic ${btoa(latin1OfUtf8(credentials))}`]);
  }
  const bare = new URL(url);
  bare.username = '';
  bare.password = '';
  return bare;
}

export function httpUrl(text: string, base?: URL): URL | undefined {
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function checkHeader(name: string, value: string, l10n: L10n): void {
  if (!HEADER_NAME.test(name)) throw new SendError('invalid-request', l10n.t('"{0}" is not a valid header name.', name));
  if (/[\r\n\0]/.test(value)) throw new SendError('invalid-request', l10n.t('The value of header "{0}" holds a line break, which HTTP does not allow.', name));
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// ASCII reads the same as UTF-8 and as Latin-1: most header values need no conversion either way.
const ASCII = /^[\x00-\x7f]*$/;
// Made once: a decoder that is not streaming keeps nothing between calls.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const ENCODER = new TextEncoder();

/** A text's UTF-8 bytes as a Latin-1 string: how a header value goes out "raw" through APIs that write Latin-1. */
export function latin1OfUtf8(text: string): string {
  if (ASCII.test(text)) return text;
  let latin1 = '';
  for (const byte of ENCODER.encode(text)) latin1 += String.fromCharCode(byte);
  return latin1;
}

/** A header value received as Latin-1 text, read as UTF-8 when it is valid UTF-8. */
export function utf8OrLatin1(latin1: string): string {
  if (ASCII.test(latin1)) return latin1;
  const bytes = Uint8Array.from(latin1, (char) => char.charCodeAt(0) & 0xff);
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return latin1;
  }
}

export function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

export function cancelledError(url: URL, l10n: L10n, cause?: unknown): SendError {
  return new SendError('cancelled', l10n.t('The request to {0} was cancelled.', url.host), { cause });
}

export function timeoutError(url: URL, timeoutMs: number, l10n: L10n, cause?: unknown): SendError {
  return new SendError('timeout', l10n.t('No answer from {0} within {1} s.', url.host, seconds(timeoutMs)), { cause });
}
