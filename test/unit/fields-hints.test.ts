// Specifies what the fields file learns from the templates: hints on unused fields and usage counts on hover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createTemplateService } from '../../server/src/core/index';
import { applyEdits } from './core-helpers';
import { DiagnosticSeverity, DiagnosticTag, type MarkupContent } from 'vscode-languageserver-types';
import { definitionHover, unusedFieldDiagnostics } from '../../server/src/core/language/fields-hints';
import { countUses, type UsageCounts } from '../../server/src/core/language/usage-index';
import { parseFieldsFile } from '../../server/src/core/fields/fields-file';
import type { FieldsModel } from '../../server/src/core/base/types';
import { EN, RU } from '../support/l10n';

const FIELDS = `{
  "customFields": { "geo": { "type": "text" }, "spare": { "type": "text" } },
  "trackerFields": { "clickid": {}, "sub1": {} },
  "botVariables": { "regLink": { "value": "https://p.example/reg" } },
  "profiles": { "lead": { "tracker.clickid": "x", "spare": "y" } }
}
`;

const document = TextDocument.create('file:///project/webhook-fields.json', 'json', 1, FIELDS);

function model(): FieldsModel {
  const parsed = parseFieldsFile(FIELDS, 'json');
  assert.ok(parsed.model, JSON.stringify(parsed.problems));
  return parsed.model;
}

const counts = (entries: Record<string, [places: number, files: number]>): UsageCounts =>
  new Map(Object.entries(entries).map(([id, [places, files]]) => [id, { places, files }]));

const slice = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => FIELDS.slice(document.offsetAt(range.start), document.offsetAt(range.end));

const hoverText = (needle: string, usage: UsageCounts, l10n = EN) =>
  (definitionHover(document, document.positionAt(FIELDS.indexOf(needle) + 2), model(), usage, l10n)?.contents as MarkupContent | undefined)?.value;

test('every field no template uses gets a fields-unused hint on its key, in every section', () => {
  const diagnostics = unusedFieldDiagnostics(document, model(), counts({ 'custom:geo': [3, 2], 'tracker:clickid': [1, 1] }), EN);
  assert.deepEqual(diagnostics.map((d) => `${d.code} ${slice(d.range)}`), ['fields-unused spare', 'fields-unused sub1', 'fields-unused regLink']);
});

test('the fields-unused hint is a hint, tagged Unnecessary, naming the key and its section', () => {
  const [diagnostic] = unusedFieldDiagnostics(document, model(), counts({ 'custom:geo': [1, 1], 'tracker:clickid': [1, 1], 'tracker:sub1': [1, 1], 'variable:regLink': [1, 1] }), EN);
  assert.equal(diagnostic.severity, DiagnosticSeverity.Hint);
  assert.deepEqual(diagnostic.tags, [DiagnosticTag.Unnecessary]);
  assert.equal(diagnostic.message, '"spare" (customFields) is not used by any template in the workspace.');
});

test('a profile naming a field does not count as a use', () => {
  const unused = unusedFieldDiagnostics(document, model(), counts({}), EN).map((d) => slice(d.range));
  assert.ok(unused.includes('spare') && unused.includes('clickid'));
});

test('a use is counted by section: a custom use of a key does not cover the tracker field of the same name', () => {
  const text = '{ "customFields": { "same": { "type": "text" } }, "trackerFields": { "same": {} } }';
  const parsed = parseFieldsFile(text, 'json');
  assert.ok(parsed.model);
  const fieldsDocument = TextDocument.create('file:///project/webhook-fields.json', 'json', 1, text);
  const [diagnostic] = unusedFieldDiagnostics(fieldsDocument, parsed.model, counts({ 'custom:same': [1, 1] }), EN);
  assert.equal(diagnostic.message, '"same" (trackerFields) is not used by any template in the workspace.');
});

test('with every field used there are no hints', () => {
  const all = counts({ 'custom:geo': [1, 1], 'custom:spare': [1, 1], 'tracker:clickid': [1, 1], 'tracker:sub1': [1, 1], 'variable:regLink': [1, 1] });
  assert.deepEqual(unusedFieldDiagnostics(document, model(), all, EN), []);
});

test('hover on a definition says how many times and in how many files it is used', () => {
  assert.equal(hoverText('"geo"', counts({ 'custom:geo': [7, 3] })), '`geo` is used 7 times in 3 files. Find All References lists them.');
});

test('hover on a field used once says "1 time in 1 file"', () => {
  assert.equal(hoverText('"geo"', counts({ 'custom:geo': [1, 1] })), '`geo` is used 1 time in 1 file. Find All References lists them.');
});

test('hover names the profiles setting a field apart from its uses', () => {
  assert.equal(hoverText('"clickid"', counts({ 'tracker:clickid': [2, 1] })), '`clickid` is used 2 times in 1 file, and set in 1 profile. Find All References lists them.');
});

test('hover on an unused definition does not repeat the fields-unused hint: nothing when no profile sets it', () => {
  assert.equal(hoverText('"sub1"', counts({ 'custom:geo': [7, 3] })), undefined);
});

test('hover on an unused definition that profiles set names them, and only that', () => {
  assert.equal(hoverText('"spare"', counts({})), '`spare` is set in 1 profile: `lead`.');
});

test('hover on a profile key of an unused field (no hint stands there) says it is not used', () => {
  const offset = FIELDS.indexOf('"spare": "y"') + 2;
  const hover = definitionHover(document, document.positionAt(offset), model(), counts({}), EN);
  assert.equal((hover?.contents as MarkupContent).value, '`spare` is not used in any template or bot variable, only set in 1 profile.');
});

test('hover in Russian takes the plural forms of the counts', () => {
  assert.equal(hoverText('"geo"', counts({ 'custom:geo': [22, 11] }), RU), '`geo` используется 22 раза в 11 файлах. Список покажет «Найти все ссылки».');
  assert.equal(hoverText('"clickid"', counts({ 'tracker:clickid': [21, 1] }), RU), '`clickid` используется 21 раз в 1 файле и задаётся в 1 профиле. Список покажет «Найти все ссылки».');
});

test('hover on a profile key "tracker.clickid" counts the tracker field, its range covering "clickid"', () => {
  const offset = FIELDS.indexOf('"tracker.clickid"') + 12;
  const hover = definitionHover(document, document.positionAt(offset), model(), counts({ 'tracker:clickid': [2, 2] }), EN);
  assert.match((hover?.contents as MarkupContent).value, /^`clickid` is used 2 times in 2 files/);
  assert.equal(slice(hover!.range!), 'clickid');
});

test('countUses counts every use as a place and each file holding one once', () => {
  const use = (kind: 'custom' | 'tracker', key: string) => ({ kind, key });
  const got = countUses([[use('custom', 'geo'), use('custom', 'geo'), use('tracker', 'geo')], [use('custom', 'geo')], []]);
  assert.deepEqual([...got], [['custom:geo', { places: 3, files: 2 }], ['tracker:geo', { places: 1, files: 1 }]]);
});

test('hover away from any definition key gives nothing', () => {
  assert.equal(definitionHover(document, document.positionAt(FIELDS.indexOf('"text"') + 1), model(), counts({}), EN), null);
});

// ---- "Remove field" on the fields-unused hint ---------------------------------------------------------

const PROFILED = `{
  "customFields": {
    "geo": { "type": "text" },
    "spare": { "type": "text", "description": "Nobody uses it" }
  },
  "trackerFields": {
    "clickid": {},
    "sub1": {}
  },
  "profiles": {
    "lead": { "geo": "KZ", "spare": "y", "tracker.sub1": "s" },
    "sale": {
      "spare": "z",
      "geo": "UZ"
    },
    "bare": {}
  }
}
`;

const PROFILED_YAML = `customFields:
  geo: { type: text }
  spare:
    type: text
    description: Nobody uses it
trackerFields:
  clickid: {}
  sub1: {}
profiles:
  lead: { geo: KZ, spare: y, tracker.sub1: s }
  sale:
    spare: z
    geo: UZ
`;

/** The fields-unused hints of a fields text and the service's code actions for the one on `key`, with the text after each. */
function removalOf(text: string, key: string, format: 'json' | 'yaml' = 'json') {
  const uri = format === 'json' ? 'file:///project/webhook-fields.json' : 'file:///project/webhook-fields.yaml';
  const fieldsDocument = TextDocument.create(uri, format, 1, text);
  const templates = createTemplateService();
  const hint = templates.fieldsFileDiagnostics(fieldsDocument, uri, true).find((d) => d.code === 'fields-unused' && fieldsDocument.getText(d.range) === key);
  assert.ok(hint, `no fields-unused hint on ${key}`);
  const actions = templates.codeActions(fieldsDocument, hint.range, [hint], {});
  return actions.map((action) => ({ title: action.title, kind: action.kind, after: applyEdits(text, action.edit?.changes?.[uri] ?? []) }));
}

test('the fields-unused hint carries the field it is about', () => {
  const [diagnostic] = unusedFieldDiagnostics(document, model(), counts({ 'custom:geo': [1, 1] }), EN);
  assert.deepEqual(diagnostic.data, { field: { kind: 'custom', key: 'spare' } });
});

test('JSON: "Remove field" removes the definition and its value in every profile, the rest as written', () => {
  const [action] = removalOf(PROFILED, 'spare');
  assert.equal(action.title, 'Remove field "spare" and its value in 2 profiles');
  assert.equal(action.kind, 'quickfix');
  assert.equal(action.after, PROFILED
    .replace('    "geo": { "type": "text" },\n    "spare": { "type": "text", "description": "Nobody uses it" }\n', '    "geo": { "type": "text" }\n')
    .replace('{ "geo": "KZ", "spare": "y", "tracker.sub1": "s" }', '{ "geo": "KZ", "tracker.sub1": "s" }')
    .replace('      "spare": "z",\n', ''));
  const { model: after, problems } = parseFieldsFile(action.after, 'json');
  assert.deepEqual(problems, []);
  assert.deepEqual([...after!.customFields.keys()], ['geo']);
});

test('JSON: a tracker field\'s profile values are written tracker.KEY', () => {
  const [action] = removalOf(PROFILED, 'sub1');
  assert.equal(action.title, 'Remove field "sub1" and its value in 1 profile');
  assert.ok(!action.after.includes('sub1'), action.after);
  assert.ok(action.after.includes('"clickid": {}\n  },'), action.after);
});

test('JSON: a field no profile sets is only removed', () => {
  const [action] = removalOf(PROFILED, 'clickid');
  assert.equal(action.title, 'Remove field "clickid"');
  assert.equal(action.after, PROFILED.replace('    "clickid": {},\n', ''));
});

test('YAML: "Remove field" removes the definition and its profile values, block and flow maps alike', () => {
  const [action] = removalOf(PROFILED_YAML, 'spare', 'yaml');
  assert.equal(action.after, PROFILED_YAML.replace('  spare:\n    type: text\n    description: Nobody uses it\n', '').replace('{ geo: KZ, spare: y, tracker.sub1: s }', '{ geo: KZ, tracker.sub1: s }').replace('    spare: z\n', ''));
  assert.deepEqual(parseFieldsFile(action.after, 'yaml').problems, []);
});

test('a custom field named like a built-in keeps the profile values: they are the built-in\'s too', () => {
  const text = '{ "customFields": { "username": { "type": "text" } }, "profiles": { "lead": { "username": "ivan" } } }';
  const [action] = removalOf(text, 'username');
  assert.equal(action.after, '{ "customFields": {}, "profiles": { "lead": { "username": "ivan" } } }');
});

test('no "Remove field" for other diagnostics, or for a hint whose field is gone from the text', () => {
  const fieldsDocument = TextDocument.create('file:///project/webhook-fields.json', 'json', 1, PROFILED);
  const templates = createTemplateService();
  const [hint] = templates.fieldsFileDiagnostics(fieldsDocument, 'webhook-fields.json', true);
  assert.deepEqual(templates.codeActions(fieldsDocument, hint.range, [{ ...hint, code: 'fields-unknown-type' }], {}), []);
  assert.deepEqual(templates.codeActions(fieldsDocument, hint.range, [{ ...hint, data: { field: { kind: 'custom', key: 'gone' } } }], {}), []);
});
