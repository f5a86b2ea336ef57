// Reads a JSON script file without syntax errors into the script tree: in one pass of its own over the text when the
// text is of the common shape, else straight from jsonc-parser's `visit` events.
//
// `parseTree` builds a full node tree that the reader then copied into the script tree; building the script tree
// from the events skips that tree, and the pass of our own skips the scanner's tokens and the events (jsonc-parser's
// bare `visit` alone cost more than half of reading a script). Only error-free text is read here: on the first
// syntax error the caller reads the text with `parseTree`, whose partial trees and error list this module need not
// reproduce.
import { visit, type JSONVisitor } from 'jsonc-parser';
import { MAX_DEPTH, type ScriptEntry, type ScriptMap, type ScriptNode, type ScriptOther, type ScriptSeq } from './script-file-tree';

type Open = ScriptMap | ScriptSeq | ScriptOther;

/** What the events built so far: the open collections, innermost last, and the key waiting for its value. */
class TreeBuilder {
  root?: ScriptNode;
  failed = false;
  private readonly open: Open[] = [];
  private key?: ScriptEntry;

  /** Adds a value where it stands: the root, the pending key's value or the next item. */
  add(node: ScriptNode): void {
    const parent = this.open[this.open.length - 1];
    if (!parent) this.root ??= node;
    else if (parent.kind === 'seq') parent.items.push(node);
    else if (parent.kind === 'map' && this.key) {
      this.key.value = node;
      parent.entries.push(this.key);
      this.key = undefined;
    }
  }

  /** Opens a collection; deeper than MAX_DEPTH it is an opaque value and its content is not reported (false). */
  begin(kind: 'map' | 'seq', offset: number): boolean {
    const span = { start: offset, end: offset };
    const node: Open = this.open.length >= MAX_DEPTH ? { kind: 'other', span, value: undefined }
      : kind === 'map' ? { kind, span, entries: [] } : { kind, span, items: [] };
    this.add(node);
    this.open.push(node);
    return node.kind !== 'other';
  }

  end(offset: number, length: number): void {
    const node = this.open.pop();
    if (node) node.span.end = offset + length;
  }

  property(name: string, offset: number, length: number): void {
    this.key = { key: name, keySpan: { start: offset + 1, end: offset + length - 1 } };
  }

  literal(value: unknown, offset: number, length: number): void {
    if (this.open.length >= MAX_DEPTH) this.add({ kind: 'other', span: { start: offset, end: offset + length }, value: undefined });
    else if (typeof value === 'string') this.add({ kind: 'string', span: { start: offset + 1, end: offset + length - 1 }, value });
    else this.add({ kind: 'other', span: { start: offset, end: offset + length }, value });
  }
}

function visitorOf(builder: TreeBuilder): JSONVisitor {
  return {
    onObjectBegin: (offset) => builder.begin('map', offset),
    onObjectEnd: (offset, length) => builder.end(offset, length),
    onArrayBegin: (offset) => builder.begin('seq', offset),
    onArrayEnd: (offset, length) => builder.end(offset, length),
    onObjectProperty: (name, offset, length) => builder.property(name, offset, length),
    onLiteralValue: (value, offset, length) => builder.literal(value, offset, length),
    onError: () => {
      builder.failed = true;
    },
  };
}

/** The root of an error-free JSON text (comments and trailing commas allowed); undefined at any syntax error. */
export function visitJsonTree(text: string): { root: ScriptNode } | undefined {
  return scanJsonTree(text) ?? eventJsonTree(text);
}

/** The same, from jsonc-parser's `visit` events: for any text the pass of our own leaves (and its reference in tests). */
export function eventJsonTree(text: string): { root: ScriptNode } | undefined {
  const builder = new TreeBuilder();
  visit(text, visitorOf(builder), { allowTrailingComma: true, disallowComments: false });
  return builder.failed || !builder.root ? undefined : { root: builder.root };
}

const enum Char {
  Tab = 9, LineFeed = 10, CarriageReturn = 13, Space = 32, Quote = 34, Star = 42, Plus = 43, Comma = 44, Minus = 45,
  Dot = 46, Slash = 47, Zero = 48, Nine = 57, Colon = 58, OpenBracket = 91, Backslash = 92, CloseBracket = 93,
  E = 69, LowerE = 101, OpenBrace = 123, CloseBrace = 125,
}

/** What a collection waits for next: its first member or end, a member after a comma (or a trailing end), a comma or end. */
const enum Expect { FirstOrEnd, NextOrEnd, CommaOrEnd }

/**
 * The tree of the events `visit` would send, read in one pass: for error-free text whose whitespace is spaces, tabs and
 * line breaks, nested less than MAX_DEPTH. Undefined for anything else, a syntax error or merely a text it is not sure
 * of (jsonc-parser decides then): each token is accepted only as jsonc-parser's scanner reads it without an error.
 */
export function scanJsonTree(text: string): { root: ScriptNode } | undefined {
  const builder = new TreeBuilder();
  const length = text.length;
  /** The open collections, innermost last: true for an object. */
  const objects: boolean[] = [];
  const expects: Expect[] = [];
  let pos = skipTrivia(text, 0);
  let wantValue = true;
  while (pos >= 0 && pos < length) {
    const code = text.charCodeAt(pos);
    if (wantValue) {
      wantValue = false;
      if (code === Char.OpenBrace || code === Char.OpenBracket) {
        if (objects.length >= MAX_DEPTH) return undefined;
        builder.begin(code === Char.OpenBrace ? 'map' : 'seq', pos);
        objects.push(code === Char.OpenBrace);
        expects.push(Expect.FirstOrEnd);
        pos = skipTrivia(text, pos + 1);
        continue;
      }
      const end = literalEnd(text, pos, code, builder);
      if (end < 0) return undefined;
      pos = skipTrivia(text, end);
      if (objects.length === 0) break;
      expects[expects.length - 1] = Expect.CommaOrEnd;
      continue;
    }
    if (objects.length === 0) return undefined;
    const top = objects.length - 1;
    const expect = expects[top];
    if (code === (objects[top] ? Char.CloseBrace : Char.CloseBracket) && expect !== undefined) {
      builder.end(pos, 1);
      objects.pop();
      expects.pop();
      pos = skipTrivia(text, pos + 1);
      if (objects.length === 0) break;
      expects[expects.length - 1] = Expect.CommaOrEnd;
    } else if (expect === Expect.CommaOrEnd) {
      if (code !== Char.Comma) return undefined;
      expects[top] = Expect.NextOrEnd;
      pos = skipTrivia(text, pos + 1);
    } else if (!objects[top]) {
      wantValue = true;
    } else {
      // A property: its name, a colon, then its value.
      if (code !== Char.Quote) return undefined;
      const end = stringEnd(text, pos);
      if (end < 0) return undefined;
      const name = stringValue(text, pos, end);
      if (name === undefined) return undefined;
      builder.property(name, pos, end - pos);
      pos = skipTrivia(text, end);
      if (pos < 0 || text.charCodeAt(pos) !== Char.Colon) return undefined;
      pos = skipTrivia(text, pos + 1);
      wantValue = true;
    }
  }
  if (pos !== length || objects.length > 0 || wantValue || !builder.root) return undefined;
  return { root: builder.root };
}

/** Past spaces, tabs, line breaks and comments; -1 at a comment left open. */
function skipTrivia(text: string, from: number): number {
  let pos = from;
  for (;;) {
    const code = text.charCodeAt(pos);
    if (code === Char.Space || code === Char.LineFeed || code === Char.Tab || code === Char.CarriageReturn) pos++;
    else if (code === Char.Slash && text.charCodeAt(pos + 1) === Char.Slash) {
      pos += 2;
      while (pos < text.length && text.charCodeAt(pos) !== Char.LineFeed && text.charCodeAt(pos) !== Char.CarriageReturn) pos++;
    } else if (code === Char.Slash && text.charCodeAt(pos + 1) === Char.Star) {
      const close = text.indexOf('*/', pos + 2);
      if (close < 0) return -1;
      pos = close + 2;
    } else return pos;
  }
}

/** Reads the scalar at `pos` into the builder and returns where it ends; -1 where it is not one jsonc-parser reads cleanly. */
function literalEnd(text: string, pos: number, code: number, builder: TreeBuilder): number {
  if (code === Char.Quote) {
    const end = stringEnd(text, pos);
    const value = end < 0 ? undefined : stringValue(text, pos, end);
    if (value === undefined) return -1;
    builder.literal(value, pos, end - pos);
    return end;
  }
  if (code === Char.Minus || (code >= Char.Zero && code <= Char.Nine)) {
    const end = numberEnd(text, pos);
    if (end < 0 || !endsToken(text, end)) return -1;
    builder.literal(Number(text.slice(pos, end)), pos, end - pos);
    return end;
  }
  for (const [word, value] of WORDS) {
    if (text.startsWith(word, pos) && endsToken(text, pos + word.length)) {
      builder.literal(value, pos, word.length);
      return pos + word.length;
    }
  }
  return -1;
}

const WORDS: readonly [string, unknown][] = [['true', true], ['false', false], ['null', null]];

/** Whether a number or word ending here ends there for jsonc-parser's scanner too (the next character cannot continue it). */
function endsToken(text: string, pos: number): boolean {
  if (pos >= text.length) return true;
  const code = text.charCodeAt(pos);
  return code === Char.Comma || code === Char.CloseBrace || code === Char.CloseBracket || code === Char.Space || code === Char.LineFeed
    || code === Char.CarriageReturn || code === Char.Tab || code === Char.Slash;
}

/** The end of a JSON number (`-`? integer fraction? exponent?) starting at `pos`; -1 where it is malformed. */
function numberEnd(text: string, from: number): number {
  let pos = from;
  if (text.charCodeAt(pos) === Char.Minus) pos++;
  const first = text.charCodeAt(pos);
  if (first === Char.Zero) pos++;
  else if (first > Char.Zero && first <= Char.Nine) pos = digitsEnd(text, pos);
  else return -1;
  if (text.charCodeAt(pos) === Char.Dot) {
    const end = digitsEnd(text, pos + 1);
    if (end === pos + 1) return -1;
    pos = end;
  }
  const e = text.charCodeAt(pos);
  if (e === Char.E || e === Char.LowerE) {
    pos++;
    const sign = text.charCodeAt(pos);
    if (sign === Char.Plus || sign === Char.Minus) pos++;
    const end = digitsEnd(text, pos);
    if (end === pos) return -1;
    pos = end;
  }
  return pos;
}

function digitsEnd(text: string, from: number): number {
  let pos = from;
  for (let code = text.charCodeAt(pos); code >= Char.Zero && code <= Char.Nine; code = text.charCodeAt(pos)) pos++;
  return pos;
}

/** Past the closing quote of the string opening at `pos`; -1 at a control character or where the text ends first. */
function stringEnd(text: string, from: number): number {
  for (let pos = from + 1; pos < text.length; pos++) {
    const code = text.charCodeAt(pos);
    if (code === Char.Quote) return pos + 1;
    if (code === Char.Backslash) pos++;
    else if (code < Char.Space) return -1;
  }
  return -1;
}

/** The string's value (escapes decoded as JSON decodes them); undefined at an escape JSON does not know. */
function stringValue(text: string, start: number, end: number): string | undefined {
  const inner = text.slice(start + 1, end - 1);
  if (!inner.includes('\\')) return inner;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return undefined;
  }
}
