// Specifies how a document's kind follows from its file name, URI or path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentKindOf, isFieldsKind, isTemplateKind } from '../../server/src/core/read/document-kind';

test('a .webhook file is a webhook document', () => {
  assert.equal(documentKindOf('/home/ann/bot/postbacks.webhook'), 'webhook');
});

test('*.script.yaml and *.script.yml are YAML script files', () => {
  assert.equal(documentKindOf('/bot/main.script.yaml'), 'script-yaml');
  assert.equal(documentKindOf('/bot/main.script.yml'), 'script-yaml');
});

test('*.script.json is a JSON script file', () => {
  assert.equal(documentKindOf('/bot/main.script.json'), 'script-json');
});

test('webhook-fields.json is the JSON fields file', () => {
  assert.equal(documentKindOf('/bot/webhook-fields.json'), 'fields-json');
});

test('webhook-fields.yaml and webhook-fields.yml are the YAML fields file', () => {
  assert.equal(documentKindOf('/bot/webhook-fields.yaml'), 'fields-yaml');
  assert.equal(documentKindOf('/bot/webhook-fields.yml'), 'fields-yaml');
});

test('other names are no document of ours', () => {
  assert.equal(documentKindOf('/bot/main.yaml'), undefined);
  assert.equal(documentKindOf('/bot/package.json'), undefined);
  assert.equal(documentKindOf('/bot/my-webhook-fields.json'), undefined);
  assert.equal(documentKindOf('/bot/notes.webhook.txt'), undefined);
});

test('only the file name counts, not the folders above it', () => {
  assert.equal(documentKindOf('/bot/x.webhook/readme.md'), undefined);
  assert.equal(documentKindOf('/bot/webhook-fields.json/main.script.yaml'), 'script-yaml');
});

test('a file: URI with percent-escapes is read by its decoded name', () => {
  assert.equal(documentKindOf('file:///home/ann/My%20Bots/lead%20postback.webhook'), 'webhook');
  assert.equal(documentKindOf('file:///home/ann/bot/webhook%2Dfields.json'), 'fields-json');
});

test('a file: URI of a Windows path keeps its kind', () => {
  assert.equal(documentKindOf('file:///c%3A/Users/Ann/My%20Bots/main.script.yml'), 'script-yaml');
});

test('a Windows path with backslashes and a drive letter is read by its file name', () => {
  assert.equal(documentKindOf('C:\\Users\\Ann\\bots\\webhook-fields.yaml'), 'fields-yaml');
  assert.equal(documentKindOf('C:\\Users\\Ann\\bots\\send.webhook'), 'webhook');
});

test('an untitled document has no kind', () => {
  assert.equal(documentKindOf('untitled:Untitled-1'), undefined);
});

test('an extra glob with ** makes matching YAML files script files', () => {
  assert.equal(documentKindOf('/work/project/src/bots/sales.yaml', ['**/bots/*.yaml']), 'script-yaml');
  assert.equal(documentKindOf('/work/project/src/other/sales.yaml', ['**/bots/*.yaml']), undefined);
});

test('an extra glob with a folder matches the end of the path', () => {
  assert.equal(documentKindOf('/work/project/flows/main.json', ['flows/*.json']), 'script-json');
  assert.equal(documentKindOf('/work/project/flows/deep/main.json', ['flows/*.json']), undefined);
  assert.equal(documentKindOf('/work/project/myflows/main.json', ['flows/*.json']), undefined);
});

test('an extra glob without a slash matches the base name anywhere', () => {
  assert.equal(documentKindOf('/a/b/c/bot-sales.yml', ['bot-*.yml']), 'script-yaml');
});

test('an extra glob matches file: URIs and Windows paths too', () => {
  assert.equal(documentKindOf('file:///home/ann/My%20Bots/flows/a.json', ['flows/*.json']), 'script-json');
  assert.equal(documentKindOf('C:\\work\\flows\\a.json', ['flows/*.json']), 'script-json');
});

test('an extra glob supports {a,b} alternatives and ?', () => {
  const globs = ['bots/{sales,support}/v?.{yaml,json}'];
  assert.equal(documentKindOf('/p/bots/sales/v1.yaml', globs), 'script-yaml');
  assert.equal(documentKindOf('/p/bots/support/v2.json', globs), 'script-json');
  assert.equal(documentKindOf('/p/bots/hr/v1.yaml', globs), undefined);
  assert.equal(documentKindOf('/p/bots/sales/v10.yaml', globs), undefined);
});

test('glob characters that mean something in a RegExp are taken literally', () => {
  assert.equal(documentKindOf('/p/bots (old)/a+b.yaml', ['bots (old)/a+b.yaml']), 'script-yaml');
  assert.equal(documentKindOf('/p/bots (old)/aab.yaml', ['bots (old)/a+b.yaml']), undefined);
});

test('a file matched by an extra glob needs a JSON or YAML extension', () => {
  assert.equal(documentKindOf('/p/bots/readme.md', ['bots/*']), undefined);
  assert.equal(documentKindOf('/p/bots/main.json', ['bots/*']), 'script-json');
});

test('the built-in names win over extra globs', () => {
  assert.equal(documentKindOf('/p/bots/webhook-fields.json', ['bots/*.json']), 'fields-json');
});

test('isTemplateKind is true for webhook and script documents only', () => {
  assert.deepEqual(
    (['webhook', 'script-yaml', 'script-json', 'fields-json', 'fields-yaml', undefined] as const).map(isTemplateKind),
    [true, true, true, false, false, false],
  );
});

test('isFieldsKind is true for fields files only', () => {
  assert.deepEqual(
    (['webhook', 'script-yaml', 'script-json', 'fields-json', 'fields-yaml', undefined] as const).map(isFieldsKind),
    [false, false, false, true, true, false],
  );
});

test('a closing brace or a comma outside braces is taken literally', () => {
  assert.equal(documentKindOf('/p/a,b}.json', ['a,b}.json']), 'script-json');
});
