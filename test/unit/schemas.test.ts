// Checks the contributed JSON Schemas (fields file, script file) and the examples/ workspace with VS Code's JSON language service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { getLanguageService, TextDocument, type SchemaConfiguration } from 'vscode-json-languageservice';
import { examplesDir, repoRoot } from '../support/paths';

interface SchemaContribution {
  fileMatch: string[];
  url: string;
}

/** A problem the service reports: where it starts, the text it underlines and its message. */
interface Problem {
  offset: number;
  text: string;
  message: string;
}

type Json = Record<string, unknown>;

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

/** The schema associations exactly as package.json contributes them (jsonValidation and yamlValidation). */
function contributedSchemas(): SchemaConfiguration[] {
  const contributes = readJson(join(repoRoot, 'package.json')).contributes as Record<string, SchemaContribution[]>;
  return [...contributes.jsonValidation, ...contributes.yamlValidation].map(({ fileMatch, url }) => ({
    uri: pathToFileURL(join(repoRoot, url)).href,
    fileMatch,
    schema: readJson(join(repoRoot, url)),
  }));
}

const service = getLanguageService({
  schemaRequestService: (uri) => Promise.reject(new Error(`the test serves every schema inline, not ${uri}`)),
});
service.configure({ validate: true, allowComments: false, schemas: contributedSchemas() });

/** Validates JSON text as a file of that name in a workspace, as VS Code's JSON support would. */
async function problemsOf(fileName: string, text: string): Promise<Problem[]> {
  const document = TextDocument.create(`file:///workspace/${fileName}`, 'json', 1, text);
  const diagnostics = await service.doValidation(document, service.parseJSONDocument(document));
  return diagnostics.map(({ range, message }) => ({
    offset: document.offsetAt(range.start),
    text: document.getText(range),
    message,
  }));
}

/** Validates a YAML file through its JSON form, as the YAML extension would with the same schema. */
function problemsOfYaml(fileName: string, yamlText: string): Promise<Problem[]> {
  return problemsOf(fileName, JSON.stringify(parseYaml(yamlText), null, 2));
}

function example(name: string): string {
  return readFileSync(join(examplesDir, name), 'utf8');
}

test('examples/webhook-fields.json fits the fields schema', async () => {
  assert.deepEqual(await problemsOf('webhook-fields.json', example('webhook-fields.json')), []);
});

test('examples/partners.script.json fits the script schema', async () => {
  assert.deepEqual(await problemsOf('partners.script.json', example('partners.script.json')), []);
});

test('examples/funnel.script.yaml fits the script schema (its mistakes are placeholder mistakes only)', async () => {
  assert.deepEqual(await problemsOfYaml('funnel.script.yaml', example('funnel.script.yaml')), []);
});

test('a fields file in YAML is checked against the same schema', async () => {
  const problems = await problemsOfYaml('webhook-fields.yml', 'customFields:\n  geo:\n    type: select\n');
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /"items"/);
});

test('a select field without items is flagged on the field key', async () => {
  const text = '{ "customFields": { "geo": { "type": "select", "description": "Country" } } }';
  const problems = await problemsOf('webhook-fields.json', text);
  assert.deepEqual(problems.map((p) => p.text), ['"geo"']);
  assert.match(problems[0].message, /"items"/);
});

test('a multiselect field without items is flagged too', async () => {
  const problems = await problemsOf('webhook-fields.json', '{ "customFields": { "tags": { "type": "multiselect" } } }');
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /"items"/);
});

test('a select field with items passes', async () => {
  const text = '{ "customFields": { "geo": { "type": "select", "items": ["KZ", "UZ"], "example": "KZ" } } }';
  assert.deepEqual(await problemsOf('webhook-fields.json', text), []);
});

test('an unknown field type is flagged on the type value', async () => {
  const problems = await problemsOf('webhook-fields.json', '{ "customFields": { "amount": { "type": "integer" } } }');
  assert.deepEqual(problems.map((p) => p.text), ['"integer"']);
  assert.match(problems[0].message, /"long-text"/);
});

test('a custom field without a type is flagged', async () => {
  const problems = await problemsOf('webhook-fields.json', '{ "customFields": { "amount": { "description": "Sum" } } }');
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /"type"/);
});

test('a custom field key that is not an identifier is flagged on the key, with the reason', async () => {
  const problems = await problemsOf('webhook-fields.json', '{ "customFields": { "deposit amount": { "type": "number" } } }');
  assert.deepEqual(problems.map((p) => p.text), ['"deposit amount"']);
  assert.match(problems[0].message, /Not an identifier/);
});

test('a tracker field key that is not an identifier is flagged on the key', async () => {
  const problems = await problemsOf('webhook-fields.json', '{ "trackerFields": { "sub-1": { "example": "fb" } } }');
  assert.deepEqual(problems.map((p) => p.text), ['"sub-1"']);
});

test('a misspelt top-level section of the fields file is flagged', async () => {
  const problems = await problemsOf('webhook-fields.json', '{ "customField": {} }');
  assert.deepEqual(problems.map((p) => p.text), ['"customField"']);
});

test('an unknown placeholderSyntax is flagged', async () => {
  const problems = await problemsOf('webhook-fields.json', '{ "placeholderSyntax": "brackets" }');
  assert.deepEqual(problems.map((p) => p.text), ['"brackets"']);
});

test('profile values may be strings, numbers, booleans and ${env:NAME} references', async () => {
  const text = '{ "profiles": { "ci": { "chatId": "${env:CHAT_ID}", "tracker.clickid": "abc", "deposit_amount": 5, "vip": true } } }';
  assert.deepEqual(await problemsOf('webhook-fields.json', text), []);
});

test('a profile value that is an object is flagged', async () => {
  const problems = await problemsOf('webhook-fields.json', '{ "profiles": { "ci": { "geo": { "code": "KZ" } } } }');
  assert.deepEqual(problems.map((p) => p.text), ['{ "code": "KZ" }']);
});

test('a webhook step without url is flagged at the start of the step', async () => {
  const text = '{ "flows": [{ "key": "main", "steps": [{ "key": "postback", "type": "webhook", "method": "GET" }] }] }';
  const problems = await problemsOf('main.script.json', text);
  assert.deepEqual(problems.map((p) => p.offset), [text.indexOf('{ "key": "postback"')]);
  assert.match(problems[0].message, /"url"/);
});

test('a step of the old type send_webhook needs a url too', async () => {
  const text = '{ "flows": [{ "key": "main", "steps": [{ "key": "postback", "type": "send_webhook" }] }] }';
  const problems = await problemsOf('main.script.json', text);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /"url"/);
});

test('a misspelt setting of a webhook step is flagged', async () => {
  const step = '{ "key": "p", "type": "webhook", "url": "https://x.test/", "header": { "A": "b" } }';
  const problems = await problemsOf('main.script.json', `{ "flows": [{ "key": "main", "steps": [${step}] }] }`);
  assert.deepEqual(problems.map((p) => p.text), ['"header"']);
});

test('a webhook method other than GET or POST is flagged', async () => {
  const step = '{ "key": "p", "type": "webhook", "method": "PUT", "url": "https://x.test/" }';
  const problems = await problemsOf('main.script.json', `{ "flows": [{ "key": "main", "steps": [${step}] }] }`);
  assert.deepEqual(problems.map((p) => p.text), ['"PUT"']);
});

test('other step types may carry any further settings', async () => {
  const step = '{ "key": "ask", "type": "ai_reply", "prompt": "Answer {{username}}", "model": "gpt", "temperature": 0.2 }';
  assert.deepEqual(await problemsOf('main.script.json', `{ "flows": [{ "key": "main", "steps": [${step}] }] }`), []);
});

test('an unknown step type is flagged', async () => {
  const text = '{ "flows": [{ "key": "main", "steps": [{ "key": "hi", "type": "send_message" }] }] }';
  const problems = await problemsOf('main.script.json', text);
  assert.deepEqual(problems.map((p) => p.text), ['"send_message"']);
});

test('a step without a key is flagged', async () => {
  const problems = await problemsOf('main.script.json', '{ "flows": [{ "key": "main", "steps": [{ "type": "note" }] }] }');
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /"key"/);
});

test('an unknown finish status is flagged', async () => {
  const text = '{ "flows": [{ "key": "main", "steps": [{ "key": "n", "type": "note", "finishStatus": "done" }] }] }';
  const problems = await problemsOf('main.script.json', text);
  assert.deepEqual(problems.map((p) => p.text), ['"done"']);
});

test('a delay is seconds or a duration such as 5m', async () => {
  const steps = [90, '"5m"', '"soon"'].map((delay, i) => `{ "key": "d${i}", "type": "delay", "delay": ${delay} }`);
  const problems = await problemsOf('main.script.json', `{ "flows": [{ "key": "main", "steps": [${steps.join(', ')}] }] }`);
  assert.deepEqual(problems.map((p) => p.text), ['"soon"']);
});

/** Labels the service completes at the `|` marker of JSON text, as a file of that name. */
async function completionLabels(fileName: string, textWithCursor: string): Promise<string[]> {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const document = TextDocument.create(`file:///workspace/${fileName}`, 'json', 1, text);
  const list = await service.doComplete(document, document.positionAt(offset), service.parseJSONDocument(document));
  return (list?.items ?? []).map((item) => item.label);
}

test('completion in a webhook step offers its settings', async () => {
  const text = '{ "flows": [{ "key": "main", "steps": [{ "key": "p", "type": "webhook", | }] }] }';
  const labels = await completionLabels('main.script.json', text);
  for (const setting of ['method', 'url', 'headers', 'body', 'finishStatus']) assert.ok(labels.includes(setting), setting);
});

test('completion in a message step offers text and buttons, not webhook settings', async () => {
  const text = '{ "flows": [{ "key": "main", "steps": [{ "key": "hi", "type": "message", | }] }] }';
  const labels = await completionLabels('main.script.json', text);
  assert.ok(labels.includes('text') && labels.includes('buttons'));
  assert.ok(!labels.includes('url'));
});

test('hover on a fields-file property explains it', async () => {
  const text = '{ "placeholderSyntax": "angle" }';
  const document = TextDocument.create('file:///workspace/webhook-fields.json', 'json', 1, text);
  const hover = await service.doHover(document, document.positionAt(5), service.parseJSONDocument(document));
  assert.match(JSON.stringify(hover?.contents), /`<KEY>`/);
});

/** Follows a local `#/definitions/NAME` reference to the schema it names. */
function resolveRef(root: Json, node: Json): Json {
  if (typeof node.$ref !== 'string') return node;
  const definitions = root.definitions as Record<string, Json>;
  return resolveRef(root, definitions[node.$ref.replace('#/definitions/', '')]);
}

/** Every entry of every `properties` map (outside `if` conditions and snippets), by path, with its `$ref` resolved. */
function documentedProperties(root: Json, node: unknown = root, path = '#'): [string, Json][] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, child]): [string, Json][] => {
    if (key === 'if' || key === 'defaultSnippets') return [];
    const entries = key === 'properties' ? Object.entries(child as Json) : [];
    const own = entries.map(([name, p]): [string, Json] => [`${path}.${name}`, resolveRef(root, p as Json)]);
    return [...own, ...documentedProperties(root, child, `${path}.${key}`)];
  });
}

for (const file of ['webhook-fields.schema.json', 'script.schema.json']) {
  test(`every property of ${file} has a title, description and markdownDescription for hovers`, () => {
    const properties = documentedProperties(readJson(join(repoRoot, 'schemas', file)));
    assert.ok(properties.length > 10);
    const undocumented = properties.filter(([, p]) => !p.title || !p.description || !p.markdownDescription).map(([path]) => path);
    assert.deepEqual(undocumented, []);
  });
}
