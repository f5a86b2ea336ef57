// Protocol tests of find references and rename across a generated 500-file workspace, unopened files and the fields file included.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ResponseError, type Location, type Position } from 'vscode-languageserver-protocol';
import { fileUri, type LspClient } from './lsp-client';
import { positionOf, readText, removeWorkspace } from './workspace';
import {
  FIELDS_TEXT,
  SCRIPT_COUNT,
  applyToDisk,
  editsByUri,
  generateWorkspace,
  isBrokenWebhook,
  prepareRename,
  references,
  rename,
  startSession,
  waitForAllPublished,
  waitUntil,
  webhookPath,
  where,
  type GeneratedWorkspace,
} from './workspace-helpers';

const OPEN_WEBHOOK = 1;
/** `{tracker.clickid}` uses: the webhooks without the typo, every script, and the bot variable's value in the fields file. */
const CLICKID_USES = 270 + SCRIPT_COUNT + 1;
/** The definition's key and the two profile keys `"tracker.clickid"`. */
const CLICKID_DECLARATIONS = 3;

const sorted = (root: string, locations: Location[] | null) => (locations ?? []).map((location) => where(root, location)).sort();

/** The ResponseError a request fails with; fails the test when it succeeds. */
async function refusal(request: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    const result = await request;
    assert.fail(`expected an error, got ${JSON.stringify(result)}`);
  } catch (error) {
    if (!(error instanceof ResponseError)) throw error;
    return error;
  }
}

describe('references and rename across a generated workspace', () => {
  let ws: GeneratedWorkspace;
  let client: LspClient;
  let webhookUri: string;
  let webhookText: string;
  /** On `clickid` inside `{tracker.clickid}` of the open webhook. */
  let onClickid: Position;
  const fieldsPosition = (needle: string, delta: number) => positionOf(FIELDS_TEXT, needle, delta);

  before(async () => {
    ws = generateWorkspace();
    client = (await startSession([ws.root])).client;
    await waitForAllPublished(client, [...ws.templateUris, ws.fieldsUri], 30000);
    webhookUri = ws.webhookUris[OPEN_WEBHOOK];
    webhookText = readText(ws.root, webhookPath(OPEN_WEBHOOK));
    onClickid = positionOf(webhookText, 'clickid}', 3);
    await client.open(webhookUri, 'webhook-template', webhookText);
    await client.open(ws.fieldsUri, 'json', FIELDS_TEXT);
  });

  after(async () => {
    await client?.stop();
    if (ws) removeWorkspace(ws.root);
  });

  /** Every place `clickid` is written as a use: each webhook and script, unopened ones included, and the bot variable. */
  function expectedUses(): string[] {
    const webhooks = ws.webhookUris.filter((_, index) => !isBrokenWebhook(index)).map((uri) => where(ws.root, { uri, range: rangeOfKey(1, 56) }));
    const scripts = ws.scriptUris.map((uri) => where(ws.root, { uri, range: rangeOfKey(9, 66) }));
    const variable = where(ws.root, { uri: ws.fieldsUri, range: keyRange(FIELDS_TEXT, '{{tracker.clickid}}', '{{tracker.'.length) });
    return [...webhooks, ...scripts, variable].sort();
  }

  function expectedDeclarations(): string[] {
    const definition = keyRange(FIELDS_TEXT, '"clickid":', 1);
    const profiles = [0, 1].map((occurrence) => keyRange(FIELDS_TEXT, '"tracker.clickid"', '"tracker.'.length, occurrence));
    return [definition, ...profiles].map((range) => where(ws.root, { uri: ws.fieldsUri, range }));
  }

  test('references of {tracker.clickid} list every use in every file, opened or not', async () => {
    const found = sorted(ws.root, await references(client, webhookUri, onClickid, false));
    assert.equal(found.length, CLICKID_USES);
    assert.deepEqual(found, expectedUses());
  });

  test('with includeDeclaration, the definition and the profile keys are listed too', async () => {
    const found = sorted(ws.root, await references(client, webhookUri, onClickid, true));
    assert.equal(found.length, CLICKID_USES + CLICKID_DECLARATIONS);
    assert.deepEqual(found, [...expectedUses(), ...expectedDeclarations()].sort());
  });

  test('references from the definition key in the fields file give the same set', async () => {
    const fromPlaceholder = sorted(ws.root, await references(client, webhookUri, onClickid, true));
    const fromDefinition = sorted(ws.root, await references(client, ws.fieldsUri, fieldsPosition('"clickid":', 3), true));
    assert.deepEqual(fromDefinition, fromPlaceholder);
  });

  test('references from a profile key "tracker.clickid" give the same set', async () => {
    const fromPlaceholder = sorted(ws.root, await references(client, webhookUri, onClickid, true));
    const fromProfile = sorted(ws.root, await references(client, ws.fieldsUri, fieldsPosition('"tracker.clickid"', 12), true));
    assert.deepEqual(fromProfile, fromPlaceholder);
  });

  test('references of a custom field count its uses in both dialects', async () => {
    const found = await references(client, webhookUri, positionOf(webhookText, '{geo}', 2), false);
    // {geo} in 300 webhooks and 200 script URLs, {{fields.geo}} in the 175 scripts without the typo.
    assert.equal(found?.length, 300 + 200 + 175);
  });

  test('prepareRename on a placeholder returns the key part of it', async () => {
    const prepared = await prepareRename(client, webhookUri, onClickid);
    assert.deepEqual(prepared, { range: keyRange(webhookText, '{tracker.clickid}', '{tracker.'.length), placeholder: 'clickid' });
  });

  test('prepareRename on a built-in key is refused with a clear message', async () => {
    const uri = fileUri(`${ws.root}/scratch/builtin.webhook`);
    const text = 'GET https://tracker.example.com/p?chat={chatId}&geo={geo}\n';
    await client.open(uri, 'webhook-template', text);
    const error = await refusal(prepareRename(client, uri, positionOf(text, 'chatId', 2)));
    assert.match(error.message, /"chatId" is built in/);
    await client.close(uri);
  });

  for (const newName of ['1abc', 'a-b', '']) {
    test(`rename to the invalid name "${newName}" is refused`, async () => {
      const error = await refusal(rename(client, webhookUri, onClickid, newName));
      assert.match(error.message, /is not a valid key/);
    });
  }

  test('rename to a name the section already defines is refused', async () => {
    const error = await refusal(rename(client, webhookUri, onClickid, 'sub1'));
    assert.match(error.message, /trackerFields already has "sub1" in webhook-fields\.json/);
  });

  test('rename from the definition key or from a profile key gives the same edit as from a placeholder', async () => {
    const shape = (edit: Awaited<ReturnType<typeof rename>>) =>
      [...editsByUri(edit!)].flatMap(([uri, edits]) => edits.map((e) => `${where(ws.root, { uri, range: e.range })} ${e.newText}`)).sort();
    const fromPlaceholder = shape(await rename(client, webhookUri, onClickid, 'click_id'));
    assert.deepEqual(shape(await rename(client, ws.fieldsUri, fieldsPosition('"clickid":', 3), 'click_id')), fromPlaceholder);
    assert.deepEqual(shape(await rename(client, ws.fieldsUri, fieldsPosition('"tracker.clickid"', 12), 'click_id')), fromPlaceholder);
  });

  test('rename clickid → click_id: one edit changes every use, the definition and the profile keys; the workspace stays clean', async () => {
    const problemsBefore = problemCodes(client, ws.templateUris);
    const startedAt = performance.now();
    const edit = await rename(client, webhookUri, onClickid, 'click_id');
    const renameMs = performance.now() - startedAt;
    assert.ok(edit);
    const byUri = editsByUri(edit);
    const editCount = [...byUri.values()].reduce((sum, edits) => sum + edits.length, 0);
    console.log(`[timing] rename clickid → click_id: ${renameMs.toFixed(1)} ms, ${editCount} edits in ${byUri.size} files, ${JSON.stringify(edit).length} bytes`);
    assert.equal(byUri.size, 270 + SCRIPT_COUNT + 1);
    assert.equal(editCount, CLICKID_USES + CLICKID_DECLARATIONS);
    assert.ok(byUri.get(ws.fieldsUri)?.every((change) => change.newText === 'click_id'));

    const since = client.mark();
    const changed = applyToDisk(edit);
    for (const uri of [webhookUri, ws.fieldsUri]) await client.change(uri, [{ text: readFileSync(new URL(uri), 'utf8') }]);
    for (const uri of changed) await client.fileChanged(uri);

    const fields = readFileSync(ws.fieldsPath, 'utf8');
    assert.equal(fields, FIELDS_TEXT.replaceAll('clickid', 'click_id'));
    assert.equal(readText(ws.root, webhookPath(2)).includes('{tracker.click_id}'), true);

    const rechecked = changed.filter((uri) => uri !== ws.fieldsUri);
    await waitUntil(() => rechecked.every((uri) => (client.latest(uri)?.seq ?? 0) > since), 15000, 'every renamed template to be checked again');
    await quiet(client, 500, 10000);
    assert.deepEqual(problemCodes(client, ws.templateUris), problemsBefore);
    const fieldsHints = client.latest(ws.fieldsUri)!.params.diagnostics.filter((d) => d.code === 'fields-unused').map((d) => d.message);
    assert.deepEqual(fieldsHints, ['"orphan_field" (customFields) is not used by any template in the workspace.']);
  });
});

/** The range of a key `delta` characters into the `occurrence`-th `needle`, as long as the key (`clickid` or `click_id`). */
function keyRange(text: string, needle: string, delta: number, occurrence = 0) {
  const start = positionOf(text, needle, delta, occurrence);
  return { start, end: { line: start.line, character: start.character + 'clickid'.length } };
}

function rangeOfKey(line: number, character: number) {
  return { start: { line, character }, end: { line, character: character + 'clickid'.length } };
}

/** Each template's newest problem codes, by URI. */
function problemCodes(client: LspClient, uris: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(uris.map((uri) => [uri, (client.latest(uri)?.params.diagnostics ?? []).map((d) => String(d.code))]));
}

/** Waits until no publication arrives for `quietMs`. */
async function quiet(client: LspClient, quietMs: number, timeoutMs: number): Promise<void> {
  let count = client.mark();
  let since = performance.now();
  await waitUntil(() => {
    if (client.mark() !== count) [count, since] = [client.mark(), performance.now()];
    return performance.now() - since >= quietMs;
  }, timeoutMs, 'the server to stop publishing');
}
