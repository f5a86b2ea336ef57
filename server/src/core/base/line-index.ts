// Offsets to positions and back with a line index built by searching for line breaks, not by visiting every character.
//
// TextDocument builds its own index with a per-character loop, about ten times slower on large files; this one
// is built with `indexOf` (a native search) when the text has only \n breaks, and answers exactly as
// TextDocument does (positions clamped to the text and to the end of their line). Texts holding a \r are left
// to TextDocument, which knows \r and \r\n breaks, and so are documents once edited: TextDocument follows
// each edit in its index, where this one would be built again for every version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { isWindowed } from './text-window';

interface LineIndex {
  version: number;
  length: number;
  /** The offset each line starts at; undefined when the document answers (a \r in the text, edited, or windowed). */
  starts: number[] | undefined;
}

const indexes = new WeakMap<TextDocument, LineIndex>();

function lineStarts(text: string): number[] | undefined {
  if (text.includes('\r')) return undefined;
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function indexOf(document: TextDocument): LineIndex {
  const known = indexes.get(document);
  if (known?.version === document.version) return known;
  // A windowed document (the server's open documents) builds its index by search itself, and follows edits in it.
  const text = known || isWindowed(document) ? undefined : document.getText();
  const index = { version: document.version, length: text?.length ?? 0, starts: text === undefined ? undefined : lineStarts(text) };
  indexes.set(document, index);
  return index;
}

/** The last line starting at or before the offset. */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

export function positionAt(document: TextDocument, offset: number): Position {
  const { length, starts } = indexOf(document);
  if (!starts) return document.positionAt(offset);
  const clamped = Math.max(0, Math.min(offset, length));
  const line = lineOf(starts, clamped);
  return { line, character: clamped - starts[line] };
}

export function offsetAt(document: TextDocument, position: Position): number {
  const { length, starts } = indexOf(document);
  if (!starts) return document.offsetAt(position);
  if (position.line >= starts.length) return length;
  if (position.line < 0) return 0;
  const lineStart = starts[position.line];
  if (position.character <= 0) return lineStart;
  // The line's own break is not part of it: a character past the end stops before the \n.
  const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] - 1 : length;
  return Math.min(lineStart + position.character, lineEnd);
}
