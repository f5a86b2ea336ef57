// The web extension's in-editor suite (issue 19): the extension and its tests in the browser's web worker extension
// host of code-server's workbench, offline, driven by headless Chromium.
//
// Usage: node test/e2e/run-web.mjs [--timeout SECONDS] [--keep] [--screenshot FILE]
//   (npm run test:e2e:web builds first; run `npm run test:e2e:setup` once)
//
// How the extension gets into the web worker host: VS Code's web workbench runs an extension there when it has only
// a `browser` entry. The runner makes such a copy (package.json without `main`, dist/web/, the grammars...) with the
// bundled suite (out/web-e2e/index.js) inside it: a test runner inside an extension's folder runs in that extension's
// host. code-server loads the copy as the development extension; its files stay on the server (vscode-remote:), which
// is why the browser platform starts its server worker from a blob (client/src/browser/browser-platform.ts).
// The suite runs twice: examples/ (one folder; plus sends to two receivers on 127.0.0.1, one with a CORS policy that
// lets a page read its answer and one without) and test/fixtures/workspaces/two-roots (a .code-workspace, two folders).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { codeServerBin, freePort, launchChromium, serverAnswers, startCodeServer, stopGroup, waitFor } from './code-server.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const suiteBundle = join(repoRoot, 'out', 'web-e2e', 'index.js');

const { values } = parseArgs({
  options: { timeout: { type: 'string', default: '180' }, keep: { type: 'boolean', default: false }, screenshot: { type: 'string' } },
  strict: true,
});
const timeoutMs = Number(values.timeout) * 1000;

function requireFile(path, hint) {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
}

/** The extension as a web-only extension: its manifest without `main`, and the files the browser entry needs. */
function webOnlyCopy(temp) {
  const target = join(temp, 'extension');
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  delete manifest.main;
  mkdirSync(join(target, 'dist'), { recursive: true });
  writeFileSync(join(target, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const path of ['dist/web', 'syntaxes', 'media', 'language-configuration.json', 'package.nls.json', 'package.nls.ru.json']) cpSync(join(repoRoot, path), join(target, path), { recursive: true });
  cpSync(suiteBundle, join(target, 'web-tests', 'index.js'));
  return target;
}

/** Receivers on 127.0.0.1: /cors lets any page read its answer, /plain has no CORS policy, /count tells what each got. */
async function startReceivers() {
  const counts = {};
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://receiver').pathname;
    if (path === '/count') {
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' });
      return res.end(JSON.stringify(counts));
    }
    counts[path] = (counts[path] ?? 0) + 1;
    res.writeHead(200, { 'Content-Type': 'text/plain', ...(path === '/cors' ? { 'Access-Control-Allow-Origin': '*' } : {}) });
    res.end(path === '/cors' ? 'ok-cors' : 'recorded');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

function report(name, results) {
  for (const test of results.tests ?? []) {
    console.log(`  ${test.state === 'passed' ? 'ok  ' : 'FAIL'} [${name}] ${test.title} (${test.durationMs} ms)`);
    if (test.error) console.log(test.error.replace(/^/gm, '       '));
  }
  if (results.error) console.log(`[${name}] the suite did not run: ${results.error}`);
  console.log(`[${name}] ${results.passed ?? 0} passed, ${results.failed ?? 0} failed`);
  return !results.error && results.failed === 0 && results.passed > 0;
}

function readResults(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** One workbench on `open` (a folder or a .code-workspace) with the copy as development extension; the suite's results. */
async function runOnce(name, temp, extension, open, screenshot) {
  const port = await freePort();
  const children = {};
  try {
    children.server = startCodeServer({ port, temp, workspace: open });
    await waitFor('code-server to answer', () => serverAnswers(port), 60_000);
    const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [['extensionDevelopmentPath', remote(extension)], ['extensionTestsPath', remote(join(extension, 'web-tests', 'index.js'))]];
    const which = open.endsWith('.code-workspace') ? 'workspace' : 'folder';
    const url = `http://127.0.0.1:${port}/?${which}=${encodeURIComponent(open)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const { browser, page } = await launchChromium(url, join(temp, `chromium-${name}`));
    children.browser = browser;
    const results = await waitFor(`the results of the ${name} run`, () => readResults(join(temp, 'e2e-results.json')), timeoutMs);
    if (screenshot) await page.screenshot({ path: screenshot });
    return report(name, results);
  } catch (error) {
    console.error(`[${name}] ${error instanceof Error ? error.message : error}`);
    if (children.server) console.error(children.server.log.join('').split('\n').slice(-40).join('\n'));
    return false;
  } finally {
    await children.browser?.close().catch(() => undefined);
    await stopGroup(children.server);
  }
}

async function main() {
  requireFile(codeServerBin, 'run `npm run test:e2e:setup` first');
  requireFile(suiteBundle, 'run `node esbuild.mjs` first');
  requireFile(join(repoRoot, 'dist', 'web', 'extension.js'), 'run `node esbuild.mjs` first');
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'webhook-templates-web-e2e-'));
  const receivers = await startReceivers();
  let ok = true;
  try {
    const extension = webOnlyCopy(root);
    // examples/, one folder, with a file to send from.
    const single = join(root, 'single');
    mkdirSync(join(single, 'extensions'), { recursive: true });
    cpSync(join(repoRoot, 'examples'), join(single, 'workspace'), { recursive: true });
    writeFileSync(join(single, 'workspace', 'web-send.webhook'), `### Allowed\nGET ${receivers.base}/cors?sub1=1\n\n### Hidden\nGET ${receivers.base}/plain?sub1=2\n`);
    writeFileSync(join(single, 'e2e-mode.json'), JSON.stringify({ workspace: 'examples', receiver: receivers.base }));
    ok = (await runOnce('examples', single, extension, join(single, 'workspace'), values.screenshot)) && ok;
    // Two folders, each with its fields file.
    const multi = join(root, 'multi');
    mkdirSync(join(multi, 'extensions'), { recursive: true });
    cpSync(join(repoRoot, 'test', 'fixtures', 'workspaces', 'two-roots'), join(multi, 'two-roots'), { recursive: true });
    const workspaceFile = join(multi, 'two-roots.code-workspace');
    writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: 'two-roots/bots' }, { path: 'two-roots/partners' }] }));
    writeFileSync(join(multi, 'e2e-mode.json'), JSON.stringify({ workspace: 'two-roots' }));
    ok = (await runOnce('two-roots', multi, extension, workspaceFile)) && ok;
  } finally {
    receivers.server.closeAllConnections();
    receivers.server.close();
    if (values.keep) console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
  console.log(`e2e (web worker extension host) took ${Math.round((Date.now() - started) / 1000)} s`);
  process.exitCode = ok ? 0 : 1;
}

await main();
