// Protocol tests of the hover on a request line: the request as sent with the profile the editor made active
// (webhookTemplates/activeProfile), secrets from ${env:…} as ***, what Keitaro records and its table.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, fileUri } from './lsp-client';
import { copyExamples, positionOf, rangeOf, readText, removeWorkspace } from './workspace';
import { setActiveProfile } from './workspace-helpers';

/** The "live-click" profile of examples/webhook-fields.json reads these; the server inherits this process's environment. */
const SECRET_CLICK = 'SECRET-CLICK-42';
const SECRET_CHAT = '777000111';

describe('request-line hover over the protocol', () => {
  let root: string;
  let client: LspClient;
  let webhookUri: string;
  let webhookText: string;
  let scriptUri: string;
  let scriptText: string;

  before(async () => {
    process.env.KEITARO_TEST_CLICKID = SECRET_CLICK;
    process.env.TEST_CHAT_ID = SECRET_CHAT;
    root = copyExamples();
    client = await LspClient.start({ folders: [root] });
    webhookUri = fileUri(join(root, 'keitaro.webhook'));
    webhookText = readText(root, 'keitaro.webhook');
    scriptUri = fileUri(join(root, 'funnel.script.yaml'));
    scriptText = readText(root, 'funnel.script.yaml');
    await client.open(webhookUri, 'webhook-template', webhookText);
    await client.open(scriptUri, 'yaml', scriptText);
    await client.waitForDiagnostics(webhookUri);
  });

  after(async () => {
    await client?.stop();
    if (root) removeWorkspace(root);
  });

  /** The hover's markdown on the host of the "Keitaro lead" request. */
  async function leadHover(): Promise<{ value: string; range: unknown }> {
    const hover = await client.hover(webhookUri, positionOf(webhookText, 'GET https://keitaro.yoursite.com', 'GET https://kei'.length));
    assert.ok(hover, 'no hover');
    return { value: (hover.contents as MarkupContent).value, range: hover.range };
  }

  const LEAD_LINE = 'GET https://keitaro.yoursite.com/25123a/postback?subid={tracker.clickid}&status=lead&sub_id_1={chatId}&sub_id_2={geo}';

  test('without an active profile: the request line as sent with examples, what Keitaro records, its table', async () => {
    const { value, range } = await leadHover();
    const sections = value.split('\n\n---\n\n');
    assert.equal(sections[0], [
      '**Sent as** (no profile: examples and built-in samples)',
      '',
      '```text',
      'GET https://keitaro.yoursite.com/25123a/postback?subid=7f3a9c01&status=lead&sub_id_1=482913377&sub_id_2=KZ',
      '```',
    ].join('\n'));
    assert.match(sections[1], /^Keitaro records "lead" on click 7f3a9c01\./);
    assert.match(sections[2], /^\*\*Keitaro\*\* — parameters/);
    assert.deepEqual(range, rangeOf(webhookText, LEAD_LINE));
  });

  test('with the active profile "lead" chosen in the editor, its values are sent', async () => {
    await setActiveProfile(client, 'live-click');
    await setActiveProfile(client, 'lead');
    const { value } = await leadHover();
    assert.match(value, /^\*\*Sent as\*\* \(profile "lead"\)\n/);
    assert.match(value, /\nGET https:\/\/keitaro\.yoursite\.com\/25123a\/postback\?subid=7f3a9c01&status=lead&sub_id_1=482913377&sub_id_2=KZ\n/);
  });

  test('with a profile reading ${env:…}, the secrets are *** in the URL, the record and the table, and never shown', async () => {
    await setActiveProfile(client, 'live-click');
    const { value } = await leadHover();
    assert.match(value, /^\*\*Sent as\*\* \(profile "live-click"\)\n/);
    assert.match(value, /\nGET https:\/\/keitaro\.yoursite\.com\/25123a\/postback\?subid=\*\*\*&status=lead&sub_id_1=\*\*\*&sub_id_2=UZ\n/);
    assert.match(value, /Values read from environment variables are shown as `\*\*\*`\./);
    assert.match(value, /Keitaro records "lead" on click \*\*\*\./);
    assert.ok(!value.includes(SECRET_CLICK) && !value.includes(SECRET_CHAT), value);
  });

  test('a script step\'s url: value gets the same hover, {stepKey} being the step\'s key', async () => {
    await setActiveProfile(client, 'lead');
    const hover = await client.hover(scriptUri, positionOf(scriptText, 'url: "https://keitaro', 'url: "https://kei'.length));
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /^\*\*Sent as\*\* \(profile "lead"\)\n\n```text\nGET https:\/\/keitaro\.yoursite\.com\/25123a\/postback\?subid=7f3a9c01&status=lead&sub_id_1=482913377&sub_id_2=lead_postback\n```/);
    assert.match(value, /Keitaro records "lead" on click 7f3a9c01\./);
  });

  test('a profile cleared in the editor goes back to examples', async () => {
    await setActiveProfile(client, undefined);
    assert.match((await leadHover()).value, /^\*\*Sent as\*\* \(no profile: examples and built-in samples\)/);
  });
});
