// Specifies the did-you-mean suggestion: case differences first, then small typos, nothing far away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean, editDistance } from '../../server/src/core/base/did-you-mean';

const WEBHOOK_KEYS = ['username', 'chatId', 'stepKey', 'createdAt', 'geo', 'deposit_amount', 'tracker.clickid', 'tracker.sub1'];

test('edit distance counts insertions, deletions and substitutions', () => {
  assert.equal(editDistance('kitten', 'sitting', 10), 3);
});

test('edit distance counts a swap of neighbours as one edit', () => {
  assert.equal(editDistance('clcik', 'click', 10), 1);
});

test('edit distance of equal strings is zero', () => {
  assert.equal(editDistance('chatId', 'chatId', 2), 0);
});

test('edit distance answers more than the limit when the strings are further apart', () => {
  assert.ok(editDistance('username', 'createdAt', 2) > 2);
});

test('edit distance against an empty string is the other length', () => {
  assert.equal(editDistance('', 'geo', 5), 3);
});

test('a case-only difference is suggested: chatid → chatId', () => {
  assert.equal(didYouMean('chatid', WEBHOOK_KEYS), 'chatId');
});

test('a dropped letter in a tracker key is suggested: tracker.clikid → tracker.clickid', () => {
  assert.equal(didYouMean('tracker.clikid', WEBHOOK_KEYS), 'tracker.clickid');
});

test('a case difference beats a closer typo', () => {
  assert.equal(didYouMean('CHATID', ['chatId', 'CHATIX']), 'chatId');
});

test('a swapped pair of letters is suggested', () => {
  assert.equal(didYouMean('usernmae', WEBHOOK_KEYS), 'username');
});

test('nothing is suggested for a key far from every candidate', () => {
  assert.equal(didYouMean('campaign_name', WEBHOOK_KEYS), undefined);
});

test('a short key allows only one edit', () => {
  assert.equal(didYouMean('gxx', WEBHOOK_KEYS), undefined);
});

test('the key itself is never suggested', () => {
  assert.equal(didYouMean('geo', ['geo']), undefined);
});

test('no candidates, no suggestion', () => {
  assert.equal(didYouMean('chatid', []), undefined);
});
