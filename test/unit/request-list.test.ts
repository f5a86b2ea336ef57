// What "Send All Webhooks" sends: every request of a file with its line and flow, the flows that hold webhook steps,
// and the CodeLenses that start it (at the top of a .webhook file, on each flow of a script file).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTemplateService, SEND_ALL_COMMAND } from '../../server/src/core/index';
import { scriptDoc, scriptJsonDoc, webhookDoc } from './core-helpers';

const service = createTemplateService();

const WEBHOOK = ['# Postbacks', '### Lead', 'GET https://t.example.com/p?subid={tracker.clickid}&status=lead', '', '### Sale', 'POST https://t.example.com/s', '', '{"a": "{chatId}"}', ''].join('\n');

const SCRIPT = [
  'flows:',
  '  - key: main',
  '    title: Main',
  '    steps:',
  '      - key: welcome',
  '        type: message',
  '        text: "Hi {{username}}"',
  '      - key: lead_postback',
  '        type: webhook',
  '        url: "https://t.example.com/p?subid={tracker.clickid}"',
  '      - key: lead_copy',
  '        type: send_webhook',
  '        url: "https://t.example.com/p?subid={tracker.clickid}&x=1"',
  '  - key: quiet',
  '    steps:',
  '      - key: note',
  '        type: message',
  '        text: "nothing to send"',
  '  - steps:',
  '      - key: sale',
  '        type: webhook',
  '        url: "https://t.example.com/s"',
  '',
].join('\n');

describe('requestList', () => {
  test('a .webhook file: each request with the line of its ### title, and no flows', () => {
    const list = service.requestList(webhookDoc(WEBHOOK));
    assert.deepEqual(list?.requests.map(({ request, line, flow }) => [request.name, line, flow]), [['Lead', 1, undefined], ['Sale', 4, undefined]]);
    assert.deepEqual(list?.flows, []);
  });

  test('a script file: each webhook step with its line and flow; only flows holding webhook steps, a keyless one named as the outline names it', () => {
    const list = service.requestList(scriptDoc(SCRIPT));
    assert.deepEqual(list?.requests.map(({ request, line, flow }) => [request.name, line, flow]), [['lead_postback', 7, 'main'], ['lead_copy', 10, 'main'], ['sale', 19, 'flow 3']]);
    assert.deepEqual(list?.flows, [
      { key: 'main', title: 'Main', startLine: 1, endLine: 12, requests: 2 },
      { key: 'flow 3', title: undefined, startLine: 18, endLine: 21, requests: 1 },
    ]);
    const symbols = service.documentSymbols(scriptDoc(SCRIPT)).map((symbol) => symbol.name);
    assert.deepEqual(symbols, ['main', 'quiet', 'flow 3']);
  });

  test('a JSON script file too', () => {
    const json = JSON.stringify({ flows: [{ key: 'main', steps: [{ key: 'a', type: 'webhook', url: 'https://t.example.com/a' }, { key: 'b', type: 'webhook', url: 'https://t.example.com/b' }] }] }, null, 2);
    const list = service.requestList(scriptJsonDoc(json));
    assert.deepEqual(list?.requests.map(({ request, flow }) => [request.name, flow]), [['a', 'main'], ['b', 'main']]);
    assert.equal(list?.flows[0].requests, 2);
  });
});

describe('"Send all webhooks" CodeLenses', () => {
  const sendAll = (lenses: ReturnType<typeof service.codeLenses>) => lenses.filter((lens) => lens.command?.command === SEND_ALL_COMMAND);

  test('at the top of a .webhook file with more than one request, with the count', () => {
    const document = webhookDoc(WEBHOOK);
    assert.deepEqual(sendAll(service.codeLenses(document)), [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title: 'Send all webhooks (2)', command: SEND_ALL_COMMAND, arguments: [{ uri: document.uri }] } },
    ]);
  });

  test('none for a file with one request: its own lens sends it', () => {
    assert.deepEqual(sendAll(service.codeLenses(webhookDoc('### Lead\nGET https://t.example.com/p\n'))), []);
  });

  test('on each flow of a script file holding more than one webhook step, with the flow in the argument', () => {
    const document = scriptDoc(SCRIPT);
    assert.deepEqual(sendAll(service.codeLenses(document)), [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, command: { title: 'Send all webhooks of this flow (2)', command: SEND_ALL_COMMAND, arguments: [{ uri: document.uri, flow: 'main' }] } },
    ]);
  });
});
