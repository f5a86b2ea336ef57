// Text read in parts: a string, or an open document that keeps its text in pieces, where typing should read the
// step typed in and not copy the whole text.

export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** How far around an offset the line's ends are first looked for; then four times as far, and so on. */
const LINE_SEARCH = 256;

/** The offset of the line break (\n) at or after `offset`, or the text's length. */
export function lineEnd(text: TextSource, offset: number): number {
  for (let size = LINE_SEARCH; ; size *= 4) {
    const to = Math.min(text.length, offset + size);
    const at = text.slice(offset, to).indexOf('\n');
    if (at >= 0) return offset + at;
    if (to === text.length) return text.length;
  }
}

/** The offset the line holding `offset` starts at (after the \n before it). */
export function lineStart(text: TextSource, offset: number): number {
  for (let size = LINE_SEARCH; ; size *= 4) {
    const from = Math.max(0, offset - size);
    const at = text.slice(from, offset).lastIndexOf('\n');
    if (at >= 0) return from + at + 1;
    if (from === 0) return 0;
  }
}
