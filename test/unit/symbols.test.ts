// Specifies document symbols: requests of `.webhook` files, flows and their steps in script files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { parseScriptFile } from '../../server/src/core/read/script-file';
import { documentSymbols } from '../../server/src/core/language/symbols';
import type { ParsedTemplate } from '../../server/src/core/base/types';
import { parseWebhookFile } from '../../server/src/core/read/webhook-file';
import { examplesDir } from '../support/paths';

/** A symbol reduced to what specs compare: the text its ranges cover instead of positions. */
interface Outline {
  name: string;
  detail?: string;
  kind: SymbolKind;
  covers: string;
  selects: string;
  children?: Outline[];
}

function outline(text: string, parsed: ParsedTemplate): Outline[] {
  const document = TextDocument.create('file:///project/x', 'plaintext', 1, text);
  const slice = (range: Range) => text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
  const reduce = (symbol: DocumentSymbol): Outline => ({
    name: symbol.name,
    ...(symbol.detail === undefined ? {} : { detail: symbol.detail }),
    kind: symbol.kind,
    covers: slice(symbol.range),
    selects: slice(symbol.selectionRange),
    ...(symbol.children ? { children: symbol.children.map(reduce) } : {}),
  });
  return documentSymbols(document, parsed).map(reduce);
}

const webhookOutline = (text: string) => outline(text, parseWebhookFile(text));
const yamlOutline = (text: string) => outline(text, parseScriptFile(text, 'yaml'));

test('each request of a .webhook file is an event symbol (it fires a call) named by its title, detailed by method and URL', () => {
  const text = '### Lead\n# note\nGET https://t.example/p?s=lead\n\n### Sale\nPOST https://t.example/p\nContent-Type: text/plain\n\nsale\n';
  assert.deepEqual(webhookOutline(text), [
    { name: 'Lead', detail: 'GET https://t.example/p?s=lead', kind: SymbolKind.Event, covers: '### Lead\n# note\nGET https://t.example/p?s=lead', selects: '### Lead' },
    { name: 'Sale', detail: 'POST https://t.example/p', kind: SymbolKind.Event, covers: '### Sale\nPOST https://t.example/p\nContent-Type: text/plain\n\nsale', selects: '### Sale' },
  ]);
});

test('a request without a title is named and selected by its request line', () => {
  const [symbol] = webhookOutline('GET https://t.example/p\n');
  assert.equal(symbol.name, 'GET https://t.example/p');
  assert.equal(symbol.selects, 'GET https://t.example/p');
  assert.equal(symbol.detail, 'GET https://t.example/p');
});

test('a long request detail is cut to 80 characters', () => {
  const url = `https://t.example/p?${'a'.repeat(100)}`;
  const [symbol] = webhookOutline(`### Long\nPOST ${url}\n`);
  assert.equal(symbol.detail, `POST ${url}`.slice(0, 79) + '…');
  assert.equal(symbol.detail?.length, 80);
});

const SCRIPT = `flows:
  - key: main
    title: Main
    steps:
      - key: welcome
        type: message
        text: "Hi {{username}}"
      - key: lead_postback
        type: webhook
        url: https://t.example/p
  - title: Later
    steps:
      - type: send_webhook
        url: https://t.example/q
`;

test('each flow of a script is a namespace symbol holding its steps', () => {
  assert.deepEqual(yamlOutline(SCRIPT), [
    {
      name: 'main', detail: 'Main', kind: SymbolKind.Namespace,
      covers: SCRIPT.slice(SCRIPT.indexOf('key: main'), SCRIPT.indexOf('https://t.example/p') + 'https://t.example/p'.length),
      selects: 'main',
      children: [
        { name: 'welcome', detail: 'message', kind: SymbolKind.String, covers: 'key: welcome\n        type: message\n        text: "Hi {{username}}"', selects: 'welcome' },
        { name: 'lead_postback', detail: 'webhook', kind: SymbolKind.Event, covers: 'key: lead_postback\n        type: webhook\n        url: https://t.example/p', selects: 'lead_postback' },
      ],
    },
    {
      name: 'flow 2', detail: 'Later', kind: SymbolKind.Namespace,
      covers: 'title: Later\n    steps:\n      - type: send_webhook\n        url: https://t.example/q',
      selects: '',
      children: [
        { name: 'step 1', detail: 'send_webhook', kind: SymbolKind.Event, covers: 'type: send_webhook\n        url: https://t.example/q', selects: '' },
      ],
    },
  ]);
});

test('a flow without steps is a symbol with no children', () => {
  assert.deepEqual(yamlOutline('flows:\n  - key: empty\n'), [{ name: 'empty', kind: SymbolKind.Namespace, covers: 'key: empty', selects: 'empty', children: [] }]);
});

test('a JSON script gives the same nesting, selecting the keys inside their quotes', () => {
  const text = '{"flows": [{"key": "main", "title": "Main", "steps": [{"key": "pb", "type": "webhook", "url": "https://t.example/"}]}]}';
  assert.deepEqual(outline(text, parseScriptFile(text, 'json')), [{
    name: 'main', detail: 'Main', kind: SymbolKind.Namespace,
    covers: text.slice(text.indexOf('{"key": "main"'), text.length - 2),
    selects: 'main',
    children: [{ name: 'pb', detail: 'webhook', kind: SymbolKind.Event, covers: '{"key": "pb", "type": "webhook", "url": "https://t.example/"}', selects: 'pb' }],
  }]);
});

test('steps outside every flow stand at the top level', () => {
  const text = 'steps: [a]\n';
  const parsed: ParsedTemplate = {
    kind: 'script-yaml', regions: [], requests: [], problems: [],
    steps: [{ key: 'a', keySpan: { start: 8, end: 9 }, type: 'message', span: { start: 8, end: 9 } }],
  };
  assert.deepEqual(outline(text, parsed), [{ name: 'a', detail: 'message', kind: SymbolKind.String, covers: 'a', selects: 'a' }]);
});

test('a step is drawn by what it does: a webhook fires (Event), a message says (String), any other is an Object', () => {
  const text = 'flows:\n  - key: main\n    steps:\n      - key: pb\n        type: send_webhook\n      - key: hi\n        type: message\n      - key: tag\n        type: change_tag\n      - key: bare\n';
  const kinds = yamlOutline(text)[0].children?.map((step) => [step.name, step.kind]);
  assert.deepEqual(kinds, [['pb', SymbolKind.Event], ['hi', SymbolKind.String], ['tag', SymbolKind.Object], ['bare', SymbolKind.Object]]);
});

test('no symbol is a Method: a request is not a function of a program', () => {
  const kinds = [...webhookOutline('### A\nGET https://t.example/\n'), ...yamlOutline(SCRIPT).flatMap((flow) => [flow, ...(flow.children ?? [])])].map((symbol) => symbol.kind);
  assert.ok(!kinds.includes(SymbolKind.Method) && !kinds.includes(SymbolKind.Function), String(kinds));
});

test('the example funnel outlines its three flows and their steps', () => {
  const text = readFileSync(join(examplesDir, 'funnel.script.yaml'), 'utf8');
  const names = yamlOutline(text).map((flow) => [flow.name, flow.children?.map((step) => step.name)]);
  assert.deepEqual(names, [
    ['main', ['welcome', 'lead_postback', 'source_note', 'reminder', 'lead_postback_copy', 'go_deposit']],
    ['deposit', ['deposit_thanks', 'crm_deposit', 'keitaro_sale', 'tag_depositor']],
    ['reactivation', ['comeback', 'reactivation_postback', 'reactivation_event', 'ask_operator']],
  ]);
});
