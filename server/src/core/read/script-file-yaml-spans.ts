// Where a YAML node stands in the source, from the offsets `yaml` gives it: both YAML readers build spans here.
import type { Scalar } from 'yaml';
import type { Span } from '../base/types';
import { trimEnd, type ScriptNode } from './script-file-tree';

/** A node's source range `[start, end)` without trailing whitespace. */
export function nodeSpan(text: string, start: number, end: number): Span {
  return { start, end: withoutTrailingSpace(text, start, end) };
}

/** `trimEnd`, answering at once when the last character is printable ASCII (never white space), as it nearly always is. */
function withoutTrailingSpace(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  return end > start && last > 32 && last < 127 ? end : trimEnd(text, start, end);
}

/** Where a scalar's characters stand: inside its quotes, or the lines after a block scalar's header. */
export function contentSpan(text: string, type: Scalar.Type | null | undefined, start: number, end: number): Span {
  const trimmed = withoutTrailingSpace(text, start, end);
  switch (type) {
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE':
      return insideQuotes(text, start, trimmed);
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return blockContent(text, start, trimmed);
    default:
      return { start, end: trimmed };
  }
}

/** A scalar's node: a string with its content span, anything else (number, boolean, null) with its own span. */
export function scalarNode(text: string, value: unknown, type: Scalar.Type | null | undefined, start: number, end: number): ScriptNode {
  if (typeof value === 'string') return { kind: 'string', span: contentSpan(text, type, start, end), value };
  return { kind: 'other', span: nodeSpan(text, start, end), value };
}

function insideQuotes(text: string, start: number, end: number): Span {
  const quote = text[start];
  const contentStart = Math.min(start + 1, end);
  // An unclosed quote (already a syntax error) runs to the end of the value.
  const closed = end - 1 > start && text[end - 1] === quote;
  return { start: contentStart, end: closed ? end - 1 : end };
}

function blockContent(text: string, start: number, end: number): Span {
  const lineBreak = text.slice(start, end).search(/[\r\n]/);
  if (lineBreak < 0) return { start: end, end };
  let contentStart = start + lineBreak;
  while (contentStart < end && /\s/.test(text[contentStart])) contentStart++;
  return { start: contentStart, end };
}
