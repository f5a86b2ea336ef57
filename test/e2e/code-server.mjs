// Where the cached VS Code server (code-server) lives, and how to start it: shared by the e2e runner and `npm start`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

/** Outside the clone, so CI's fresh clones and later sessions on the same machine reuse one install. */
export const cacheRoot = process.env.WEBHOOK_TEMPLATES_CACHE || join(homedir(), '.cache', 'webhook-templates');
export const codeServerDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = join(codeServerDir, 'node_modules', '.bin', 'code-server');

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath() {
  const found = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].find((path) => path && existsSync(path));
  if (!found) throw new Error('no Chromium found: run `npm run test:e2e:setup` (or set CHROMIUM_PATH)');
  return found;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts a child in a process group of its own, so that stopping it stops what it started too. */
export function startGroup(command, args, logFile, env = process.env, stdio = ['ignore', 'pipe', 'pipe']) {
  const child = spawn(command, args, { detached: true, stdio, env });
  const log = [];
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk) => log.push(chunk.toString()));
  child.log = log;
  child.logFile = logFile;
  return child;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing of the group is left.
  }
}

/** SIGTERM to the child's whole process group, SIGKILL to whatever of it is still there after `graceMs`. */
export async function stopGroup(child, graceMs = 5000) {
  if (!child || !signalGroup(child, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    if (!signalGroup(child, 0)) return;
  }
  signalGroup(child, 'SIGKILL');
}

export async function waitFor(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

export async function serverAnswers(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return response.ok ? true : undefined;
  } catch {
    return undefined;
  }
}

function remoteUri(port, path) {
  return `vscode-remote://127.0.0.1:${port}${path}`;
}

/** The address that opens `workspace` with the extension at `extensionPath` loaded (and a test module, if given). */
export function pageUrl(port, workspace, extensionPath, testsModule) {
  const payload = [['extensionDevelopmentPath', remoteUri(port, extensionPath)]];
  if (testsModule) payload.push(['extensionTestsPath', remoteUri(port, testsModule)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * code-server on loopback with throwaway user data, extensions and config under `temp`.
 * `trust`: false turns workspace trust on, so a new folder opens in restricted mode.
 */
export function startCodeServer({ port, temp, workspace, env = {}, trust = true, stdio }) {
  const args = [
    '--config', join(temp, 'code-server-config.yaml'),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(trust ? ['--disable-workspace-trust'] : []),
    '--user-data-dir', join(temp, 'user-data'),
    '--extensions-dir', join(temp, 'extensions'),
    workspace,
  ];
  // Its own data and config folders live under ~/.local/share and ~/.config otherwise.
  const childEnv = { ...process.env, ...env, XDG_DATA_HOME: join(temp, 'xdg-data'), XDG_CONFIG_HOME: join(temp, 'xdg-config') };
  return startGroup(codeServerBin, args, 'code-server', childEnv, stdio);
}

export function startChromium(url, temp) {
  const args = [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${join(temp, 'chromium')}`,
    url,
  ];
  return startGroup(chromiumPath(), args, 'chromium');
}

/** The size of the browser window the workbench is drawn in (and so of the suite's screenshots). */
export const WINDOW = { width: 1280, height: 800 };

/**
 * Headless Chromium on the workbench at `url`, driven by puppeteer-core (the suite's UI channel presses keys and
 * takes screenshots through the page). Returns the browser and the page.
 */
export async function launchChromium(url, temp) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--window-size=${WINDOW.width},${WINDOW.height}`,
    ],
    defaultViewport: WINDOW,
    userDataDir: join(temp, 'chromium'),
  });
  const [page] = await browser.pages();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { browser, page };
}
