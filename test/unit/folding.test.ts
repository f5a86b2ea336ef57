// Specifies folding ranges: each request of a `.webhook` file and the brackets of its JSON body; none for scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { foldingRanges } from '../../server/src/core/language/folding';
import { parseScriptFile } from '../../server/src/core/read/script-file';
import { parseWebhookFile } from '../../server/src/core/read/webhook-file';

function foldsOf(lines: string[]): [number, number][] {
  const text = lines.join('\n');
  const document = TextDocument.create('file:///project/x.webhook', 'webhook-template', 1, text);
  return foldingRanges(document, parseWebhookFile(text)).map((range) => [range.startLine, range.endLine]);
}

test('a request folds from its title to its last content line', () => {
  assert.deepEqual(foldsOf([
    '### Lead', //                            0
    '# Keitaro records it as a lead', //      1
    'GET https://t.example/p?status=lead', // 2
    '', //                                    3
    '### Sale', //                            4
    'GET https://t.example/p?status=sale', // 5
    '', //                                    6
    '', //                                    7
  ]), [[0, 2], [4, 5]]);
});

test('a request on one line does not fold', () => {
  assert.deepEqual(foldsOf(['GET https://t.example/p', '', '', '### # only a comment after the title']), []);
});

test('the request before the first title folds from its first non-blank line', () => {
  assert.deepEqual(foldsOf(['', '', '# postback', 'GET https://t.example/p', '']), [[2, 3]]);
});

test('a multi-line JSON body folds per bracket pair, its closing line left in sight', () => {
  assert.deepEqual(foldsOf([
    '### CRM', //                           0
    'POST https://crm.example/api', //      1
    'Content-Type: application/json', //    2
    '', //                                  3
    '{', //                                 4
    '  "tags": [', //                       5
    '    "lead",', //                       6
    '    "{geo}"', //                       7
    '  ],', //                              8
    '  "meta": {"chat": "{chatId}"}', //    9
    '}', //                                 10
  ]), [[0, 10], [4, 9], [5, 7]]);
});

test('brackets opened on one line fold once', () => {
  assert.deepEqual(foldsOf([
    'POST https://crm.example/api', // 0
    '', //                             1
    '[{', //                           2
    '  "a": 1', //                     3
    '}]', //                           4
  ]), [[0, 4], [2, 3]]);
});

test('braces inside strings and unclosed brackets do not fold', () => {
  assert.deepEqual(foldsOf([
    'POST https://crm.example/api', // 0
    '', //                             1
    '{', //                            2
    '  "a": "{",', //                  3
    '  "b": "}",', //                  4
    '  "c": [', //                     5
    '    1', //                        6
  ]), [[0, 6]]);
});

test('a body that is not JSON gets no fold of its own', () => {
  assert.deepEqual(foldsOf([
    'POST https://crm.example/api', // 0
    'Content-Type: application/x-www-form-urlencoded', // 1
    '', //                             2
    'a=1&', //                         3
    'b={chatId}', //                   4
    '', //                             5
  ]), [[0, 4]]);
});

test('script files get no folding ranges (the editor folds YAML and JSON itself)', () => {
  const text = 'flows:\n  - key: main\n    steps:\n      - key: pb\n        type: webhook\n        body: |\n          {\n            "a": 1\n          }\n';
  const document = TextDocument.create('file:///project/bot.script.yaml', 'yaml', 1, text);
  assert.deepEqual(foldingRanges(document, parseScriptFile(text, 'yaml')), []);
});
