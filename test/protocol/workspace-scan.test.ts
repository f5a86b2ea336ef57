// Protocol tests of the workspace check: every template of a generated 500-file workspace is checked without being opened.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FileChangeType, MarkupContent, type Diagnostic, type Hover } from 'vscode-languageserver-protocol';
import { fileUri, type LspClient } from './lsp-client';
import { positionOf, readText, removeWorkspace } from './workspace';
import {
  FIELDS_TEXT,
  SCRIPT_COUNT,
  WEBHOOK_COUNT,
  generateWorkspace,
  isBrokenScript,
  isBrokenWebhook,
  startSession,
  urisWithProblems,
  waitForAllPublished,
  webhookPath,
  webhookText,
  type GeneratedWorkspace,
  type Session,
} from './workspace-helpers';

const SCAN_BOUND_MS = 30000;
const HOVER_BOUND_MS = 2000;
const publishedCount = (client: LspClient) => new Set(client.published.map((p) => p.params.uri)).size;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const shapes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);

describe('workspace check of a generated workspace (300 webhooks, 200 scripts)', () => {
  let ws: GeneratedWorkspace;
  let session: Session;
  let client: LspClient;
  let scanMs = 0;
  let hover: Hover | null = null;
  let lastPublishedAt = 0;
  /** Latencies of hovers sent and answered while the scan was publishing. */
  const hoverLatencies: number[] = [];

  before(async () => {
    ws = generateWorkspace();
    session = await startSession([ws.root]);
    client = session.client;
    const uri = ws.webhookUris[1];
    const text = readText(ws.root, webhookPath(1));
    await client.open(uri, 'webhook-template', text);
    const allUris = [...ws.templateUris, ws.fieldsUri];
    const scan = waitForAllPublished(client, allUris, SCAN_BOUND_MS).then((at) => (lastPublishedAt = at));
    while (lastPublishedAt === 0 && performance.now() - session.startedAt < SCAN_BOUND_MS) {
      const before = publishedCount(client);
      const sentAt = performance.now();
      hover = await client.hover(uri, positionOf(text, '{geo}', 2));
      const answeredAt = performance.now();
      const after = publishedCount(client);
      // Only hovers sent and answered while the scan publishes (neither before its first file nor after its last) count.
      if (before > 1 && after < allUris.length) hoverLatencies.push(answeredAt - sentAt);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await scan;
    scanMs = lastPublishedAt - session.startedAt;
    console.log(`[timing] workspace scan of ${ws.templateUris.length + 1} files: ${scanMs.toFixed(0)} ms from start to the last publication`);
    const worst = Math.max(...hoverLatencies);
    console.log(`[timing] ${hoverLatencies.length} hovers answered during the scan: worst ${worst.toFixed(1)} ms, median ${median(hoverLatencies).toFixed(1)} ms`);
  });

  after(async () => {
    await client?.stop();
    if (ws) removeWorkspace(ws.root);
  });

  test('every template and the fields file get diagnostics without being opened, within a generous bound', () => {
    assert.ok(scanMs < SCAN_BOUND_MS, `scan took ${scanMs} ms`);
    assert.deepEqual(client.errorLogs(), []);
  });

  test('exactly the generated files with mistakes list problems', () => {
    const expected = [
      ...ws.webhookUris.filter((_, index) => isBrokenWebhook(index)),
      ...ws.scriptUris.filter((_, index) => isBrokenScript(index)),
    ].sort();
    assert.equal(expected.length, WEBHOOK_COUNT / 10 + SCRIPT_COUNT / 8);
    const templates = new Set(ws.templateUris);
    assert.deepEqual(urisWithProblems(client).filter((uri) => templates.has(uri)).sort(), expected);
  });

  test('a misspelt tracker field in an unopened webhook is reported at the placeholder', () => {
    for (const index of [0, 150, 290]) {
      const diagnostics = client.latest(ws.webhookUris[index])!.params.diagnostics;
      assert.deepEqual(shapes(diagnostics), ['unknown-key 1:47-1:63']);
      assert.match(diagnostics[0].message, /Unknown key "tracker\.clikid" \(checked against webhook-fields\.json\)/);
    }
  });

  test('a misspelt custom field in an unopened script message is reported at the placeholder', () => {
    const diagnostics = client.latest(ws.scriptUris[8])!.params.diagnostics;
    assert.deepEqual(shapes(diagnostics), ['unknown-key 6:23-6:37']);
    assert.match(diagnostics[0].message, /"fields\.gio"/);
  });

  test('the server asks for files.exclude of the folder', () => {
    assert.ok(session.asked.includes('files.exclude'), `asked: ${[...new Set(session.asked)].join(', ')}`);
  });

  test('files in node_modules and dot folders get no diagnostics', () => {
    const skipped = ws.hiddenUris.filter((uri) => uri.includes('/node_modules/') || uri.includes('/.cache/'));
    assert.equal(skipped.length, 3);
    assert.deepEqual(skipped.filter((uri) => client.latest(uri)), []);
  });

  test('a file matched by a files.exclude file glob gets no diagnostics', () => {
    const skipped = ws.hiddenUris.filter((uri) => uri.endsWith('/skip-me.webhook'));
    assert.deepEqual(skipped.filter((uri) => client.latest(uri)), []);
  });

  test('files under a folder excluded by files.exclude ("**/excluded": true) get no diagnostics', () => {
    const skipped = ws.hiddenUris.filter((uri) => uri.includes('/excluded/'));
    assert.equal(skipped.length, 2);
    assert.deepEqual(skipped.filter((uri) => client.latest(uri)), []);
  });

  test('the server answers a hover while the scan runs, quickly', () => {
    assert.ok(hover, 'no hover');
    assert.match((hover!.contents as MarkupContent).value, /geo/);
    assert.ok(hoverLatencies.length > 0, 'no hover was answered while the scan ran');
    assert.ok(Math.max(...hoverLatencies) < HOVER_BOUND_MS, `hover latencies: ${hoverLatencies.join(', ')} ms`);
  });

  test('a template fixed on disk has its diagnostics cleared after the watched-files event', async () => {
    const uri = ws.webhookUris[10];
    const since = client.mark();
    writeFileSync(join(ws.root, webhookPath(10)), webhookText(11));
    await client.fileChanged(uri);
    assert.deepEqual(await client.waitForDiagnostics(uri, (d) => d.length === 0, 5000, since), []);
  });

  test('a template broken on disk gets a problem after the watched-files event', async () => {
    const uri = ws.webhookUris[11];
    const since = client.mark();
    writeFileSync(join(ws.root, webhookPath(11)), readText(ws.root, webhookPath(11)).replace('{geo}', '{gio}'));
    await client.fileChanged(uri);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0, 5000, since);
    assert.deepEqual(shapes(diagnostics), ['unknown-key 1:69-1:74']);
  });

  test('a template deleted on disk has its diagnostics cleared', async () => {
    const uri = ws.webhookUris[20];
    assert.equal(client.latest(uri)!.params.diagnostics.length, 1);
    const since = client.mark();
    rmSync(join(ws.root, webhookPath(20)));
    await client.fileChanged(uri, FileChangeType.Deleted);
    assert.deepEqual(await client.waitForDiagnostics(uri, () => true, 5000, since), []);
  });

  test('a fields file changed on disk re-checks unopened templates that use it', async () => {
    const webhook = ws.webhookUris[30];
    const script = ws.scriptUris[16];
    const since = client.mark();
    const withTypos = FIELDS_TEXT.replace('"sub1":', '"clikid": { "example": "x" },\n    "sub1":').replace('"deposit_amount":', '"gio": { "type": "text" },\n    "deposit_amount":');
    writeFileSync(ws.fieldsPath, withTypos);
    await client.fileChanged(ws.fieldsUri);
    assert.deepEqual(await client.waitForDiagnostics(webhook, (d) => d.length === 0, 5000, since), []);
    assert.deepEqual(await client.waitForDiagnostics(script, (d) => d.length === 0, 5000, since), []);
  });

  test('restoring the fields file on disk brings the problems of unopened templates back', async () => {
    const webhook = ws.webhookUris[40];
    await client.waitForDiagnostics(webhook, (d) => d.length === 0, 5000);
    const since = client.mark();
    writeFileSync(ws.fieldsPath, FIELDS_TEXT);
    await client.fileChanged(ws.fieldsUri);
    const diagnostics = await client.waitForDiagnostics(webhook, (d) => d.length > 0, 5000, since);
    assert.deepEqual(shapes(diagnostics), ['unknown-key 1:47-1:63']);
  });

  test('a template created on disk is checked after the watched-files event', async () => {
    const path = join(ws.root, 'hooks', 'new.webhook');
    writeFileSync(path, 'GET https://tracker.example.com/p?s={tracker.sub2}\n');
    const uri = fileUri(path);
    await client.fileChanged(uri, FileChangeType.Created);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0, 5000);
    assert.deepEqual(shapes(diagnostics), ['unknown-key 0:36-0:50']);
  });
});
