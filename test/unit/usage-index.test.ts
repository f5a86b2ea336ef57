// The usage index counts each fields file's uses once until a file is recorded or dropped, and then counts anew.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageIndex } from '../../server/src/core/language/usage-index';

const FIELDS = 'file:///w/webhook-fields.json';
const geo = { kind: 'custom' as const, key: 'geo' };
const clickid = { kind: 'tracker' as const, key: 'clickid' };

test('counts asked again without a change are the counts already made', () => {
  const index = new UsageIndex();
  index.record('file:///w/a.webhook', FIELDS, [geo, geo, clickid]);
  const counts = index.counts(FIELDS);
  assert.deepEqual(counts.get('custom:geo'), { places: 2, files: 1 });
  assert.equal(index.counts(FIELDS), counts, 'counted again without a change');
});

test('a file recorded or dropped makes the counts anew', () => {
  const index = new UsageIndex();
  index.record('file:///w/a.webhook', FIELDS, [geo]);
  const before = index.counts(FIELDS);
  index.record('file:///w/b.webhook', FIELDS, [geo]);
  assert.deepEqual(index.counts(FIELDS).get('custom:geo'), { places: 2, files: 2 });
  assert.deepEqual(before.get('custom:geo'), { places: 1, files: 1 }, 'counts handed out before are not changed');
  index.drop('file:///w/a.webhook');
  assert.deepEqual(index.counts(FIELDS).get('custom:geo'), { places: 1, files: 1 });
});
