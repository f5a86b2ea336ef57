// The JSON reader's pass of its own gives the very tree jsonc-parser's visit events give: on generated JSON written
// every way jsonc-parser accepts (comments, trailing commas, escapes, numbers of every form, repeated keys), on the
// same text broken at a random place, on hostile text, the examples and the fixtures; and ordinary scripts are read
// by it, not handed back to the events.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { eventJsonTree, scanJsonTree } from '../../server/src/core/read/script-file-json-visit';
import { MAX_DEPTH } from '../../server/src/core/read/script-file-tree';
import { examplesDir, fixturesDir } from '../support/paths';
import { fuzzText, params } from './fuzz-support';

/** Where the pass of our own reads a text, its tree is the events' tree; where it does not, it says nothing. */
function assertSameOrLeft(text: string): void {
  const scanned = scanJsonTree(text);
  if (scanned !== undefined) assert.deepStrictEqual(scanned, eventJsonTree(text), JSON.stringify(text));
}

const trivia = fc.constantFrom('', ' ', '\n', '\t', '\r\n', '  ', ' // note\n', '/* c */', '/**/', '\n// x', '\v', '\u00a0', '\uFEFF');
const strings = fc.oneof(
  fc.constantFrom('', 'hi', 'https://t.test/?a={chatId}&b={{fields.geo}}', 'é я 😀', '\u2028', '\uD800'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', '\\', '"', '/', 'u', '0', 'F', 'n', '\n', '\t', '\u0001', '{'), maxLength: 10 }),
);
/** A string token: JSON.stringify's escapes, or raw text between quotes (which may be a bad escape or a control character). */
const stringToken = fc.oneof(strings.map((s) => JSON.stringify(s)), strings.map((s) => `"${s}"`), strings.map((s) => JSON.stringify(s).replace(/[a-z]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)));
const numberToken = fc.oneof(
  fc.double().filter(Number.isFinite).map(String),
  fc.integer().map(String),
  fc.constantFrom('0', '-0', '1e999', '-1.5E+3', '2e-2', '01', '1.', '.5', '-', '1e', '0x1', '+1', '1_0', 'NaN'),
);
const wordToken = fc.constantFrom('true', 'false', 'null', 'True', 'nul', 'truex', 'undefined');

const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    stringToken,
    numberToken,
    wordToken,
    fc.tuple(fc.array(fc.tuple(trivia, tie('value'), trivia), { maxLength: 4 }), fc.boolean(), trivia).map(([items, trailing, inner]) =>
      `[${items.map(([a, v, b]) => a + v + b).join(',')}${trailing && items.length ? ',' : ''}${inner}]`),
    fc.tuple(fc.array(fc.tuple(trivia, stringToken, trivia, tie('value'), trivia), { maxLength: 4 }), fc.boolean(), trivia).map(([entries, trailing, inner]) =>
      `{${entries.map(([a, k, b, v, c]) => `${a}${k}${b}:${v}${c}`).join(',')}${trailing && entries.length ? ',' : ''}${inner}}`),
  ),
})).value;

/** A document: trivia around one value. */
const documentText = fc.tuple(trivia, jsonText, trivia).map(([a, v, b]) => a + v + b);

/** The same text with a piece cut out or put in somewhere. */
const brokenText = fc.tuple(documentText, fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', ',', '}', ']', '"', ':', '/', '/*', '\\', '\n', '1', 'x'))
  .map(([text, at, cut, put]) => {
    const where = text.length ? at % text.length : 0;
    return text.slice(0, where) + put + text.slice(where + cut);
  });

/** Well-formed JSON as a script file holds it, written plainly: what the pass of our own must read itself. */
const plainScript = fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify({ flows: [{ key: 'f', steps: [{ type: 'webhook', url: 'https://t.test/{chatId}', extra: value }] }] }, null, 2));

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : name.endsWith(suffix) ? [path] : [];
  });
}

describe('the JSON reader\'s own pass against jsonc-parser\'s events', () => {
  test('generated JSON written every way jsonc-parser reads, and the same broken', () => {
    fc.assert(fc.property(fc.oneof(documentText, brokenText), assertSameOrLeft), params(3000));
  });

  test('hostile text', () => {
    fc.assert(fc.property(fuzzText, assertSameOrLeft), params(1000));
  });

  test('plain well-formed scripts are read by the pass of our own, to the same tree', () => {
    fc.assert(fc.property(plainScript, (text) => {
      assert.ok(scanJsonTree(text), `left to the events: ${text}`);
      assertSameOrLeft(text);
    }), params(300));
  });

  test('the JSON scripts of examples/ and the fixtures', () => {
    const files = [...filesUnder(examplesDir, '.script.json'), ...filesUnder(fixturesDir, '.json')];
    assert.ok(files.length > 0);
    for (const path of files) assertSameOrLeft(readFileSync(path, 'utf8'));
    for (const path of filesUnder(examplesDir, '.script.json')) assert.ok(scanJsonTree(readFileSync(path, 'utf8')), path);
  });

  test('nesting at MAX_DEPTH is left to the events, which make it an opaque value', () => {
    const deep = `${'['.repeat(MAX_DEPTH + 3)}"x"${']'.repeat(MAX_DEPTH + 3)}`;
    assert.equal(scanJsonTree(deep), undefined);
    const shallow = `${'['.repeat(MAX_DEPTH - 1)}"x"${']'.repeat(MAX_DEPTH - 1)}`;
    assert.ok(scanJsonTree(shallow));
    assertSameOrLeft(shallow);
  });
});
