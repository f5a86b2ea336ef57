// Runs the e2e suite inside a real VS Code: the VS Code server of code-server, driven by headless Chromium (shared/docs/vscode-in-ci.md).
//
// Usage: node test/e2e/run-server.mjs [--extension-path DIR] [--timeout SECONDS] [--keep] [--untrusted | --bench]
//   --extension-path  the extension folder to load (default: the repo root; e.g. an unzipped .vsix's extension/)
//   --timeout         how long to wait for the results file (default 180)
//   --keep            keep the temporary folder (workspace, logs, results) for a look afterwards
//   --untrusted       turn workspace trust on: the folder opens in restricted mode and only the restricted-mode tests run
//   --bench           open an empty folder, where the extension stays inactive, and run only the activation timing
//                     (@bench); it writes its figure to WEBHOOK_TEMPLATES_E2E_ACTIVATION, else <temp>/e2e-activation.json
// Builds nothing: run `node esbuild.mjs` first (npm run test:e2e does) and `npm run test:e2e:setup` once.
// The suite writes its results to <temp>/e2e-results.json, beside the workspace copy <temp>/workspace
// (see test/e2e/suite/index.ts); WEBHOOK_TEMPLATES_E2E_RESULTS is set too, for hosts that pass it on.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { codeServerBin, freePort, pageUrl, serverAnswers, startChromium, startCodeServer, stopGroup, waitFor } from './code-server.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const testsModule = join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');

function options() {
  const { values } = parseArgs({
    options: {
      'extension-path': { type: 'string', default: repoRoot },
      timeout: { type: 'string', default: '180' },
      keep: { type: 'boolean', default: false },
      untrusted: { type: 'boolean', default: false },
      bench: { type: 'boolean', default: false },
    },
    strict: false,
  });
  return { extensionPath: resolve(values['extension-path']), timeoutMs: Number(values.timeout) * 1000, keep: values.keep, untrusted: values.untrusted, bench: values.bench };
}

function requireFile(path, hint) {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
}

function readResults(resultsFile) {
  if (!existsSync(resultsFile)) return undefined;
  try {
    return JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    return undefined; // Still being written.
  }
}

function report(results) {
  for (const test of results.tests ?? []) {
    console.log(`  ${test.state === 'passed' ? 'ok  ' : 'FAIL'} ${test.title} (${test.durationMs} ms)`);
    if (test.error) console.log(test.error.replace(/^/gm, '       '));
  }
  if (results.error) console.log(`The suite did not run: ${results.error}`);
  console.log(`${results.passed ?? 0} passed, ${results.failed ?? 0} failed`);
  return !results.error && results.failed === 0 && results.passed > 0;
}

function printLogTail(child, lines = 60) {
  if (!child) return;
  const tail = child.log.join('').split('\n').slice(-lines).join('\n');
  console.error(`--- last ${lines} lines of the ${child.logFile} log ---\n${tail}\n--- end of the ${child.logFile} log ---`);
}

async function runSuite({ extensionPath, timeoutMs, untrusted, bench }, temp, children) {
  requireFile(codeServerBin, 'run `npm run test:e2e:setup` first');
  requireFile(testsModule, 'run `node esbuild.mjs` first');
  requireFile(join(extensionPath, 'package.json'), 'the --extension-path is not an extension folder');
  const workspace = join(temp, 'workspace');
  const resultsFile = join(temp, 'e2e-results.json');
  // None of the extension's activation events fires in an empty folder, so the bench's test finds it inactive.
  if (bench) mkdirSync(workspace);
  else cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  // The suite reads its mode beside the workspace, like the results path (see suite/index.ts).
  writeFileSync(join(temp, 'e2e-mode.json'), JSON.stringify({ untrusted, activationBench: bench }));
  const port = await freePort();
  children.server = startCodeServer({ port, temp, workspace, trust: !untrusted, env: { WEBHOOK_TEMPLATES_E2E_RESULTS: resultsFile } });
  await waitFor('code-server to answer', () => serverAnswers(port), 60_000);
  children.browser = startChromium(pageUrl(port, workspace, extensionPath, testsModule), temp);
  const results = await waitFor('the results file of the suite', () => readResults(resultsFile), timeoutMs);
  return report(results);
}

async function main() {
  const settings = options();
  const temp = mkdtempSync(join(tmpdir(), 'webhook-templates-e2e-'));
  mkdirSync(join(temp, 'extensions'));
  const children = {};
  const started = Date.now();
  let ok = false;
  try {
    ok = await runSuite(settings, temp, children);
  } catch (error) {
    console.error(`e2e (server route${settings.untrusted ? ', untrusted' : ''}${settings.bench ? ', bench' : ''}): ${error instanceof Error ? error.message : error}`);
  } finally {
    if (!ok) printLogTail(children.server);
    await Promise.all([stopGroup(children.browser), stopGroup(children.server)]);
    if (settings.keep) console.log(`kept ${temp}`);
    else rmSync(temp, { recursive: true, force: true });
  }
  console.log(`e2e (server route) took ${Math.round((Date.now() - started) / 1000)} s`);
  process.exitCode = ok ? 0 : 1;
}

await main();
