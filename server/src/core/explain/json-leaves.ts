// The values of a JSON body by their key paths (`chat_id`, `user.name`, `items[0]`): what a delivered body holds,
// and what a template's body holds with its placeholders standing aside.
import { insideJsonStrings, looksLikeJson } from '../expand/encode';
import type { Span } from '../base/types';
import { patternOfPieces, type Piece, type TextPattern } from './patterns';

/** A leaf as text: a string's content, a number or `true` as written by JSON.stringify, `null` as nothing. */
export interface JsonLeaf {
  text: string;
  isString: boolean;
}

/** Deeper bodies are not walked: a webhook's body is a few levels deep, and a hostile one must not take the stack. */
const MAX_DEPTH = 32;
const MAX_LEAVES = 10_000;

/** The leaves of a JSON text by path; undefined when the text is not JSON. */
export function jsonLeaves(text: string): Map<string, JsonLeaf> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const leaves = new Map<string, JsonLeaf>();
  collect(value, '', 0, leaves);
  return leaves;
}

function collect(value: unknown, path: string, depth: number, leaves: Map<string, JsonLeaf>): void {
  if (leaves.size >= MAX_LEAVES || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) value.forEach((item, index) => collect(item, `${path}[${index}]`, depth + 1, leaves));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collect(item, path === '' ? key : `${path}.${key}`, depth + 1, leaves);
  } else leaves.set(path, { text: value === null ? '' : String(value), isString: typeof value === 'string' });
}

/** A template body's leaf: its pattern (placeholders capture) and its text as written, placeholders included. */
export interface TemplateLeaf {
  pattern: TextPattern;
  written: string;
}

// Characters of Unicode's private use area stand in for placeholders while the body is read as JSON.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = /\uE000(\d+)\uE001/g;

/**
 * The leaves of a template's JSON body by path, each placeholder (a span of the body and its slot index) standing
 * in for what arrives: inside a string it captures part of the string, outside (`"n": {chatId}`) the whole value.
 * Undefined when the body does not look like JSON or does not read as JSON.
 */
export function templateLeaves(body: string, slots: readonly (Span & { index: number; raw: string })[]): Map<string, TemplateLeaf> | undefined {
  if (!looksLikeJson(body, slots)) return undefined;
  const inside = insideJsonStrings(body, slots);
  let text = '';
  let at = 0;
  slots.forEach((slot, i) => {
    const mark = `${OPEN}${slot.index}${CLOSE}`;
    text += body.slice(at, slot.start) + (inside[i] ? mark : `"${mark}"`);
    at = slot.end;
  });
  const leaves = jsonLeaves(text + body.slice(at));
  if (!leaves) return undefined;
  const raws = new Map(slots.map((slot) => [slot.index, slot.raw]));
  const result = new Map<string, TemplateLeaf>();
  for (const [path, leaf] of leaves) result.set(path, { pattern: patternOfPieces(piecesOf(leaf.text)), written: leaf.text.replace(MARK, (_, index: string) => raws.get(Number(index)) ?? '') });
  return result;
}

function piecesOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const match of text.matchAll(MARK)) {
    pieces.push(text.slice(at, match.index), Number(match[1]));
    at = match.index + match[0].length;
  }
  pieces.push(text.slice(at));
  return pieces;
}
