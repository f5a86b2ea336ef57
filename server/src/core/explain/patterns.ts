// A piece of template text as a pattern: its literal text must arrive as written, each placeholder captures what
// arrived in its place.
import type { Span } from '../base/types';

export interface TextPattern {
  /** The placeholders it captures (indexes into the template's slots), in order. */
  slots: number[];
  regex: RegExp;
  /** Matches anything (a partner network's macro stands there). */
  wildcard?: boolean;
}

/** A placeholder's span in the template text, and its index among the template's slots. */
export interface SlotSpan extends Span {
  index: number;
}

const ANYTHING: TextPattern = { slots: [], regex: /^[\s\S]*$/, wildcard: true };

export function anything(): TextPattern {
  return ANYTHING;
}

/** Literal text, or the index of the slot that captures there. */
export type Piece = string | number;

/**
 * The pattern of `text.slice(from, to)`: the placeholders that lie wholly inside capture, the literal text between
 * them is compared as `decode` reads it (the delivered value is decoded the same way).
 */
export function patternOf(text: string, from: number, to: number, slots: readonly SlotSpan[], decode: (literal: string) => string, flags = ''): TextPattern {
  const pieces: Piece[] = [];
  let at = from;
  for (const slot of slots) {
    if (slot.start < at || slot.end > to) continue;
    pieces.push(decode(text.slice(at, slot.start)), slot.index);
    at = slot.end;
  }
  pieces.push(decode(text.slice(at, to)));
  return patternOfPieces(pieces, flags);
}

export function patternOfPieces(pieces: readonly Piece[], flags = ''): TextPattern {
  const source = pieces.map((piece) => (typeof piece === 'number' ? '([\\s\\S]*?)' : escaped(piece))).join('');
  return { slots: pieces.filter((piece): piece is number => typeof piece === 'number'), regex: new RegExp(`^${source}$`, flags) };
}

function escaped(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** What each placeholder of the pattern captured, or undefined when the text does not have the pattern's form. */
export function capturesOf(pattern: TextPattern, text: string): Map<number, string> | undefined {
  const match = pattern.regex.exec(text);
  if (!match) return undefined;
  return new Map(pattern.slots.map((slot, i) => [slot, match[i + 1]]));
}

export function fits(pattern: TextPattern, text: string): boolean {
  return pattern.regex.test(text);
}
