// `npm start`: opens examples/ in a VS Code with this extension loaded: the desktop `code` when it is on PATH,
// otherwise the VS Code server of code-server on 127.0.0.1, whose address is printed (Ctrl+C stops it).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, pageUrl, serverAnswers, startCodeServer, stopGroup, waitFor } from './test/e2e/code-server.mjs';

const repoRoot = dirname(fileURLToPath(import.meta.url));
const workspace = join(repoRoot, 'examples');

function hasDesktopCode() {
  return !process.env.WEBHOOK_TEMPLATES_NO_DESKTOP && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

function openInDesktop() {
  console.log('Opening examples/ in VS Code with the extension loaded…');
  spawn('code', ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit', detached: true }).unref();
}

async function openInServer() {
  execFileSync('bash', [join(repoRoot, 'test', 'e2e', 'install-code-server.sh')], { stdio: 'inherit' });
  const temp = mkdtempSync(join(tmpdir(), 'webhook-templates-start-'));
  mkdirSync(join(temp, 'extensions'));
  const port = Number(process.env.PORT) || (await freePort());
  const server = startCodeServer({ port, temp, workspace, stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = async () => {
    await stopGroup(server);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await waitFor('the VS Code server to answer', () => serverAnswers(port), 60_000);
  console.log(`\nVS Code is running on 127.0.0.1:${port} with the extension loaded. Open this address in a browser:\n\n  ${pageUrl(port, workspace, repoRoot)}\n\nPress Ctrl+C to stop it.`);
}

if (hasDesktopCode()) openInDesktop();
else await openInServer();
