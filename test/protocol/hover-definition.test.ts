// Protocol tests of hover and go to definition on placeholders.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, fileUri } from './lsp-client';
import { positionOf } from './workspace';
import { serveOpenExamples, stopExamples } from './examples-session';

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'no hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('hover and definition over the protocol', () => {
  let root: string;
  let client: LspClient;
  let webhookUri: string;
  let webhookText: string;
  let scriptUri: string;
  let scriptText: string;
  let fieldsUri: string;

  before(async () => {
    const session = await serveOpenExamples();
    ({ root, client } = session);
    ({ uri: webhookUri, text: webhookText } = session.webhook);
    ({ uri: scriptUri, text: scriptText } = session.script);
    fieldsUri = fileUri(join(root, 'webhook-fields.json'));
    await client.waitForDiagnostics(scriptUri);
  });

  after(() => stopExamples({ root, client }));

  test('hover on {tracker.clickid} gives its description, example and the no-tracker caveat', async () => {
    const at = positionOf(webhookText, 'subid={tracker.clickid}', 'subid={tra'.length);
    const hover = await client.hover(webhookUri, at);
    const markdown = markdownOf(hover);
    assert.match(markdown, /Click id the tracker gave this user/);
    assert.match(markdown, /7f3a9c01/);
    assert.match(markdown, /[Ee]mpty for users who did not come through a tracker/);
    assert.match(markdown, /webhook-fields\.json/);
    const start = positionOf(webhookText, '{tracker.clickid}', 0, 1);
    assert.deepEqual(hover!.range, { start, end: { line: start.line, character: start.character + '{tracker.clickid}'.length } });
  });

  test('hover on {username} says it may be empty', async () => {
    const at = positionOf(webhookText, 'username={username}', 'username={u'.length);
    const markdown = markdownOf(await client.hover(webhookUri, at));
    assert.match(markdown, /[Ee]mpty for users without a Telegram username/);
    assert.match(markdown, /ivan_petrov/);
  });

  test('hover on {{fields.geo}} in a message names the type, choices and definition line', async () => {
    const at = positionOf(scriptText, 'from {{fields.geo}}', 'from {{fie'.length);
    const markdown = markdownOf(await client.hover(scriptUri, at));
    assert.match(markdown, /Country/);
    assert.match(markdown, /select/);
    assert.match(markdown, /`KZ`/);
    assert.match(markdown, /line 5\b/);
  });

  test('hover outside any placeholder and request line (a comment, a header name) answers null', async () => {
    assert.equal(await client.hover(webhookUri, positionOf(webhookText, 'Placeholders use single braces', 3)), null);
    assert.equal(await client.hover(webhookUri, positionOf(webhookText, 'Content-Type', 3)), null);
  });

  test('hover on a request line outside placeholders shows the request as sent, not a placeholder', async () => {
    const markdown = markdownOf(await client.hover(webhookUri, positionOf(webhookText, 'status=lead', 'status=le'.length)));
    assert.match(markdown, /^\*\*Sent as\*\*/);
    assert.doesNotMatch(markdown, /Click id the tracker gave this user/);
  });

  test('definition of {geo} is the key geo in webhook-fields.json', async () => {
    const at = positionOf(webhookText, 'sub_id_2={geo}', 'sub_id_2={g'.length);
    assert.equal(at.line, 10);
    const answer = (await client.definition(webhookUri, at)) as Location[];
    assert.deepEqual(answer, [{ uri: fieldsUri, range: { start: { line: 4, character: 5 }, end: { line: 4, character: 8 } } }]);
  });

  test('definition of {{tracker.sub1}} in a YAML message is the key sub1 in webhook-fields.json', async () => {
    const at = positionOf(scriptText, '{{tracker.sub1}}', 12);
    const answer = (await client.definition(scriptUri, at)) as Location[];
    assert.deepEqual(answer, [{ uri: fieldsUri, range: { start: { line: 11, character: 5 }, end: { line: 11, character: 9 } } }]);
  });

  test('definition of a built-in answers no location', async () => {
    const answer = await client.definition(webhookUri, positionOf(webhookText, '{chatId}', 3));
    assert.deepEqual(answer ?? [], []);
  });
});
