// The send as a person meets it, in a VS Code window driven by keys: the profile asked once and shown in the status
// bar, the host confirmation whose Enter does not send, one response tab per request, a send refused for empty values
// that offers another profile. Run: node --test test/e2e/ui/ (after `node esbuild.mjs`).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { openWorkbench, outsideAddress } from './workbench.mjs';

const FIELDS = {
  placeholderSyntax: 'braces',
  customFields: { geo: { type: 'text', description: 'Country' } },
  trackerFields: { clickid: { description: 'Click id' } },
  profiles: {
    lead: { 'tracker.clickid': 'click-lead', geo: 'DE' },
    blank: { 'tracker.clickid': 'click-blank', geo: '' },
  },
};

const arrivals = [];
let receiver;
let host;
let bench;

const TAB = 'Lead postback.webhook-response';

const focusedButton = (dialog) => dialog.buttons.find((button) => button.focused)?.label;

before(async () => {
  receiver = createServer((request, response) => {
    arrivals.push(new URL(request.url ?? '/', 'http://receiver'));
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"success":true}');
  });
  await new Promise((done) => receiver.listen(0, '0.0.0.0', done));
  host = `${outsideAddress()}:${receiver.address().port}`;
  bench = await openWorkbench({
    extraFiles: {
      'ui-send/webhook-fields.json': JSON.stringify(FIELDS, null, 2),
      'ui-send/postback.webhook': `### Lead postback\nGET http://${host}/k3y/postback?subid={tracker.clickid}&status=lead&sub_id_1={geo}\n`,
    },
  });
  await bench.open('ui-send/postback.webhook');
  await bench.until('the profile in the status bar', async () => (await bench.statusBar()).includes('Profile: examples only'));
});

after(async () => {
  await bench?.close();
  receiver?.close();
});

test('the first send asks for a profile once and the status bar shows it', async () => {
  await bench.gotoLine(2, 5);
  await bench.command('Webhook Templates: Send Test Webhook');
  const rows = await bench.until('the profile picker', () => bench.quickPick());
  assert.match(rows[0].text, /lead/);
  assert.match(rows[0].text, /tracker\.clickid=click-lead/, 'the picker shows what the profile sets');
  assert.ok(rows.every((row) => !row.checked), 'nothing is marked before a choice');
  await bench.type('lead');
  await bench.key('Enter');
  await bench.until('"Profile: lead" in the status bar', async () => (await bench.statusBar()).includes('Profile: lead'));
});

test('Enter on the host confirmation opens the preview and sends nothing; the dialog shows request, profile, record', async () => {
  const dialog = await bench.until('the host confirmation', () => bench.dialog());
  assert.match(dialog.message, new RegExp(`Send a test webhook to ${host.replace(/\./g, '\\.')}\\?`));
  // The dialog draws its buttons in the platform's order; the default is the one with the focus, which Enter presses.
  assert.equal(focusedButton(dialog), 'Preview', `buttons: ${JSON.stringify(dialog.buttons)}`);
  assert.ok(dialog.buttons.some((button) => button.label === 'Cancel'), 'Escape and Cancel are there');
  assert.ok(dialog.detail.includes(`GET http://${host}/k3y/postback?subid=click-lead&status=lead&sub_id_1=DE`), dialog.detail);
  assert.match(dialog.detail, /Profile: lead/);
  assert.match(dialog.detail, /Keitaro records "lead" on click click-lead/);
  await bench.key('Enter');
  await bench.until('the preview tab', async () => (await bench.tabs()).includes(TAB));
  assert.equal(await bench.dialog(), null);
  assert.equal(arrivals.length, 0, 'Enter sent the webhook');
});

test('"Send to host" sends; the answer replaces the preview in the same tab', async () => {
  await bench.open('ui-send/postback.webhook');
  await bench.gotoLine(2, 5);
  await bench.command('Webhook Templates: Send Test Webhook');
  await bench.until('the host confirmation', () => bench.dialog());
  await bench.tabToButton(`Send to ${host}`);
  await bench.key('Enter');
  await bench.until('the webhook to arrive', () => arrivals.length === 1);
  assert.equal(arrivals[0].searchParams.get('subid'), 'click-lead');
  const lines = await bench.until('the answer in the tab', async () => {
    const shown = await bench.editorLines(TAB);
    return shown?.some((line) => line.startsWith('HTTP 200')) && shown;
  });
  assert.match(lines[0], /^### Lead postback \(profile lead\) · /);
  assert.equal((await bench.tabs()).filter((tab) => tab === TAB).length, 1, 'a second tab opened for the same request');
});

test('a send with empty values offers another profile first (Enter) and sends with the pick', async () => {
  await bench.command('Webhook Templates: Select Sample Profile');
  const rows = await bench.until('the profile picker', () => bench.quickPick());
  assert.equal(rows[0].checked, true, 'the current profile is marked and first');
  assert.match(rows[0].text, /lead.*current/);
  await bench.type('blank');
  await bench.key('Enter');
  await bench.until('"Profile: blank" in the status bar', async () => (await bench.statusBar()).includes('Profile: blank'));
  await bench.open('ui-send/postback.webhook');
  await bench.gotoLine(2, 5);
  await bench.command('Webhook Templates: Send Test Webhook');
  const dialog = await bench.until('the empty-values question', () => bench.dialog());
  // A message without a detail is drawn in the detail's place.
  assert.match(dialog.message + dialog.detail, /Empty for this profile: \{geo\}\./);
  assert.deepEqual(dialog.buttons.map((button) => button.label).sort(), ['Cancel', 'Choose another profile', 'Send anyway']);
  assert.equal(focusedButton(dialog), 'Choose another profile');
  await bench.key('Enter');
  await bench.until('the profile picker', () => bench.quickPick());
  await bench.type('lead');
  await bench.key('Enter');
  await bench.until('the second webhook to arrive', () => arrivals.length === 2);
  assert.equal(arrivals[1].searchParams.get('sub_id_1'), 'DE');
  assert.ok((await bench.statusBar()).includes('Profile: lead'));
});
