// The tokens around a YAML node (indicators, anchors, spaces, comments) read as `yaml`'s composer reads them,
// for a document it would find nothing in to report: anything it might report stops the quiet reading.
import type { CST } from 'yaml';

/**
 * Thrown (and caught by the quiet reader's entry) when a document holds something `yaml`'s composer might
 * report or read differently: that stream is then composed by `yaml` itself.
 */
export class NotQuiet {}

export function notQuiet(): never {
  throw new NotQuiet();
}

export type Indicator = 'doc-start' | 'explicit-key-ind' | 'map-value-ind' | 'seq-item-ind';

/**
 * What the composer's `resolveProps` finds in the tokens before a node. A reader keeps one instance per kind of
 * token list and reads into it again for every node (a script has tens of thousands): a caller takes what it
 * needs from it before it reads the node's children.
 */
export class Props {
  found: CST.SourceToken | undefined = undefined;
  anchor: CST.SourceToken | undefined = undefined;
  comma = false;
  hasNewline = false;
  /** A line break after the anchor: an implicit key may not have one, a block sequence must. */
  newlineAfterAnchor = false;
  comment = false;
  /** Where the node's properties start (its anchor), else `end`. */
  start = 0;
  /** After the last token, or `offset` when there are none. */
  end = 0;

  /** `flow`: inside a flow collection; `atLineStart`: the tokens start a line (the composer's `startOnNewline`). */
  read(tokens: readonly CST.SourceToken[], indicator: Indicator, flow: boolean, atLineStart: boolean, offset: number, next: CST.Token | null | undefined): this {
    this.reset();
    let hasSpace = atLineStart;
    let afterAnchor = false;
    for (const token of tokens) {
      // An anchor must be followed by white space.
      if (afterAnchor && token.type !== 'space' && token.type !== 'newline' && token.type !== 'comma') notQuiet();
      hasSpace = token.type === indicator ? this.readIndicator(token) : this.readToken(token, flow, hasSpace);
      afterAnchor = token.type === 'anchor';
    }
    if (afterAnchor && !spaceFollows(next)) notQuiet();
    const last = tokens[tokens.length - 1];
    this.end = last ? last.offset + last.source.length : offset;
    if (!this.anchor) this.start = this.end;
    return this;
  }

  private reset(): void {
    this.found = undefined;
    this.anchor = undefined;
    this.comma = false;
    this.hasNewline = false;
    this.newlineAfterAnchor = false;
    this.comment = false;
  }

  /** Answers whether white space stands before the next token: not right after an indicator. */
  private readIndicator(token: CST.SourceToken): boolean {
    if (this.anchor || this.found) notQuiet();
    this.found = token;
    return false;
  }

  private readToken(token: CST.SourceToken, flow: boolean, hasSpace: boolean): boolean {
    switch (token.type) {
      case 'space':
        // A tab is an error where it indents a block line: a tab anywhere in block props is left to the composer.
        if (!flow && token.source.includes('\t')) notQuiet();
        return true;
      case 'newline':
        this.hasNewline = true;
        if (this.anchor) this.newlineAfterAnchor = true;
        return true;
      case 'comment':
        if (!hasSpace) notQuiet();
        this.comment = true;
        return true;
      default:
        return this.readMark(token, flow);
    }
  }

  /** An anchor, or a flow collection's comma; any other token (a tag, an error) is not quiet. */
  private readMark(token: CST.SourceToken, flow: boolean): boolean {
    if (token.type === 'anchor' && !this.anchor && token.source.length > 1) {
      this.anchor = token;
      this.start = token.offset;
    } else if (token.type === 'comma' && flow && !this.comma) {
      this.comma = true;
    } else {
      notQuiet();
    }
    return false;
  }
}

function spaceFollows(next: CST.Token | null | undefined): boolean {
  if (!next) return true;
  return next.type === 'space' || next.type === 'newline' || next.type === 'comma' || (next.type === 'scalar' && next.source === '');
}

/** The end of the spaces and comments after a node (the composer's `resolveEnd`); `strict` wants a space before a comment. */
export function endAfter(tokens: readonly CST.SourceToken[] | undefined, offset: number, strict: boolean, from = 0): number {
  if (!tokens) return offset;
  let end = offset;
  let hasSpace = false;
  for (let i = from; i < tokens.length; i++) {
    const { type, source } = tokens[i];
    if (type === 'space' || type === 'newline') hasSpace = true;
    else if (type !== 'comment' || (strict && !hasSpace)) notQuiet();
    end += source.length;
  }
  return end;
}

/**
 * Where the composer places an empty value: after the last token before it that is not white space or a
 * comment, and the spaces after that token (its `emptyScalarPosition`).
 */
export function emptyValueOffset(offset: number, before: readonly CST.SourceToken[] | undefined): number {
  if (!before) return offset;
  let position = offset;
  for (let i = before.length - 1; i >= 0; i--) {
    const { type, source } = before[i];
    if (type === 'space' || type === 'comment' || type === 'newline') {
      position -= source.length;
      continue;
    }
    for (let j = i + 1; before[j]?.type === 'space'; j++) position += before[j].source.length;
    break;
  }
  return position;
}
