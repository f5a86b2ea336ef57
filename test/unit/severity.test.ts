// Specifies the severities: each code's default, the project's choice in the fields file, the host's choice (a
// person's setting, a run's --severity) over both, `off` leaving a problem out; and the fields file's `severity` read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseFieldsFile } from '../../server/src/core/fields/fields-file';
import type { FieldsContext } from '../../server/src/core/base/types';
import { ProblemCode, SEVERITY_LEVELS, type SeverityChoices } from '../../server/src/core/index';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths';
import { DESIGN_FIELDS, doc, fieldsContext, noFields, service, webhookDoc } from './core-helpers';

/** DESIGN_FIELDS with a `severity` section. */
function fieldsWith(severity: Record<string, unknown>): string {
  return DESIGN_FIELDS.replace(/\}\s*$/, `, "severity": ${JSON.stringify(severity)} }`);
}

const NAMES: Record<number, string> = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' };

/** `code:level` of each problem. */
function levels(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.code}:${NAMES[diagnostic.severity!]}`);
}

/** An unknown key (error by default) and plain http (hint by default), in one request. */
const TEMPLATE = 'GET http://api.example.com/lead?c={chatid}\n';

interface Case {
  name: string;
  project?: Record<string, string>;
  host?: SeverityChoices;
  expected: string[];
}

const CASES: Case[] = [
  { name: 'each code has its default', expected: ['insecure-http:hint', 'unknown-key:error'] },
  { name: 'the fields file raises a hint to a warning', project: { 'insecure-http': 'warning' }, expected: ['insecure-http:warning', 'unknown-key:error'] },
  { name: 'the fields file lowers an error to info', project: { 'unknown-key': 'info' }, expected: ['insecure-http:hint', 'unknown-key:info'] },
  { name: 'off in the fields file leaves the problem out', project: { 'insecure-http': 'off' }, expected: ['unknown-key:error'] },
  { name: "the host's choice wins over the fields file's", project: { 'unknown-key': 'warning' }, host: { 'unknown-key': 'hint' }, expected: ['insecure-http:hint', 'unknown-key:hint'] },
  { name: 'the host turns back on what the fields file turned off', project: { 'insecure-http': 'off' }, host: { 'insecure-http': 'error' }, expected: ['insecure-http:error', 'unknown-key:error'] },
  { name: 'the host turns off what the project left on', host: { 'unknown-key': 'off' }, expected: ['insecure-http:hint'] },
  { name: 'a code the host names that is no problem code changes nothing', host: { 'no-such-code': 'off' }, expected: ['insecure-http:hint', 'unknown-key:error'] },
  { name: 'the host choosing a code its default changes nothing', host: { 'unknown-key': 'error' }, expected: ['insecure-http:hint', 'unknown-key:error'] },
];

for (const { name, project, host, expected } of CASES) {
  test(`severity: ${name}`, () => {
    const fields: FieldsContext = { ...fieldsContext(project ? fieldsWith(project) : DESIGN_FIELDS), severity: host };
    assert.deepEqual(levels(service().templateDiagnostics(webhookDoc(TEMPLATE), fields)).sort(), expected);
  });
}

test('the problems kept for a version are answered with the severities of each call, and are not changed by them', () => {
  const core = service();
  const document = webhookDoc(TEMPLATE);
  const asked = (severity?: SeverityChoices) => levels(core.templateDiagnostics(document, { ...fieldsContext(), severity })).sort();
  const first = asked();
  assert.deepEqual(asked({ 'unknown-key': 'warning' }), ['insecure-http:hint', 'unknown-key:warning']);
  assert.deepEqual(asked({ 'unknown-key': 'off', 'insecure-http': 'off' }), []);
  assert.deepEqual(asked(), first);
  assert.equal(core.readingOf(document.uri)?.diagnostics, 'computed');
});

test('an edit of the fields file\'s severity is answered at once for the same template version', () => {
  const core = service();
  const document = webhookDoc(TEMPLATE);
  assert.deepEqual(levels(core.templateDiagnostics(document, fieldsContext())).sort(), ['insecure-http:hint', 'unknown-key:error']);
  assert.deepEqual(levels(core.templateDiagnostics(document, fieldsContext(fieldsWith({ 'unknown-key': 'warning' })))).sort(), ['insecure-http:hint', 'unknown-key:warning']);
});

test('the note of a template without a fields file takes the host\'s severity; off leaves it out', () => {
  const document = webhookDoc('GET https://api.example.com/lead?c={chatId}\n');
  const fields: FieldsContext = { ...noFields(), absence: { searchedUpTo: 'project' } };
  assert.deepEqual(levels(service().templateDiagnostics(document, fields)), ['no-fields-file:info']);
  assert.deepEqual(levels(service().templateDiagnostics(document, { ...fields, severity: { 'no-fields-file': 'hint' } })), ['no-fields-file:hint']);
  assert.deepEqual(service().templateDiagnostics(document, { ...fields, severity: { 'no-fields-file': 'off' } }), []);
});

test('the note on a file over the size limit takes the host\'s severity; off leaves it out', () => {
  assert.deepEqual(levels(service().tooLargeNote('big.webhook', 3 * 1024 * 1024, 2)), ['file-too-large:info']);
  assert.deepEqual(service().tooLargeNote('big.webhook', 3 * 1024 * 1024, 2, { 'file-too-large': 'off' }), []);
});

// ---- The fields file's `severity` -----------------------------------------------------------------------------

const fieldsProblems = (text: string, host?: SeverityChoices) =>
  service()
    .fieldsFileDiagnostics(doc('file:///project/webhook-fields.json', text), 'webhook-fields.json', false, host)
    .map((diagnostic) => `${diagnostic.code}:${NAMES[diagnostic.severity!]}: ${diagnostic.message}`);

test('the fields file reads each known code with its level', () => {
  const { model, problems } = parseFieldsFile('{ "severity": { "insecure-http": "warning", "receiver-unknown-parameter": "off" } }', 'json');
  assert.deepEqual(problems, []);
  assert.deepEqual([...model!.severity], [['insecure-http', 'warning'], ['receiver-unknown-parameter', 'off']]);
});

test('the fields file reads severity in YAML too', () => {
  const { model, problems } = parseFieldsFile('severity:\n  insecure-http: error\n', 'yaml');
  assert.deepEqual(problems, []);
  assert.deepEqual([...model!.severity], [['insecure-http', 'error']]);
});

test('an unknown code in severity is a warning on the code, with the code meant, and changes nothing', () => {
  assert.deepEqual(fieldsProblems('{ "severity": { "insecure_http": "off" } }'), [
    'fields-severity-unknown-code:warning: "insecure_http" is not a problem code, so its severity changes nothing. Did you mean "insecure-http"?',
  ]);
  assert.deepEqual([...parseFieldsFile('{ "severity": { "insecure_http": "off" } }', 'json').model!.severity], []);
});

test('an unknown code far from every code is a warning without a guess', () => {
  assert.deepEqual(fieldsProblems('{ "severity": { "everything": "off" } }'), ['fields-severity-unknown-code:warning: "everything" is not a problem code, so its severity changes nothing.']);
});

test('an unknown level is a warning on the level, and the code keeps its default', () => {
  for (const level of ['"information"', '"none"', 'false', '2']) {
    const text = `{ "severity": { "insecure-http": ${level} } }`;
    assert.deepEqual(fieldsProblems(text).map((problem) => problem.split(':').slice(0, 2).join(':')), ['fields-severity-unknown-level:warning'], level);
    assert.deepEqual([...parseFieldsFile(text, 'json').model!.severity], [], level);
  }
});

test('severity that is not an object is reported, and an empty one is fine', () => {
  assert.deepEqual(fieldsProblems('{ "severity": ["insecure-http"] }').map((problem) => problem.split(':')[0]), ['fields-invalid-structure']);
  assert.deepEqual(fieldsProblems('{ "severity": {} }'), []);
});

test("the fields file's own problems take its severity: a project can turn off one of them", () => {
  const text = '{ "severity": { "fields-unknown-property": "off" }, "customFields": { "geo": { "type": "text", "exmaple": "KZ" } } }';
  assert.deepEqual(fieldsProblems(text), []);
  assert.deepEqual(fieldsProblems(text, { 'fields-unknown-property': 'error' }).map((problem) => problem.split(':').slice(0, 2).join(':')), ['fields-unknown-property:error']);
});

test('the report of an unknown code is a code like any other: a project turns it off by naming it', () => {
  const text = '{ "severity": { "fields-severity-unknown-code": "off", "insecure_http": "off" } }';
  assert.deepEqual(fieldsProblems(text), []);
});

test('the fields file\'s schema and the setting webhookTemplates.severity offer every problem code, and the five levels', () => {
  const read = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));
  const schema = read('schemas/webhook-fields.schema.json');
  const setting = read('package.json').contributes.configuration.properties['webhookTemplates.severity'];
  const codes = Object.values(ProblemCode).sort();
  assert.deepEqual([...schema.properties.severity.propertyNames.enum].sort(), codes);
  assert.equal(schema.properties.severity.propertyNames.enumDescriptions.length, codes.length);
  assert.deepEqual([...setting.propertyNames.enum].sort(), codes);
  assert.deepEqual(schema.definitions.severityLevel.enum, [...SEVERITY_LEVELS]);
  assert.deepEqual(setting.additionalProperties.enum, [...SEVERITY_LEVELS]);
});
