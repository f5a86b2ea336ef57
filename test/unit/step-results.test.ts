// Results kept per version and carried over step updates: from the previous version, or from before a run of them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FieldsContext, ParsedTemplate, Usage } from '../../server/src/core';
import type { StepUpdate } from '../../server/src/core/read/incremental';
import { usageResults, type StepSince } from '../../server/src/core/check/step-results';

const FIELDS: FieldsContext = {};
const use = (key: string, start: number): Usage => ({ kind: 'custom', key, nameSpan: { start: start + 2, end: start + 2 + key.length }, placeholderSpan: { start, end: start + 4 + key.length } });
/** A step update that replaced [10, 30) and grew it by `delta`; its piece is not read by these tests. */
const update = (delta: number): StepUpdate => ({ parsed: {} as ParsedTemplate, piece: {} as ParsedTemplate, replaced: { start: 10, end: 30 }, delta });

function keptAtVersionOne() {
  const results = usageResults();
  const document = TextDocument.create('file:///w/a.webhook', 'webhook-template', 1, 'x'.repeat(100));
  results.get(document, FIELDS, [], () => [use('a', 0), use('b', 15), use('c', 50)]);
  return { results, document };
}

test('results kept before a run of updates are carried over the whole run: only the edited step is read again', () => {
  const { results, document } = keptAtVersionOne();
  TextDocument.update(document, [{ range: { start: { line: 0, character: 20 }, end: { line: 0, character: 20 } }, text: 'yyy' }], 4);
  const pieces: unknown[] = [];
  const updates: StepSince[] = [{ fromVersion: 3, step: update(1) }, { fromVersion: 1, step: update(3) }];
  const got = results.get(document, FIELDS, updates, (piece) => (pieces.push(piece), [use('d', 18)]));
  assert.equal(pieces.length, 1);
  assert.notEqual(pieces[0], undefined, 'the whole document was read again');
  assert.deepEqual(got.map((usage) => [usage.key, usage.placeholderSpan.start]), [['a', 0], ['d', 18], ['c', 53]]);
});

test('results kept for a version no update starts from are computed again from the whole document', () => {
  const { results, document } = keptAtVersionOne();
  TextDocument.update(document, [{ range: { start: { line: 0, character: 20 }, end: { line: 0, character: 20 } }, text: 'y' }], 4);
  const pieces: unknown[] = [];
  results.get(document, FIELDS, [{ fromVersion: 3, step: update(1) }], (piece) => (pieces.push(piece), []));
  assert.deepEqual(pieces, [undefined]);
});
