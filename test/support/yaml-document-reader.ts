// The YAML reader before the CST one, kept as the property tests' oracle: `yaml.parseAllDocuments`, each document
// read whole into the script tree. Frozen as it was replaced: main's server/src/core/read/script-file-yaml.ts at
// bb9b5fe (issue 14's core), only its imports and its function's name changed.
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type Scalar } from 'yaml';
import type { Span, StructureProblem } from '../../server/src/core/base/types';
import {
  MAX_DEPTH, MAX_PROBLEMS, errorText, syntaxProblem, trimEnd,
  type ScriptEntry, type ScriptNode, type ScriptTree,
} from '../../server/src/core/read/script-file-tree';

/** Every document of the stream is read (a `---` separated file is still one script to check). */
export function readYamlTreeByDocuments(text: string): ScriptTree {
  const roots: ScriptNode[] = [];
  const problems: StructureProblem[] = [];
  try {
    for (const document of parseAllDocuments(text, { prettyErrors: false })) {
      for (const error of document.errors) problems.push(syntaxProblem(text, error.pos[0], error.pos[1], error.message));
      const root = toScriptNode(document.contents, text, 0);
      if (root) roots.push(root);
    }
  } catch (error) {
    problems.push(syntaxProblem(text, 0, 0, errorText(error)));
  }
  return { roots, problems: problems.slice(0, MAX_PROBLEMS) };
}

function toScriptNode(node: unknown, text: string, depth: number): ScriptNode | undefined {
  if (isScalar(node)) return scalarNode(node, text);
  if (!isMap(node) && !isSeq(node) && !isAlias(node)) return undefined;
  const span = spanOf(node, text);
  if (isAlias(node) || depth >= MAX_DEPTH) return { kind: 'other', span, value: undefined };
  if (isMap(node)) return { kind: 'map', span, entries: node.items.map((pair) => toEntry(pair, text, depth)) };
  const items = node.items.map((item) => isPair(item)
    ? { kind: 'map' as const, span: spanOf(item.key, text), entries: [toEntry(item, text, depth)] }
    : toScriptNode(item, text, depth + 1));
  return { kind: 'seq', span, items: items.filter((item): item is ScriptNode => item !== undefined) };
}

function toEntry(pair: Pair<unknown, unknown>, text: string, depth: number): ScriptEntry {
  const value = toScriptNode(pair.value, text, depth + 1);
  const key = isScalar(pair.key) ? String(pair.key.value) : '';
  const keySpan = isScalar(pair.key) ? contentSpan(pair.key, text) : spanOf(pair.key, text, value?.span.start);
  return { key, keySpan, value };
}

function scalarNode(scalar: Scalar, text: string): ScriptNode {
  if (typeof scalar.value === 'string') return { kind: 'string', span: contentSpan(scalar, text), value: scalar.value };
  return { kind: 'other', span: spanOf(scalar, text), value: scalar.value };
}

/** The node's source range without trailing whitespace; an empty span at `fallback` when it has none. */
function spanOf(node: unknown, text: string, fallback = 0): Span {
  const range = (node as Node | null)?.range;
  if (!range) return { start: fallback, end: fallback };
  return { start: range[0], end: trimEnd(text, range[0], range[1]) };
}

/** Where a scalar's characters stand: inside its quotes, or the lines after a block scalar's header. */
function contentSpan(scalar: Scalar, text: string): Span {
  const { start, end } = spanOf(scalar, text);
  switch (scalar.type) {
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE':
      return insideQuotes(text, start, end);
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return blockContent(text, start, end);
    default:
      return { start, end };
  }
}

function insideQuotes(text: string, start: number, end: number): Span {
  const quote = text[start];
  const contentStart = Math.min(start + 1, end);
  // An unclosed quote (already a syntax error) runs to the end of the value.
  const closed = end - 1 > start && text[end - 1] === quote;
  return { start: contentStart, end: closed ? end - 1 : end };
}

function blockContent(text: string, start: number, end: number): Span {
  const lineBreak = text.slice(start, end).search(/[\r\n]/);
  if (lineBreak < 0) return { start: end, end };
  let contentStart = start + lineBreak;
  while (contentStart < end && /\s/.test(text[contentStart])) contentStart++;
  return { start: contentStart, end };
}
