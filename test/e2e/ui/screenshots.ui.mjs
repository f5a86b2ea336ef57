// The README's pictures, drawn from examples/ in a real VS Code window: the checks and a hover, completion, and the
// response view of a test send. Small (PNG under 150 KB each) so the repository stays light; the .vsix leaves them out.
//
//   npm run screenshots                         redraws docs/images/*.png
//   node test/e2e/run.mjs --ui                  draws them into a temporary folder, as a test that they still can be
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { after, before, test } from 'node:test';
import { openWorkbench, repoRoot } from './workbench.mjs';

export const MAX_PICTURE_BYTES = 150 * 1024;

const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: false });
const outDir = values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'webhook-templates-screenshots-'));
mkdirSync(outDir, { recursive: true });

/** The editor area and what stands beside it, without the activity bar's empty half. */
const CLIP = { x: 48, y: 0, width: 1232, height: 560 };

let receiver;
let bench;

before(async () => {
  receiver = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"success":true,"message":"conversion registered"}');
  });
  await new Promise((done) => receiver.listen(0, '127.0.0.1', done));
  // The examples' lead postback, sent to this machine instead of a tracker.
  const lead = readFileSync(join(repoRoot, 'examples', 'keitaro.webhook'), 'utf8').split('\n').find((line) => line.includes('status=lead&sub_id_1'));
  const local = lead.replace('https://keitaro.yoursite.com', `http://127.0.0.1:${receiver.address().port}`);
  bench = await openWorkbench({ extraFiles: { 'try-it.webhook': `### Keitaro lead, sent to this machine\n${local}\n` } });
});

after(async () => {
  await bench?.close();
  receiver?.close();
});

async function picture(name) {
  const path = join(outDir, `${name}.png`);
  await bench.screenshot(path, CLIP);
  const bytes = statSync(path).size;
  assert.ok(bytes < MAX_PICTURE_BYTES, `${name}.png is ${bytes} bytes, over ${MAX_PICTURE_BYTES}`);
  return path;
}

test('checks and hover: the misspelt tracker field, explained', async () => {
  await bench.open('keitaro.webhook');
  // The editor's width for the long postback lines.
  await bench.key('Control+b');
  await bench.until('the squiggles', async () => (await bench.page.$$('.squiggly-error')).length >= 2);
  await bench.gotoLine(30, 1);
  await bench.hoverOn('clikid', 'GET', 'Did you mean');
  await new Promise((done) => setTimeout(done, 500));
  await picture('checks-and-hover');
  await bench.key('Escape');
});

test('completion: the tracker fields after {tracker.', async () => {
  await bench.gotoLine(29, 200);
  await bench.key('End');
  await bench.type('&sub_id_1={tracker.');
  await bench.until('the suggestions', () => bench.page.$('.suggest-widget.visible .monaco-list-row'));
  await new Promise((done) => setTimeout(done, 500));
  await picture('completion');
  await bench.key('Escape');
  await bench.key('Control+z');
});

test('the response view: the lead postback sent to a local receiver', async () => {
  await bench.open('try-it.webhook');
  await bench.gotoLine(2, 5);
  await bench.command('Webhook Templates: Send Test Webhook');
  // The first send asks which profile to use: lead, the first.
  await bench.until('the profile picker', () => bench.quickPick());
  await bench.key('Enter');
  const tab = 'Keitaro lead, sent to this machine.webhook-response';
  await bench.until('the answer', async () => (await bench.editorLines(tab))?.some((line) => line.startsWith('HTTP 200')));
  await picture('response-view');
});
