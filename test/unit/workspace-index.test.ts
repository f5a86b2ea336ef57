// The workspace index: deferred indexing of documents being typed in, and which questions wait for it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Usage } from '../../server/src/core';
import { WorkspaceIndex } from '../../server/src/workspace-index';

const FIELDS = 'file:///ws/webhook-fields.json';
const TEMPLATE = 'file:///ws/a.webhook';

const use = (key: string): Usage => ({ kind: 'custom', key, nameSpan: { start: 1, end: 1 + key.length }, placeholderSpan: { start: 0, end: 2 + key.length } });

function indexWithDeferredUse(): { index: WorkspaceIndex; runs: () => number } {
  const index = new WorkspaceIndex();
  index.set(TEMPLATE, FIELDS, [use('geo')], () => []);
  let runs = 0;
  index.defer(TEMPLATE, () => {
    runs++;
    index.set(TEMPLATE, FIELDS, [use('geo'), use('city')], () => []);
  });
  return { index, runs: () => runs };
}

test('counts so far leave a document being typed in at its last indexed state', () => {
  const { index, runs } = indexWithDeferredUse();
  const counts = index.countsSoFar(FIELDS);
  assert.equal(runs(), 0);
  assert.deepEqual([...counts.keys()], ['custom:geo']);
});

test('counts for an answer run the deferred indexing first', () => {
  const { index, runs } = indexWithDeferredUse();
  const counts = index.countsFor(FIELDS);
  assert.equal(runs(), 1);
  assert.deepEqual([...counts.keys()].sort(), ['custom:city', 'custom:geo']);
});
