// `npm run test:e2e`: the in-editor suite, in a downloaded VS Code (default) or the local VS Code server (--server).
//
//   npm run test:e2e                      @vscode/test-electron (downloads VS Code; xvfb-run on Linux without a display)
//   npm run test:e2e -- --server          the VS Code server of code-server, headless Chromium (no download)
//   npm run test:e2e -- --server --vsix   package the extension, unzip the .vsix, and test exactly what users install
//   npm run test:e2e -- --server --untrusted   restricted mode: open the folder untrusted, run the @untrusted tests
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackedVsix } from './vsix.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const route = args.includes('--server') ? 'run-server.mjs' : 'run-electron.mjs';
const passOn = args.filter((arg) => arg !== '--server' && arg !== '--vsix');
if (args.includes('--vsix')) passOn.push('--extension-path', unpackedVsix(resolve(here, '..', '..')));

const result = spawnSync(process.execPath, [join(here, route), ...passOn], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
