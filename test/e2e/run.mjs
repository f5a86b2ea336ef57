// `npm run test:e2e`: the in-editor suite, in a downloaded VS Code (default) or the local VS Code server (--server).
//
//   npm run test:e2e                      @vscode/test-electron (downloads VS Code; xvfb-run on Linux without a display)
//   npm run test:e2e -- --server          the VS Code server of code-server, headless Chromium (no download)
//   npm run test:e2e -- --server --vsix   package the extension, unzip the .vsix, and test exactly what users install
//   npm run test:e2e -- --server --untrusted   restricted mode: open the folder untrusted, run the @untrusted tests
//   npm run test:e2e -- --ui              the UI-driven suite (test/e2e/ui/*.ui.mjs): keys, dialogs and quick picks in
//                                         a plain window, where VS Code shows modal dialogs (a test window refuses them)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackedVsix } from './vsix.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
if (args.includes('--ui')) {
  const files = readdirSync(join(here, 'ui')).filter((name) => name.endsWith('.ui.mjs')).sort().map((name) => join(here, 'ui', name));
  // One window at a time: each file starts its own VS Code server and browser.
  const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const route = args.includes('--server') ? 'run-server.mjs' : 'run-electron.mjs';
const passOn = args.filter((arg) => arg !== '--server' && arg !== '--vsix');
if (args.includes('--vsix')) passOn.push('--extension-path', unpackedVsix(resolve(here, '..', '..')));

const result = spawnSync(process.execPath, [join(here, route), ...passOn], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
