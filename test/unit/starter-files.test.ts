// The starter workspace, the empty fields file and the example with mistakes, run through the real checks of the core.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createL10n, createTemplateService, type FieldsContext } from '../../server/src/core/index';
import { emptyFieldsFileText, mistakeExampleText, starterFiles, STARTER_FILE_NAMES } from '../../client/src/tour/starter-files';

const ROOT = 'file:///starter';
const PORT = 43125;
const LANGUAGES = ['en', 'ru'];

function document(name: string, text: string): TextDocument {
  return TextDocument.create(`${ROOT}/${name}`, name.endsWith('.webhook') ? 'webhook-template' : 'json', 1, text);
}

/** The starter's two documents, and the fields context its template is checked against (as the server builds it). */
function starter(language: string) {
  const service = createTemplateService({ locale: language });
  const [fieldsFile, templateFile] = starterFiles(service.l10n, PORT);
  const fields = document(fieldsFile.name, fieldsFile.text);
  const template = document(templateFile.name, templateFile.text);
  const parsed = service.parseFields(fields);
  assert.ok(parsed?.model, `the starter fields file does not parse: ${JSON.stringify(parsed?.problems)}`);
  const context: FieldsContext = { source: { uri: fields.uri, displayName: fieldsFile.name, model: parsed.model, text: fields.getText(), format: 'json' } };
  return { service, fields, template, context, model: parsed.model };
}

/** The lines the "Send test webhook" lenses stand on: one per request. */
function requestLines(service: ReturnType<typeof createTemplateService>, template: TextDocument): number[] {
  return [...new Set(service.codeLenses(template).map((lens) => lens.range.start.line))];
}

const described = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);

for (const language of LANGUAGES) {
  test(`the starter template (${language}) has no problem at all against the starter fields file`, () => {
    const { service, template, context } = starter(language);
    assert.deepEqual(described(service.templateDiagnostics(template, context)), []);
  });

  test(`the starter fields file (${language}) has no problem, and its template uses every field it defines`, () => {
    const { service, fields, template, context } = starter(language);
    service.indexUsages(template, context);
    service.indexUsages(fields, context);
    assert.deepEqual(described(service.fieldsFileDiagnostics(fields, 'webhook-fields.json', true)), []);
  });

  test(`the starter template (${language}) holds the Keitaro lead postback and two requests to the local receiver's port`, () => {
    const { service, template } = starter(language);
    const text = template.getText();
    assert.ok(text.includes('GET https://tracker.example.com/abc123/postback?subid={tracker.clickid}&status=lead&payout=0\n'));
    assert.equal(requestLines(service, template).length, 3);
    assert.equal(text.split(`http://127.0.0.1:${PORT}/`).length - 1, 2);
  });

  test(`the "lead" profile (${language}) fills every placeholder of every starter request with a value`, () => {
    const { service, template, context } = starter(language);
    for (const line of requestLines(service, template)) {
      const expanded = service.expandedRequest(template, line, context, 'lead', {});
      assert.ok(expanded, `no request at line ${line}`);
      assert.deepEqual([...expanded.unresolved, ...expanded.empty], [], expanded.name);
    }
  });

  test(`the example with mistakes (${language}) shows exactly its two typos, each with the fix it is there to show`, () => {
    const { service, context } = starter(language);
    const example = TextDocument.create('untitled:Untitled-1', 'webhook-template', 1, mistakeExampleText(service.l10n));
    const diagnostics = service.templateDiagnostics(example, context);
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, example.getText(diagnostic.range)]), [
      ['unknown-key', '{tracker.clikid}'],
      ['unknown-key', '{chatid}'],
    ]);
    const fixes = diagnostics.flatMap((diagnostic) => service.codeActions(example, diagnostic.range, [diagnostic], context)).map((action) => action.title);
    assert.ok(fixes.some((title) => title.includes('{tracker.clickid}')), fixes.join('; '));
    assert.ok(fixes.some((title) => title.includes('{chatId}')), fixes.join('; '));
  });
}

test('the empty fields file parses, has no problem, and defines nothing', () => {
  const service = createTemplateService();
  const fields = document('webhook-fields.json', emptyFieldsFileText());
  const parsed = service.parseFields(fields);
  assert.ok(parsed?.model);
  assert.deepEqual(described(service.fieldsFileDiagnostics(fields, 'webhook-fields.json')), []);
  assert.deepEqual(service.profileNames({ source: { uri: fields.uri, displayName: 'webhook-fields.json', model: parsed.model, text: fields.getText(), format: 'json' } }), []);
});

test('the starter writes a fields file and one template, named as the refusal checks them', () => {
  assert.deepEqual(starterFiles(createL10n('en'), PORT).map((file) => file.name), [...STARTER_FILE_NAMES]);
});
