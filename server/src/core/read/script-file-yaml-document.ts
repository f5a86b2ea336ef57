// Reads a YAML stream through `yaml`'s Composer into the script tree: the reader of streams with problems to
// report, tags or directives, where the composer's own reading and messages are the ones to keep.
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, type CST, type Document, type Node, type Pair } from 'yaml';
import { phrase } from '../base/l10n';
import type { StructureProblem } from '../base/types';
import { MAX_DEPTH, MAX_PROBLEMS, errorText, syntaxProblem, type ScriptEntry, type ScriptNode, type ScriptTree } from './script-file-tree';
import { contentSpan, nodeSpan, scalarNode } from './script-file-yaml-spans';

/**
 * How deep the composer is let go. It recurses about four calls per level and runs out of Node's stack past
 * 800–1,000 levels; where the overflow lands inside V8's regular expression compiler, the process aborts.
 */
const COMPOSABLE_DEPTH = 500;

/** Composes the parsed tokens of a stream as `yaml.parseAllDocuments` would, and reads every document. */
export function readComposedTree(tokens: readonly CST.Token[], text: string): ScriptTree {
  if (nestsDeeperThan(tokens, COMPOSABLE_DEPTH)) return { roots: [], problems: [syntaxProblem(text, 0, 0, phrase('The document is nested too deeply to read'))] };
  const roots: ScriptNode[] = [];
  const problems: StructureProblem[] = [];
  try {
    for (const document of new Composer({ prettyErrors: false }).compose(tokens)) {
      for (const error of document.errors) problems.push(syntaxProblem(text, error.pos[0], error.pos[1], error.message));
      const root = toScriptNode((document as Document.Parsed).contents, text, 0);
      if (root) roots.push(root);
    }
  } catch (error) {
    problems.push(syntaxProblem(text, 0, 0, errorText(error)));
  }
  return { roots, problems: problems.slice(0, MAX_PROBLEMS) };
}

function toScriptNode(node: unknown, text: string, depth: number): ScriptNode | undefined {
  if (isScalar(node)) return scalarNode(text, node.value, node.type, node.range?.[0] ?? 0, node.range?.[1] ?? 0);
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
  if (!isScalar(pair.key)) return { key: '', keySpan: spanOf(pair.key, text, value?.span.start), value };
  const { type, range } = pair.key;
  return { key: String(pair.key.value), keySpan: contentSpan(text, type, range?.[0] ?? 0, range?.[1] ?? 0), value };
}

/** The node's source range without trailing whitespace; an empty span at `fallback` when it has none. */
function spanOf(node: unknown, text: string, fallback = 0): { start: number; end: number } {
  const range = (node as Node | null)?.range;
  return range ? nodeSpan(text, range[0], range[1]) : { start: fallback, end: fallback };
}

/** Whether collections nest deeper than `limit` in the tokens; counted without recursing, as the point is not to. */
function nestsDeeperThan(tokens: readonly CST.Token[], limit: number): boolean {
  const pending = tokens.map((token) => ({ token, depth: 0 }));
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { token, depth } = next;
    if (depth > limit) return true;
    if (token.type === 'document' && token.value) pending.push({ token: token.value, depth });
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    for (const { key, value } of token.items) {
      if (key) pending.push({ token: key, depth: depth + 1 });
      if (value) pending.push({ token: value, depth: depth + 1 });
    }
  }
  return false;
}
