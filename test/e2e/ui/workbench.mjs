// A VS Code window driven the way a person drives it: code-server on a copy of examples/ with the extension loaded
// (no test module, so modal dialogs show: VS Code refuses them in a window that runs extension tests), headless
// Chromium through puppeteer-core, and the keys, commands and readings a UI test needs.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerBin, freePort, launchChromium, pageUrl, serverAnswers, startCodeServer, stopGroup, waitFor } from '../code-server.mjs';
import { readDialog, readEditorLines, readQuickPick, readStatusBar, readTabs } from './workbench-dom.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** An address of this machine other than loopback: the questions about hosts ask only about those. */
export function outsideAddress() {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
  if (!found) throw new Error('this test needs a non-loopback IPv4 address on the machine (the questions about hosts skip loopback ones)');
  return found.address;
}

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
  // No welcome page or walkthrough opening at start: it takes the focus from the first keys.
  mkdirSync(join(temp, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(temp, 'user-data', 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false }));
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

  /**
   * Opens the quick input with `combo` and types `text` into it, checking it all arrived; starts over when keys were
   * dropped or the quick input closed (a workbench still loading does both). `prefix`: what `combo` puts there first.
   */
  async quickInput(combo, text, prefix = '') {
    const input = '.quick-input-widget .quick-input-box input';
    let holds = '';
    for (let attempt = 0; attempt < 8; attempt++) {
      if (attempt > 0) await this.key('Escape');
      await this.key(combo);
      const shown = await this.page.waitForSelector(input, { visible: true, timeout: 2000 }).catch(() => null);
      if (!shown) continue;
      await this.type(text);
      holds = await this.page.$eval(input, (element) => element.value).catch(() => '');
      const visible = await this.page.$(`${input}:not([disabled])`).then((found) => found?.isVisible());
      if (holds === prefix + text && visible) return;
    }
    throw new Error(`${combo} and "${text}" never reached the quick input (it holds "${holds}")`);
  }

  /** Runs a command from the command palette by its title. */
  async command(title) {
    await this.quickInput('F1', title, '>');
    await this.until(`"${title}" in the command palette`, async () => (await this.quickPick())?.some((row) => row.text.includes(title)));
    await this.key('Enter');
  }

  /** Opens a workspace file with Quick Open and waits for its tab (Quick Open finds nothing until files are listed). */
  async open(relativePath) {
    const name = relativePath.split('/').at(-1);
    for (let attempt = 0; ; attempt++) {
      await this.quickInput('Control+p', relativePath);
      const found = await waitFor(`${name} in Quick Open`, async () => ((await this.quickPick())?.some((row) => row.text.includes(name)) ? true : undefined), 4000).catch(() => false);
      if (found) break;
      if (attempt === 5) throw new Error(`Quick Open never listed ${relativePath}`);
      await this.key('Escape');
    }
    await this.key('Enter');
    await this.until(`the tab of ${name}`, async () => (await this.tabs()).includes(name));
  }

  async gotoLine(line, column = 1) {
    await this.quickInput('Control+g', `${line}:${column}`, ':');
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

  /**
   * Rests the mouse on `text` where an editor draws it on a line that starts with `lineStart`, until a hover that
   * says `expected` shows (a language server still starting answers the first hovers with nothing).
   */
  async hoverOn(text, lineStart, expected) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const box = await this.page.evaluate(
        (wanted, start) => {
          // Editors draw spaces as no-break spaces.
          const lines = [...document.querySelectorAll('.view-lines .view-line')].filter((line) => line.textContent?.replace(/\u00a0/g, ' ').startsWith(start));
          const span = lines.flatMap((line) => [...line.querySelectorAll('span span')]).find((candidate) => candidate.textContent?.includes(wanted));
          const rect = span?.getBoundingClientRect();
          return rect && { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        },
        text,
        lineStart,
      );
      if (!box) throw new Error(`"${text}" is not drawn in an editor`);
      // The editor shows a hover for a mouse that moved there, not one that appeared there.
      await this.page.mouse.move(box.x - 40, box.y - 60);
      await sleep(300);
      await this.page.mouse.move(box.x, box.y, { steps: 8 });
      const showing = () =>
        this.page.$$eval(
          '.monaco-hover:not(.hidden)',
          (hovers, words) => hovers.some((hover) => hover.checkVisibility() && hover.textContent?.includes(words)) || undefined,
          expected,
        );
      const shown = await waitFor('a hover', showing, 2000).catch(() => false);
      if (shown) return;
    }
    throw new Error(`no hover on "${text}"`);
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
    // Drawn as the window stands: capturing beyond the viewport resizes it, which closes hovers and suggestions.
    await this.page.screenshot({ path, clip, captureBeyondViewport: false });
  }
}
