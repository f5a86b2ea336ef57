// Finding the regions around an offset by binary search.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regionsAt } from '../../server/src/core/resolve/regions-at';
import type { Region } from '../../server/src/core/base/types';

const region = (start: number, end: number): Region => ({ start, end, dialect: 'webhook', place: 'url' });
const REGIONS = [region(2, 5), region(5, 9), region(12, 12), region(20, 30)];

test('an offset inside one region finds it', () => {
  assert.deepEqual(regionsAt(REGIONS, 25), [region(20, 30)]);
});

test('an offset where one region ends and the next starts finds both, in document order', () => {
  assert.deepEqual(regionsAt(REGIONS, 5), [region(2, 5), region(5, 9)]);
});

test('both ends of a region count, and an empty region is found at its offset', () => {
  assert.deepEqual(regionsAt(REGIONS, 2), [region(2, 5)]);
  assert.deepEqual(regionsAt(REGIONS, 30), [region(20, 30)]);
  assert.deepEqual(regionsAt(REGIONS, 12), [region(12, 12)]);
});

test('offsets between, before and after the regions find nothing', () => {
  for (const offset of [0, 1, 10, 15, 31, 1000, -1]) assert.deepEqual(regionsAt(REGIONS, offset), [], String(offset));
  assert.deepEqual(regionsAt([], 3), []);
});

test('it agrees with a linear search on many sorted regions', () => {
  const many = Array.from({ length: 500 }, (_, i) => region(i * 10, i * 10 + (i % 3 === 0 ? 10 : 4)));
  for (let offset = 0; offset < 5100; offset += 7) {
    assert.deepEqual(regionsAt(many, offset), many.filter((r) => r.start <= offset && offset <= r.end), String(offset));
  }
});
