// An open document whose text is kept as pieces, so a keystroke costs the keystroke and not a copy of the whole text.
//
// `TextDocument` of vscode-languageserver-textdocument concatenates the text at each edit: V8 keeps that as a rope,
// and the next read of any character (an offset's position, a slice) flattens it into a new string as long as the
// document. In a 5 MB script that is 5 MB of garbage per keystroke, which fills the heap while a person types. Here
// an edit splits the piece it falls in and puts the new text between: reading a slice reads only its pieces. The
// whole text is joined when someone asks for it (a full re-read, usages once typing pauses), and then kept as one
// piece. Positions answer exactly as TextDocument's do (the same line index, kept the same way through edits).
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextWindow, WindowedDocument } from '../core';

/** More pieces than this are joined into one text: a long editing session never makes reads slow. */
const MAX_PIECES = 512;
/** Typed text next to typed text is kept as one piece when both are this short: typing a run stays one piece. */
const SMALL_PIECE = 2048;

const CR = 13;
const LF = 10;

/** The offsets lines start at, as TextDocument computes them (\r\n, \r and \n are breaks); `base` is added to each. */
function lineStartsOf(text: string, atLineStart: boolean, base = 0): number[] {
  const starts = atLineStart ? [base] : [];
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(base + at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== CR && code !== LF) continue;
    if (code === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
    starts.push(base + i + 1);
  }
  return starts;
}

function wellFormed({ start, end }: Range): Range {
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : { start, end };
}

export class PieceDocument implements TextDocument, WindowedDocument {
  private pieces: string[];
  /** Where each piece ends (the next one starts). */
  private ends: number[];
  private lineStarts: number[];
  /** How often the whole text was joined from pieces (read by tests: typing should not). */
  joins = 0;

  constructor(readonly uri: string, readonly languageId: string, public version: number, text: string) {
    this.pieces = [text];
    this.ends = [text.length];
    this.lineStarts = lineStartsOf(text, true);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The length of the text, without reading it. */
  get length(): number {
    return this.ends[this.ends.length - 1];
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    if (this.pieces.length > 1) this.join();
    return this.pieces[0];
  }

  /** The whole text when it is one piece (nothing to copy), else just [start, end). */
  textWindow(start: number, end: number): TextWindow {
    if (this.pieces.length === 1) return { text: this.pieces[0], base: 0 };
    const from = Math.max(0, Math.min(start, this.length));
    return { text: this.slice(from, Math.max(from, Math.min(end, this.length))), base: from };
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(Math.min(offset, this.length), 0);
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (starts[middle] > clamped) high = middle;
      else low = middle + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeLineBreak(clamped, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    const nextLineStart = position.line + 1 < starts.length ? starts[position.line + 1] : this.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, nextLineStart), lineStart);
  }

  /** Applies the editor's changes in order, as TextDocument.update does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) this.replace(wellFormed(change.range), change.text);
      else this.reset(change.text);
    }
    this.version = version;
  }

  private reset(text: string): void {
    this.pieces = [text];
    this.ends = [text.length];
    this.lineStarts = lineStartsOf(text, true);
  }

  private replace(range: Range, text: string): void {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    this.replacePieces(start, end, text);
    this.followLines(range, start, end, text);
    if (this.pieces.length > MAX_PIECES) this.join();
  }

  /** The line index after the edit, kept as TextDocument keeps it (lines after the edit moved, not counted again). */
  private followLines(range: Range, start: number, end: number, text: string): void {
    const startLine = Math.max(range.start.line, 0);
    const endLine = Math.max(range.end.line, 0);
    const added = lineStartsOf(text, false, start);
    let starts = this.lineStarts;
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) starts[i + startLine + 1] = added[i];
    } else if (added.length < 10000) {
      starts.splice(startLine + 1, endLine - startLine, ...added);
    } else {
      starts = this.lineStarts = starts.slice(0, startLine + 1).concat(added, starts.slice(endLine + 1));
    }
    const delta = text.length - (end - start);
    if (delta !== 0) for (let i = startLine + 1 + added.length; i < starts.length; i++) starts[i] += delta;
  }

  /** The piece holding `offset` (at the very end: the last piece). */
  private pieceAt(offset: number): number {
    const ends = this.ends;
    let low = 0;
    let high = ends.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ends[middle] > offset) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private startOf(piece: number): number {
    return piece === 0 ? 0 : this.ends[piece - 1];
  }

  private charCodeAt(offset: number): number {
    const piece = this.pieceAt(offset);
    return this.pieces[piece].charCodeAt(offset - this.startOf(piece));
  }

  /** Moves an offset back over the line break it stands after, not before the line's start (as TextDocument does). */
  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart) {
      const code = this.charCodeAt(at - 1);
      if (code !== CR && code !== LF) break;
      at--;
    }
    return at;
  }

  private slice(start: number, end: number): string {
    if (end <= start) return '';
    const first = this.pieceAt(start);
    const last = this.pieceAt(end - 1);
    const from = start - this.startOf(first);
    if (first === last) return this.pieces[first].slice(from, end - this.startOf(first));
    const parts = [this.pieces[first].slice(from)];
    for (let i = first + 1; i < last; i++) parts.push(this.pieces[i]);
    parts.push(this.pieces[last].slice(0, end - this.startOf(last)));
    return parts.join('');
  }

  /** Puts `text` in place of [start, end): the pieces around are cut there, the new text stands between them. */
  private replacePieces(start: number, end: number, text: string): void {
    const first = this.pieceAt(start);
    const last = Math.max(first, this.pieceAt(Math.max(end - 1, start)));
    const before = this.pieces[first].slice(0, start - this.startOf(first));
    const after = this.pieces[last].slice(end - this.startOf(last));
    let from = first;
    let to = last + 1;
    // Typing a run: new text next to a short piece joins it instead of adding pieces (never a long one: joining
    // that would copy it).
    const middle = before === '' && from > 0 && this.isShortWith(from - 1, text) ? [this.pieces[--from] + text] : [before, text];
    if (after === '' && to < this.pieces.length && this.isShortWith(to, middle[middle.length - 1])) middle[middle.length - 1] += this.pieces[to++];
    else middle.push(after);
    const kept = middle.filter((piece) => piece !== '');
    this.pieces.splice(from, to - from, ...kept);
    if (this.pieces.length === 0) this.pieces.push('');
    this.recountEnds(from);
  }

  private isShortWith(piece: number, text: string): boolean {
    return this.pieces[piece].length + text.length <= SMALL_PIECE;
  }

  private recountEnds(from: number): void {
    this.ends.length = this.pieces.length;
    let at = this.startOf(from);
    for (let i = from; i < this.pieces.length; i++) this.ends[i] = at += this.pieces[i].length;
  }

  private join(): void {
    const whole = this.pieces.join('');
    this.joins++;
    this.pieces = [whole];
    this.ends = [whole.length];
  }
}
