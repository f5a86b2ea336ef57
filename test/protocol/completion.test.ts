// Protocol tests of completion: keys offered after `{`, `{tracker.` and `{{`, and the edits they make.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, MarkupContent, Position, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, fileUri, itemsOf } from './lsp-client';
import { applyEdits, lineAt, positionOf, readText } from './workspace';
import { serveExamples, stopExamples } from './examples-session';

const TRACKER_FIELDS = ['buyer', 'campaign', 'clickid', 'sub1', 'sub2'];
const CUSTOM_FIELDS = ['deposit_amount', 'geo', 'refId', 'reg_date', 'trader_id'];

function byLabel(items: CompletionItem[], label: string): CompletionItem {
  const item = items.find((candidate) => candidate.label === label);
  assert.ok(item, `no item "${label}" among ${items.map((candidate) => candidate.label).join(', ')}`);
  return item;
}

function documentationOf(item: CompletionItem): string {
  const documentation = item.documentation;
  return typeof documentation === 'string' ? documentation : ((documentation as MarkupContent | undefined)?.value ?? '');
}

/** The item's plain TextEdit (the server answers TextEdit, not InsertReplaceEdit). */
function textEditOf(item: CompletionItem): TextEdit {
  assert.ok(item.textEdit && 'range' in item.textEdit, `item "${item.label}" has no textEdit with a range`);
  return item.textEdit as TextEdit;
}

describe('completion over the protocol', () => {
  let root: string;
  let client: LspClient;
  let opened = 0;

  before(async () => {
    ({ root, client } = await serveExamples());
  });

  after(() => stopExamples({ root, client }));

  /** Opens `text` under a fresh name in the workspace, inserts `typed` at `at`, and completes at its end. */
  async function typeAndComplete(extension: string, text: string, at: Position, typed: string) {
    const uri = fileUri(join(root, `typed-${++opened}${extension}`));
    await client.open(uri, extension === '.webhook' ? 'webhook-template' : 'yaml', text);
    await client.change(uri, [{ range: { start: at, end: at }, text: typed }]);
    const edited = applyEdits(text, [{ range: { start: at, end: at }, newText: typed }]);
    const cursor = { line: at.line, character: at.character + typed.length };
    return { uri, edited, cursor, items: itemsOf(await client.completion(uri, cursor)) };
  }

  test('after {tracker. in a URL the items are the tracker fields, each closing the brace', async () => {
    const text = readText(root, 'keitaro.webhook');
    const endOfLine = { line: 10, character: lineAt(text, 10).length };
    const { edited, cursor, items } = await typeAndComplete('.webhook', text, endOfLine, '&sub_id_3={tracker.');
    assert.deepEqual(items.map((item) => item.label).sort(), TRACKER_FIELDS);
    for (const item of items) {
      const edit = textEditOf(item);
      assert.deepEqual(edit.range, { start: cursor, end: cursor }, `range of ${item.label}`);
      assert.equal(edit.newText, `${item.label}}`);
    }
    const applied = applyEdits(edited, [textEditOf(byLabel(items, 'clickid'))]);
    assert.equal(lineAt(applied, 10), `${lineAt(text, 10)}&sub_id_3={tracker.clickid}`);
  });

  test('tracker items document the description and example from the fields file', async () => {
    const text = readText(root, 'keitaro.webhook');
    const { items } = await typeAndComplete('.webhook', text, { line: 10, character: lineAt(text, 10).length }, '&x={tracker.');
    const sub1 = documentationOf(byLabel(items, 'sub1'));
    assert.match(sub1, /Campaign sub-id/);
    assert.match(sub1, /fb_ads/);
  });

  test('inside {tracker.cl|ickid} the edit replaces the whole key through the }, so the cursor lands after it, with no second brace', async () => {
    const text = readText(root, 'keitaro.webhook');
    const uri = fileUri(join(root, `mid-key.webhook`));
    await client.open(uri, 'webhook-template', text);
    // The first request line, not the header comment that also mentions {tracker.clickid}.
    const cursor = positionOf(text, 'subid={tracker.clickid}', 'subid={tracker.cl'.length);
    assert.equal(cursor.line, 7);
    const items = itemsOf(await client.completion(uri, cursor));
    const keyStart = cursor.character - 2;
    const sub1 = textEditOf(byLabel(items, 'sub1'));
    assert.deepEqual(sub1.range, { start: { line: cursor.line, character: keyStart }, end: { line: cursor.line, character: keyStart + 'clickid}'.length } });
    assert.equal(sub1.newText, 'sub1}');
    const applied = applyEdits(text, [sub1]);
    assert.equal(lineAt(applied, cursor.line), lineAt(text, cursor.line).replace('{tracker.clickid}', '{tracker.sub1}'));
  });

  test('after {{ in a YAML message the items are the message built-ins and the three namespaces', async () => {
    const text = readText(root, 'funnel.script.yaml');
    const line = 25;
    const closingQuote = lineAt(text, line).lastIndexOf('"');
    const { edited, items } = await typeAndComplete('.script.yaml', text, { line, character: closingQuote }, ' {{');
    const labels = items.map((item) => item.label);
    for (const label of ['fields.', 'tracker.', 'variables.', 'username', 'chatId', 'name', 'createdAt']) assert.ok(labels.includes(label), `missing ${label} in ${labels}`);
    assert.ok(!labels.includes('stepKey'), 'stepKey is a webhook-only key');
    assert.ok(!labels.includes('geo'), 'a message reads custom fields as fields.KEY');
    const applied = applyEdits(edited, [textEditOf(byLabel(items, 'username'))]);
    assert.equal(lineAt(applied, line), `${lineAt(text, line).slice(0, closingQuote)} {{username}}"`);
  });

  test('after {{fields. in a YAML message the items are the custom fields', async () => {
    const text = readText(root, 'funnel.script.yaml');
    const line = 25;
    const closingQuote = lineAt(text, line).lastIndexOf('"');
    const { items } = await typeAndComplete('.script.yaml', text, { line, character: closingQuote }, ' {{fields.');
    assert.deepEqual(items.map((item) => item.label).sort(), CUSTOM_FIELDS);
    assert.equal(textEditOf(byLabel(items, 'geo')).newText, 'geo}}');
  });

  test('after { in a webhook URL the items are the webhook built-ins, custom fields and tracker.', async () => {
    const text = readText(root, 'keitaro.webhook');
    const { items } = await typeAndComplete('.webhook', text, { line: 10, character: lineAt(text, 10).length }, '&v={');
    const labels = items.map((item) => item.label).sort();
    assert.deepEqual(labels, ['chatId', 'createdAt', ...CUSTOM_FIELDS, 'stepKey', 'tracker.', 'username'].sort());
    const geo = documentationOf(byLabel(items, 'geo'));
    assert.match(geo, /Country/);
    assert.match(geo, /KZ/);
    const username = documentationOf(byLabel(items, 'username'));
    assert.match(username, /ivan_petrov/);
    assert.equal(textEditOf(byLabel(items, 'chatId')).newText, 'chatId}');
  });

  test('no items outside a placeholder, e.g. in a header name', async () => {
    const text = readText(root, 'keitaro.webhook');
    const uri = fileUri(join(root, 'outside.webhook'));
    await client.open(uri, 'webhook-template', text);
    const items = itemsOf(await client.completion(uri, positionOf(text, 'Content-Type', 3)));
    assert.deepEqual(items, []);
  });

  test('no items in a comment line, even inside something that looks like a placeholder', async () => {
    const text = readText(root, 'keitaro.webhook');
    const uri = fileUri(join(root, 'comment.webhook'));
    await client.open(uri, 'webhook-template', text);
    const cursor = positionOf(text, '({tracker.clickid})', '({tracker.cl'.length);
    assert.equal(cursor.line, 2);
    assert.deepEqual(itemsOf(await client.completion(uri, cursor)), []);
  });
});
