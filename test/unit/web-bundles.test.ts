// The web extension's bundles (dist/web/) run in a browser's web workers, where no Node.js built-in exists. esbuild
// fails the build on an import of one it cannot resolve; this test catches the rest: an input a package's `browser`
// field swapped for nothing (`"fs": false`, which would fail only when called), an import left outside the bundle,
// and a require of a built-in in the code shipped. What the server's code does at run time is tried in a context
// with only a worker's globals (test/protocol/web-parity.test.ts).
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';

/** What esbuild.mjs records of each bundle (out/bundle-inputs.json). */
interface BundleInputs {
  inputs: string[];
  externals: string[];
}

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/** What each bundle may leave to its host: the extension's `vscode`, nothing for the server's worker. */
const ALLOWED_EXTERNALS: Record<string, string[]> = { extension: ['vscode'], server: [] };

function bundle(name: string): BundleInputs {
  const all = JSON.parse(readFileSync(join(repoRoot, 'out', 'bundle-inputs.json'), 'utf8')) as Record<string, BundleInputs>;
  const made = all[`dist/web/${name}.js`];
  assert.ok(made, `out/bundle-inputs.json has no dist/web/${name}.js`);
  return made;
}

for (const name of Object.keys(ALLOWED_EXTERNALS)) {
  test(`dist/web/${name}.js is made of no Node.js built-in, nor anything swapped out for one`, () => {
    const { inputs } = bundle(name);
    assert.ok(inputs.length > 10, `out/bundle-inputs.json lists ${inputs.length} inputs of dist/web/${name}.js`);
    const suspicious = inputs.filter((input) => input.startsWith('(disabled):') || BUILTINS.has(input) || /(^|\/)node_modules\/undici\//.test(input));
    assert.deepEqual(suspicious, []);
  });

  test(`dist/web/${name}.js leaves only ${ALLOWED_EXTERNALS[name].join(', ') || 'nothing'} to its host`, () => {
    assert.deepEqual(bundle(name).externals, ALLOWED_EXTERNALS[name]);
  });

  test(`dist/web/${name}.js requires no Node.js built-in`, () => {
    const code = readFileSync(join(repoRoot, 'dist', 'web', `${name}.js`), 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]).filter((path) => BUILTINS.has(path));
    assert.deepEqual([...new Set(required)], []);
  });
}
