// Finds the suppression comments of a template: `# webhook-templates-disable-next-line CODE[, CODE]` and
// `# webhook-templates-disable CODE[, CODE]` (no code: every code), with an optional ` -- reason` after the codes.
//
// A suppression is read only where its line is a comment:
// - `.webhook` files: lines starting with `#` or `//` before a request line (after its `###` line, or at the top of
//   the file). After the request line a `#` line is part of the request: in the header block it starts the body (as
//   any line that is not `Name: value` does), in the body it is body text, and both are sent as written. Such a line
//   that looks like a suppression is kept with `inRequest`, so the check can say it suppresses nothing, and why.
// - YAML scripts: lines starting with `#` outside every string (a `#` line inside a block scalar is its text: kept
//   with `inRequest`, said the same way).
// - JSON scripts have no comments, so no suppressions.
import type { ParsedTemplate, Span } from '../base/types';
import type { TextChange } from './incremental';
import { lineEnd, lineStart, type TextSource } from './text-source';

export const DISABLE_NEXT_LINE = 'webhook-templates-disable-next-line';
export const DISABLE_FILE = 'webhook-templates-disable';

export interface SuppressedCode {
  code: string;
  span: Span;
}

export interface SuppressionComment {
  kind: 'next-line' | 'file';
  /** Zero-based line of the comment. */
  line: number;
  /** The keyword, `webhook-templates-disable…`. */
  keyword: Span;
  /** The codes named, in order; none: every code. */
  codes: SuppressedCode[];
  /** Where the codes may be written: from after the keyword to the reason (or the line's end). */
  codesSpan: Span;
  /** The line is not a comment but template text (a request's headers or body, a string of a script): sent as written. */
  inRequest?: boolean;
}

const CHEAP_MARK = 'webhook-templates-disable';
const LINE = /^([ \t]*)(#|\/\/)[ \t]*(webhook-templates-disable(?:-next-line)?)(?=[ \t]|$)([^\r\n]*)$/gm;

/**
 * The suppression comments after an edit, when they are known without searching the whole text: none in a JSON
 * script; none when there were none before and no line the edit wrote holds the keyword (a suppression is one line,
 * and a line holding no written character is as it was). Undefined: the text is to be searched.
 */
export function suppressionsAfterEdit(before: readonly SuppressionComment[] | undefined, parsed: ParsedTemplate, text: TextSource, change: TextChange): SuppressionComment[] | undefined {
  if (parsed.kind === 'script-json') return [];
  if (before?.length !== 0) return undefined;
  return text.slice(lineStart(text, change.start), lineEnd(text, change.oldEnd + change.delta)).includes(CHEAP_MARK) ? undefined : [];
}

/** Every suppression comment, in line order; the text is searched only when it holds the keyword at all. */
export function suppressionComments(text: string, parsed: ParsedTemplate): SuppressionComment[] {
  if (parsed.kind === 'script-json' || !text.includes(CHEAP_MARK)) return [];
  const insideText = textRanges(parsed);
  const comments: SuppressionComment[] = [];
  const lineStarts = lineStartsOf(text);
  for (const match of text.matchAll(LINE)) {
    const [, indent, marker, keyword, rest] = match;
    if (marker === '//' && parsed.kind !== 'webhook') continue;
    const markerAt = match.index + indent.length;
    const keywordAt = text.indexOf(keyword, markerAt);
    const restAt = keywordAt + keyword.length;
    const reasonAt = rest.search(/[ \t]--(?:[ \t]|$)/);
    const codesText = reasonAt < 0 ? rest : rest.slice(0, reasonAt);
    comments.push({
      kind: keyword === DISABLE_FILE ? 'file' : 'next-line',
      line: lineOf(lineStarts, match.index),
      keyword: { start: keywordAt, end: restAt },
      codes: codesIn(codesText, restAt),
      codesSpan: { start: restAt, end: restAt + codesText.length },
      ...(insideText(markerAt) ? { inRequest: true } : {}),
    });
  }
  return comments;
}

function codesIn(codesText: string, offset: number): SuppressedCode[] {
  return [...codesText.matchAll(/[^\s,]+/g)].map((match) => ({ code: match[0], span: { start: offset + match.index, end: offset + match.index + match[0].length } }));
}

/**
 * Whether an offset stands in text that is sent or shown rather than read as a comment: in a `.webhook` file from a
 * request's request line to its end, in a script inside a string.
 */
function textRanges(parsed: ParsedTemplate): (offset: number) => boolean {
  const ranges: Span[] =
    parsed.kind === 'webhook'
      ? parsed.requests.map((request) => ({ start: request.methodSpan?.start ?? request.url?.span.start ?? request.span.start, end: request.span.end }))
      : parsed.regions;
  return (offset) => ranges.some((range) => offset >= range.start && offset < range.end);
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

export function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
