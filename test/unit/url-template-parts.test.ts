// Specifies where the scheme, origin, authority and query of a URL template stand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endOfPath, urlTemplateParts } from '../../server/src/core/read/url-template-parts';

const slices = (value: string) => {
  const parts = urlTemplateParts(value);
  const of = (span?: { start: number; end: number }) => span && value.slice(span.start, span.end);
  return { scheme: of(parts.scheme), origin: of(parts.origin), authority: of(parts.authority), query: of(parts.query) };
};

test('a full URL is split into scheme, origin, authority and query, the fragment left out', () => {
  assert.deepEqual(slices('https://u@host:8080/p/a?x=1&y=2#frag'), {
    scheme: 'https', origin: 'https://u@host:8080', authority: 'u@host:8080', query: 'x=1&y=2',
  });
});

test('without scheme:// the origin runs to the first slash, question mark or hash, and there is no authority', () => {
  assert.deepEqual(slices('  localhost:8080/x?a=1'), { scheme: undefined, origin: 'localhost:8080', authority: undefined, query: 'a=1' });
  assert.deepEqual(slices('{host}#x'), { scheme: undefined, origin: '{host}', authority: undefined, query: undefined });
});

test('a question mark in the fragment opens no query; an empty query is an empty span', () => {
  assert.equal(slices('https://h/p#a?b').query, undefined);
  assert.equal(slices('https://h/p?').query, '');
  assert.equal(slices('https://h?q').origin, 'https://h');
});

test('endOfPath finds the first ? or # from an offset, else the length', () => {
  assert.equal(endOfPath('/a/b?c#d', 0), 4);
  assert.equal(endOfPath('/a/b?c#d', 5), 6);
  assert.equal(endOfPath('/a/b', 0), 4);
});
