// The diagnostic of a placeholder being typed waits; a finished or left placeholder shows its diagnostic.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { isBeingTyped, type Span } from '../../client/src/typing-rule';

/** The span of `text` in `line` (one line, line 0). */
function spanOf(line: string, text: string): Span {
  const start = line.indexOf(text);
  return { start: { line: 0, character: start }, end: { line: 0, character: start + text.length } };
}

const at = (character: number, line = 0) => ({ line, character });

test('`{tracker.}` with the cursor after the dot and the edit there waits', () => {
  const line = 'GET https://t.example/p?s={tracker.}';
  const range = spanOf(line, '{tracker.}');
  const cursor = at(line.indexOf('}'));
  assert.equal(isBeingTyped(range, '{tracker.}', cursor, cursor), true);
});

test('an unclosed `{tra` at the cursor, just typed, waits', () => {
  const line = 'GET https://t.example/p?s={tra';
  const range = spanOf(line, '{tra');
  assert.equal(isBeingTyped(range, '{tra', at(line.length), at(line.length)), true);
});

test('a placeholder whose `}` was just typed is finished and shows', () => {
  const line = 'GET https://t.example/p?s={nope}';
  const range = spanOf(line, '{nope}');
  assert.equal(isBeingTyped(range, '{nope}', at(line.length), at(line.length)), false);
});

test('the cursor elsewhere, or no edit in the placeholder, shows it', () => {
  const line = 'GET https://t.example/p?s={nope.} x';
  const range = spanOf(line, '{nope.}');
  const inside = at(line.indexOf('.}') + 1);
  assert.equal(isBeingTyped(range, '{nope.}', at(line.length), inside), false, 'cursor left');
  assert.equal(isBeingTyped(range, '{nope.}', inside, undefined), false, 'moved in without typing');
  assert.equal(isBeingTyped(range, '{nope.}', inside, at(2)), false, 'the last edit was elsewhere');
  assert.equal(isBeingTyped(range, '{nope.}', range.start, range.start), false, 'cursor before the brace');
});

test('a range over several lines never waits', () => {
  const range: Span = { start: at(3, 0), end: at(2, 1) };
  assert.equal(isBeingTyped(range, '{a\n}', at(1, 1), at(1, 1)), false);
});
