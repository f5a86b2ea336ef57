// Builds the three bundles (extension, server, CLI), the two of the web extension (dist/web/: the extension and the
// server for a browser's web workers), and transpiles sources and tests to out/ for node:test.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

// The web extension runs in web workers: no Node.js built-in is polyfilled, so one that slips in fails the build (an
// import esbuild cannot resolve), and the inputs it leaves out (a package's `"browser": { "fs": false }`) are listed in
// dist/web/*.meta.json, which test/unit/web-bundles.test.ts reads.
const webBundles = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  mainFields: ['browser', 'module', 'main'],
  metafile: true,
  outdir: 'dist/web',
  // csv-parse's Node.js build uses the global Buffer at load; its browser build (the package's own) carries its own.
  alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync' },
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
  // VS Code loads a web extension's main as CommonJS; the server is a worker's script.
  { ...webBundles, format: 'cjs', entryPoints: { extension: 'client/src/browser/extension.ts' }, external: ['vscode'] },
  { ...webBundles, format: 'iife', entryPoints: { server: 'server/src/browser/main.ts' } },
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

/** What each web bundle was made of, for the test that no Node.js built-in is in it. */
function writeMetafiles(results) {
  mkdirSync('dist/web', { recursive: true });
  for (const { metafile } of results.filter((result) => result.metafile)) {
    const [output] = Object.keys(metafile.outputs).filter((path) => path.endsWith('.js'));
    writeFileSync(output.replace(/\.js$/, '.meta.json'), JSON.stringify(metafile));
  }
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  writeMetafiles(await Promise.all(builds.map((options) => esbuild.build(options))));
  copyData();
}
