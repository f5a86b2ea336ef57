// Protocol tests of severities: the fields file's `severity` and the setting webhookTemplates.severity over it, each
// change re-published at once.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DidChangeConfigurationNotification, type Diagnostic } from 'vscode-languageserver-protocol';
import { DEFAULT_TEST_SETTINGS, LspClient, fileUri, type TestSettings } from './lsp-client';
import { makeWorkspace, removeWorkspace } from './workspace';

const FIELDS = { customFields: { geo: { type: 'text', example: 'KZ' } }, severity: { 'insecure-http': 'warning' } };
const TEMPLATE = 'GET http://api.example.com/lead?g={geo}&c={chatid}\n';
const LEVELS = ['', 'error', 'warning', 'info', 'hint'];

function levels(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.code}:${LEVELS[diagnostic.severity ?? 0]}`).sort();
}

describe('severities over the protocol', () => {
  let root: string;
  let client: LspClient;
  let severity: Record<string, string> = {};
  const template = () => fileUri(join(root, 'lead.webhook'));
  const fieldsFile = () => fileUri(join(root, 'webhook-fields.json'));

  before(async () => {
    root = makeWorkspace({ 'webhook-fields.json': JSON.stringify(FIELDS, null, 2), 'lead.webhook': TEMPLATE });
    client = await LspClient.start({ folders: [root], settings: () => ({ ...DEFAULT_TEST_SETTINGS, severity }) as TestSettings });
    await client.open(template(), 'webhook-template', TEMPLATE);
  });

  after(async () => {
    await client?.stop();
    removeWorkspace(root);
  });

  test("the fields file's severity is applied: plain http is a warning in this project", async () => {
    const diagnostics = await client.waitForDiagnostics(template(), (list) => list.length > 0);
    assert.deepEqual(levels(diagnostics), ['insecure-http:warning', 'unknown-key:error']);
  });

  test('the setting webhookTemplates.severity wins over the fields file, and a change of it is published at once', async () => {
    severity = { 'insecure-http': 'off', 'unknown-key': 'warning' };
    const mark = client.mark();
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const diagnostics = await client.waitForDiagnostics(template(), (list) => !levels(list).includes('insecure-http:warning'), 5000, mark);
    assert.deepEqual(levels(diagnostics), ['unknown-key:warning']);
  });

  test("an unsaved edit of the fields file's severity re-publishes the template with it", async () => {
    severity = {};
    let mark = client.mark();
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitForDiagnostics(template(), (list) => levels(list).includes('insecure-http:warning'), 5000, mark);
    mark = client.mark();
    await client.open(fieldsFile(), 'json', JSON.stringify({ ...FIELDS, severity: { 'insecure-http': 'error', 'unknown-key': 'off' } }));
    const diagnostics = await client.waitForDiagnostics(template(), (list) => levels(list).join() === 'insecure-http:error', 5000, mark);
    assert.deepEqual(levels(diagnostics), ['insecure-http:error']);
  });

  test('an unknown code in the fields file is reported there', async () => {
    const mark = client.mark();
    await client.change(fieldsFile(), [{ text: JSON.stringify({ severity: { 'insecure_http': 'off' } }) }]);
    const diagnostics = await client.waitForDiagnostics(fieldsFile(), (list) => list.some((d) => d.code !== 'fields-unused'), 5000, mark);
    assert.deepEqual(levels(diagnostics).filter((level) => !level.startsWith('fields-unused')), ['fields-severity-unknown-code:warning']);
  });
});
