// Property-based tests of the placeholder scanner: any text, any region, never a throw, spans inside, linear time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { scanPlaceholders, scanRegions } from '../../server/src/core/resolve/scan-placeholders';
import type { Dialect, Place, PlaceholderSyntax, Region } from '../../server/src/core/base/types';
import { assertInside, assertLinear, fuzzText, params } from './fuzz-support';

const dialect = fc.constantFrom<Dialect>('webhook', 'message');
const syntax = fc.constantFrom<PlaceholderSyntax>('braces', 'angle');
const place = fc.constantFrom<Place>('url', 'header', 'body', 'text');

/** A region anywhere in the text, possibly empty, possibly the whole text. */
function regionIn(text: string, a: number, b: number, regionDialect: Dialect, regionPlace: Place): Region {
  const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
  return { start, end, dialect: regionDialect, place: regionPlace };
}

describe('scanPlaceholders on hostile text', () => {
  test('never throws, and every placeholder, key and region lies inside the region it scanned', () => {
    fc.assert(
      fc.property(fuzzText, fc.nat(), fc.nat(), dialect, place, syntax, (text, a, b, regionDialect, regionPlace, placeholderSyntax) => {
        const region = regionIn(text, a, b, regionDialect, regionPlace);
        for (const found of scanPlaceholders(text, region, placeholderSyntax)) {
          assertInside(text, found, 'placeholder');
          assert.ok(found.start >= region.start && found.end <= region.end, `placeholder [${found.start}, ${found.end}) leaves region [${region.start}, ${region.end})`);
          assert.ok(found.start <= found.keyStart && found.keyStart <= found.keyEnd && found.keyEnd <= found.end, 'key outside its placeholder');
          assert.equal(found.raw, text.slice(found.start, found.end));
        }
      }),
      params(2000),
    );
  });

  test('placeholders come in document order and never overlap', () => {
    fc.assert(
      fc.property(fuzzText, dialect, syntax, (text, regionDialect, placeholderSyntax) => {
        const found = scanPlaceholders(text, { start: 0, end: text.length, dialect: regionDialect, place: 'body' }, placeholderSyntax);
        for (let i = 1; i < found.length; i++) assert.ok(found[i].start >= found[i - 1].end, `placeholders ${i - 1} and ${i} overlap`);
      }),
      params(1000),
    );
  });
});

describe('scanRegions on hostile text', () => {
  test('finds in each region, whatever their order and overlap, what scanning that region alone finds', () => {
    const regionArgs = fc.array(fc.tuple(fc.nat(), fc.nat(), dialect, place), { maxLength: 8 });
    fc.assert(
      fc.property(fuzzText, regionArgs, syntax, (text, args, placeholderSyntax) => {
        const regions = args.map(([a, b, regionDialect, regionPlace]) => regionIn(text, a, b, regionDialect, regionPlace));
        const alone = regions.flatMap((region) => scanPlaceholders(text, region, placeholderSyntax));
        assert.deepEqual(scanRegions(text, regions, placeholderSyntax), alone);
      }),
      params(1000),
    );
  });

  test('many regions without an opener before one that has it take time linear in the text', () => {
    const oneCharRegions = (text: string): Region[] =>
      Array.from({ length: text.length }, (_, start) => ({ start, end: start + 1, dialect: 'message' as const, place: 'text' as const }));
    assertLinear('one-character regions', (n) => 'a'.repeat(n) + '{{x}}', (text) => scanRegions(text, oneCharRegions(text), 'angle'));
  });
});

describe('scanPlaceholders takes time linear in the text', () => {
  const whole = (text: string, regionDialect: Dialect, placeholderSyntax: PlaceholderSyntax) =>
    scanPlaceholders(text, { start: 0, end: text.length, dialect: regionDialect, place: 'body' }, placeholderSyntax);
  const cases: [string, (size: number) => string, Dialect, PlaceholderSyntax][] = [
    ['a run of "{"', (n) => '{'.repeat(n), 'webhook', 'braces'],
    ['a run of "{{"', (n) => '{{'.repeat(n), 'message', 'braces'],
    ['unclosed keys "{a"', (n) => '{a'.repeat(n), 'webhook', 'braces'],
    ['one megabyte-long key "{aaa…"', (n) => '{' + 'a'.repeat(n), 'webhook', 'braces'],
    ['padded openers "{ "', (n) => '{ '.repeat(n), 'webhook', 'braces'],
    ['a run of "<" in angle syntax', (n) => '<'.repeat(n), 'webhook', 'angle'],
    ['"<a " in angle syntax', (n) => '<a '.repeat(n), 'webhook', 'angle'],
    ['blanks after an opener', (n) => '{' + ' '.repeat(n), 'webhook', 'braces'],
  ];
  for (const [what, build, regionDialect, placeholderSyntax] of cases) {
    test(what, () => assertLinear(what, build, (text) => whole(text, regionDialect, placeholderSyntax)));
  }
});
