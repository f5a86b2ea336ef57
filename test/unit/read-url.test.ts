// Specifies how a receiver reads a URL template's host and path: placeholders masked, up to the query.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskedBeforeQuery, readReceiverUrl } from '../../server/src/core/read/read-url';
import { params } from './fuzz-support';

const PIECES = ['https://', 'h.example', '/', '?', '#', '&', '=', 'a', ' ', '{x}', '{{x}}', '{a?b}', '{a#b}', '<a?b>', '{', '}', '<', '>', '#s2#', '@', ':8080'];

/** The whole text masked, then cut at its first `?` or `#`: what maskedBeforeQuery must equal. */
function maskedThenCut(value: string): string {
  const masked = value.replace(/\{\{?[^{}\s]*\}?\}|<[^<>\s]*>/g, (found) => 'x'.repeat(found.length));
  const mark = masked.search(/[?#]/);
  return mark < 0 ? masked : masked.slice(0, mark);
}

test('the host and path are masked up to the first ? or # outside a placeholder', () => {
  assert.equal(maskedBeforeQuery('https://{host}/{a?b}/p?q={x}#f'), 'https://xxxxxx/xxxxx/p');
  assert.equal(maskedBeforeQuery('https://h.example/{key}/postback'), 'https://h.example/xxxxx/postback');
});

test('masking only before the query equals masking the whole text and cutting it there', () => {
  const template = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((pieces) => pieces.join(''));
  fc.assert(fc.property(template, (value) => assert.equal(maskedBeforeQuery(value), maskedThenCut(value))), params(500));
});

test('a query with a placeholder holding ? is read from the ? after the path', () => {
  const url = readReceiverUrl('https://h.example/{a?b}/postback?subid={tracker.clickid}');
  assert.equal(url?.path, '/xxxxx/postback');
  assert.deepEqual(url?.pairs.map((pair) => [pair.name, pair.value]), [['subid', '{tracker.clickid}']]);
});
