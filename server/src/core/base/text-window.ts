// Parts of a document's text without the whole: the server's open documents keep their text in pieces, and typing
// should read the step typed in, not copy the document.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from './types';

/** The length of a document's text, without reading the text (an open document may keep it in pieces). */
export function documentLength(document: TextDocument): number {
  return document.offsetAt({ line: document.lineCount, character: 0 });
}

/** Part of a document's text: `text` holds the document's characters from offset `base` on. */
export interface TextWindow {
  text: string;
  base: number;
}

/**
 * A document that hands out the text around some offsets without building the whole text: the language server's
 * open documents keep theirs in pieces, and typing should read the step typed in, not copy the document.
 */
export interface WindowedDocument {
  /** A window holding at least [start, end): the whole text (base 0) when that costs nothing. */
  textWindow(start: number, end: number): TextWindow;
}

export function isWindowed(document: TextDocument): document is TextDocument & WindowedDocument {
  return typeof (document as Partial<WindowedDocument>).textWindow === 'function';
}

/** A window of the document holding at least [start, end); any document but a windowed one gives its whole text. */
export function textWindow(document: TextDocument, start: number, end: number): TextWindow {
  return isWindowed(document) ? document.textWindow(start, end) : { text: document.getText(), base: 0 };
}

/** The document's text of [start, end), read through a window. */
export function textBetween(document: TextDocument, start: number, end: number): string {
  const { text, base } = textWindow(document, start, end);
  return text.slice(start - base, end - base);
}

/** A window holding every one of some spans (the regions of one re-read step, or of a whole document). */
export function regionsWindow(document: TextDocument, spans: readonly Span[]): TextWindow {
  let start = Infinity;
  let end = -Infinity;
  for (const span of spans) {
    if (span.start < start) start = span.start;
    if (span.end > end) end = span.end;
  }
  return spans.length === 0 ? { text: '', base: 0 } : textWindow(document, start, end);
}
