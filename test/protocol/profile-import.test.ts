// Protocol tests of webhookTemplates/importProfiles, which "Import Sample Profiles from CSV" asks: the fields file a
// template there uses, its unsaved text, one edit in LSP positions, and the refusals.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ImportProfilesRequest, type ImportProfilesParams, type ImportProfilesResult } from '../../server/src/protocol';
import { fileUri } from './lsp-client';
import { serveFolder, stopExamples, type ExamplesSession } from './examples-session';
import { applyEdits, makeWorkspace } from './workspace';

const FIELDS = '{\n  "customFields": {\n    "geo": { "type": "text", "name": "Страна" }\n  },\n  "profiles": {}\n}\n';
const CSV = '\uFEFFTelegram ID;Страна\r\n482913377;KZ\r\n';

describe('webhookTemplates/importProfiles over the protocol', () => {
  let session: ExamplesSession;
  let fieldsUri: string;

  const ask = (params: ImportProfilesParams): Promise<ImportProfilesResult> => session.client.connection.sendRequest(ImportProfilesRequest, params);

  before(async () => {
    session = await serveFolder(makeWorkspace({ 'webhook-fields.json': FIELDS, 'bots/postback.webhook': 'GET https://t.example/p?c={chatId}\n' }));
    fieldsUri = fileUri(join(session.root, 'webhook-fields.json'));
  });

  after(() => stopExamples(session));

  test('answers the fields file a template there uses, the plan, and one edit that turns its text into the new one', async () => {
    const result = await ask({ uri: fileUri(join(session.root, 'bots', 'postback.webhook')), csv: CSV, options: {} });
    assert.equal(result.error, undefined);
    assert.deepEqual([result.fieldsUri, result.fieldsFile, result.creates], [fieldsUri, 'webhook-fields.json', false]);
    assert.deepEqual(result.plan?.columns.map((column) => column.key), ['chatId', 'geo']);
    const after = JSON.parse(applyEdits(FIELDS, [result.edit!]));
    assert.deepEqual(after.profiles, { 'csv-482913377': { chatId: 482913377, geo: 'KZ' } });
  });

  test('an unsaved edit of the open fields file is what the edit applies to', async () => {
    const unsaved = FIELDS.replace('"name": "Страна" }', '"name": "Страна" },\n    "note": { "type": "text" }').replace('"profiles": {}', '"profiles": {\n    "csv-482913377": { "chatId": 1 }\n  }');
    await session.client.open(fieldsUri, 'json', unsaved);
    const refused = await ask({ uri: fieldsUri, csv: CSV, options: {} });
    assert.match(refused.error ?? '', /already has profiles named csv-482913377/);
    const replaced = await ask({ uri: fieldsUri, csv: CSV, options: { replace: true } });
    const after = JSON.parse(applyEdits(unsaved, [replaced.edit!]));
    assert.deepEqual(Object.keys(after.customFields), ['geo', 'note']);
    assert.deepEqual(after.profiles, { 'csv-482913377': { chatId: 482913377, geo: 'KZ' } });
  });

  test('a fields file that does not parse now is not written into', async () => {
    await session.client.change(fieldsUri, [{ text: '{ "profiles": ' }]);
    const result = await ask({ uri: fieldsUri, csv: CSV, options: {} });
    assert.deepEqual([result.error, result.edit], ['webhook-fields.json does not parse now: fix it, then import.', undefined]);
  });
});
