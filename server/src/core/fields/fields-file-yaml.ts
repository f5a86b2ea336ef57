// Reads a YAML fields file into the format-neutral tree, or its syntax errors.
import { isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type Pair } from 'yaml';
import { syntaxError, treeNode, type TreeNode, type TreeProperty, type TreeResult } from './fields-file-tree';
import type { Span } from '../base/types';

interface YamlContext {
  text: string;
  doc: Document;
  /** Aliases being expanded on the current path, so a self-referencing anchor cannot loop. */
  expanding: Set<Node>;
}

/** Duplicate keys are not syntax errors here: the model reports them like JSON's. Source tokens are not needed. */
export function readYamlTree(text: string): TreeResult {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    const syntaxErrors = doc.errors.map(({ message, pos: [start, end] }) => syntaxError(text, message, start, end - start));
    return { root: undefined, syntaxErrors };
  }
  const contents = doc.contents as Node | null;
  return { root: contents ? toTree(contents, { text, doc, expanding: new Set() }) : undefined, syntaxErrors: [] };
}

function toTree(node: Node, context: YamlContext): TreeNode {
  const span = nodeSpan(node, context.text);
  if (isMap(node)) {
    return { ...treeNode('object', span), properties: node.items.map((pair) => toProperty(pair, span, context)) };
  }
  if (isSeq(node)) return { ...treeNode('array', span), items: node.items.map((item) => toTree(item as Node, context)) };
  if (isScalar(node)) return scalarTree(node, span, context.text);
  if (isAlias(node)) return aliasTree(node, span, context);
  return treeNode('other', span);
}

function scalarTree(node: Scalar, span: Span, text: string): TreeNode {
  const value = node.value;
  if (typeof value === 'string') return treeNode('string', span, value, scalarContent(node, span, text));
  if (typeof value === 'number') return treeNode('number', span, value);
  if (typeof value === 'boolean') return treeNode('boolean', span, value);
  return value === null ? treeNode('null', span, null) : treeNode('other', span);
}

/** An alias stands for its anchor's value; problems about it point at the alias, nested spans at the anchor. */
function aliasTree(node: Node, span: Span, context: YamlContext): TreeNode {
  const target = isAlias(node) ? node.resolve(context.doc) : undefined;
  if (!target || context.expanding.has(target)) return treeNode('other', span);
  context.expanding.add(target);
  const tree = toTree(target, context);
  context.expanding.delete(target);
  return { ...tree, span, contentSpan: span };
}

function toProperty(pair: Pair, mapSpan: Span, context: YamlContext): TreeProperty {
  const keyNode = pair.key as Node | null;
  const keyTree = keyNode ? toTree(keyNode, context) : treeNode('null', { start: mapSpan.start, end: mapSpan.start });
  const valueNode = pair.value as Node | null;
  const afterKey = { start: keyTree.span.end, end: keyTree.span.end };
  const value = valueNode ? toTree(valueNode, context) : treeNode('null', afterKey, null);
  // Keys YAML reads as numbers, booleans or collections are named by their source text.
  const key = keyTree.kind === 'string' ? String(keyTree.scalar) : context.text.slice(keyTree.span.start, keyTree.span.end);
  const span = { start: keyTree.span.start, end: Math.max(value.span.end, keyTree.span.end) };
  return { key, keySpan: keyTree.contentSpan, span, value };
}

/** The node's value as written, without the trailing line breaks YAML counts in it. */
function nodeSpan(node: Node, text: string): Span {
  const [start, end] = node.range ?? [0, 0];
  return { start, end: trimEnd(text, start, end) };
}

/** Where a string scalar's own text is: inside quotes, or below a block scalar's `|` / `>` header line. */
function scalarContent(node: Scalar, span: Span, text: string): Span {
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  if (quoted) return { start: span.start + 1, end: span.end - 1 };
  if (node.type !== Scalar.BLOCK_LITERAL && node.type !== Scalar.BLOCK_FOLDED) return span;
  const lineBreak = text.indexOf('\n', span.start);
  const start = lineBreak < 0 || lineBreak >= span.end ? span.end : lineBreak + 1;
  return { start, end: Math.max(start, span.end) };
}

function trimEnd(text: string, start: number, end: number): number {
  let to = end;
  while (to > start && /\s/.test(text[to - 1] ?? '')) to--;
  return to;
}
