// Specifies receiver hovers (a parameter, the whole URL, a partner macro), snippets in empty URLs and bodies, and user tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { receiversFromSettings, recogniseReceiver } from '../../server/src/core/receivers/index';
import { applyEdits, docAt, fieldsContext, parseCursor, service, doc, WEBHOOK_URI, SCRIPT_YAML_URI, SCRIPT_JSON_URI } from './core-helpers';
import { findings } from './receivers-helpers';

function hoverAt(textWithCursor: string): string | undefined {
  const { document, position } = docAt(WEBHOOK_URI, textWithCursor);
  return (service().hover(document, position, fieldsContext())?.contents as MarkupContent | undefined)?.value;
}

test('hover on a Keitaro parameter name says what Keitaro reads, its values and its default', () => {
  const value = hoverAt('GET https://k.example.com/a/postback?subid=1&sta|tus=lead\n');
  assert.equal(value, '`status` — Keitaro\n\nConversion status.\n\nAllowed values: `lead`, `sale`, `rejected`, `rebill`.\n\nWhen absent, Keitaro takes `sale`.');
});

test('hover on a parameter Keitaro ignores says so, with the sub_id_N hint', () => {
  assert.match(hoverAt('GET https://k.example.com/a/postback?subid=1&user|name=x\n') ?? '', /Keitaro ignores this parameter\. Extra data belongs in sub_id_1…sub_id_30\./);
});

test('hover on the host shows, after the request as sent and what Keitaro records, a table of parameters with their sample values, and what is missing', () => {
  const value = hoverAt(`GET https://keitaro.your|site.com/25123a/postback?subid={tracker.clickid}&username={username}&chatid={chatId}&startdialogue={createdAt}\n`) ?? '';
  const sections = value.split('\n\n---\n\n');
  assert.match(sections[0], /^\*\*Sent as\*\*/);
  assert.match(sections[1], /^Keitaro records "sale"/);
  assert.deepEqual(sections[2].split('\n'), [
    '**Keitaro** — parameters and the values they get with sample values',
    '',
    '| parameter | Keitaro reads it as | value |',
    '|---|---|---|',
    "| `subid` | Keitaro's click id: the conversion is recorded on this click. | `7f3a9c01` |",
    '| `username` | ignored | `ivan_petrov` |',
    '| `chatid` | ignored | `482913377` |',
    '| `startdialogue` | ignored | `2024-03-10T17:49:32.806Z` |',
    '',
    'Missing: `status`, so Keitaro takes `sale`.',
  ]);
});

test('hover on a partner macro explains that it is sent as written', () => {
  const value = hoverAt('GET https://api.chatterfy.ai/api/postbacks/u/tracker-postback?clickid={su|b1}\n');
  assert.match(value ?? '', /^`\{sub1\}` is the partner network's macro/);
});

test('hover on a placeholder in a receiver URL still describes the placeholder', () => {
  assert.match(hoverAt('GET https://k.example.com/a/postback?subid={tracker.cli|ckid}\n') ?? '', /Tracker field/);
});

function completionsAt(uri: string, textWithCursor: string, triggerCharacter?: string): { items: CompletionItem[]; accept(label: string): string } {
  const { text, offset } = parseCursor(textWithCursor);
  const document = doc(uri, text);
  const items = service().completions(document, document.positionAt(offset), fieldsContext(), triggerCharacter).items;
  return {
    items,
    accept(label) {
      const item = items.find((candidate) => candidate.label === label);
      assert.ok(item?.textEdit && 'range' in item.textEdit, `no item ${label}`);
      return applyEdits(text, [item.textEdit]);
    },
  };
}

const URL_SNIPPETS = ['Keitaro lead postback', 'Keitaro sale postback', 'Binom conversion', 'Voluum postback', 'RedTrack postback', 'Chatterfy updateDialog round trip'];

test('after a bare method, the receiver snippets are offered as snippets with tab stops', () => {
  const { items, accept } = completionsAt(WEBHOOK_URI, '### Lead\nGET |\n');
  assert.deepEqual(items.map((item) => item.label), URL_SNIPPETS);
  assert.ok(items.every((item) => item.insertTextFormat === 2));
  assert.equal(accept('Keitaro lead postback'), '### Lead\nGET https://${1:keitaro.example.com}/${2:KEY}/postback?subid={tracker.clickid}&status=lead&sub_id_1={chatId}$0\n');
});

test('each URL snippet, with its tab stops filled by their defaults, is a correct URL for its receiver', () => {
  const { items } = completionsAt(WEBHOOK_URI, 'GET |\n');
  for (const item of items) {
    const body = (item.textEdit as { newText: string }).newText;
    const url = body.replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0/g, '');
    assert.deepEqual(findings(url), [], `${item.label}: ${url}`);
  }
});

// ---- Offered without Ctrl+Space: where the editor asks by itself ---------------------------------------

const labels = (items: CompletionItem[]) => items.map((item) => item.label);
const KEITARO_URL = 'https://keitaro.example.com/KEY/postback?subid={tracker.clickid}&status=lead&sub_id_1={chatId}';

test('on the empty request line of a ### block, the URL snippets are offered, a bare URL being a GET', () => {
  const { items, accept } = completionsAt(WEBHOOK_URI, '### Lead\n|\n');
  assert.deepEqual(labels(items), URL_SNIPPETS);
  assert.equal(accept('Keitaro lead postback'), '### Lead\nhttps://${1:keitaro.example.com}/${2:KEY}/postback?subid={tracker.clickid}&status=lead&sub_id_1={chatId}$0\n');
});

test('on an empty first line, after comments, and before the next ### block', () => {
  assert.deepEqual(labels(completionsAt(WEBHOOK_URI, '|').items), URL_SNIPPETS);
  assert.deepEqual(labels(completionsAt(WEBHOOK_URI, '# Keitaro\n// lead\n|\n### Other\nGET https://x.example.com/\n').items), URL_SNIPPETS);
  assert.deepEqual(labels(completionsAt(WEBHOOK_URI, '### A\r\n\r\n|\r\n\r\n### B\r\nGET https://x.example.com/\r\n').items), URL_SNIPPETS);
});

test('not on an empty line of a block that already has its request line, headers or body', () => {
  assert.deepEqual(completionsAt(WEBHOOK_URI, '### A\n|\nGET https://x.example.com/\n').items, []);
  assert.deepEqual(completionsAt(WEBHOOK_URI, '### A\nGET https://x.example.com/\nX-A: 1\n|\n').items, []);
});

test('while a URL is begun (h, https://) the snippets stay, their range over what is typed and their filter text starting with it', () => {
  for (const typed of ['h', 'http', 'https:', 'https://']) {
    for (const line of [typed, `GET ${typed}`]) {
      const { items } = completionsAt(WEBHOOK_URI, `### A\n${line}|\n`);
      assert.deepEqual(labels(items), URL_SNIPPETS, line);
      const edit = items[0].textEdit as { range: { start: { character: number }; end: { character: number } } };
      assert.equal(edit.range.end.character - edit.range.start.character, typed.length, line);
      assert.ok(items.every((item) => item.filterText?.startsWith(typed)), line);
    }
  }
});

test('a snippet\'s filter text is the URL it writes, then its name; its detail the URL; its documentation says what it records and shows the URL', () => {
  const [item] = completionsAt(WEBHOOK_URI, 'GET |\n').items;
  assert.equal(item.filterText, `${KEITARO_URL} Keitaro lead postback`);
  assert.equal(item.detail, KEITARO_URL);
  assert.equal((item.documentation as { value: string }).value, `Records a lead on the click; the chat id goes to sub_id_1.\n\n\`\`\`text\n${KEITARO_URL}\n\`\`\``);
});

test('triggered by the space after GET or POST, the snippets are answered', () => {
  assert.deepEqual(labels(completionsAt(WEBHOOK_URI, '### A\nPOST |\n', ' ').items), URL_SNIPPETS);
});

test('triggered by a space elsewhere (an empty line, a body), nothing is answered', () => {
  assert.deepEqual(completionsAt(WEBHOOK_URI, '### A\n |\n', ' ').items, []);
  assert.deepEqual(completionsAt(WEBHOOK_URI, 'POST https://crm.example.com/leads\n\n |', ' ').items, []);
  assert.deepEqual(completionsAt(SCRIPT_YAML_URI, 'flows:\n  - key: main\n    steps:\n      - key: hi\n        type: message\n        text: Hi |\n', ' ').items, []);
});

const YAML_STEP = 'flows:\n  - key: main\n    steps:\n      - key: lead\n        type: webhook\n';

test('YAML: triggered by the space after url:, or by the quote opened after it, the snippets are answered', () => {
  assert.deepEqual(labels(completionsAt(SCRIPT_YAML_URI, `${YAML_STEP}        url: |\n`, ' ').items), URL_SNIPPETS);
  assert.match(completionsAt(SCRIPT_YAML_URI, `${YAML_STEP}        url: "|"\n`, '"').accept('RedTrack postback'), /\n {8}url: "https:\/\/\$\{1:redtrack\.example\.com\}[^"\n]*"\n$/);
  assert.match(completionsAt(SCRIPT_YAML_URI, `${YAML_STEP}        url: '|'\n`, "'").accept('RedTrack postback'), /\n {8}url: 'https:\/\/\$\{1:redtrack\.example\.com\}[^'\n]*'\n$/);
});

test('YAML: a URL begun after url: keeps the snippets', () => {
  assert.deepEqual(labels(completionsAt(SCRIPT_YAML_URI, `${YAML_STEP}        url: "https://|"\n`).items), URL_SNIPPETS);
});

test('JSON: triggered by the space after "url":, the snippet brings its quotes', () => {
  const json = '{"flows": [{"steps": [{"key": "lead", "type": "webhook", "url": |}]}]}';
  assert.match(completionsAt(SCRIPT_JSON_URI, json, ' ').accept('Binom conversion'), /"url": "https:\/\/\$\{1:binom\.example\.com\}[^"]*"\}/);
});

test('no snippet once the URL is written', () => {
  assert.deepEqual(completionsAt(WEBHOOK_URI, 'GET https://x.example.com/|\n').items, []);
});

test('on the blank line of a POST request without a body, the JSON body snippet is offered', () => {
  const { items, accept } = completionsAt(WEBHOOK_URI, 'POST https://crm.example.com/leads\nContent-Type: application/json\n\n|');
  assert.deepEqual(items.map((item) => item.label), ['JSON body with the usual fields']);
  assert.match(accept('JSON body with the usual fields'), /\n\n\{\n {2}"username": "\{username\}",\n {2}"chat_id": "\{chatId\}",/);
});

test('no body snippet on a header line or for a GET request', () => {
  assert.deepEqual(completionsAt(WEBHOOK_URI, 'POST https://crm.example.com/leads\nContent-Type: |\n').items, []);
  assert.deepEqual(completionsAt(WEBHOOK_URI, 'GET https://crm.example.com/leads\n\n|').items, []);
});

test('in an empty url of a YAML webhook step, the snippets come quoted', () => {
  const yaml = 'flows:\n  - key: main\n    steps:\n      - key: lead\n        type: webhook\n        url: |\n';
  const { accept } = completionsAt(SCRIPT_YAML_URI, yaml);
  assert.match(accept('Binom conversion'), /\n {8}url: "https:\/\/\$\{1:binom\.example\.com\}\/click\.php\?cnv_id=\{tracker\.clickid\}[^"\n]*"\n$/);
});

test('in an empty url of a JSON webhook step, the snippet goes between the quotes', () => {
  const json = '{"flows": [{"steps": [{"key": "lead", "type": "webhook", "url": "|"}]}]}';
  const { accept } = completionsAt(SCRIPT_JSON_URI, json);
  assert.match(accept('Voluum postback'), /"url": "https:\/\/\$\{1:voluum\.example\.com\}\/postback\?cid=\{tracker\.clickid\}[^"]*"\}/);
});

test('no snippet in the url of a message step', () => {
  const yaml = 'flows:\n  - key: main\n    steps:\n      - key: hi\n        type: message\n        url: |\n';
  assert.deepEqual(completionsAt(SCRIPT_YAML_URI, yaml).items, []);
});

const MY_TRACKER = [
  {
    id: 'acme',
    name: 'Acme',
    host: '^acme\\.example\\.com$',
    path: '^/conv$',
    unknownParameters: 'ignored',
    parameters: [
      { name: 'click', meaning: 'Click id', required: true, suggestedValue: '{tracker.clickid}' },
      { name: 'kind', meaning: 'Kind', values: ['lead', 'sale'], whenAbsent: { value: 'sale', fixes: ['lead'] } },
    ],
  },
];

test('a receiver from the setting is checked like a built-in one', () => {
  const fields = { ...fieldsContext(), receivers: receiversFromSettings(MY_TRACKER) };
  assert.deepEqual(findings('https://acme.example.com/conv?kind=won&x=1', fields), [
    ['receiver-missing-parameter', '/conv'],
    ['receiver-value-not-allowed', 'won'],
    ['receiver-unknown-parameter', 'x'],
  ]);
  assert.deepEqual(findings('https://acme.example.com/conv?click={tracker.clickid}&kind=lead', fields), []);
});

test('a parameter a user table marks "number" is judged like a built-in one', () => {
  const fields = { ...fieldsContext(), receivers: receiversFromSettings([{ id: 'acme', name: 'Acme', path: '^/conv$', parameters: [{ name: 'amount', number: true }] }]) };
  assert.deepEqual(findings('https://acme.example.com/conv?amount={username}', fields), [['receiver-wrong-type', '{username}']]);
  assert.deepEqual(findings('https://acme.example.com/conv?amount={deposit_amount}', fields), []);
});

test('a user table wins over a built-in one with the same path', () => {
  const fields = { ...fieldsContext(), receivers: receiversFromSettings([{ id: 'mine', path: '^/click\\.php$', parameters: [] }]) };
  assert.deepEqual(findings('https://binom.example.com/click.php?payout=1', fields), []);
});

test('user tables at one path are told apart by their signature parameters; with neither present, neither is guessed', () => {
  const tables = receiversFromSettings([
    { id: 'left', path: '^/conv$', signature: ['lid'], parameters: [] },
    { id: 'right', path: '^/conv$', signature: ['rid'], parameters: [] },
  ]);
  const receiverOf = (url: string) => recogniseReceiver(url, tables)?.receiver.id;
  assert.equal(receiverOf('https://x.example.com/conv?lid=1'), 'left');
  assert.equal(receiverOf('https://x.example.com/conv?rid=1'), 'right');
  assert.equal(receiverOf('https://x.example.com/conv?other=1'), undefined);
});

test("a user table's host is a filter: elsewhere the built-in tables recognise the URL", () => {
  const tables = receiversFromSettings([{ id: 'mine', host: '^pb\\.mine\\.example$', path: '^/postback$', parameters: [] }]);
  assert.equal(recogniseReceiver('https://pb.mine.example/postback?cid=1', tables)?.receiver.id, 'mine');
  assert.equal(recogniseReceiver('https://t.example.com/postback?cid=1', tables)?.receiver.id, 'voluum');
});

test('malformed user tables are skipped, never thrown on', () => {
  const tables = receiversFromSettings([null, 3, { id: 'x' }, { id: 'bad', path: '(' }, { id: 'ok', path: '^/ok$', parameters: [{ pattern: '[' }, { name: 'a' }] }]);
  assert.deepEqual(tables.map((table) => [table.id, table.parameters.length]), [['ok', 1]]);
  assert.deepEqual(receiversFromSettings('nonsense'), []);
});
