// Protocol tests of document symbols, folding ranges and document links, in a generated workspace.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, type LspClient } from './lsp-client';
import { removeWorkspace, writeFile } from './workspace';
import { documentLinks, documentSymbols, foldingRanges, generateWorkspace, startSession, type GeneratedWorkspace } from './workspace-helpers';

const WEBHOOK = [
  '### Lead',
  'GET https://tracker.example.com/postback?subid={tracker.clickid}&status=lead',
  '',
  '### Sale',
  'POST https://crm.example.com:8443/api/leads?x=1',
  'Content-Type: application/json',
  '',
  '{',
  '  "clickid": "{tracker.clickid}",',
  '  "geo": "{geo}"',
  '}',
  '',
  '### Host from a field',
  'GET https://{geo}.example.com/p',
  '',
].join('\n');

const SCRIPT = [
  'flows:',
  '  - key: main',
  '    title: Main',
  '    steps:',
  '      - key: welcome',
  '        type: message',
  '        text: "Hi {{fields.geo}}"',
  '      - key: lead_postback',
  '        type: webhook',
  '        url: "https://tracker.example.com/postback?subid={tracker.clickid}"',
  '  - key: deposit',
  '    steps:',
  '      - key: thanks',
  '        type: message',
  '        text: "Thanks"',
  '',
].join('\n');

/** A symbol reduced to name, detail, kind, the text its selection covers, and its children. */
interface Outline {
  name: string;
  detail?: string;
  kind: SymbolKind;
  selects: string;
  children?: Outline[];
}

function outline(text: string, symbols: DocumentSymbol[]): Outline[] {
  const document = TextDocument.create('file:///x', 'plaintext', 0, text);
  const slice = (range: Range) => text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
  return symbols.map((symbol) => ({
    name: symbol.name,
    ...(symbol.detail === undefined ? {} : { detail: symbol.detail }),
    kind: symbol.kind,
    selects: slice(symbol.selectionRange),
    ...(symbol.children ? { children: outline(text, symbol.children) } : {}),
  }));
}

describe('symbols, folding and links in a generated workspace', () => {
  let ws: GeneratedWorkspace;
  let client: LspClient;
  let webhookUri: string;
  let scriptUri: string;

  before(async () => {
    ws = generateWorkspace();
    webhookUri = fileUri(writeFile(ws.root, 'hooks/multi.webhook', WEBHOOK));
    scriptUri = fileUri(writeFile(ws.root, join('flows', 'multi.script.yaml'), SCRIPT));
    client = (await startSession([ws.root])).client;
    await client.open(webhookUri, 'webhook-template', WEBHOOK);
    await client.open(scriptUri, 'yaml', SCRIPT);
  });

  after(async () => {
    await client?.stop();
    if (ws) removeWorkspace(ws.root);
  });

  test('the symbols of a .webhook file are its requests, named by their titles', async () => {
    const symbols = (await documentSymbols(client, webhookUri)) as DocumentSymbol[];
    assert.deepEqual(outline(WEBHOOK, symbols), [
      { name: 'Lead', detail: 'GET https://tracker.example.com/postback?subid={tracker.clickid}&status=lead', kind: SymbolKind.Event, selects: '### Lead' },
      { name: 'Sale', detail: 'POST https://crm.example.com:8443/api/leads?x=1', kind: SymbolKind.Event, selects: '### Sale' },
      { name: 'Host from a field', detail: 'GET https://{geo}.example.com/p', kind: SymbolKind.Event, selects: '### Host from a field' },
    ]);
  });

  test('the symbols of a script file are its flows, with their steps as children', async () => {
    const symbols = (await documentSymbols(client, scriptUri)) as DocumentSymbol[];
    assert.deepEqual(outline(SCRIPT, symbols), [
      {
        name: 'main',
        detail: 'Main',
        kind: SymbolKind.Namespace,
        selects: 'main',
        children: [
          { name: 'welcome', detail: 'message', kind: SymbolKind.String, selects: 'welcome' },
          { name: 'lead_postback', detail: 'webhook', kind: SymbolKind.Event, selects: 'lead_postback' },
        ],
      },
      { name: 'deposit', kind: SymbolKind.Namespace, selects: 'deposit', children: [{ name: 'thanks', detail: 'message', kind: SymbolKind.String, selects: 'thanks' }] },
    ]);
  });

  test('a .webhook file folds each request and its JSON body', async () => {
    const ranges = ((await foldingRanges(client, webhookUri)) ?? []).map((range) => `${range.startLine}-${range.endLine}`);
    assert.deepEqual(ranges, ['0-1', '3-10', '7-9', '12-13']);
  });

  test('document links cover the origin of each URL only and open it without path or query', async () => {
    const links = ((await documentLinks(client, webhookUri)) ?? []).map((link) => ({ covers: covered(WEBHOOK, link.range), target: link.target }));
    assert.deepEqual(links, [
      { covers: 'https://tracker.example.com', target: 'https://tracker.example.com/' },
      { covers: 'https://crm.example.com:8443', target: 'https://crm.example.com:8443/' },
    ]);
  });

  test('a webhook step URL in a script gets an origin link too', async () => {
    const links = ((await documentLinks(client, scriptUri)) ?? []).map((link) => ({ covers: covered(SCRIPT, link.range), target: link.target }));
    assert.deepEqual(links, [{ covers: 'https://tracker.example.com', target: 'https://tracker.example.com/' }]);
  });
});

function covered(text: string, range: Range): string {
  const document = TextDocument.create('file:///x', 'plaintext', 0, text);
  return text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
}
