// Specifies how the server reads the `webhookTemplates` section the editor hands over, per resource: every value checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, settingsFromSection } from '../../server/src/settings/settings';

test('an empty or missing section gives the defaults', () => {
  assert.deepEqual(settingsFromSection(undefined), DEFAULT_SETTINGS);
  assert.deepEqual(settingsFromSection({}), DEFAULT_SETTINGS);
});

test('inlayHints.sampleValues and inlayHints.maxLength arrive nested and are read', () => {
  const settings = settingsFromSection({ inlayHints: { sampleValues: false, maxLength: 40 } });
  assert.equal(settings.inlayHints, false);
  assert.equal(settings.inlayHintsMaxLength, 40);
});

test('inlayHints.maxLength defaults to 24', () => {
  assert.equal(DEFAULT_SETTINGS.inlayHintsMaxLength, 24);
  assert.equal(settingsFromSection({ inlayHints: { sampleValues: true } }).inlayHintsMaxLength, 24);
});

test('inlayHints.maxLength below 8 is raised to 8, a fraction rounded down, anything but a number ignored', () => {
  assert.equal(settingsFromSection({ inlayHints: { maxLength: 3 } }).inlayHintsMaxLength, 8);
  assert.equal(settingsFromSection({ inlayHints: { maxLength: -1 } }).inlayHintsMaxLength, 8);
  assert.equal(settingsFromSection({ inlayHints: { maxLength: 12.7 } }).inlayHintsMaxLength, 12);
  assert.equal(settingsFromSection({ inlayHints: { maxLength: '30' } }).inlayHintsMaxLength, 24);
  assert.equal(settingsFromSection({ inlayHints: { maxLength: Number.NaN } }).inlayHintsMaxLength, 24);
});

test('the other values are checked too: wrong types fall back to their defaults', () => {
  const settings = settingsFromSection({ fieldsFile: 3, scriptFiles: ['a/**/*.yaml', 4], maxFileSizeMB: -2, receivers: 'x' });
  assert.deepEqual(settings, { ...DEFAULT_SETTINGS, scriptFiles: ['a/**/*.yaml'] });
});
