// Specifies the placeholder scanner: what it reads as a placeholder, with which span, and what it leaves alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanPlaceholders, scanRegions } from '../../server/src/core/resolve/scan-placeholders';
import type { Dialect, Place, PlaceholderSyntax, Region } from '../../server/src/core/base/types';
import { spanText, wholeRegion } from './core-helpers';
import { assertLinear } from './fuzz-support';

function scan(text: string, dialect: Dialect = 'webhook', syntax: PlaceholderSyntax = 'braces', place: Place = 'url') {
  return scanPlaceholders(text, wholeRegion(text, dialect, place), syntax);
}

/** Each placeholder as `text@start key delimiter closed/unclosed`. */
function summary(text: string, dialect: Dialect = 'webhook', syntax: PlaceholderSyntax = 'braces', place: Place = 'url'): string[] {
  return scan(text, dialect, syntax, place).map(
    (p) => `${spanText(text, p)}@${p.start} ${p.key} ${p.delimiter} ${p.closed ? 'closed' : 'unclosed'}${p.padded ? ' padded' : ''}`,
  );
}

test('a single-brace placeholder is read with its key and delimiter', () => {
  assert.deepEqual(summary('?chat={chatId}&x=1'), ['{chatId}@6 chatId { closed']);
});

test('the key span is the key alone, without braces', () => {
  const text = 'a{tracker.clickid}b';
  const [placeholder] = scan(text);
  assert.equal(text.slice(placeholder.keyStart, placeholder.keyEnd), 'tracker.clickid');
  assert.deepEqual([placeholder.start, placeholder.end], [1, 18]);
});

test('a double-brace placeholder is read as one placeholder with delimiter {{', () => {
  assert.deepEqual(summary('Hi {{username}}!', 'message'), ['{{username}}@3 username {{ closed']);
});

test('an angle placeholder is read in the webhook dialect when the syntax is angle', () => {
  assert.deepEqual(summary('?s=<tracker.clickid>', 'webhook', 'angle'), ['<tracker.clickid>@3 tracker.clickid < closed']);
});

test('angle brackets are not placeholders with braces syntax', () => {
  assert.deepEqual(summary('?s=<tracker.clickid>', 'webhook', 'braces'), []);
});

test('angle brackets are not placeholders in the message dialect, even with angle syntax', () => {
  assert.deepEqual(summary('<b>Hi</b> <tracker.clickid>', 'message', 'angle'), []);
});

test('an unclosed placeholder ends at the end of its key', () => {
  assert.deepEqual(summary('?subid={tracker.clickid&x=1'), ['{tracker.clickid@7 tracker.clickid { unclosed']);
});

test('an unclosed placeholder at the end of the region ends at the key end', () => {
  assert.deepEqual(summary('?chat={chatId'), ['{chatId@6 chatId { unclosed']);
});

test('a half-closed double-brace placeholder keeps its single closing brace in the span', () => {
  assert.deepEqual(summary('Hi {{username}!', 'message'), ['{{username}@3 username {{ unclosed']);
});

test('an empty placeholder is read with an empty key', () => {
  assert.deepEqual(summary('?a={}'), ['{}@3  { closed']);
});

test('a padded placeholder is read with its key and marked padded', () => {
  const text = '?a={ chatId }';
  const [placeholder] = scan(text);
  assert.deepEqual(summary(text), ['{ chatId }@3 chatId { closed padded']);
  assert.equal(text.slice(placeholder.keyStart, placeholder.keyEnd), 'chatId');
});

test('a JSON body has one keyed placeholder and the empty object, never its structure', () => {
  const text = '{"chat": "{chatId}", "n": {}}';
  assert.deepEqual(summary(text, 'webhook', 'braces', 'body'), ['{chatId}@10 chatId { closed', '{}@26  { closed']);
});

test('a pretty-printed JSON object opener is not a placeholder', () => {
  assert.deepEqual(summary('{\n  "a": {\n    "b": 1\n  }\n}', 'webhook', 'braces', 'body'), []);
});

test('a JavaScript-style object with a colon after the key is not a placeholder', () => {
  assert.deepEqual(summary('{a: 1}', 'webhook', 'braces', 'body'), []);
});

test('a padded opener that is never closed is prose, not a placeholder', () => {
  assert.deepEqual(summary('{ "a": 1 }', 'webhook', 'braces', 'body'), []);
});

test('triple braces in the webhook dialect hold the single-brace placeholder in the middle', () => {
  assert.deepEqual(summary('{{{chatId}}}'), ['{chatId}@2 chatId { closed']);
});

test('triple braces in the message dialect hold the double-brace placeholder {{chatId}}', () => {
  assert.deepEqual(summary('{{{chatId}}}', 'message'), ['{{chatId}}@1 chatId {{ closed']);
});

test('a closing brace before an opening one is nothing', () => {
  assert.deepEqual(summary('}{'), []);
});

test('empty double braces are one empty placeholder', () => {
  assert.deepEqual(summary('{{}}', 'message'), ['{{}}@0  {{ closed']);
});

test('unicode keys are read whole, so they can be reported', () => {
  assert.deepEqual(summary('{имя}'), ['{имя}@0 имя { closed']);
});

test('offsets after an emoji are UTF-16 offsets', () => {
  const text = '😀 {chatId}';
  const [placeholder] = scan(text);
  assert.equal(placeholder.start, 3);
  assert.equal(spanText(text, placeholder), '{chatId}');
});

test('CRLF line ends do not disturb offsets', () => {
  const text = 'a\r\nb={chatId}\r\nc={geo}\r\n';
  assert.deepEqual(summary(text), ['{chatId}@5 chatId { closed', '{geo}@17 geo { closed']);
});

test('a placeholder does not run across a line end to find its closer', () => {
  assert.deepEqual(summary('{chatId\n}'), ['{chatId@0 chatId { unclosed']);
});

test('nothing outside the region is read', () => {
  const text = '{chatId} ?a={geo}&b={username}';
  const region: Region = { start: 9, end: 17, dialect: 'webhook', place: 'url' };
  const found = scanPlaceholders(text, region, 'braces');
  assert.deepEqual(found.map((p) => spanText(text, p)), ['{geo}']);
  assert.ok(found.every((p) => p.start >= region.start && p.end <= region.end));
});

test('a closer just past the region end does not close a placeholder inside it', () => {
  const text = 'x={geo}';
  const found = scanPlaceholders(text, { start: 0, end: 6, dialect: 'webhook', place: 'url' }, 'braces');
  assert.equal(found.length, 1);
  assert.equal(found[0].closed, false);
  assert.ok(found[0].end <= 6);
});

test('an opener at the last character of a region does not pair with a brace after it', () => {
  const text = 'a{{b}}';
  const found = scanPlaceholders(text, { start: 0, end: 2, dialect: 'message', place: 'text' }, 'braces');
  assert.ok(found.every((p) => p.end <= 2));
});

test('several regions are scanned in document order, each in its own dialect', () => {
  const text = 'url {tracker.clickid} | msg {{username}}';
  const regions: Region[] = [
    { start: 0, end: 21, dialect: 'webhook', place: 'url' },
    { start: 24, end: text.length, dialect: 'message', place: 'text' },
  ];
  assert.deepEqual(scanRegions(text, regions, 'braces').map((p) => `${p.region.dialect}:${p.key}`), ['webhook:tracker.clickid', 'message:username']);
});

test('a 1 MB line of placeholders and braces is scanned in linear time', () => {
  const make = (size: number) => '{chatId}x{{a}{ {b:{'.repeat(Math.ceil(size / 19)).slice(0, size);
  assert.ok(scan(make(1 << 20)).length > 50_000);
  assertLinear('placeholders and braces', make, (text) => scan(text));
});

test('a 1 MB line of opening braces is scanned in linear time', () => {
  assertLinear('opening braces', (size) => '{'.repeat(size), (text) => scan(text, 'message'));
});
