// Runs every diagnostics fixture: each template (and fields file) beside its `.expected` list of problems.
//
// A fixture folder under test/fixtures/diagnostics/ holds templates (`*.webhook`, `*.script.yaml|yml|json`) and
// optionally a fields file (`webhook-fields.json|yaml|yml`; without one only built-ins are known). Each of these
// files has a `<name>.expected` beside it: one problem a line, `line:col-line:col code message`, 1-based, in the
// order the service reports them. UPDATE_FIXTURES=1 rewrites the expected files from what the service says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { documentKindOf, isFieldsKind, isTemplateKind } from '../../server/src/core/read/document-kind';
import { parseFieldsFile } from '../../server/src/core/fields/fields-file';
import { createTemplateService } from '../../server/src/core/index';
import type { FieldsContext } from '../../server/src/core/base/types';
import { fixturesDir } from '../support/paths';

const root = join(fixturesDir, 'diagnostics');
const update = process.env.UPDATE_FIXTURES === '1';
const service = createTemplateService();

function formatDiagnostic(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  const where = `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
  return `${where} ${diagnostic.code} ${diagnostic.message}`;
}

function documentOf(path: string, language: string): TextDocument {
  return TextDocument.create(pathToFileURL(path).toString(), language, 1, readFileSync(path, 'utf8'));
}

function fieldsFileIn(folder: string): string | undefined {
  return readdirSync(folder).find((name) => isFieldsKind(documentKindOf(name)));
}

function fieldsContextOf(folder: string): FieldsContext {
  const name = fieldsFileIn(folder);
  if (!name) return { suggestedUri: pathToFileURL(join(folder, 'webhook-fields.json')).toString() };
  const text = readFileSync(join(folder, name), 'utf8');
  const format = documentKindOf(name) === 'fields-yaml' ? 'yaml' : 'json';
  const { model } = parseFieldsFile(text, format);
  assert.ok(model, `${name} in ${folder} does not parse`);
  return { source: { uri: pathToFileURL(join(folder, name)).toString(), displayName: name, model, text, format } };
}

function problemsOf(folder: string, name: string): string[] {
  const path = join(folder, name);
  const kind = documentKindOf(name);
  if (isFieldsKind(kind)) return service.fieldsFileDiagnostics(documentOf(path, kind === 'fields-yaml' ? 'yaml' : 'json'), name).map(formatDiagnostic);
  return service.templateDiagnostics(documentOf(path, 'plaintext'), fieldsContextOf(folder)).map(formatDiagnostic);
}

function expectedLines(path: string): string[] {
  return readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
}

function checkFixture(folder: string, name: string): void {
  const actual = problemsOf(folder, name);
  const expectedPath = join(folder, `${name}.expected`);
  if (update) {
    writeFileSync(expectedPath, actual.map((line) => `${line}\n`).join(''));
    return;
  }
  assert.ok(existsSync(expectedPath), `missing ${expectedPath} (run with UPDATE_FIXTURES=1)`);
  assert.deepEqual(actual, expectedLines(expectedPath));
}

const folders = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory()).sort();

test('there are diagnostics fixtures to run', () => {
  assert.ok(folders.length > 0);
});

for (const folder of folders) {
  const dir = join(root, folder);
  for (const name of readdirSync(dir).sort()) {
    const kind = documentKindOf(name);
    if (!isTemplateKind(kind) && !isFieldsKind(kind)) continue;
    test(`fixture ${folder}/${name}`, () => checkFixture(dir, name));
  }
}
