// The fields file as one format-neutral tree (from JSON or YAML), with spans, and small helpers over it.
import { ProblemCode } from '../base/problems';
import type { Span, StructureProblem } from '../base/types';
import type { Arg } from '../base/l10n';

export type TreeKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'other';

export type TreeScalar = string | number | boolean | null;

export interface TreeNode {
  kind: TreeKind;
  /** The whole value as written (quotes included). */
  span: Span;
  /** For strings, the text between the quotes (a YAML scalar's content); else equals `span`. */
  contentSpan: Span;
  /** The value of a scalar (undefined for objects, arrays and `other`). */
  scalar?: TreeScalar;
  properties: TreeProperty[];
  items: TreeNode[];
}

export interface TreeProperty {
  key: string;
  /** The property name without its quotes. */
  keySpan: Span;
  /** From the key (with its quotes) to the end of the value. */
  span: Span;
  value: TreeNode;
}

/** What a format reader gives back: the root (undefined when the text has no content) or syntax errors. */
export interface TreeResult {
  root: TreeNode | undefined;
  syntaxErrors: StructureProblem[];
}

export function treeNode(kind: TreeKind, span: Span, scalar?: TreeScalar, contentSpan: Span = span): TreeNode {
  return { kind, span, contentSpan, scalar, properties: [], items: [] };
}

/** The plain JavaScript value of a node; for duplicate keys the first one wins, as in the model. */
export function plainValue(node: TreeNode): unknown {
  if (node.kind === 'array') return node.items.map(plainValue);
  if (node.kind !== 'object') return node.scalar;
  const value: Record<string, unknown> = {};
  for (const property of node.properties) {
    if (!Object.prototype.hasOwnProperty.call(value, property.key)) value[property.key] = plainValue(property.value);
  }
  return value;
}

/** A span of at least one character where the text allows it, never outside the text. */
export function visibleSpan(text: string, start: number, length: number): Span {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.min(text.length, from + Math.max(length, 0));
  if (to > from) return { start: from, end: to };
  if (from < text.length) return { start: from, end: from + charLength(text, from) };
  return text.length > 0 ? { start: text.length - 1, end: text.length } : { start: 0, end: 0 };
}

function charLength(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  const highSurrogate = code >= 0xd800 && code <= 0xdbff;
  return highSurrogate && offset + 1 < text.length ? 2 : 1;
}

/** A FieldsSyntaxError for `message` (a trailing period is dropped: the template adds its own words). */
export function syntaxError(text: string, message: Arg, start: number, length: number): StructureProblem {
  const trimmed = typeof message === 'string' ? message.trim().replace(/\.$/, '') : message;
  return { code: ProblemCode.FieldsSyntaxError, span: visibleSpan(text, start, length), args: [trimmed] };
}

/** A FieldsInvalidStructure problem; `message` is the whole sentence, already in the host's language. */
export function structureProblem(span: Span, message: Arg): StructureProblem {
  return { code: ProblemCode.FieldsInvalidStructure, span, args: [message] };
}

/**
 * The properties of an object node, each key once: the first occurrence wins (it is where "go to definition"
 * leads) and every later one is reported as FieldsDuplicateKey on its key, naming `where` (e.g. `customFields`).
 */
export function uniqueProperties(node: TreeNode, where: Arg, problems: StructureProblem[]): TreeProperty[] {
  const seen = new Set<string>();
  const unique: TreeProperty[] = [];
  for (const property of node.properties) {
    if (seen.has(property.key)) {
      problems.push({ code: ProblemCode.FieldsDuplicateKey, span: property.keySpan, args: [property.key, where] });
    } else {
      seen.add(property.key);
      unique.push(property);
    }
  }
  return unique;
}
