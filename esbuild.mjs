// Builds the bundles (the desktop extension's two parts, server, CLI; the web extension's two, dist/web/, for a
// browser's web workers) and transpiles sources and tests to out/ for node:test.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const bundles = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // Non-ASCII text (the Russian table inside the CLI) as UTF-8, not \uXXXX escapes three times its size.
  charset: 'utf8',
  logLevel: 'warning',
  // jsonc-parser's UMD main build loads its parts with a dynamic require that bundles miss; its ESM build bundles whole.
  mainFields: ['module', 'main'],
};

// The web extension runs in web workers: no Node.js built-in is polyfilled, so one that slips in fails the build (an
// import esbuild cannot resolve), and the inputs it leaves out (a package's `"browser": { "fs": false }`) are listed in
// out/bundle-inputs.json, which test/unit/web-bundles.test.ts reads.
const webBundles = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  charset: 'utf8',
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

const RUSSIAN_TABLE = 'server/src/core/base/l10n.ru.json';

/**
 * The extension's two bundles and the server read the Russian table from one file beside them (dist/l10n.ru.json)
 * instead of each holding a copy as code.
 */
const russianTableBeside = {
  name: 'russian-table-beside',
  setup(build) {
    build.onResolve({ filter: /[\\/]l10n\.ru\.json$/ }, () => ({ path: './l10n.ru.json', external: true }));
  },
};

/**
 * One copy of vscode-languageserver-types in each part, its ES module build (the smaller): the language client's
 * `require`s would otherwise add the UMD build beside the one the core's `import`s take.
 */
const oneTypesBuild = {
  name: 'one-types-build',
  setup(build) {
    const esm = fileURLToPath(import.meta.resolve('vscode-languageserver-types'));
    build.onResolve({ filter: /^vscode-languageserver-types$/ }, () => ({ path: esm }));
  },
};

/**
 * undici parses HTTP with llhttp in WebAssembly, carrying two builds: with SIMD, and a fallback without it for Node.js
 * on ppc64 before 24.12 or `UNDICI_NO_WASM_SIMD=1`. VS Code runs on none of those platforms, so the extension's send
 * part carries the SIMD build only (about 70 KB less); were the fallback ever asked for, the send fails saying why.
 * The command line, which runs on any Node.js 20, keeps both.
 */
const simdParserOnly = {
  name: 'simd-parser-only',
  setup(build) {
    build.onResolve({ filter: /[\\/]llhttp[\\/]llhttp-wasm\.js$/ }, (args) => ({ path: args.path, namespace: 'simd-parser-only' }));
    build.onLoad({ filter: /.*/, namespace: 'simd-parser-only' }, () => ({
      contents: "throw new Error('This Node.js cannot run the WebAssembly SIMD build of the HTTP parser the extension sends with (UNDICI_NO_WASM_SIMD is set, or the platform lacks SIMD); send from the command line instead.');",
      loader: 'js',
    }));
  },
};

// The extension in two parts: what activation needs (the language client, the status bar, the command table), and
// what a command loads on first use (client/src/on-demand.ts: sending with undici, the response view, the tour...).
const extensionParts = { ...bundles, outdir: 'dist', external: ['vscode'], plugins: [russianTableBeside, oneTypesBuild], metafile: true };

const builds = [
  { ...extensionParts, entryPoints: { extension: 'client/src/extension.ts' } },
  { ...extensionParts, entryPoints: { 'on-demand': 'client/src/on-demand.ts' }, plugins: [...extensionParts.plugins, simdParserOnly] },
  // The server reads the Russian table beside it too; the CLI keeps it inside, to stay one file a CI job can copy.
  { ...bundles, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist', plugins: [russianTableBeside, oneTypesBuild], metafile: true },
  { ...bundles, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' }, plugins: [oneTypesBuild], metafile: true },
  // VS Code loads a web extension's main as CommonJS; the server is a worker's script.
  { ...webBundles, format: 'cjs', entryPoints: { extension: 'client/src/browser/extension.ts' }, external: ['vscode'] },
  { ...webBundles, format: 'iife', entryPoints: { server: 'server/src/browser/main.ts' } },
  // The in-editor suite of the web extension, run in the same web worker host (test/e2e/run-web.mjs).
  { ...webBundles, format: 'cjs', entryPoints: { index: 'test/e2e/web/index.ts' }, outdir: 'out/web-e2e', external: ['vscode'] },
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

/** Data the sources import (the translation table): the transpiled copies and the extension's bundles read it beside them. */
function copyData() {
  for (const path of filesUnder('server/src', '.json').filter((file) => !file.endsWith('tsconfig.json'))) cpSync(path, join('out', path));
  cpSync(RUSSIAN_TABLE, 'dist/l10n.ru.json');
}

/**
 * Which sources each bundle holds and what it leaves to its host (out/bundle-inputs.json): tests hold the send path out
 * of dist/extension.js, and Node.js built-ins out of dist/web/.
 */
function writeBundleInputs(results) {
  const inputs = {};
  for (const { metafile } of results.filter((result) => result.metafile)) {
    for (const [file, output] of Object.entries(metafile.outputs)) if (file.endsWith('.js')) {
      const externals = [...new Set(output.imports.filter((entry) => entry.external).map((entry) => entry.path))];
      inputs[file] = { bytes: output.bytes, inputs: Object.keys(output.inputs), externals };
    }
  }
  mkdirSync('out', { recursive: true });
  writeFileSync(join('out', 'bundle-inputs.json'), JSON.stringify(inputs, null, 1) + '\n');
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  copyData();
} else {
  writeBundleInputs(await Promise.all(builds.map((options) => esbuild.build(options))));
  copyData();
}
