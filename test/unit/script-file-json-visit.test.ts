// Specifies the JSON script reader built on jsonc-parser's visit events: the same tree parseTree gave, nothing at errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree, type Node } from 'jsonc-parser';
import { MAX_DEPTH, type ScriptNode } from '../../server/src/core/read/script-file-tree';
import { visitJsonTree } from '../../server/src/core/read/script-file-json-visit';

/** The tree as the parseTree reader made it (strings inside their quotes), as the reference. */
function fromParseTree(node: Node, depth = 0): ScriptNode {
  const span = { start: node.offset, end: node.offset + node.length };
  if (depth >= MAX_DEPTH) return { kind: 'other', span, value: undefined };
  if (node.type === 'object') {
    return { kind: 'map', span, entries: node.children!.map((property) => {
      const [key, value] = property.children!;
      return { key: String(key.value), keySpan: { start: key.offset + 1, end: key.offset + key.length - 1 }, value: fromParseTree(value, depth + 1) };
    }) };
  }
  if (node.type === 'array') return { kind: 'seq', span, items: node.children!.map((item) => fromParseTree(item, depth + 1)) };
  if (node.type === 'string') return { kind: 'string', span: { start: span.start + 1, end: span.end - 1 }, value: node.value };
  return { kind: 'other', span, value: node.value };
}

function assertSameAsParseTree(text: string): void {
  const reference = parseTree(text, [], { allowTrailingComma: true, disallowComments: false })!;
  assert.deepEqual(visitJsonTree(text)?.root, fromParseTree(reference));
}

test('objects, arrays, strings with escapes, numbers, booleans and null read as parseTree read them', () => {
  assertSameAsParseTree('{"flows": [{"key": "f1", "steps": [{"type": "webhook", "url": "https://h/?a=\\"{chatId}\\"", "n": 4.5, "ok": true, "x": null}]}]}');
});

test('comments, trailing commas and repeated keys are read, every entry kept in order', () => {
  assertSameAsParseTree('// head\n{ "a": 1, /* mid */ "a": [1, 2,], "b": {},\n}');
  assert.deepEqual((visitJsonTree('{"a": 1, "a": 2}')?.root as { entries: unknown[] }).entries.length, 2);
});

test('a scalar or an empty collection is a root of its own', () => {
  assertSameAsParseTree('"text"');
  assertSameAsParseTree('[]');
  assertSameAsParseTree('  {}  ');
});

test('collections deeper than MAX_DEPTH are opaque values spanning their text', () => {
  const deep = `${'['.repeat(MAX_DEPTH + 3)}"x", {"a": 1}${']'.repeat(MAX_DEPTH + 3)}`;
  assertSameAsParseTree(deep);
});

test('any syntax error, and text with no value, read as nothing (the parseTree reader reports them)', () => {
  assert.equal(visitJsonTree('{"a": }'), undefined);
  assert.equal(visitJsonTree('{"a": "unterminated'), undefined);
  assert.equal(visitJsonTree('{"a": 1} extra'), undefined);
  assert.equal(visitJsonTree(''), undefined);
  assert.equal(visitJsonTree('// only a comment'), undefined);
});
