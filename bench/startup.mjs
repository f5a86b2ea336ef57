// Section 6: cold start of the server to first diagnostics, the extension bundle's evaluation time, and the shipped sizes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './core-check.mjs';
import { fieldsFileText } from './corpus.mjs';
import { BenchClient, fileUri } from './lsp-client.mjs';
import { median, now } from './stats.mjs';

const SMALL = 'flows:\n  - key: main\n    steps:\n      - key: hook\n        type: webhook\n        url: "https://tracker.example.com/postback?subid={tracker.clikid}&status=lead"\n';

async function coldStartOnce(dir) {
  const client = await BenchClient.start({ folders: [dir] });
  try {
    const uri = fileUri(join(dir, 'small.script.yaml'));
    await client.open(uri, SMALL);
    const first = await client.waitForVersion(uri, 1, 20000);
    return first.at - client.spawnedAt;
  } finally {
    await client.stop();
  }
}

/** Spawn → first diagnostics of a small open file, median of `runs` fresh servers. */
export async function measureColdStart(dir, runs = 5) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'webhook-fields.json'), fieldsFileText());
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await coldStartOnce(dir));
  return { runs, medianMs: median(times), minMs: Math.min(...times) };
}

/** A stand-in for the `vscode` module: every property is a function-like proxy, enough for the bundle's top level to run. */
function vscodeStub() {
  const handler = { get: (_target, key) => (key === 'prototype' ? {} : key === Symbol.toPrimitive ? () => '' : stub), apply: () => stub, construct: () => ({}) };
  const stub = new Proxy(function vscode() {}, handler);
  return stub;
}

/**
 * How long requiring dist/extension.js takes (bundle evaluation) in plain Node, without an extension host; the
 * activation in a real VS Code is measured by activation.mjs.
 */
export function extensionLoadMs() {
  const originalLoad = Module._load;
  Module._load = function load(request, ...rest) {
    return request === 'vscode' ? vscodeStub() : originalLoad.call(this, request, ...rest);
  };
  try {
    const started = now();
    const extension = createRequire(import.meta.url)(join(repoRoot, 'dist/extension.js'));
    return { loadMs: now() - started, exportsActivate: typeof extension.activate === 'function' };
  } catch (error) {
    return { loadMs: NaN, error: String(error).split('\n')[0] };
  } finally {
    Module._load = originalLoad;
  }
}

const sizesIn = (dir) => Object.fromEntries(readdirSync(dir).filter((name) => name.endsWith('.js')).map((name) => [name, statSync(join(dir, name)).size]));

/** Sizes of the dev bundles; with `packageVsix`, the production (minified) bundles and the .vsix, then the dev build again. */
export function measureSizes(packageVsix) {
  const dist = join(repoRoot, 'dist');
  const result = { devBundles: sizesIn(dist) };
  if (!packageVsix) return { ...result, vsix: existingVsix() };
  try {
    execFileSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'pipe' });
    result.productionBundles = sizesIn(dist);
    result.vsix = existingVsix();
  } catch (error) {
    result.vsix = { error: `npm run package failed: ${String(error.stderr ?? error).slice(0, 300)}` };
  } finally {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'pipe' });
  }
  return result;
}

function existingVsix() {
  const path = join(repoRoot, 'webhook-templates-0.1.0.vsix');
  return existsSync(path) ? { bytes: statSync(path).size, builtAt: statSync(path).mtime.toISOString() } : undefined;
}
