// Reads a delivered request as a log shows it: a URL, or a request line with headers and a body; never throws.
//
// The text is read like a request of a `.webhook` file (read/webhook-file.ts): an optional method, the URL, header
// lines, a blank line and the body (a body right after the request line is read too). Around it a log may add a
// label (`URL: https://…`, `Location: https://…`), quotes and blank lines. A tracker's access log shows the path
// alone (`GET /25123a/postback?subid=… HTTP/1.1`) with a `Host:` header: the URL is made from the two.
import { phrase, type Phrase } from '../base/l10n';
import type { DeliveredInput } from '../base/explanation';
import { parseWebhookFile } from '../read/webhook-file';

/** A query parameter as it arrived: its text, and what the receiver reads from it. */
export interface DeliveredPair {
  name: string;
  /** The value as written in the URL. */
  raw: string;
  /** Percent-escapes and `+` decoded; the raw value when its escapes do not decode. */
  value: string;
  /** Its percent-encoding does not decode (cut short, or not UTF-8). */
  undecodable: boolean;
}

export interface DeliveredRequest {
  method: string;
  /** The text named the method (else it is GET, or POST with a body). */
  methodGiven: boolean;
  /** The URL as it arrived. */
  url: string;
  /** `https://host:port`, as written. */
  origin: string;
  /** The host in lower case, without user and port. */
  host: string;
  /** The path's segments after its first `/`, decoded; a trailing empty one is dropped. */
  segments: string[];
  pairs: DeliveredPair[];
  body?: string;
}

export type DeliveredReading = { request: DeliveredRequest } | { error: Phrase };

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const LABEL = /^\s*(?:url|location|request|webhook)\s*:\s+/i;
const QUOTES: Record<string, string> = { '"': '"', "'": "'", '`': '`', '<': '>' };
/** How much of a text that is not a URL is shown back. */
const SHOWN = 80;

export function readDelivered(input: DeliveredInput): DeliveredReading {
  const text = unwrapped(input.text.replace(/^\uFEFF/, ''));
  const request = parseWebhookFile(text).requests[0];
  // `not a url` reads as the method `not` and the URL `a url`: only an HTTP method is taken as one.
  const method = request?.methodSpan && METHODS.has(request.method) ? request.method : undefined;
  const start = method ? request?.url?.span.start : request?.methodSpan?.start ?? request?.url?.span.start;
  const written = request?.url && start !== undefined ? text.slice(start, request.url.span.end).trim() : '';
  if (!request || written === '') {
    return { error: phrase('Nothing to explain: paste a request as Chatterfy\'s Logs → Webhooks or a tracker\'s log shows it (a URL, or a request line, headers and a body).') };
  }
  const host = request.headers.find((header) => header.name.toLowerCase() === 'host')?.value.value.trim();
  const url = written.startsWith('/') && host ? `https://${host}${written}` : written;
  const body = input.body ?? request.body?.value;
  return readUrl(url, { method: method ?? (body !== undefined ? 'POST' : 'GET'), methodGiven: method !== undefined }, body);
}

/** The first line without a log's label and the quotes around the URL. */
function unwrapped(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) return text;
  let line = lines[first].replace(LABEL, '').trim();
  const close = QUOTES[line[0]];
  if (close && line.length > 1 && line.endsWith(close)) line = line.slice(1, -1).trim();
  lines[first] = line;
  return lines.join('\n');
}

function shown(text: string): string {
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
}

function readUrl(url: string, method: Pick<DeliveredRequest, 'method' | 'methodGiven'>, body: string | undefined): DeliveredReading {
  const scheme = SCHEME.exec(url);
  if (!scheme) return { error: phrase('"{0}" is not a URL: a delivered request starts with http:// or https://, or is a request line with a path and a Host header.', shown(url)) };
  if (!/^https?$/i.test(scheme[1])) return { error: phrase('"{0}" is not an http or https URL.', shown(url)) };
  const authorityEnd = firstOf(url, '/?#', scheme[0].length);
  const authority = url.slice(scheme[0].length, authorityEnd);
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '').toLowerCase();
  if (host === '') return { error: phrase('"{0}" has no host.', shown(url)) };
  if (/[\s{}<>"\\^`|]/.test(host)) return { error: phrase('"{0}" has no valid host: "{1}".', shown(url), host) };
  const pathEnd = firstOf(url, '?#', authorityEnd);
  const queryEnd = firstOf(url, '#', pathEnd);
  const query = url[pathEnd] === '?' ? url.slice(pathEnd + 1, queryEnd) : '';
  return {
    request: { ...method, url, origin: url.slice(0, authorityEnd), host, segments: segmentsOf(url.slice(authorityEnd, pathEnd)), pairs: pairsOf(query), body },
  };
}

/** The first of `chars` from `from` on, or the text's length. */
function firstOf(text: string, chars: string, from: number): number {
  for (let i = from; i < text.length; i++) if (chars.includes(text[i])) return i;
  return text.length;
}

/** `/25123a/postback/` → `25123a`, `postback`. */
export function segmentsOf(path: string): string[] {
  const segments = path.split('/').slice(1);
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  return segments.map((segment) => decoded(segment, false).value);
}

function pairsOf(query: string): DeliveredPair[] {
  return query
    .split('&')
    .filter((text) => text !== '')
    .map((text) => {
      const equals = text.indexOf('=');
      const raw = equals < 0 ? '' : text.slice(equals + 1);
      const value = decoded(raw, true);
      return { name: decoded(equals < 0 ? text : text.slice(0, equals), true).value, raw, value: value.value, undecodable: value.undecodable };
    });
}

/** Percent-escapes decoded (and `+` as a space in a query); the text as written when they do not decode. */
export function decoded(text: string, query: boolean): { value: string; undecodable: boolean } {
  const spaced = query ? text.replace(/\+/g, ' ') : text;
  try {
    return { value: decodeURIComponent(spaced), undecodable: false };
  } catch {
    return { value: spaced, undecodable: true };
  }
}
