// Turns core offsets into LSP ranges and back; the only place positions are made.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { offsetAt, positionAt } from './line-index';
import type { Span } from './types';

export function toRange(document: TextDocument, span: Span): Range {
  return { start: positionAt(document, span.start), end: positionAt(document, span.end) };
}

export function toSpan(document: TextDocument, range: Range): Span {
  return { start: offsetAt(document, range.start), end: offsetAt(document, range.end) };
}


