// Reads a URL template the way a receiver does: host and path (placeholders masked) and the query's name=value pairs.
//
// Names are read as written (receivers compare them case-sensitively); values may be placeholders or,
// in Chatterfy's inbound links, the partner network's macros (`{sub1}`, `[subid]`, `#s2#`). A `#` opens the
// fragment only when it does not start a `#word#` macro, so `clickid=#s2#` stays in the query.
import type { Span } from '../base/types';
import { endOfPath, urlTemplateParts } from './url-template-parts';

export interface QueryPair {
  /** The name as written, e.g. `sub_id_1`, `fields.geo`. */
  name: string;
  nameSpan: Span;
  /** The value as written (may hold placeholders or macros); '' when there is no `=`. */
  value: string;
  valueSpan: Span;
  hasEquals: boolean;
}

export interface ReceiverUrl {
  /** The host in lower case, placeholders masked. */
  host: string;
  /** `/25123a/postback`, placeholders masked. */
  path: string;
  pathSpan: Span;
  /** The query after `?` (empty span right after `?`), or undefined when there is no `?`. */
  query?: Span;
  pairs: QueryPair[];
  /** Where a new parameter is appended: the end of the query, or the end of the path when there is none. */
  appendAt: number;
}

const PLACEHOLDER = /\{\{?[^{}\s]*\}?\}|<[^<>\s]*>/g;
const HASH_MACRO = /#[A-Za-z0-9_.-]+#/y;

export function readReceiverUrl(value: string): ReceiverUrl | undefined {
  const masked = maskedBeforeQuery(value);
  const parts = urlTemplateParts(masked);
  if (!parts.authority) return undefined;
  const pathEnd = masked.length;
  const pathSpan = { start: parts.origin.end, end: pathEnd };
  const host = hostOf(masked.slice(parts.authority.start, parts.authority.end));
  const query = value[pathEnd] === '?' ? { start: pathEnd + 1, end: queryEnd(value, pathEnd + 1) } : undefined;
  const pairs = query ? readPairs(value, query) : [];
  return { host, path: masked.slice(pathSpan.start, pathSpan.end), pathSpan, query, pairs, appendAt: query ? query.end : pathEnd };
}

/**
 * The text before the query or fragment (its first `?` or `#` outside a placeholder), every placeholder in it
 * replaced by as many `x`, so patterns see the URL's shape. The query, where most placeholders stand, is not masked.
 */
export function maskedBeforeQuery(value: string): string {
  let masked = '';
  let from = 0;
  let mark = endOfPath(value, 0);
  PLACEHOLDER.lastIndex = 0;
  for (let match = PLACEHOLDER.exec(value); ; match = PLACEHOLDER.exec(value)) {
    if (mark < from) mark = endOfPath(value, from);
    if (!match || mark < match.index) return masked + value.slice(from, mark);
    masked += value.slice(from, match.index) + 'x'.repeat(match[0].length);
    from = PLACEHOLDER.lastIndex;
  }
}

function hostOf(authority: string): string {
  const withoutUser = authority.slice(authority.lastIndexOf('@') + 1);
  return withoutUser.replace(/:\d*$/, '').toLowerCase();
}

/** The query ends at a `#` that is not a `#macro#`, or at the end of the value. */
function queryEnd(value: string, from: number): number {
  for (let i = value.indexOf('#', from); i >= 0; i = value.indexOf('#', i + 1)) {
    HASH_MACRO.lastIndex = i;
    if (!HASH_MACRO.test(value)) return i;
    i = HASH_MACRO.lastIndex - 1;
  }
  return value.length;
}

function readPairs(value: string, query: Span): QueryPair[] {
  const pairs: QueryPair[] = [];
  let start = query.start;
  for (const text of value.slice(query.start, query.end).split('&')) {
    const equals = text.indexOf('=');
    const nameEnd = equals < 0 ? text.length : equals;
    const valueStart = equals < 0 ? start + text.length : start + equals + 1;
    if (text !== '') {
      pairs.push({
        name: text.slice(0, nameEnd),
        nameSpan: { start, end: start + nameEnd },
        value: equals < 0 ? '' : text.slice(equals + 1),
        valueSpan: { start: valueStart, end: start + text.length },
        hasEquals: equals >= 0,
      });
    }
    start += text.length + 1;
  }
  return pairs;
}

/** A value written out (no placeholder, macro or encoded brace): the only kind whose content can be checked. */
export function isLiteralValue(value: string): boolean {
  return !/[{}[\]#<>]|%7b|%5b/i.test(value);
}

/** A literal value as the receiver reads it: `+` as a space and percent-escapes decoded (kept as written when malformed). */
export function decodedValue(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
