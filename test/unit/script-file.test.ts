// Specifies how YAML and JSON script files are read into regions, webhook requests and steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScriptFile } from '../../server/src/core/read/script-file';
import { ProblemCode } from '../../server/src/core/base/problems';
import type { Span } from '../../server/src/core/base/types';
import { EN } from '../support/l10n';

const YAML_SCRIPT = `flows:
  - key: main
    steps:
      - key: welcome
        type: message
        text: "Hi {{username}}!"
      - key: lead_postback
        type: webhook        # or the old name send_webhook
        method: POST
        url: "https://t.example/postback?subid={tracker.clickid}"
        headers: { Authorization: "Bearer x" }
        body: '{"chat_id": "{chatId}"}'
`;

const JSON_SCRIPT = `{
  "flows": [
    {
      "key": "main",
      "steps": [
        { "key": "welcome", "type": "message", "text": "Hi {{username}}!" },
        {
          "key": "lead_postback",
          "type": "webhook",
          "method": "POST",
          "url": "https://t.example/postback?subid={tracker.clickid}",
          "headers": { "Authorization": "Bearer x" },
          "body": "{\\"chat_id\\": \\"{chatId}\\"}"
        }
      ]
    }
  ]
}`;

function slice(text: string, span: Span | undefined): string | undefined {
  return span && text.slice(span.start, span.end);
}

function regionTexts(text: string, format: 'yaml' | 'json'): string[] {
  return parseScriptFile(text, format).regions.map((region) => `${region.dialect} ${region.place}: ${slice(text, region)}`);
}

const EXPECTED_REGIONS = [
  'message text: main',
  'message text: welcome',
  'message text: message',
  'message text: Hi {{username}}!',
  'message text: lead_postback',
  'message text: webhook',
  'message text: POST',
  'webhook url: https://t.example/postback?subid={tracker.clickid}',
  'webhook header: Bearer x',
];

test('YAML: every string value is a region, webhook fields in the webhook dialect', () => {
  assert.deepEqual(regionTexts(YAML_SCRIPT, 'yaml'), [...EXPECTED_REGIONS, 'webhook body: {"chat_id": "{chatId}"}']);
});

test('YAML: the document kind is script-yaml and a clean file has no problems', () => {
  const parsed = parseScriptFile(YAML_SCRIPT, 'yaml');
  assert.equal(parsed.kind, 'script-yaml');
  assert.deepEqual(parsed.problems, []);
});

test('YAML: a webhook step is a request with method, url, headers, body and step key', () => {
  const [request] = parseScriptFile(YAML_SCRIPT, 'yaml').requests;
  assert.equal(request.name, 'lead_postback');
  assert.equal(slice(YAML_SCRIPT, request.nameSpan), 'lead_postback');
  assert.equal(request.stepKey, 'lead_postback');
  assert.equal(request.method, 'POST');
  assert.equal(slice(YAML_SCRIPT, request.methodSpan), 'POST');
  assert.equal(request.url?.value, 'https://t.example/postback?subid={tracker.clickid}');
  assert.deepEqual(request.headers.map((header) => [header.name, slice(YAML_SCRIPT, header.nameSpan), header.value.value]), [
    ['Authorization', 'Authorization', 'Bearer x'],
  ]);
  assert.equal(request.body?.value, '{"chat_id": "{chatId}"}');
});

test('YAML: a request spans its whole step mapping', () => {
  const [request] = parseScriptFile(YAML_SCRIPT, 'yaml').requests;
  const span = slice(YAML_SCRIPT, request.span) ?? '';
  assert.ok(span.startsWith('key: lead_postback'));
  assert.ok(span.endsWith(`body: '{"chat_id": "{chatId}"}'`));
});

test('YAML: every step is listed with its key, type and flow', () => {
  const { steps } = parseScriptFile(YAML_SCRIPT, 'yaml');
  assert.deepEqual(steps.map((step) => [step.key, slice(YAML_SCRIPT, step.keySpan), step.type, step.flowKey]), [
    ['welcome', 'welcome', 'message', 'main'],
    ['lead_postback', 'lead_postback', 'webhook', 'main'],
  ]);
  assert.ok(slice(YAML_SCRIPT, steps[0].span)?.startsWith('key: welcome'));
});

test('JSON: the same script gives the same regions, inside the quotes', () => {
  assert.deepEqual(regionTexts(JSON_SCRIPT, 'json'), [...EXPECTED_REGIONS, 'webhook body: {\\"chat_id\\": \\"{chatId}\\"}']);
});

test('JSON: an escaped body keeps its raw span and a decoded value', () => {
  const parsed = parseScriptFile(JSON_SCRIPT, 'json');
  const body = parsed.requests[0].body;
  assert.equal(parsed.kind, 'script-json');
  assert.equal(body?.value, '{"chat_id": "{chatId}"}');
  assert.equal(slice(JSON_SCRIPT, body?.span), '{\\"chat_id\\": \\"{chatId}\\"}');
});

test('JSON: a webhook step is a request and every step is listed', () => {
  const parsed = parseScriptFile(JSON_SCRIPT, 'json');
  assert.deepEqual(parsed.requests.map((request) => [request.name, request.method, request.url?.value]), [
    ['lead_postback', 'POST', 'https://t.example/postback?subid={tracker.clickid}'],
  ]);
  assert.deepEqual(parsed.steps.map((step) => [step.key, step.type, step.flowKey]), [
    ['welcome', 'message', 'main'],
    ['lead_postback', 'webhook', 'main'],
  ]);
  assert.deepEqual(parsed.problems, []);
});

test('JSON: property names are never regions', () => {
  const text = '{"{chatId}": "v {{name}}"}';
  assert.deepEqual(regionTexts(text, 'json'), ['message text: v {{name}}']);
});

test('the old step type send_webhook is a webhook step too', () => {
  const text = 'flows:\n  - steps:\n      - key: pb\n        type: send_webhook\n        url: https://x/{chatId}\n';
  const parsed = parseScriptFile(text, 'yaml');
  assert.equal(parsed.requests[0].url?.value, 'https://x/{chatId}');
  assert.ok(regionTexts(text, 'yaml').includes('webhook url: https://x/{chatId}'));
});

test('url, headers and body of a non-webhook step are message text', () => {
  const text = 'flows:\n  - steps:\n      - key: m\n        type: message\n        url: https://x/{{chatId}}\n';
  const parsed = parseScriptFile(text, 'yaml');
  assert.deepEqual(parsed.requests, []);
  assert.ok(regionTexts(text, 'yaml').includes('message text: https://x/{{chatId}}'));
});

test('a plain scalar url is a region of its text', () => {
  const text = 'flows:\n  - steps:\n      - type: webhook\n        url: https://x/?id={chatId}   # note\n';
  assert.deepEqual(regionTexts(text, 'yaml').filter((region) => region.startsWith('webhook')), ['webhook url: https://x/?id={chatId}']);
});

test('a literal block scalar body is a region of its content lines', () => {
  const text = 'flows:\n  - steps:\n      - type: webhook\n        body: |\n          {\n            "chat": "{chatId}"\n          }\n        method: POST\n';
  const [request] = parseScriptFile(text, 'yaml').requests;
  assert.equal(slice(text, request.body?.span), '{\n            "chat": "{chatId}"\n          }');
  assert.equal(request.body?.value, '{\n  "chat": "{chatId}"\n}\n');
});

test('a folded block scalar keeps its raw span and a folded value', () => {
  const text = 'flows:\n  - steps:\n      - type: webhook\n        url: >-\n          https://x/?a={a}\n          &b={b}\n';
  const [request] = parseScriptFile(text, 'yaml').requests;
  assert.equal(slice(text, request.url?.span), 'https://x/?a={a}\n          &b={b}');
  assert.equal(request.url?.value, 'https://x/?a={a} &b={b}');
});

test('a single-quoted YAML value is decoded, its span stays raw', () => {
  const text = "flows:\n  - steps:\n      - type: webhook\n        body: '{\"n\": \"it''s {username}\"}'\n";
  const [request] = parseScriptFile(text, 'yaml').requests;
  assert.equal(slice(text, request.body?.span), `{"n": "it''s {username}"}`);
  assert.equal(request.body?.value, `{"n": "it's {username}"}`);
});

test('a double-quoted YAML value with escapes is decoded, its span stays raw', () => {
  const text = 'flows:\n  - steps:\n      - type: webhook\n        body: "{\\"a\\": \\"{chatId}\\"}"\n';
  const [request] = parseScriptFile(text, 'yaml').requests;
  assert.equal(slice(text, request.body?.span), '{\\"a\\": \\"{chatId}\\"}');
  assert.equal(request.body?.value, '{"a": "{chatId}"}');
});

test('strings nested anywhere else are message text, buttons included', () => {
  const text = [
    'title: "Sales bot {{name}}"',
    'flows:',
    '  - key: main',
    '    steps:',
    '      - key: menu',
    '        type: message',
    '        buttons:',
    '          - text: "Open {{variables.regLink}}"',
    '            extra: { label: "{{fields.geo}}" }',
    '',
  ].join('\n');
  assert.deepEqual(regionTexts(text, 'yaml'), [
    'message text: Sales bot {{name}}',
    'message text: main',
    'message text: menu',
    'message text: message',
    'message text: Open {{variables.regLink}}',
    'message text: {{fields.geo}}',
  ]);
});

test('other strings inside a webhook step are message text', () => {
  const text = 'flows:\n  - steps:\n      - type: webhook\n        title: "Postback {{username}}"\n';
  assert.ok(regionTexts(text, 'yaml').includes('message text: Postback {{username}}'));
});

test('mapping keys are never regions', () => {
  const text = '"{chatId}": x\nnested:\n  "{{name}}": y\n';
  assert.deepEqual(regionTexts(text, 'yaml'), ['message text: x', 'message text: y']);
});

test('header names are keys, header values are webhook regions', () => {
  const text = 'flows:\n  - steps:\n      - type: webhook\n        headers:\n          X-Chat: "{chatId}"\n          X-User: "{username}"\n';
  const [request] = parseScriptFile(text, 'yaml').requests;
  assert.deepEqual(request.headers.map((header) => [header.name, slice(text, header.value.span)]), [
    ['X-Chat', '{chatId}'],
    ['X-User', '{username}'],
  ]);
  assert.deepEqual(regionTexts(text, 'yaml').filter((region) => region.startsWith('webhook')), [
    'webhook header: {chatId}',
    'webhook header: {username}',
  ]);
});

test('numbers, booleans and nulls are not regions', () => {
  const text = 'a: 1\nb: true\nc: null\nd: ~\ne:\nf: 2.5\n';
  assert.deepEqual(parseScriptFile(text, 'yaml').regions, []);
  assert.deepEqual(parseScriptFile('{"a": 1, "b": false, "c": null}', 'json').regions, []);
});

test('comments are never regions', () => {
  const text = '# {{name}}\na: x # {chatId}\n';
  assert.deepEqual(regionTexts(text, 'yaml'), ['message text: x']);
});

test('a request defaults to GET without a method span', () => {
  const text = 'flows:\n  - steps:\n      - key: pb\n        type: webhook\n        url: https://x/\n';
  const [request] = parseScriptFile(text, 'yaml').requests;
  assert.equal(request.method, 'GET');
  assert.equal(request.methodSpan, undefined);
});

test('the method is upper-cased', () => {
  const text = 'flows:\n  - steps:\n      - type: webhook\n        method: post\n';
  assert.equal(parseScriptFile(text, 'yaml').requests[0].method, 'POST');
});

test('a webhook step without a key is named by its flow and index', () => {
  const text = 'flows:\n  - key: main\n    steps:\n      - type: message\n      - type: webhook\n        url: https://x/\n';
  const [request] = parseScriptFile(text, 'yaml').requests;
  assert.equal(request.name, 'main/1');
  assert.equal(request.stepKey, undefined);
  assert.deepEqual(request.nameSpan, { start: request.span.start, end: request.span.start });
});

test('an alias is not a region, its anchored value is', () => {
  const text = 'base: &link "https://x/{{chatId}}"\ncopy: *link\n';
  assert.deepEqual(regionTexts(text, 'yaml'), ['message text: https://x/{{chatId}}']);
});

test('every document of a multi-document YAML file is read', () => {
  const text = 'a: "one {{name}}"\n---\nb: "two {{name}}"\n';
  assert.deepEqual(regionTexts(text, 'yaml'), ['message text: one {{name}}', 'message text: two {{name}}']);
});

test('a root that is not a mapping gives its strings and no steps', () => {
  const yaml = parseScriptFile('- "a {{name}}"\n- 1\n', 'yaml');
  assert.equal(yaml.regions.length, 1);
  assert.deepEqual(yaml.steps, []);
  assert.deepEqual(parseScriptFile('"just {{name}}"', 'json').regions, [{ start: 1, end: 14, dialect: 'message', place: 'text' }]);
  assert.deepEqual(parseScriptFile('42', 'json').regions, []);
});

test('flows or steps of the wrong shape give no steps and no crash', () => {
  const text = 'flows:\n  main:\n    steps: "none"\n';
  const parsed = parseScriptFile(text, 'yaml');
  assert.deepEqual(parsed.steps, []);
  assert.deepEqual(parsed.problems, []);
});

test('empty files give nothing', () => {
  for (const [text, format] of [['', 'yaml'], ['', 'json'], ['# only a comment\n', 'yaml']] as const) {
    const parsed = parseScriptFile(text, format);
    assert.deepEqual([parsed.regions, parsed.requests, parsed.steps, parsed.problems], [[], [], [], []]);
  }
});

test('a YAML syntax error is reported inside the text and the rest is still read', () => {
  const text = 'a: "fine {{name}}"\nb: [1, 2\nc: x\n';
  const parsed = parseScriptFile(text, 'yaml');
  assert.ok(parsed.problems.length > 0);
  for (const problem of parsed.problems) {
    assert.equal(problem.code, ProblemCode.ScriptSyntaxError);
    assert.ok(problem.span.start >= 0 && problem.span.start <= problem.span.end && problem.span.end <= text.length);
    assert.ok(EN.say(problem.args[0]).length > 0);
  }
  assert.equal(regionTexts(text, 'yaml')[0], 'message text: fine {{name}}');
});

test('a YAML unclosed quote is reported and its value is still a region', () => {
  const text = 'a: "open {{name}}\n';
  const parsed = parseScriptFile(text, 'yaml');
  assert.equal(parsed.problems[0].code, ProblemCode.ScriptSyntaxError);
  assert.match(slice(text, parsed.regions[0]) ?? '', /^open \{\{name\}\}/);
});

test('a JSON syntax error is reported with a readable message and the rest is still read', () => {
  const text = '{"a": "x {{name}}" "b": "y"}';
  const parsed = parseScriptFile(text, 'json');
  assert.deepEqual(parsed.problems.map((problem) => [problem.code, EN.say(problem.args[0]), slice(text, problem.span)]), [
    [ProblemCode.ScriptSyntaxError, 'Comma expected', '"b"'],
  ]);
  assert.deepEqual(regionTexts(text, 'json'), ['message text: x {{name}}', 'message text: y']);
});

test('a JSON string that is never closed is reported and its span has no quote', () => {
  const text = '{"a": "open {{name}}';
  const parsed = parseScriptFile(text, 'json');
  assert.ok(parsed.problems.some((problem) => problem.code === ProblemCode.ScriptSyntaxError));
  assert.equal(slice(text, parsed.regions[0]), 'open {{name}}');
});

test('JSON comments and trailing commas are read without problems', () => {
  const text = '{\n  // note\n  "a": "x",\n}';
  const parsed = parseScriptFile(text, 'json');
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(regionTexts(text, 'json'), ['message text: x']);
});

test('deeply nested input never throws', () => {
  const brackets = '['.repeat(20000) + ']'.repeat(20000);
  const objects = '{"a":'.repeat(20000) + '"x"' + '}'.repeat(20000);
  const blockSequences = '- '.repeat(5000) + 'x';
  assert.doesNotThrow(() => parseScriptFile(brackets, 'json'));
  assert.doesNotThrow(() => parseScriptFile(objects, 'json'));
  assert.doesNotThrow(() => parseScriptFile(brackets, 'yaml'));
  assert.doesNotThrow(() => parseScriptFile(blockSequences, 'yaml'));
});

test('YAML offsets count UTF-16 code units past Cyrillic and emoji', () => {
  const text = 'привет: "Здравствуйте 😀 {{username}}"\nflows:\n  - steps:\n      - type: webhook\n        url: "https://x/😀?u={username}"\n';
  const parsed = parseScriptFile(text, 'yaml');
  assert.deepEqual(regionTexts(text, 'yaml'), ['message text: Здравствуйте 😀 {{username}}', 'message text: webhook', 'webhook url: https://x/😀?u={username}']);
  assert.equal(parsed.requests[0].url?.span.end, text.indexOf('{username}"') + '{username}'.length);
});

test('JSON offsets count UTF-16 code units past Cyrillic and emoji', () => {
  const text = '{"привет": "Здравствуйте 😀 {{username}}", "b": "😀😀 {{name}}"}';
  assert.deepEqual(regionTexts(text, 'json'), ['message text: Здравствуйте 😀 {{username}}', 'message text: 😀😀 {{name}}']);
});

test('a JSON file of comments only is empty, not broken', () => {
  assert.deepEqual(parseScriptFile('// to do\n', 'json').problems, []);
});

test('JSON nested too deeply to read is reported as such', () => {
  const text = '['.repeat(20000) + ']'.repeat(20000);
  assert.deepEqual(parseScriptFile(text, 'json').problems.map((problem) => EN.say(problem.args[0])), ['The document is nested too deeply to read']);
});
