// Reads `yaml`'s CST into the script tree, with the spans its composer's nodes would have, for a stream in which
// the composer would find nothing to report; answers undefined for any other stream.
//
// Each step mirrors the composer (`yaml/dist/compose/`): where it could report a problem, or would read a node
// in a way this reader does not (tags, directives, explicit `?` keys, keys that are not scalars), the stream is
// left to it. Being conservative costs only time: such a stream is then composed, as every stream was before.
import type { CST } from 'yaml';
import { MAX_DEPTH, type ScriptEntry, type ScriptNode } from './script-file-tree';
import { Props, emptyValueOffset, endAfter, notQuiet } from './script-file-yaml-cst-props';
import { ScalarReading, type CstScalar } from './script-file-yaml-cst-scalar';
import { contentSpan, nodeSpan, scalarNode } from './script-file-yaml-spans';

/** The roots of a stream's documents, or undefined when `yaml`'s composer has to read it. */
export function readQuietRoots(tokens: readonly CST.Token[], text: string): ScriptNode[] | undefined {
  try {
    return new QuietReader(text).stream(tokens);
  } catch {
    // NotQuiet, as a rule; a failure of the reader's own leaves the stream to the composer too.
    return undefined;
  }
}

type FlowScalar = CST.FlowScalar & { type: 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar' };

const isFlowScalar = (token: CST.Token | null | undefined): token is FlowScalar =>
  token?.type === 'scalar' || token?.type === 'single-quoted-scalar' || token?.type === 'double-quoted-scalar';

const isBlockCollection = (token: CST.Token | null | undefined): boolean => token?.type === 'block-map' || token?.type === 'block-seq';

/** A line break in an implicit key (the composer's `containsNewline` for a flow scalar). */
function hasLineBreak(key: FlowScalar): boolean {
  if (key.source.includes('\n')) return true;
  for (const token of key.end ?? []) if (token.type === 'newline') return true;
  return false;
}

/** The composer reports a key written twice in a mapping; keys that read alike are left to it. */
function addEntry(entries: ScriptEntry[], entry: ScriptEntry): void {
  for (const { key } of entries) if (key === entry.key) notQuiet();
  entries.push(entry);
}

class QuietReader {
  /** Where the node read last ends, trailing spaces and comments included (its `range[2]` in the composer). */
  private end = 0;
  /** The tokens before a key, an item or a document's root; and between a key and its value. */
  private readonly before = new Props();
  private readonly between = new Props();
  private readonly scalar = new ScalarReading();

  constructor(private readonly text: string) {}

  stream(tokens: readonly CST.Token[]): ScriptNode[] {
    const roots: ScriptNode[] = [];
    for (const token of tokens) {
      if (token.type === 'document') roots.push(this.document(token));
      else if (token.type === 'doc-end') this.documentEnd(token, roots.length > 0);
      else if (token.type !== 'byte-order-mark' && token.type !== 'space' && token.type !== 'comment' && token.type !== 'newline') notQuiet();
    }
    return roots;
  }

  private document({ start, value, end, offset }: CST.Document): ScriptNode {
    const props = this.before.read(start, 'doc-start', false, true, offset, value ?? end?.[0]);
    if (props.found && isBlockCollection(value) && !props.hasNewline) notQuiet();
    const root = value ? this.node(value, props, 0) : this.empty(props.end, start, props);
    endAfter(end, this.end, false);
    return root;
  }

  /** A `...` line: after a document, with nothing but spaces and comments after it. */
  private documentEnd(token: CST.DocumentEnd, afterDocument: boolean): void {
    if (!afterDocument) notQuiet();
    endAfter(token.end, token.offset + token.source.length, true);
  }

  /** A node after its properties; leaves `end` at the end of its range. */
  private node(token: CST.Token, props: Props, depth: number): ScriptNode {
    switch (token.type) {
      case 'alias':
        return this.alias(token, props);
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalarNode(token);
      case 'block-map':
        return this.blockMap(token, depth);
      case 'block-seq':
        // The composer wants a line break between a block sequence's anchor and its first item.
        if (props.anchor && !props.newlineAfterAnchor) notQuiet();
        return this.blockSeq(token, depth);
      case 'flow-collection':
        return this.flow(token, depth);
      default:
        return notQuiet();
    }
  }

  private alias(token: CST.FlowScalar, props: Props): ScriptNode {
    if (props.anchor || token.source.length < 2) notQuiet();
    const valueEnd = token.offset + token.source.length;
    this.end = endAfter(token.end, valueEnd, true);
    return { kind: 'other', span: nodeSpan(this.text, token.offset, valueEnd), value: undefined };
  }

  private scalarNode(token: CstScalar): ScriptNode {
    const { value, type, valueEnd, end } = this.scalar.read(token);
    this.end = end;
    return scalarNode(this.text, value, type, token.offset, valueEnd);
  }

  /** An empty value, placed where the composer places it. */
  private empty(offset: number, before: readonly CST.SourceToken[] | undefined, props: Props): ScriptNode {
    const at = emptyValueOffset(offset, before);
    this.end = props.comment ? props.end : at;
    return { kind: 'other', span: { start: at, end: at }, value: null };
  }

  /** A mapping's entry with its key read; its value comes next. */
  private keyEntry(token: FlowScalar): ScriptEntry {
    const { value, type, valueEnd, end } = this.scalar.read(token);
    this.end = end;
    return { key: String(value), keySpan: contentSpan(this.text, type, token.offset, valueEnd), value: undefined };
  }

  private blockMap(map: CST.BlockMap, depth: number): ScriptNode {
    if (depth >= MAX_DEPTH) notQuiet();
    const entries: ScriptEntry[] = [];
    let offset = map.offset;
    let commentEnd: number | undefined;
    for (const item of map.items) {
      const keyProps = this.before.read(item.start, 'explicit-key-ind', false, true, offset, item.key ?? item.sep?.[0]);
      if (keyProps.found) notQuiet();
      // Without a `:` the item holds only comments.
      if (!keyProps.anchor && !item.sep) commentEnd = keyProps.end;
      else offset = this.blockPair(map, item, keyProps, entries, depth);
    }
    if (commentEnd && commentEnd < offset) notQuiet();
    this.end = commentEnd ?? offset;
    return { kind: 'map', span: nodeSpan(this.text, map.offset, offset), entries };
  }

  /** One `key: value` of a block mapping; answers where it ends. */
  private blockPair(map: CST.BlockMap, { key, sep, value }: CST.CollectionItem, keyProps: Props, entries: ScriptEntry[], depth: number): number {
    if (!isFlowScalar(key) || key.indent !== map.indent || keyProps.newlineAfterAnchor || hasLineBreak(key)) return notQuiet();
    const keyStart = keyProps.start;
    const entry = this.keyEntry(key);
    const valueProps = this.between.read(sep ?? [], 'map-value-ind', false, false, this.end, value);
    const colon = valueProps.found;
    if (!colon || (value?.type === 'block-map' && !valueProps.hasNewline) || keyStart < colon.offset - 1024) notQuiet();
    entry.value = value ? this.node(value, valueProps, depth + 1) : this.empty(valueProps.end, sep, valueProps);
    addEntry(entries, entry);
    return this.end;
  }

  private blockSeq(seq: CST.BlockSequence, depth: number): ScriptNode {
    if (depth >= MAX_DEPTH) notQuiet();
    const items: ScriptNode[] = [];
    let offset = seq.offset;
    let commentEnd: number | undefined;
    for (const { start, value } of seq.items) {
      const props = this.before.read(start, 'seq-item-ind', false, true, offset, value);
      if (!props.found && (props.anchor || value)) notQuiet();
      if (!props.found) {
        commentEnd = props.end;
        continue;
      }
      items.push(value ? this.node(value, props, depth + 1) : this.empty(props.end, start, props));
      offset = this.end;
    }
    this.end = commentEnd ?? offset;
    return { kind: 'seq', span: nodeSpan(this.text, seq.offset, offset), items };
  }

  private flow(collection: CST.FlowCollection, depth: number): ScriptNode {
    if (depth >= MAX_DEPTH) notQuiet();
    const isMap = collection.start.source === '{';
    const entries: ScriptEntry[] = [];
    const items: ScriptNode[] = [];
    let offset = collection.offset + collection.start.source.length;
    for (let index = 0; index < collection.items.length; index++) {
      const item = collection.items[index];
      const props = this.before.read(item.start, 'explicit-key-ind', true, false, offset, item.key ?? item.sep?.[0]);
      if (props.found) notQuiet();
      if (!props.anchor && !item.sep && !item.value) offset = emptyFlowItem(props, index, collection.items.length);
      else if (props.comma !== index > 0) notQuiet();
      else offset = isMap ? this.flowPair(item, entries, depth) : this.flowItem(item, props, items, depth);
    }
    const span = nodeSpan(this.text, collection.offset, this.closeFlow(collection, isMap ? '}' : ']'));
    return isMap ? { kind: 'map', span, entries } : { kind: 'seq', span, items };
  }

  /** An item of a flow sequence; a `key: value` pair in one (a mapping of its own) is left to the composer. */
  private flowItem({ key, sep, value }: CST.CollectionItem, props: Props, items: ScriptNode[], depth: number): number {
    if (key || sep || isBlockCollection(value)) notQuiet();
    items.push(value ? this.node(value, props, depth + 1) : this.empty(props.end, undefined, props));
    return this.end;
  }

  /** A `key: value` (or a lone `key`) of a flow mapping; answers where it ends. */
  private flowPair({ key, sep, value }: CST.CollectionItem, entries: ScriptEntry[], depth: number): number {
    if (!isFlowScalar(key) || isBlockCollection(value)) return notQuiet();
    const entry = this.keyEntry(key);
    const valueProps = this.between.read(sep ?? [], 'map-value-ind', true, false, this.end, value);
    if (!valueProps.found && value) notQuiet();
    const afterKey = valueProps.end;
    if (value) entry.value = this.node(value, valueProps, depth + 1);
    else if (valueProps.found) entry.value = this.empty(valueProps.end, sep, valueProps);
    addEntry(entries, entry);
    return entry.value ? this.end : afterKey;
  }

  /** The closing bracket: answers where it ends, and leaves `end` after the spaces and comments that follow it. */
  private closeFlow(collection: CST.FlowCollection, expected: string): number {
    const [close] = collection.end;
    if (close?.source !== expected) notQuiet();
    const closeEnd = close.offset + close.source.length;
    this.end = endAfter(collection.end, closeEnd, true, 1);
    return closeEnd;
  }
}

/** Only a trailing comma leaves an empty item in a flow collection (`[a, ]`); answers where it ends. */
function emptyFlowItem(props: Props, index: number, count: number): number {
  if (index < count - 1 || (index === 0 && props.comma)) notQuiet();
  return props.end;
}
