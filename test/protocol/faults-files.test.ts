// Fault tests of files: a fields file deleted, renamed or replaced by a folder, a fields file setting naming nothing, files too large.
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { DEFAULT_TEST_SETTINGS, LspClient, fileUri, itemsOf, type TestSettings } from './lsp-client';
import { makeWorkspace, writeFile } from './workspace';
import { serveFolder, stopExamples } from './examples-session';

const FIELDS = '{ "customFields": { "geo": { "type": "text", "example": "KZ" } } }\n';
const TEMPLATE = 'GET https://t.test/?g={geo}\n';
const codes = (diagnostics: { code?: string | number }[]) => diagnostics.map((d) => d.code);
const isClean = (diagnostics: unknown[]) => diagnostics.length === 0;
const unknownGeo = (diagnostics: { code?: string | number; message: string }[]) => diagnostics.some((d) => d.code === 'unknown-key' && /only built-in keys/.test(d.message));

describe('the fields file goes away under the server', () => {
  let root: string;
  let client: LspClient;
  let fieldsUri: string;
  let templateUri: string;

  before(async () => {
    ({ root, client } = await serveFolder(makeWorkspace({})));
  });

  after(() => stopExamples({ root, client }));

  afterEach(() => assert.deepEqual(client.errorLogs(), []));

  async function freshTemplate(name: string): Promise<void> {
    rmSync(join(root, 'webhook-fields.json'), { recursive: true, force: true });
    writeFile(root, 'webhook-fields.json', FIELDS);
    fieldsUri = fileUri(join(root, 'webhook-fields.json'));
    await client.fileChanged(fieldsUri, FileChangeType.Created);
    templateUri = fileUri(join(root, `${name}.webhook`));
    await client.open(templateUri, 'webhook-template', TEMPLATE);
    await client.waitForDiagnostics(templateUri, isClean);
  }

  test('deleted: templates fall back to built-in keys, and the message says there is no fields file', async () => {
    await freshTemplate('deleted');
    rmSync(join(root, 'webhook-fields.json'));
    await client.fileChanged(fieldsUri, FileChangeType.Deleted);
    await client.waitForDiagnostics(templateUri, unknownGeo);
  });

  test('renamed away and back: built-in keys meanwhile, its fields again after', async () => {
    await freshTemplate('renamed');
    renameSync(join(root, 'webhook-fields.json'), join(root, 'fields.json.bak'));
    await client.fileChanged(fieldsUri, FileChangeType.Deleted);
    await client.waitForDiagnostics(templateUri, unknownGeo);
    renameSync(join(root, 'fields.json.bak'), join(root, 'webhook-fields.json'));
    const since = client.mark();
    await client.fileChanged(fieldsUri, FileChangeType.Created);
    await client.waitForDiagnostics(templateUri, isClean, 5000, since);
  });

  test('replaced by a folder of the same name: no crash, built-in keys, the folder is not read as a file', async () => {
    await freshTemplate('folder');
    rmSync(join(root, 'webhook-fields.json'));
    mkdirSync(join(root, 'webhook-fields.json'));
    await client.fileChanged(fieldsUri, FileChangeType.Deleted);
    await client.fileChanged(fieldsUri, FileChangeType.Created);
    await client.waitForDiagnostics(templateUri, unknownGeo);
    await client.fileChanged(fieldsUri, FileChangeType.Changed);
    await client.hover(templateUri, { line: 0, character: 24 });
    assert.deepEqual(codes(await client.waitForDiagnostics(templateUri, unknownGeo)), ['no-fields-file', 'unknown-key']);
    assert.equal(client.hasExited, false);
  });
});

describe('a fields file setting that names no file', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    root = makeWorkspace({ 'webhook-fields.json': FIELDS });
    client = await LspClient.start({ folders: [root], settings: () => ({ ...DEFAULT_TEST_SETTINGS, fieldsFile: 'config/missing-fields.json' }) });
  });

  after(() => stopExamples({ root, client }));

  test('each template gets one note on its first line naming the file and what to do', async () => {
    const uri = fileUri(join(root, 'a.webhook'));
    await client.open(uri, 'webhook-template', TEMPLATE);
    const diagnostics = await client.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'fields-file-not-found'));
    const [note] = diagnostics.filter((d) => d.code === 'fields-file-not-found');
    assert.equal(note.severity, 3);
    assert.deepEqual(note.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(note.message, /config\/missing-fields\.json.*Create the file or correct the setting/);
    assert.deepEqual(codes(diagnostics).sort(), ['fields-file-not-found', 'unknown-key']);
  });
});

describe('files over the size limit', () => {
  let root: string;
  let client: LspClient;
  const settings = () => ({ ...DEFAULT_TEST_SETTINGS, maxFileSizeMB: 1 }) as TestSettings;

  before(async () => {
    root = makeWorkspace({ 'small.webhook': 'GET https://t.test/?a={chatid}\n' });
    // 50 MB of a template on disk: the background check must refuse it by its size, without reading it.
    writeFileSync(join(root, 'huge.webhook'), 'GET https://t.test/?a={chatid}\n'.padEnd(50 * 1024 * 1024, '#'));
    client = await LspClient.start({ folders: [root], settings });
  });

  after(() => stopExamples({ root, client }));

  test('a 50 MB file on disk gets one information note on line 0 that names it and the setting to raise', async () => {
    const diagnostics = await client.waitForDiagnostics(fileUri(join(root, 'huge.webhook')), () => true, 20000);
    assert.equal(diagnostics.length, 1);
    const [note] = diagnostics;
    assert.equal(note.code, 'file-too-large');
    assert.equal(note.severity, 3);
    assert.equal(note.range.start.line, 0);
    assert.match(note.message, /huge\.webhook is 50\.0 MB, over the 1 MB limit.*webhookTemplates\.maxFileSizeMB/);
  });

  test('an open document over the limit gets the note, and no feature parses it', async () => {
    const uri = fileUri(join(root, 'open-huge.webhook'));
    const text = 'GET https://t.test/?a={chatid}\n'.padEnd(2 * 1024 * 1024, '#');
    await client.open(uri, 'webhook-template', text);
    const diagnostics = await client.waitForDiagnostics(uri, () => true, 20000);
    assert.deepEqual(codes(diagnostics), ['file-too-large']);
    assert.equal(await client.hover(uri, { line: 0, character: 25 }), null);
    assert.deepEqual(itemsOf(await client.completion(uri, { line: 0, character: 23 })), []);
  });

  test('every feature answers an open document over the limit neutrally, from the one lookup handlers share', async () => {
    const uri = fileUri(join(root, 'open-huge-2.webhook'));
    await client.open(uri, 'webhook-template', 'GET https://t.test/?a={tracker.clickid}\n'.padEnd(2 * 1024 * 1024, '#'));
    await client.waitForDiagnostics(uri, (list) => codes(list).includes('file-too-large'), 20000);
    const textDocument = { uri };
    const position = { line: 0, character: 30 };
    const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
    const answers = await Promise.all([
      client.definition(uri, position),
      client.codeActions(uri, range, []),
      client.connection.sendRequest('textDocument/codeLens', { textDocument }),
      client.connection.sendRequest('textDocument/documentSymbol', { textDocument }),
      client.connection.sendRequest('textDocument/foldingRange', { textDocument }),
      client.connection.sendRequest('textDocument/documentLink', { textDocument }),
      client.connection.sendRequest('textDocument/inlayHint', { textDocument, range }),
      client.connection.sendRequest('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }),
    ]);
    assert.deepEqual(answers.map((answer) => (Array.isArray(answer) ? answer.length : answer)), [0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('an edit that brings it under the limit checks it again', async () => {
    const uri = fileUri(join(root, 'shrinks.webhook'));
    await client.open(uri, 'webhook-template', 'x'.repeat(2 * 1024 * 1024));
    await client.waitForDiagnostics(uri, (list) => codes(list).includes('file-too-large'), 20000);
    const version = await client.change(uri, [{ text: 'GET https://t.test/?a={chatid}\n' }]);
    const diagnostics = await client.waitForDiagnostics(uri, (_d, params) => params.version === version, 20000);
    assert.deepEqual(codes(diagnostics), ['no-fields-file', 'unknown-key']);
  });

  test('files within the limit are checked as usual, and nothing was logged as an error', async () => {
    const diagnostics = await client.waitForDiagnostics(fileUri(join(root, 'small.webhook')), () => true, 20000);
    assert.deepEqual(codes(diagnostics), ['unknown-key']);
    assert.deepEqual(client.errorLogs(), []);
    assert.equal(client.hasExited, false);
  });
});
