// Specifies which plural form a count takes in English and in Russian.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pluralCategory, pluralForm } from '../../server/src/core/base/plural';

const COUNTS = [1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111];

test('Russian: one ends in 1 (not 11), few ends in 2–4 (not 12–14), every other count is many', () => {
  const categories = COUNTS.map((count) => `${count} ${pluralCategory('ru', count)}`);
  assert.deepEqual(categories, ['1 one', '2 few', '5 many', '11 many', '12 many', '14 many', '21 one', '22 few', '25 many', '101 one', '111 many']);
});

test('Russian forms: 1 раз, 2 раза, 5 раз … 101 раз, 111 раз', () => {
  const forms = COUNTS.map((count) => `${count} ${pluralForm('ru', count, ['раз', 'раза', 'раз'])}`);
  assert.deepEqual(forms, ['1 раз', '2 раза', '5 раз', '11 раз', '12 раз', '14 раз', '21 раз', '22 раза', '25 раз', '101 раз', '111 раз']);
});

test('Russian prepositional forms: в 1 файле, в 2 файлах, в 11 файлах, в 21 файле', () => {
  const forms = COUNTS.map((count) => pluralForm('ru', count, ['файле', 'файлах', 'файлах']));
  assert.deepEqual(forms, ['файле', 'файлах', 'файлах', 'файлах', 'файлах', 'файлах', 'файле', 'файлах', 'файлах', 'файле', 'файлах']);
});

test('Russian: zero is many', () => {
  assert.equal(pluralCategory('ru', 0), 'many');
});

test('English: only 1 takes the singular; 0, 11, 21 and 101 take the plural', () => {
  const forms = [0, ...COUNTS].map((count) => pluralForm('en', count, ['time', 'times']));
  assert.deepEqual(forms, ['times', 'time', 'times', 'times', 'times', 'times', 'times', 'times', 'times', 'times', 'times', 'times']);
});

test('Russian with only the two English forms (a missing translation) takes the plural for few and many', () => {
  assert.deepEqual([1, 2, 5].map((count) => pluralForm('ru', count, ['file', 'files'])), ['file', 'files', 'files']);
});
