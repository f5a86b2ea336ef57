// Specifies the deferral of an open document's indexing while it is typed in, and the questions that run it first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeferredIndexing } from '../../server/src/workspace/deferred-indexing';

test('a deferred indexing waits, and a flush runs it once', () => {
  const indexing = new DeferredIndexing();
  let runs = 0;
  indexing.defer('file:///ws/a.webhook', () => runs++);
  assert.equal(runs, 0);
  indexing.flush();
  indexing.flush();
  assert.equal(runs, 1);
});

test('a newer deferral of the same document replaces the older', () => {
  const indexing = new DeferredIndexing();
  const ran: string[] = [];
  indexing.defer('file:///ws/a.webhook', () => ran.push('old'));
  indexing.defer('file:///ws/a.webhook', () => ran.push('new'));
  indexing.flush();
  assert.deepEqual(ran, ['new']);
});

test('a cancelled deferral never runs', () => {
  const indexing = new DeferredIndexing();
  let runs = 0;
  indexing.defer('file:///ws/a.webhook', () => runs++);
  indexing.cancel('file:///ws/a.webhook');
  indexing.flush();
  assert.equal(runs, 0);
});
