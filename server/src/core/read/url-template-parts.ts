// Where the scheme, origin, authority and query of a URL template stand, as offsets into its value.
import type { Span } from '../base/types';

/** Where the pieces of a URL template stand, as offsets into its value. */
export interface UrlTemplateParts {
  /** `https` of `https://host/…`; absent when the value does not start with `scheme://`. */
  scheme?: Span;
  /** What comes before the path: `https://user@host:port`, or, with no `scheme://`, the text up to the first `/`, `?` or `#`. */
  origin: Span;
  /** The host and port after `scheme://`, userinfo included; absent without a scheme. */
  authority?: Span;
  /** The query after its `?`, up to `#`. */
  query?: Span;
}

export const SCHEME = /^\s*([A-Za-z][A-Za-z0-9+.-]*):\/\//;

const SLASH = 0x2f;
const QUESTION = 0x3f;
const HASH = 0x23;

export function urlTemplateParts(value: string): UrlTemplateParts {
  const match = SCHEME.exec(value);
  const lead = value.length - value.trimStart().length;
  const authorityStart = match ? match[0].length : lead;
  const origin = { start: lead, end: endOfOrigin(value, authorityStart) };
  const query = queryOf(value, origin.end);
  if (!match) return { origin, query };
  const scheme = { start: lead, end: lead + match[1].length };
  return { scheme, origin, authority: { start: authorityStart, end: origin.end }, query };
}

/** The query after the path, unless the `?` stands in the fragment. */
function queryOf(value: string, pathStart: number): Span | undefined {
  const mark = endOfPath(value, pathStart);
  if (value.charCodeAt(mark) !== QUESTION) return undefined;
  const hash = value.indexOf('#', mark);
  return { start: mark + 1, end: hash < 0 ? value.length : hash };
}

/** The first `/`, `?` or `#` from `from` on, or the value's length. */
function endOfOrigin(value: string, from: number): number {
  for (let i = from; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === SLASH || code === QUESTION || code === HASH) return i;
  }
  return value.length;
}

/** The first `?` or `#` from `from` on, or the value's length. */
export function endOfPath(value: string, from: number): number {
  for (let i = from; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === QUESTION || code === HASH) return i;
  }
  return value.length;
}
