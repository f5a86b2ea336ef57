// What the .vsix ships: exactly the runtime files, as `vsce ls` reports them through the .vscodeignore allowlist.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';

const EXPECTED = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/extension.js',
  'dist/server.js',
  'language-configuration.json',
  'package.json',
  'package.nls.json',
  'package.nls.ru.json',
  'schemas/script.schema.json',
  'schemas/webhook-fields.schema.json',
  'syntaxes/webhook-placeholders.injection.json',
  'syntaxes/webhook-response.tmLanguage.json',
  'syntaxes/webhook-template.tmLanguage.json',
];

test('the package holds exactly the runtime files', () => {
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
  assert.deepEqual(listed.split('\n').filter(Boolean).sort(), EXPECTED);
});
