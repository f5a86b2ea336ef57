// "Send All Webhooks in File" as a person meets it, in a VS Code window driven by keys: one question for every new
// host of the run before anything is sent, whose Enter previews instead of sending; the hosts remembered once
// confirmed; the summary in one tab; each send in Send History; in a script file, the flow asked for (the cursor's
// first) and one question for the requests with empty values, whose Enter leaves them out.
// Run: node --test test/e2e/ui/ (after `node esbuild.mjs`).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { openWorkbench, outsideAddress } from './workbench.mjs';

const FIELDS = {
  placeholderSyntax: 'braces',
  customFields: { geo: { type: 'text', description: 'Country' } },
  trackerFields: { clickid: { description: 'Click id' } },
  profiles: { lead: { 'tracker.clickid': 'click-lead', chatId: 482913377, geo: '' } },
};

const arrivals = [];
const receivers = [];
let hosts;
let bench;

const TAB = 'Send all: postbacks.webhook.webhook-summary';
const PREVIEW_TAB = 'Preview all: postbacks.webhook.webhook-response';

const focusedButton = (dialog) => dialog.buttons.find((button) => button.focused)?.label;

/** A receiver on every address of the machine, on a port of its own: each port is a host of its own to confirm. */
async function startReceiver() {
  const receiver = createServer((request, response) => {
    arrivals.push(`${request.socket.localPort}${request.url}`);
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"success":true}');
  });
  await new Promise((done) => receiver.listen(0, '0.0.0.0', done));
  receivers.push(receiver);
  return receiver.address().port;
}

before(async () => {
  const address = outsideAddress();
  const [tracker, partner] = [await startReceiver(), await startReceiver()];
  hosts = [`${address}:${tracker}`, `${address}:${partner}`];
  const template = [
    '### Keitaro lead',
    `GET http://${hosts[0]}/k3y/postback?subid={tracker.clickid}&status=lead`,
    '',
    '### Partner',
    `GET http://${hosts[1]}/partner?chat={chatId}`,
    '',
    '### Local',
    `GET http://127.0.0.1:${tracker}/local?chat={chatId}`,
    '',
    '### Mistake',
    `GET http://${hosts[0]}/mistake?chat={chatid}`,
    '',
  ].join('\n');
  const step = (key, path) => [`      - key: ${key}`, '        type: webhook', `        url: "http://127.0.0.1:${tracker}${path}"`];
  const script = [
    'flows:',
    '  - key: main',
    '    title: Main',
    '    steps:',
    ...step('main_a', '/main/a'),
    ...step('main_b', '/main/b'),
    '  - key: deposit',
    '    title: Deposit',
    '    steps:',
    ...step('deposit_plain', '/deposit/plain?chat={chatId}'),
    ...step('deposit_geo', '/deposit/geo?geo={geo}'),
    '',
  ].join('\n');
  bench = await openWorkbench({
    extraFiles: { 'ui-send-all/webhook-fields.json': JSON.stringify(FIELDS, null, 2), 'ui-send-all/postbacks.webhook': template, 'ui-send-all/bot.script.yaml': script },
  });
  await bench.open('ui-send-all/postbacks.webhook');
  await bench.until('the profile in the status bar', async () => (await bench.statusBar()).includes('Profile: examples only'));
});

after(async () => {
  await bench?.close();
  for (const receiver of receivers) receiver.close();
});

test('one question lists every new host of the run (not loopback, not the refused request\'s); Enter previews and sends nothing', async () => {
  await bench.command('Webhook Templates: Send All Webhooks in File');
  await bench.until('the profile picker', () => bench.quickPick());
  await bench.type('lead');
  await bench.key('Enter');
  const dialog = await bench.until('the hosts question', () => bench.dialog());
  assert.equal(dialog.message, `Send test webhooks to ${hosts[0]}, ${hosts[1]}? A live tracker records each as a real conversion.`);
  // The dialog draws each line of its detail as an element of its own: their texts run together here.
  for (const line of [`${hosts[0]}: Keitaro lead`, `${hosts[1]}: Partner`, 'Profile: lead']) assert.ok(dialog.detail.includes(line), `${line} not in ${dialog.detail}`);
  assert.ok(!/127\.0\.0\.1|Mistake|Local/.test(dialog.detail), `a loopback or refused request is in the question: ${dialog.detail}`);
  assert.equal(focusedButton(dialog), 'Preview all', `buttons: ${JSON.stringify(dialog.buttons)}`);
  assert.deepEqual(dialog.buttons.map((button) => button.label).sort(), ['Cancel', 'Preview all', 'Send to 2 hosts']);
  await bench.key('Enter');
  const preview = await bench.until('the preview of the run', async () => {
    const lines = await bench.editorLines(PREVIEW_TAB);
    return lines?.some((line) => line.startsWith('### Mistake')) && lines;
  });
  // The response view wraps long lines: its lines are read joined.
  assert.ok(preview.join('').includes(`GET http://${hosts[1]}/partner?chat=482913377`), preview.join('\n'));
  assert.equal(await bench.dialog(), null);
  assert.deepEqual(arrivals, [], 'Enter sent webhooks');
});

test('"Send to 2 hosts" sends the run in turn, the loopback one too; the summary opens as a table in one tab', async () => {
  await bench.open('ui-send-all/postbacks.webhook');
  await bench.command('Webhook Templates: Send All Webhooks in File');
  await bench.until('the hosts question', () => bench.dialog());
  await bench.tabToButton('Send to 2 hosts');
  await bench.key('Enter');
  await bench.until('three webhooks to arrive', () => arrivals.length === 3);
  assert.deepEqual(
    arrivals.map((arrival) => arrival.replace(/^\d+/, '')),
    ['/k3y/postback?subid=click-lead&status=lead', '/partner?chat=482913377', '/local?chat=482913377'],
  );
  const lines = await bench.until('the summary in the tab', async () => {
    const shown = await bench.editorLines(TAB);
    return shown?.some((line) => line.startsWith('Mistake')) && shown;
  });
  assert.match(lines[0], /^### Send all: postbacks\.webhook \(profile lead\) · /);
  assert.equal(lines[1], '# 4 requests · 2xx: 3 · refused: 1');
  assert.match(lines.find((line) => line.startsWith('Keitaro lead')), /✓ 200\s+\d+ ms\s+Keitaro records "lead" on click click-lead/);
  assert.match(lines.find((line) => line.startsWith('Mistake')), /✗ refused\s+—\s+no value for \{chatid\}/);
  assert.equal((await bench.tabs()).filter((tab) => tab === TAB).length, 1, 'a second tab opened for the same run');
  // A table is not wrapped (the response view wraps): each row is one line of the editor, its columns aligned.
  const header = lines.find((line) => line.startsWith('Request'));
  assert.match(header, /^Request\s+Status\s+Time\s+Receiver records, or why not$/);
  assert.equal(lines.find((line) => line.startsWith('Partner')).indexOf('✓'), header.indexOf('Status'));
});

test('the hosts once confirmed are not asked about again', async () => {
  await bench.open('ui-send-all/postbacks.webhook');
  await bench.command('Webhook Templates: Send All Webhooks in File');
  await bench.until('three more webhooks to arrive', () => arrivals.length === 6);
  assert.equal(await bench.dialog(), null);
});

test('each send of the run is in Send History', async () => {
  await bench.command('Webhook Templates: Show Send History');
  const rows = await bench.until('the history', () => bench.quickPick());
  const labels = rows.map((row) => row.text);
  for (const name of ['GET Keitaro lead', 'GET Partner', 'GET Local']) assert.ok(labels.some((label) => label.includes(name)), `${name} not in ${JSON.stringify(labels)}`);
  assert.ok(!labels.some((label) => label.includes('Mistake')), 'a refused request is in the history');
  await bench.key('Escape');
});

test('in a script file the flow is asked for, the cursor\'s first; one question for empty values, whose Enter leaves them out', async () => {
  await bench.open('ui-send-all/bot.script.yaml');
  await bench.gotoLine(16, 9);
  const before = arrivals.length;
  await bench.command('Webhook Templates: Send All Webhooks in File');
  const rows = await bench.until('the flow picker', () => bench.quickPick());
  assert.deepEqual(rows.map((row) => row.text.split(/[\s,]+/)[0]), ['deposit', 'main', 'All']);
  assert.match(rows[0].text, /Deposit · at the cursor/);
  assert.match(rows[2].text, /All flows.*4 webhook steps/);
  await bench.key('Enter');
  const dialog = await bench.until('the empty-values question', () => bench.dialog());
  assert.match(dialog.message + dialog.detail, /Some values are empty for this profile/);
  assert.ok(dialog.detail.includes('deposit_geo: empty: {geo}') || dialog.message.includes('deposit_geo: empty: {geo}'), JSON.stringify(dialog));
  assert.equal(focusedButton(dialog), 'Skip these requests');
  await bench.key('Enter');
  await bench.until('the deposit webhook to arrive', () => arrivals.length === before + 1);
  assert.match(arrivals.at(-1), /\/deposit\/plain\?chat=482913377$/);
  const lines = await bench.until('the summary of the flow', async () => {
    const shown = await bench.editorLines('Send all: bot.script.yaml, flow deposit.webhook-summary');
    return shown?.some((line) => line.startsWith('deposit_geo')) && shown;
  });
  assert.match(lines.find((line) => line.startsWith('deposit_geo')), /✗ refused\s+—\s+skipped: empty: \{geo\}/);
  assert.ok(!lines.some((line) => line.startsWith('main_')), 'another flow was sent');
});
