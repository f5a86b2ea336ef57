// Turns core offsets into LSP ranges and back; the only place positions are made.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { offsetAt, positionAt } from './line-index';
import type { Span } from './types';

export function toRange(document: TextDocument, span: Span): Range {
  return { start: positionAt(document, span.start), end: positionAt(document, span.end) };
}

export function toSpan(document: TextDocument, range: Range): Span {
  return { start: offsetAt(document, range.start), end: offsetAt(document, range.end) };
}

export function offsetOf(document: TextDocument, position: Position): number {
  return offsetAt(document, position);
}


/** True when the offset lies in the span or right at its end (where the cursor stands after typing). */
export function touches(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
