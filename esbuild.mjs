// Builds the three bundles (extension, server, CLI) and transpiles sources and tests to out/ for node:test.
import * as esbuild from 'esbuild';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const bundles = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD main build loads its parts with a dynamic require that bundles miss; its ESM build bundles whole.
  mainFields: ['module', 'main'],
};

function filesUnder(dir, extension) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path, extension);
    return path.endsWith(extension) ? [path] : [];
  });
}

function tsFilesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFilesUnder(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const builds = [
  { ...bundles, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...bundles, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist' },
  { ...bundles, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // One file per source, not bundled: tests import the modules they specify.
  {
    entryPoints: [...tsFilesUnder('server/src'), ...tsFilesUnder('send/src'), ...tsFilesUnder('client/src'), ...tsFilesUnder('test')],
    outdir: 'out',
    outbase: '.',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
  },
];

// A source moved or removed must not leave its old transpiled copy for node:test to run.
if (!watch) for (const dir of ['server', 'send', 'client', 'test']) rmSync(join('out', dir), { recursive: true, force: true });

/** Data the sources import (the translation table): the bundles inline it, the transpiled copies read it beside them. */
function copyData() {
  for (const path of filesUnder('server/src', '.json').filter((file) => !file.endsWith('tsconfig.json'))) cpSync(path, join('out', path));
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  copyData();
}
