// Protocol tests of receivers: the seed's Keitaro findings and their one fix, hovers, snippets, tables from settings, the active profile.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CompletionTriggerKind, type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type MarkupContent, type TextEdit } from 'vscode-languageserver-protocol';
import { DEFAULT_TEST_SETTINGS, LspClient, fileUri, itemsOf, type TestSettings } from './lsp-client';
import { applyEdits, copyExamples, lineAt, positionOf, readText, removeWorkspace, writeFile } from './workspace';
import { setActiveProfile } from './workspace-helpers';

/** Line 7 (0-based) of examples/keitaro.webhook: the Keitaro request from Chatterfy's documentation. */
const SEED_LINE = 7;
const WHOLE_FIX = 'Make this a Keitaro lead postback';

const onSeed = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.range.start.line === SEED_LINE);

/** In examples/webhook-fields.json, {tracker.clickid} has the example "7f3a9c01" and, in profile "live-click", an env value. */
const PAYOUT_FROM_CLICKID = 'GET https://k.example.com/25123a/postback?subid={tracker.clickid}&status=lead&payout={tracker.clickid}\n';
const wrongType = (diagnostics: Diagnostic[]) => diagnostics.some((diagnostic) => diagnostic.code === 'receiver-wrong-type');

describe('receivers over the protocol', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    root = copyExamples();
    writeFile(root, 'closed-payout.webhook', PAYOUT_FROM_CLICKID);
    const receivers = [{ id: 'acme', name: 'Acme', path: '^/conv$', parameters: [{ name: 'click', meaning: 'Click id', required: true }] }];
    client = await LspClient.start({ folders: [root], settings: () => ({ ...DEFAULT_TEST_SETTINGS, receivers }) as TestSettings });
  });

  after(async () => {
    await client?.stop();
    removeWorkspace(root);
  });

  async function openKeitaro(name: string) {
    const uri = fileUri(join(root, name));
    const text = readText(root, 'keitaro.webhook');
    await client.open(uri, 'webhook-template', text);
    return { uri, text, diagnostics: await client.waitForDiagnostics(uri) };
  }

  test('the seed request gets the sale warning and three sub_id_N hints, nothing else', async () => {
    const { text, diagnostics } = await openKeitaro('seed.webhook');
    const line = lineAt(text, SEED_LINE);
    const seen = onSeed(diagnostics).map((d) => [d.code, d.severity, line.slice(d.range.start.character, d.range.end.character)]);
    assert.deepEqual(seen, [
      ['receiver-default-value', 2, '/25123a/postback'],
      ['receiver-unknown-parameter', 3, 'username'],
      ['receiver-unknown-parameter', 3, 'chatid'],
      ['receiver-unknown-parameter', 3, 'startdialogue'],
    ]);
  });

  test('the sale warning offers status=lead, status=sale and the one fix, which leaves the request clean', async () => {
    const { uri, text, diagnostics } = await openKeitaro('fixed.webhook');
    const [warning] = onSeed(diagnostics);
    const actions = (((await client.codeActions(uri, warning.range, [warning])) ?? []) as CodeAction[]).filter((action) => action.kind !== 'quickfix.suppress');
    assert.deepEqual(actions.map((action) => action.title), ['Add status=lead', 'Add status=sale', WHOLE_FIX]);
    const whole = actions.find((action) => action.title === WHOLE_FIX)!;
    assert.equal(whole.isPreferred, true);
    const fixed = applyEdits(text, whole.edit!.changes![uri] as TextEdit[]);
    assert.equal(
      lineAt(fixed, SEED_LINE),
      'https://keitaro.yoursite.com/25123a/postback?subid={tracker.clickid}&sub_id_1={username}&sub_id_2={chatId}&sub_id_3={createdAt}&status=lead',
    );
    const version = await client.change(uri, [{ text: fixed }]);
    const after = await client.waitForDiagnostics(uri, (_list, params) => params.version === version);
    assert.deepEqual(after.filter((d) => String(d.code).startsWith('receiver-')), []);
  });

  test('an ignored parameter offers the rename to a free sub_id_N', async () => {
    const { uri, diagnostics } = await openKeitaro('rename.webhook');
    const username = onSeed(diagnostics)[1];
    const actions = (((await client.codeActions(uri, username.range, [username])) ?? []) as CodeAction[]).filter((action) => action.kind !== 'quickfix.suppress');
    assert.deepEqual(actions.map((action) => action.title), ['Rename to sub_id_1', WHOLE_FIX]);
  });

  test('hover on the host of the seed shows the parameter table after the request as sent', async () => {
    const { uri, text } = await openKeitaro('hover.webhook');
    const hover = await client.hover(uri, positionOf(text, 'keitaro.yoursite.com/25123a/postback?subid={tracker.clickid}&username', 3));
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /^\*\*Sent as\*\*/);
    assert.match(value, /\n\*\*Keitaro\*\* — parameters/);
    assert.match(value, /\| `username` \| ignored \| `ivan_petrov` \|/);
    assert.match(value, /Missing: `status`, so Keitaro takes `sale`\./);
  });

  test('completion after a bare method offers the receiver snippets', async () => {
    const uri = fileUri(join(root, 'new.webhook'));
    await client.open(uri, 'webhook-template', '### New\nPOST \n');
    const answer = (await client.completion(uri, { line: 1, character: 5 })) as CompletionList | CompletionItem[];
    const items = Array.isArray(answer) ? answer : answer.items;
    assert.deepEqual(items.map((item) => item.label).slice(0, 2), ['Keitaro lead postback', 'Keitaro sale postback']);
    assert.equal(items[0].insertTextFormat, 2);
  });

  test('the server asks VS Code for completion on a space and on quotes, where receiver snippets start', () => {
    const triggers = client.initializeResult?.capabilities.completionProvider?.triggerCharacters ?? [];
    for (const character of [' ', '"', "'"]) assert.ok(triggers.includes(character), `${JSON.stringify(character)} not among ${JSON.stringify(triggers)}`);
  });

  test('a completion triggered by the space typed after url: in a webhook step answers the snippets, each detailing its URL', async () => {
    const uri = fileUri(join(root, 'typed-url.script.yaml'));
    const text = 'flows:\n  - key: main\n    steps:\n      - key: lead\n        type: webhook\n        url:\n';
    await client.open(uri, 'yaml', text);
    await client.change(uri, [{ range: { start: { line: 5, character: 12 }, end: { line: 5, character: 12 } }, text: ' ' }]);
    const answer = await client.completion(uri, { line: 5, character: 13 }, { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' });
    const items = itemsOf(answer);
    assert.deepEqual(items.map((item) => item.label).slice(0, 2), ['Keitaro lead postback', 'Keitaro sale postback']);
    assert.match(items[0].detail ?? '', /^https:\/\/keitaro\.example\.com\/KEY\/postback\?subid=\{tracker\.clickid\}&status=lead/);
    const applied = applyEdits(`${text.replace('url:\n', 'url: \n')}`, [items[0].textEdit as TextEdit]);
    assert.match(lineAt(applied, 5), /^ {8}url: "https:\/\/\$\{1:keitaro\.example\.com\}\/\$\{2:KEY\}\/postback\?subid=\{tracker\.clickid\}/);
  });

  test('an invoked completion on the empty request line of a new .webhook block answers the snippets', async () => {
    const uri = fileUri(join(root, 'empty-line.webhook'));
    await client.open(uri, 'webhook-template', '### Lead\n\n');
    const items = itemsOf(await client.completion(uri, { line: 1, character: 0 }, { triggerKind: CompletionTriggerKind.Invoked }));
    assert.equal(items.length, 6);
    assert.ok(items.every((item) => item.filterText?.startsWith('https://') && item.detail?.startsWith('https://')));
  });

  test('a space typed elsewhere (a message) answers nothing', async () => {
    const uri = fileUri(join(root, 'typed-text.script.yaml'));
    const text = 'flows:\n  - key: main\n    steps:\n      - key: hi\n        type: message\n        text: Hi there\n';
    await client.open(uri, 'yaml', text);
    assert.deepEqual(itemsOf(await client.completion(uri, { line: 5, character: 17 }, { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' })), []);
  });

  test('a change of the active profile re-publishes open and closed templates: an example is judged, an env value never', async () => {
    const uri = fileUri(join(root, 'payout.webhook'));
    const closed = fileUri(join(root, 'closed-payout.webhook'));
    await client.open(uri, 'webhook-template', PAYOUT_FROM_CLICKID);
    await client.waitForDiagnostics(uri, wrongType);
    await client.waitForDiagnostics(closed, wrongType, 15000);
    await setActiveProfile(client, 'live-click');
    await client.waitForDiagnostics(uri, (diagnostics) => !wrongType(diagnostics));
    await client.waitForDiagnostics(closed, (diagnostics) => !wrongType(diagnostics));
    await setActiveProfile(client, undefined);
    await client.waitForDiagnostics(uri, wrongType);
    await client.waitForDiagnostics(closed, wrongType);
  });

  test('a receiver from webhookTemplates.receivers is checked', async () => {
    const uri = fileUri(join(root, 'acme.webhook'));
    await client.open(uri, 'webhook-template', 'GET https://acme.example.com/conv?x=1\n');
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.message]), [['receiver-missing-parameter', 'Missing "click", which Acme requires. Click id']]);
  });
});
