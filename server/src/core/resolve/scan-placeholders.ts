// Finds placeholders in template text: `{KEY}`, `{{KEY}}` and `<KEY>`, closed or not, never JSON structure.
import type { Delimiter, Placeholder, PlaceholderSyntax, Region } from '../base/types';

/** Characters a key is read with. Wider than the identifier rule so `{chat-id}` is seen and reported. */
const KEY_CHARS = /[\p{L}\p{N}_.\-]*/uy;
const CLOSERS: Record<Delimiter, string> = { '{': '}', '{{': '}}', '<': '>' };

export function closerOf(delimiter: Delimiter): string {
  return CLOSERS[delimiter];
}

/**
 * All placeholders of every region, in document order. `text` holds the document from offset `base` on (a window
 * around the regions, see base/positions.ts); offsets found are the document's.
 */
export function scanRegions(text: string, regions: readonly Region[], syntax: PlaceholderSyntax, base = 0): Placeholder[] {
  const found: Placeholder[] = [];
  const openers = new OpenerSearch(text);
  for (const region of regions) scanWindowInto(found, openers, region, syntax, base);
  return found;
}

/** The placeholders inside one region; only delimiters the region's dialect or syntax could mean are read. */
export function scanPlaceholders(text: string, region: Region, syntax: PlaceholderSyntax, base = 0): Placeholder[] {
  return scanWindowInto([], new OpenerSearch(text), region, syntax, base);
}

/** Scans a region of a window in the window's offsets, then gives what it found the document's. */
function scanWindowInto(found: Placeholder[], openers: OpenerSearch, region: Region, syntax: PlaceholderSyntax, base: number): Placeholder[] {
  if (base === 0) return scanInto(found, openers, region, syntax);
  const first = found.length;
  scanInto(found, openers, { start: region.start - base, end: region.end - base, dialect: region.dialect, place: region.place, partnerMacros: region.partnerMacros }, syntax);
  for (let i = first; i < found.length; i++) {
    const { start, end, raw, key, keyStart, keyEnd, delimiter, closed, padded } = found[i];
    found[i] = { start: start + base, end: end + base, raw, key, keyStart: keyStart + base, keyEnd: keyEnd + base, delimiter, closed, padded, region };
  }
  return found;
}

/**
 * Finds the next `{` or `<` with `indexOf` and remembers each answer: most regions hold no opener, and
 * over regions in document order the text is searched about once, not once per region.
 */
class OpenerSearch {
  private readonly next = { '{': { from: 0, at: -1 }, '<': { from: 0, at: -1 } };

  constructor(readonly text: string) {}

  /** The offset of the first `char` at or after `from`, or the text's length. */
  find(char: '{' | '<', from: number): number {
    const known = this.next[char];
    if (from < known.from || from > known.at) {
      const at = this.text.indexOf(char, from);
      known.from = from;
      known.at = at < 0 ? this.text.length : at;
    }
    return known.at;
  }
}

/** Adds the placeholders of one region to `found` (one array for all regions, not one per region). */
function scanInto(found: Placeholder[], openers: OpenerSearch, region: Region, syntax: PlaceholderSyntax): Placeholder[] {
  const { text } = openers;
  const angle = syntax === 'angle' && region.dialect === 'webhook';
  let i = region.start;
  while (i < region.end) {
    i = angle ? Math.min(openers.find('{', i), openers.find('<', i)) : openers.find('{', i);
    if (i >= region.end) break;
    const delimiter: Delimiter = text.charCodeAt(i) === 0x3c ? '<' : text.charCodeAt(i + 1) === 0x7b && i + 1 < region.end ? '{{' : '{';
    // `{{{key}}}`: the placeholder is the `{{key}}` inside, so read on from the next brace.
    if (delimiter === '{{' && text.charCodeAt(i + 2) === 0x7b && region.dialect === 'message') {
      i++;
      continue;
    }
    const placeholder = readPlaceholder(text, i, delimiter, region);
    if (placeholder) found.push(placeholder);
    i = placeholder ? Math.max(placeholder.end, i + 1) : i + (delimiter === '{{' ? 2 : 1);
  }
  return found;
}

function skipBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function readKey(text: string, from: number, end: number): number {
  KEY_CHARS.lastIndex = from;
  // `test`, not `exec`: only the end is needed, and exec would allocate a match per placeholder.
  KEY_CHARS.test(text);
  return Math.min(KEY_CHARS.lastIndex, end);
}

/** Reads one placeholder at `start`, or answers undefined when the delimiter opens something else (JSON, prose). */
function readPlaceholder(text: string, start: number, delimiter: Delimiter, region: Region): Placeholder | undefined {
  const closer = CLOSERS[delimiter];
  const keyStart = skipBlanks(text, start + delimiter.length, region.end);
  const keyEnd = readKey(text, keyStart, region.end);
  const afterKey = skipBlanks(text, keyEnd, region.end);
  const closed = text.startsWith(closer, afterKey) && afterKey + closer.length <= region.end;
  const padded = keyStart > start + delimiter.length || afterKey > keyEnd;
  if (!closed && delimiter !== '<') {
    const expression = readExpression(text, start, delimiter, region);
    if (expression) return expression;
  }
  const key = text.slice(keyStart, keyEnd);
  if (!closed && (padded || !isUnclosedPlaceholder(text, key, keyEnd, region))) return undefined;
  // `< b >` is a comparison, not an empty placeholder; `<>` is one.
  if (delimiter === '<' && key === '' && padded) return undefined;
  // `{{username}` keeps its half closer inside the placeholder, so a fix rewrites it whole.
  const halfClosed = !closed && delimiter === '{{' && text[keyEnd] === '}' && keyEnd < region.end;
  const end = closed ? afterKey + closer.length : halfClosed ? keyEnd + 1 : keyEnd;
  return { start, end, raw: text.slice(start, end), key, keyStart, keyEnd, delimiter, closed, padded, region };
}

/**
 * A brace expression that is closed but holds more than a key: `{username|friend}`, `{date:Y-m-d}`, `{?x,y}`,
 * `{tracker.click id}`. Chatterfy sends it as literal text, so it is read whole and reported. It ends at the first
 * closer before the next `{`, a quote (the end of a JSON string value) or the line end; one that starts with a
 * quote, or is `{key: value}` in a body, is JSON or code structure and left alone.
 */
function readExpression(text: string, start: number, delimiter: Delimiter, region: Region): Placeholder | undefined {
  const insideStart = start + delimiter.length;
  const closeAt = expressionCloser(text, insideStart, region.end);
  const closer = CLOSERS[delimiter];
  if (closeAt < 0 || !text.startsWith(closer, closeAt) || closeAt + closer.length > region.end) return undefined;
  if (isStructure(text.slice(insideStart, closeAt), region)) return undefined;
  const keyStart = skipBlanks(text, insideStart, closeAt);
  const keyEnd = trimBlanksBefore(text, closeAt, keyStart);
  const end = closeAt + closer.length;
  const padded = keyStart > insideStart || keyEnd < closeAt;
  return { start, end, raw: text.slice(start, end), key: text.slice(keyStart, keyEnd), keyStart, keyEnd, delimiter, closed: true, padded, region };
}

function trimBlanksBefore(text: string, end: number, floor: number): number {
  let i = end;
  while (i > floor && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i;
}

/** The offset of the `}` that closes an expression, or -1 when a `{`, a quote or a line end comes first. */
function expressionCloser(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7d) return i;
    if (code === 0x7b || code === 0x22 || code === 0x0a || code === 0x0d) return -1;
  }
  return -1;
}

/** `{'a': 1}`, `{ a: 1 }` in a body: the body's own language, not a placeholder gone wrong. */
function isStructure(inside: string, region: Region): boolean {
  if (/^\s*'/.test(inside) || inside.trim() === '') return true;
  return region.place === 'body' && /^\s*[\w$-]+\s*:\s/.test(inside);
}

/**
 * An opener with a key right behind it that runs into something other than its closer is an
 * unclosed placeholder (`{tracker.clickid&x=1`, `"{tracker.clickid"`); with blanks around it, or
 * followed by `:`, it is prose or code (`{a: 1}`).
 */
function isUnclosedPlaceholder(text: string, key: string, keyEnd: number, region: Region): boolean {
  if (!/^[\p{L}_]/u.test(key)) return false;
  const next = keyEnd < region.end ? text[keyEnd] : '';
  return next !== '{' && next !== ':';
}
