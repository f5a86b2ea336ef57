// The client's settings table, the package's contributions and the shipped files agree with each other.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULTS, SECTION, WINDOW_SETTINGS } from '../../client/src/settings-table';
import { repoRoot } from '../support/paths';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const properties: Record<string, { default: unknown }> = manifest.contributes.configuration.properties;

test('every setting the client reads is contributed with the same default', () => {
  for (const [key, value] of Object.entries(DEFAULTS)) {
    assert.deepEqual(properties[`${SECTION}.${key}`]?.default, value, `${SECTION}.${key}`);
  }
});

test('every contributed setting is read by the client', () => {
  const known = new Set(Object.keys(DEFAULTS).map((key) => `${SECTION}.${key}`));
  assert.deepEqual(Object.keys(properties).filter((key) => !known.has(key)), []);
});

test('every %key% of package.json has an English and a Russian string', () => {
  const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.]+)%"/g)].map((match) => match[1]);
  assert.ok(keys.length > 0);
  for (const file of ['package.nls.json', 'package.nls.ru.json']) {
    const strings = JSON.parse(readFileSync(join(repoRoot, file), 'utf8'));
    assert.deepEqual(keys.filter((key) => typeof strings[key] !== 'string'), [], file);
  }
});

test('files the manifest points at exist', () => {
  const paths = [
    ...manifest.contributes.grammars.map((grammar: { path: string }) => grammar.path),
    // The read-only response view's language has no configuration (nothing is typed there).
    ...manifest.contributes.languages.flatMap((language: { configuration?: string }) => language.configuration ?? []),
    ...manifest.contributes.jsonValidation.map((entry: { url: string }) => entry.url),
    ...manifest.contributes.yamlValidation.map((entry: { url: string }) => entry.url),
  ];
  assert.deepEqual(paths.filter((path: string) => !existsSync(join(repoRoot, path))), []);
});

test('commands have a title and a category', () => {
  for (const command of manifest.contributes.commands) {
    assert.ok(command.title && command.category, command.command);
  }
});

test('window-scoped settings are exactly the ones the client reads without a resource', () => {
  const windowScoped = Object.entries(properties).filter(([, property]) => (property as { scope?: string }).scope === 'window').map(([key]) => key);
  assert.deepEqual(windowScoped.sort(), WINDOW_SETTINGS.map((key) => `${SECTION}.${key}`).sort());
});

test('walkthrough SVGs style with presentation attributes: the webview that shows them drops <style> and style=""', () => {
  const steps = manifest.contributes.walkthroughs.flatMap((walkthrough: { steps: { media: { svg?: string } }[] }) => walkthrough.steps);
  const svgs = steps.map((step: { media: { svg?: string } }) => step.media.svg).filter((path: string | undefined): path is string => !!path);
  assert.ok(svgs.length > 0);
  for (const path of svgs) {
    const text = readFileSync(join(repoRoot, path), 'utf8');
    assert.doesNotMatch(text, /<style|\sstyle=|\sclass=/, `${path} relies on CSS the walkthrough's content security policy blocks (it draws black)`);
  }
});
