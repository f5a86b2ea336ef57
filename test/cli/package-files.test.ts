// What the .vsix ships: exactly the runtime files, as `vsce ls` reports them through the .vscodeignore allowlist.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';

/** Every file of the package, no more: no sources, tests, maps, node_modules or the icon's SVG source. */
const EXPECTED = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/cli.js',
  'dist/extension.js',
  'dist/l10n.ru.json',
  'dist/on-demand.js',
  'dist/server.js',
  'dist/web/extension.js',
  'dist/web/server.js',
  'language-configuration.json',
  'media/icon.png',
  'media/walkthrough/command-line.svg',
  'media/walkthrough/fields-file.svg',
  'media/walkthrough/local-receiver.svg',
  'media/walkthrough/mistake.svg',
  'media/walkthrough/profile.svg',
  'package.json',
  'package.nls.json',
  'package.nls.ru.json',
  'schemas/script.schema.json',
  'schemas/webhook-fields.schema.json',
  'syntaxes/webhook-placeholders.injection.json',
  'syntaxes/webhook-response.tmLanguage.json',
  'syntaxes/webhook-summary.tmLanguage.json',
  'syntaxes/webhook-template.tmLanguage.json',
];

let listed: string[] | undefined;

/** `vsce ls`, run once for both tests. */
function packaged(): string[] {
  if (listed) return listed;
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const output = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
  listed = output.split('\n').filter(Boolean).sort();
  return listed;
}

/** The files package.json names: entry points, icon, grammars, schemas, walkthrough pictures. */
function manifestFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const { contributes } = manifest;
  const paths: string[] = [
    manifest.main,
    manifest.browser,
    manifest.bin['webhook-templates'],
    manifest.icon,
    ...contributes.grammars.map((grammar: { path: string }) => grammar.path),
    ...contributes.languages.map((language: { configuration: string }) => language.configuration),
    ...[...contributes.jsonValidation, ...contributes.yamlValidation].map((entry: { url: string }) => entry.url),
    ...contributes.walkthroughs.flatMap((walkthrough: { steps: { media: Record<string, string> }[] }) => walkthrough.steps.map((step) => step.media.svg ?? step.media.image ?? step.media.markdown)),
  ];
  // A language without a configuration (the response view's) names no file.
  return paths.filter((path) => path !== undefined).map((path) => path.replace(/^\.\//, ''));
}

test('the package holds exactly the runtime files: a file too many or too few fails', () => {
  assert.deepEqual(packaged(), EXPECTED);
});

test('every file package.json points at is in the package', () => {
  const shipped = new Set(packaged());
  assert.deepEqual(manifestFiles().filter((path) => !shipped.has(path)), []);
});

test("the README's pictures exist, are PNGs under 150 KB, and stay out of the package", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]);
  assert.ok(pictures.length >= 3, 'the README shows the checks and hover, completion and the response view');
  for (const picture of pictures) {
    const bytes = readFileSync(join(repoRoot, picture));
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${picture} is not a PNG`);
    assert.ok(bytes.length < 150 * 1024, `${picture} is ${bytes.length} bytes`);
    assert.ok(!packaged().includes(picture), `${picture} is in the package`);
  }
});
