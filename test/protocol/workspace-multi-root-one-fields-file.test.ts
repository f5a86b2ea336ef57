// Protocol tests of a multi-root workspace where only one folder has a fields file: the other checks against built-ins only.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { FileChangeType, type CodeAction, type CreateFile } from 'vscode-languageserver-protocol';
import { LspClient, fileUri } from './lsp-client';
import { makeWorkspace, removeWorkspace } from './workspace';

const FIELDS = JSON.stringify({ customFields: { geo: { type: 'text', example: 'KZ' } }, trackerFields: { clickid: { example: 'c1' } } });
const TEMPLATE = 'GET https://tracker.example.com/p?c={tracker.clickid}&g={geo}&u={username}\n';

describe('multi-root workspace: one folder with a fields file, one without', () => {
  let withFields: string;
  let without: string;
  let client: LspClient;

  before(async () => {
    withFields = makeWorkspace({ 'webhook-fields.json': FIELDS, 'hooks/lead.webhook': TEMPLATE });
    without = makeWorkspace({ 'hooks/lead.webhook': TEMPLATE });
    client = await LspClient.start({ folders: [withFields, without] });
  });

  after(async () => {
    await client?.stop();
    removeWorkspace(withFields);
    removeWorkspace(without);
  });

  test("the folder with a fields file knows its keys; the other knows only built-ins and never borrows the first folder's file", async () => {
    const known = fileUri(join(withFields, 'hooks', 'lead.webhook'));
    const builtinsOnly = fileUri(join(without, 'hooks', 'lead.webhook'));
    await client.open(known, 'webhook-template', TEMPLATE);
    await client.open(builtinsOnly, 'webhook-template', TEMPLATE);
    assert.deepEqual(await client.waitForDiagnostics(known), []);
    const unknown = await client.waitForDiagnostics(builtinsOnly, (diagnostics) => diagnostics.length > 0);
    assert.deepEqual(unknown.map((d) => [d.code, d.message]), [
      // folder1: the second workspace folder, by the name the client gives it.
      ['no-fields-file', 'No fields file found from this folder up to folder1: only the built-in keys username, chatId, stepKey and createdAt are known. Create webhook-fields.json to describe your custom fields, tracker fields and sample profiles.'],
      ['unknown-key', 'Unknown key "tracker.clickid" (checked against no fields file (only built-in keys are known)).'],
      ['unknown-key', 'Unknown key "geo" (checked against no fields file (only built-in keys are known)).'],
    ]);
  });

  test('the quick fix creates the fields file at the root of the folder without one', async () => {
    const uri = fileUri(join(without, 'hooks', 'lead.webhook'));
    const [note] = await client.waitForDiagnostics(uri, (diagnostics) => diagnostics.length > 0);
    assert.equal(note.code, 'no-fields-file');
    assert.deepEqual(note.range.start, { line: 0, character: 0 });
    for (const diagnostic of await client.waitForDiagnostics(uri, (diagnostics) => diagnostics.length > 0)) {
      const actions = ((await client.codeActions(uri, diagnostic.range, [diagnostic])) ?? []) as CodeAction[];
      const create = actions.find((action) => action.title.startsWith('Create webhook-fields.json'));
      assert.ok(create, `${diagnostic.code}: ${actions.map((action) => action.title).join(' | ')}`);
      assert.deepEqual(create.edit?.documentChanges?.[0], { kind: 'create', uri: fileUri(join(without, 'webhook-fields.json')) } satisfies CreateFile);
    }
  });

  test('a closed template without a fields file gets no note: the workspace check lists its problems only', async () => {
    const closed = fileUri(join(without, 'hooks', 'closed.webhook'));
    writeFileSync(join(without, 'hooks', 'closed.webhook'), TEMPLATE);
    await client.fileChanged(closed, FileChangeType.Created);
    const diagnostics = await client.waitForDiagnostics(closed, (found) => found.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-key', 'unknown-key']);
  });
});
