// Reads a JSON script file without syntax errors into the script tree straight from jsonc-parser's `visit` events.
//
// `parseTree` builds a full node tree that the reader then copied into the script tree; building the script tree
// from the events skips that tree. Only error-free text is read here: on the first syntax error the caller
// reads the text with `parseTree`, whose partial trees and error list this module need not reproduce.
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
  const builder = new TreeBuilder();
  visit(text, visitorOf(builder), { allowTrailingComma: true, disallowComments: false });
  return builder.failed || !builder.root ? undefined : { root: builder.root };
}
