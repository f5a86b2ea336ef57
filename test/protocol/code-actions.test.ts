// Protocol tests of quick fixes: the correction a diagnostic carries, adding a key to the fields file, creating one.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FileChangeType, type CodeAction, type Command, type CreateFile, type Diagnostic, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LspClient, fileUri } from './lsp-client';
import { applyEdits, makeWorkspace, readText, writeFile } from './workspace';
import { serveExamples, stopExamples } from './examples-session';

function actionsOnly(answer: (Command | CodeAction)[] | null): CodeAction[] {
  return (answer ?? []).filter((item): item is CodeAction => typeof (item as CodeAction).title === 'string' && typeof item.command !== 'string');
}

function titled(actions: CodeAction[], pattern: RegExp): CodeAction {
  const action = actions.find((candidate) => pattern.test(candidate.title));
  assert.ok(action, `no action matching ${pattern} among: ${actions.map((candidate) => candidate.title).join(' | ')}`);
  return action;
}

async function fixesFor(client: LspClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return actionsOnly(await client.codeActions(uri, diagnostic.range, [diagnostic]));
}

describe('quick fixes with a fields file', () => {
  let root: string;
  let client: LspClient;
  let fieldsUri: string;
  const partnerTemplate = 'GET https://t.test/postback?subid={tracker.clickid}&p={partner_id}\n';

  before(async () => {
    ({ root, client } = await serveExamples());
    fieldsUri = fileUri(join(root, 'webhook-fields.json'));
  });

  after(() => stopExamples({ root, client }));

  test('{chatid} offers "Change to {chatId}" replacing exactly the placeholder', async () => {
    const uri = fileUri(join(root, 'keitaro.webhook'));
    await client.open(uri, 'webhook-template', readText(root, 'keitaro.webhook'));
    const chatid = (await client.waitForDiagnostics(uri)).find((d) => d.range.start.line === 24)!;
    const change = titled(await fixesFor(client, uri, chatid), /^Change to \{chatId\}$/);
    assert.equal(change.kind, 'quickfix');
    assert.equal(change.isPreferred, true);
    assert.deepEqual(change.edit, { changes: { [uri]: [{ range: { start: { line: 24, character: 94 }, end: { line: 24, character: 102 } }, newText: '{chatId}' }] } });
  });

  test('{tracker.clikid} offers "Change to {tracker.clickid}"', async () => {
    const uri = fileUri(join(root, 'tracker-typo.webhook'));
    await client.open(uri, 'webhook-template', readText(root, 'keitaro.webhook'));
    const clikid = (await client.waitForDiagnostics(uri)).find((d) => d.range.start.line === 28)!;
    const change = titled(await fixesFor(client, uri, clikid), /^Change to \{tracker\.clickid\}$/);
    const applied = applyEdits(readText(root, 'keitaro.webhook'), change.edit!.changes![uri]);
    assert.match(applied.split('\n')[28], /subid=\{tracker\.clickid\}&status=lead$/);
  });

  test('an unknown custom key offers adding it to customFields of webhook-fields.json', async () => {
    const uri = fileUri(join(root, 'partner.webhook'));
    await client.open(uri, 'webhook-template', partnerTemplate);
    const [diagnostic] = await client.waitForDiagnostics(uri);
    assert.equal(diagnostic.code, 'unknown-key');
    const add = titled(await fixesFor(client, uri, diagnostic), /partner_id.*customFields.*webhook-fields\.json/);
    const edits = add.edit?.changes?.[fieldsUri];
    assert.ok(edits && edits.length > 0, `the edit should change ${fieldsUri}: ${JSON.stringify(add.edit)}`);
    const fields = JSON.parse(applyEdits(readText(root, 'webhook-fields.json'), edits));
    assert.ok(fields.customFields.partner_id, 'partner_id added to customFields');
    assert.deepEqual(Object.keys(fields.customFields), ['deposit_amount', 'geo', 'trader_id', 'reg_date', 'refId', 'partner_id']);
    assert.deepEqual(fields.trackerFields, JSON.parse(readText(root, 'webhook-fields.json')).trackerFields);
  });

  test('saving the fields file with the added key clears the diagnostic', async () => {
    const uri = fileUri(join(root, 'partner-saved.webhook'));
    await client.open(uri, 'webhook-template', partnerTemplate.replace('partner_id', 'partner_code'));
    const [diagnostic] = await client.waitForDiagnostics(uri, (list) => list.length === 1);
    const add = titled(await fixesFor(client, uri, diagnostic), /partner_code/);
    writeFile(root, 'webhook-fields.json', applyEdits(readText(root, 'webhook-fields.json'), add.edit!.changes![fieldsUri]));
    const mark = client.mark();
    await client.fileChanged(fieldsUri, FileChangeType.Changed);
    assert.deepEqual(await client.waitForDiagnostics(uri, () => true, 5000, mark), []);
  });

  test('a range away from every diagnostic gets no quick fix', async () => {
    const uri = fileUri(join(root, 'away.webhook'));
    await client.open(uri, 'webhook-template', partnerTemplate);
    const diagnostics = await client.waitForDiagnostics(uri);
    const answer = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, diagnostics);
    assert.deepEqual(answer ?? [], []);
  });
});

describe('quick fixes without a fields file', () => {
  let root: string;
  let client: LspClient;
  const template = 'GET https://t.test/postback?subid={tracker.clickid}&p={partner_id}&u={username}\n';

  before(async () => {
    root = makeWorkspace({ 'hooks/lead.webhook': template });
    client = await LspClient.start({ folders: [root] });
  });

  after(() => stopExamples({ root, client }));

  test('an unknown custom key offers creating webhook-fields.json at the folder root with the keys the template uses', async () => {
    const uri = fileUri(join(root, 'hooks', 'lead.webhook'));
    await client.open(uri, 'webhook-template', template);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['no-fields-file', 'unknown-key', 'unknown-key']);
    assert.match(diagnostics[1].message, /no fields file/);
    const partner = diagnostics.find((d) => d.message.includes('partner_id'))!;
    const create = titled(await fixesFor(client, uri, partner), /^Create webhook-fields\.json/);
    const newUri = fileUri(join(root, 'webhook-fields.json'));
    const changes = create.edit?.documentChanges ?? [];
    assert.deepEqual(changes[0], { kind: 'create', uri: newUri } satisfies CreateFile);
    const edit = changes[1] as TextDocumentEdit;
    assert.equal(edit.textDocument.uri, newUri);
    const created = JSON.parse(applyEdits('', edit.edits as never));
    assert.ok(created.customFields.partner_id, `partner_id in ${JSON.stringify(created)}`);
    assert.ok(created.trackerFields.clickid, `clickid in ${JSON.stringify(created)}`);
    assert.equal(created.customFields.username, undefined, 'built-ins are not added');
  });
});
