// A VS Code window driven the way a person drives it: code-server on a copy of examples/ with the extension loaded
// (no test module, so modal dialogs show: VS Code refuses them in a window that runs extension tests), headless
// Chromium through puppeteer-core, and the keys, commands and readings a UI test needs.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerBin, freePort, launchChromium, pageUrl, serverAnswers, startCodeServer, stopGroup, waitFor } from '../code-server.mjs';
import { readDialog, readEditorLines, readQuickPick, readStatusBar, readTabs } from './workbench-dom.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Opens examples/ (plus `extraFiles`, path → text) in a fresh code-server with the extension at `extensionPath`.
 * `close()` stops everything and removes the temporary folder.
 */
export async function openWorkbench({ extraFiles = {}, extensionPath = repoRoot } = {}) {
  const temp = mkdtempSync(join(tmpdir(), 'webhook-templates-ui-'));
  mkdirSync(join(temp, 'extensions'));
  const workspace = join(temp, 'workspace');
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  for (const [path, text] of Object.entries(extraFiles)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  const port = await freePort();
  const server = startCodeServer({ port, temp, workspace });
  let browser;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await stopGroup(server);
    if (process.env.KEEP_UI) console.log(`kept ${temp}`);
    else rmSync(temp, { recursive: true, force: true });
  };
  try {
    if (!codeServerBin) throw new Error('run `npm run test:e2e:setup` first');
    await waitFor('code-server to answer', () => serverAnswers(port), 60_000);
    const launched = await launchChromium(pageUrl(port, workspace, extensionPath), temp);
    browser = launched.browser;
    const bench = new Workbench(launched.page, workspace, temp, close, server);
    // The workbench takes keys once the explorer shows the folder.
    await bench.until('the workbench to show the folder', () => launched.page.$('.explorer-folders-view .monaco-list-row'), 60_000);
    return bench;
  } catch (error) {
    await close();
    throw error;
  }
}

export class Workbench {
  constructor(page, workspace, temp, close, server) {
    Object.assign(this, { page, workspace, temp, close, server });
  }

  async key(combo) {
    const parts = combo.split('+');
    for (const part of parts.slice(0, -1)) await this.page.keyboard.down(part);
    await this.page.keyboard.press(parts.at(-1));
    for (const part of parts.slice(0, -1).reverse()) await this.page.keyboard.up(part);
  }

  async type(text) {
    await this.page.keyboard.type(text, { delay: 15 });
  }

  /** Presses `combo` until the quick input shows (a workbench still loading drops the first keys). */
  async quickInput(combo) {
    for (let attempt = 0; attempt < 10; attempt++) {
      await this.key(combo);
      const shown = await this.page.waitForSelector('.quick-input-widget .quick-input-box input', { visible: true, timeout: 2000 }).catch(() => null);
      if (shown) return;
    }
    throw new Error(`${combo} never opened the quick input`);
  }

  /** Runs a command from the command palette by its title. */
  async command(title) {
    await this.quickInput('F1');
    await this.type(title);
    await this.until(`"${title}" in the command palette`, async () => (await this.quickPick())?.some((row) => row.text.includes(title)));
    await this.key('Enter');
  }

  /** Opens a workspace file with Quick Open and waits for its tab. */
  async open(relativePath) {
    await this.quickInput('Control+p');
    await this.type(relativePath);
    const name = relativePath.split('/').at(-1);
    await this.until(`${name} in Quick Open`, async () => (await this.quickPick())?.some((row) => row.text.includes(name)));
    await this.key('Enter');
    await this.until(`the tab of ${name}`, async () => (await this.tabs()).includes(name));
  }

  async gotoLine(line, column = 1) {
    await this.quickInput('Control+g');
    await this.type(`${line}:${column}`);
    await this.key('Enter');
    await sleep(200);
  }

  /** Moves the focus with Tab to the dialog's button labelled `label`, as a person on the keyboard does. */
  async tabToButton(label) {
    for (let presses = 0; presses < 6; presses++) {
      const dialog = await this.dialog();
      if (dialog?.buttons.some((button) => button.focused && button.label === label)) return;
      await this.key('Tab');
    }
    throw new Error(`Tab never reached the button "${label}": ${JSON.stringify((await this.dialog())?.buttons)}`);
  }

  dialog() {
    return this.page.evaluate(readDialog);
  }

  quickPick() {
    return this.page.evaluate(readQuickPick);
  }

  statusBar() {
    return this.page.evaluate(readStatusBar);
  }

  tabs() {
    return this.page.evaluate(readTabs);
  }

  editorLines(tabLabel) {
    return this.page.evaluate(readEditorLines, tabLabel);
  }

  /** Waits until `probe` answers something other than undefined, null or false. */
  async until(what, probe, timeoutMs = 20_000) {
    try {
      return await waitFor(what, async () => (await probe()) || undefined, timeoutMs);
    } catch (error) {
      const path = join(this.temp, 'timeout.png');
      await this.page.screenshot({ path }).catch(() => undefined);
      throw new Error(`${error.message} (the window: ${path}; keep it with KEEP_UI=1)`);
    }
  }

  async screenshot(path, clip) {
    await this.page.screenshot({ path, clip });
  }
}
