// Runs the e2e suite in a VS Code that @vscode/test-electron downloads (needs network and a display, or xvfb-run).
//
// Usage: node test/e2e/run-electron.mjs [--extension-path DIR] [--untrusted]
// Same suite, same results file as the server route (see run-server.mjs); on Linux without a display it
// starts itself again under xvfb-run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const testsModule = join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');

const { values } = parseArgs({
  options: { 'extension-path': { type: 'string', default: repoRoot }, untrusted: { type: 'boolean', default: false } },
  strict: false,
});

function needsXvfb() {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.WEBHOOK_TEMPLATES_UNDER_XVFB;
}

function rerunUnderXvfb() {
  const found = spawnSync('which', ['xvfb-run']).status === 0;
  if (!found) {
    console.error('e2e (VS Code download route): no display and no xvfb-run; install xvfb, or use `npm run test:e2e -- --server`.');
    return 1;
  }
  const result = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, WEBHOOK_TEMPLATES_UNDER_XVFB: '1' },
  });
  return result.status ?? 1;
}

async function run() {
  const { runTests } = await import('@vscode/test-electron');
  const temp = mkdtempSync(join(tmpdir(), 'webhook-templates-e2e-'));
  const workspace = join(temp, 'workspace');
  const resultsFile = join(temp, 'e2e-results.json');
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  writeFileSync(join(temp, 'e2e-mode.json'), JSON.stringify({ untrusted: values.untrusted }));
  try {
    await runTests({
      extensionDevelopmentPath: resolve(values['extension-path']),
      extensionTestsPath: testsModule,
      launchArgs: [workspace, '--disable-extensions', ...(values.untrusted ? [] : ['--disable-workspace-trust'])],
      extensionTestsEnv: { WEBHOOK_TEMPLATES_E2E_RESULTS: resultsFile },
    });
  } catch (error) {
    console.error(`e2e (VS Code download route): ${error instanceof Error ? error.message : error}`);
  }
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
  rmSync(temp, { recursive: true, force: true });
  if (!results) {
    console.error('e2e (VS Code download route): the suite wrote no results.');
    return 1;
  }
  for (const test of results.tests) console.log(`  ${test.state === 'passed' ? 'ok  ' : 'FAIL'} ${test.title}${test.error ? `\n${test.error}` : ''}`);
  console.log(`${results.passed} passed, ${results.failed} failed`);
  return !results.error && results.failed === 0 && results.passed > 0 ? 0 : 1;
}

process.exitCode = needsXvfb() ? rerunUnderXvfb() : await run();
