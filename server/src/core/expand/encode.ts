// Encodes a sample value for where its placeholder stands: URL part, JSON string, form body or header.
import type { Span } from '../base/types';

/**
 * - `raw`: as is (URL scheme, JSON outside strings, plain bodies);
 * - `host`: as is when it could be (part of) a host or port, else percent-encoded;
 * - `component`: percent-encoded like encodeURIComponent (URL path, query, fragment; form bodies);
 * - `json-string`: escaped for the inside of a JSON string literal;
 * - `header`: as is. A line break cannot be sent in a header: the send refuses it and says so (send/src/send-checks.ts)
 *   rather than dropping it here, which would send another value than the profile's without a word.
 */
export type Encoding = 'raw' | 'host' | 'component' | 'json-string' | 'header';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HOST_SAFE = /^[\p{L}\p{N}.\-_~:]*$/u;
/** `https://`, only when it comes before any `/`, `?` or `#` (not a `://` inside the query). */
const SCHEME_PREFIX = /^[^/?#]*?:\/\//;
const FORM_CONTENT_TYPE = /^\s*application\/x-www-form-urlencoded\s*(;|$)/i;

export function encodeValue(value: string, encoding: Encoding): string {
  switch (encoding) {
    case 'raw':
      return value;
    case 'host':
      return HOST_SAFE.test(value) ? value : percentEncode(value);
    case 'component':
      return percentEncode(value);
    case 'json-string':
      return jsonStringContent(value);
    case 'header':
      return value;
  }
}

/** encodeURIComponent, except that it never throws: a lone surrogate becomes U+FFFD first. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

/** The inside of a JSON string literal; U+2028/2029 escaped too, for receivers that eval JSON as JavaScript. */
export function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The encoding for each placeholder offset of a URL template. The URL splits at its first `?` and `#`;
 * before the path stand the scheme (raw: a placeholder there holds a base URL) and the authority (host check).
 * Without `://` everything before the first `/`, `?` or `#` counts as the scheme.
 */
export function urlEncodings(url: string, offsets: readonly number[]): Encoding[] {
  const { hasScheme, authorityStart, pathStart } = urlLayout(url);
  return offsets.map((offset) => {
    if (offset >= pathStart) return 'component';
    return hasScheme && offset >= authorityStart ? 'host' : 'raw';
  });
}

/** Where a URL template's path starts as urlEncodings sees it: every placeholder from there on is percent-encoded. */
export function encodedFrom(url: string): number {
  return urlLayout(url).pathStart;
}

function urlLayout(url: string): { hasScheme: boolean; authorityStart: number; pathStart: number } {
  const scheme = SCHEME_PREFIX.exec(url);
  const authorityStart = scheme ? scheme[0].length : 0;
  return { hasScheme: scheme !== null, authorityStart, pathStart: firstOf(url, /[/?#]/g, authorityStart) };
}

function firstOf(text: string, pattern: RegExp, from: number): number {
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? match.index : text.length;
}

/** Whether a Content-Type header value says the body is a URL-encoded form. */
export function isFormContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && FORM_CONTENT_TYPE.test(contentType);
}

/**
 * The encoding for each placeholder of a body template (spans in document order, offsets into `body`).
 * A form body is percent-encoded; a body that looks like JSON (first character `{` or `[` once the
 * placeholders stand aside) escapes values inside its string literals and inserts the others raw.
 */
export function bodyEncodings(body: string, placeholders: readonly Span[], contentType: string | undefined): Encoding[] {
  if (isFormContentType(contentType)) return placeholders.map(() => 'component');
  if (!looksLikeJson(body, placeholders)) return placeholders.map(() => 'raw');
  return insideJsonStrings(body, placeholders).map((inside) => (inside ? 'json-string' : 'raw'));
}

/** First non-blank character is `{` or `[`, and is not a placeholder's own brace. */
export function looksLikeJson(body: string, placeholders: readonly Span[]): boolean {
  const first = body.search(/\S/);
  if (first < 0 || placeholders.some((span) => span.start === first)) return false;
  return body[first] === '{' || body[first] === '[';
}

/** For each placeholder, whether it stands inside a JSON string literal; placeholder text is skipped. */
export function insideJsonStrings(body: string, placeholders: readonly Span[]): boolean[] {
  const states: boolean[] = [];
  let inString = false;
  let i = 0;
  for (const span of placeholders) {
    for (; i < span.start; i++) {
      if (inString && body[i] === '\\') i++;
      else if (body[i] === '"') inString = !inString;
    }
    states.push(inString);
    i = Math.max(i, span.end);
  }
  return states;
}
