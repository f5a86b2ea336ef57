// Specifies the service's workspace features over an in-memory workspace: the usage index, Find All References,
// rename and the fields-file hover's counts, reading only the files that name the field, on demand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, MarkupContent, WorkspaceEdit } from 'vscode-languageserver-types';
import { createTemplateService, type FieldsContext, type WorkspaceTexts } from '../../server/src/core/index';
import { DESIGN_FIELDS_WITH_PROFILES } from '../support/design-fields';
import { fieldsContext, FIELDS_URI, parseCursor } from './core-helpers';

const A = 'file:///project/a.webhook';
const B = 'file:///project/b.script.yaml';
const C = 'file:///project/c.webhook';

const TEXTS: Record<string, string> = {
  [A]: 'GET https://t.example/x?s={tracker.clickid}&g={geo}&s2={tracker.clickid}\n',
  [B]: "flows:\n  - key: main\n    steps:\n      - key: hook\n        type: webhook\n        url: 'https://t.example/y?s={tracker.clickid}'\n",
  [C]: 'GET https://t.example/z?c={chatId}\n',
  [FIELDS_URI]: DESIGN_FIELDS_WITH_PROFILES,
};

/** A workspace whose files are read on demand, counting each read, with every file indexed as a host would. */
function workspace(texts: Record<string, string> = TEXTS) {
  const service = createTemplateService();
  const fields = fieldsContext(texts[FIELDS_URI]);
  const reads: string[] = [];
  const documentOf = (uri: string) => TextDocument.create(uri, 'plaintext', -1, texts[uri]);
  const files: WorkspaceTexts = { document: (uri) => (reads.push(uri), uri in texts ? documentOf(uri) : undefined) };
  for (const uri of Object.keys(texts)) service.indexUsages(documentOf(uri), uri === FIELDS_URI ? { source: fields.source } : fields);
  return { service, fields, files, reads, documentOf };
}

function at(uri: string, textWithCursor: string) {
  const { text, offset } = parseCursor(textWithCursor);
  const document = TextDocument.create(uri, 'plaintext', 1, text);
  return { document, position: document.positionAt(offset) };
}

const where = (locations: Location[]) => locations.map((location) => `${location.uri.slice(location.uri.lastIndexOf('/') + 1)}:${location.range.start.line}:${location.range.start.character}`).sort();

test('references from a placeholder list every use in the indexed files, reading only the files that name it', () => {
  const { service, fields, files, reads } = workspace();
  const { document, position } = at(A, 'GET https://t.example/x?s={tracker.cli|ckid}&g={geo}&s2={tracker.clickid}\n');
  const found = service.references(document, position, fields, files, false);
  assert.deepEqual(where(found), ['a.webhook:0:35', 'a.webhook:0:64', 'b.script.yaml:5:45', 'webhook-fields.json:12:77']);
  assert.ok(!reads.includes(C), 'c.webhook names no tracker field and must not be read');
});

test('references with the declaration add the definition and the profile keys that set the field', () => {
  const { service, fields, files } = workspace();
  const { document, position } = at(A, 'GET https://t.example/x?s={tracker.cli|ckid}&g={geo}&s2={tracker.clickid}\n');
  const withDeclaration = service.references(document, position, fields, files, true);
  const without = service.references(document, position, fields, files, false);
  assert.equal(withDeclaration.length - without.length, 2, 'the definition key and the profile "lead" key');
});

test('references from the definition in the fields file equal those from a placeholder', () => {
  const { service, fields, files } = workspace();
  const fromPlaceholder = at(A, 'GET https://t.example/x?s={tracker.cli|ckid}&g={geo}&s2={tracker.clickid}\n');
  const fieldsText = TEXTS[FIELDS_URI].replace('"clickid": {', '"click|id": {');
  const fromDefinition = at(FIELDS_URI, fieldsText);
  const a = service.references(fromPlaceholder.document, fromPlaceholder.position, fields, files, true);
  const b = service.references(fromDefinition.document, fromDefinition.position, { source: fields.source }, files, true);
  assert.deepEqual(where(b), where(a));
});

test('the fields-file hover counts exactly what references without the declaration find', () => {
  const { service, fields, files } = workspace();
  const { document, position } = at(FIELDS_URI, TEXTS[FIELDS_URI].replace('"clickid": {', '"click|id": {'));
  const hover = service.hover(document, position, { source: fields.source });
  const found = service.references(document, position, { source: fields.source }, files, false);
  const fileCount = new Set(found.map((location) => location.uri)).size;
  assert.match((hover?.contents as MarkupContent).value, new RegExp(`used ${found.length} times in ${fileCount} files`));
});

test('rename edits every use, the definition and the profile keys', () => {
  const { service, fields, files } = workspace();
  const { document, position } = at(A, 'GET https://t.example/x?s={tracker.cli|ckid}&g={geo}&s2={tracker.clickid}\n');
  const edit = service.renameEdits(document, position, 'click_id', fields, files) as WorkspaceEdit;
  const edits = Object.values(edit.changes ?? {}).flat();
  assert.equal(edits.length, 6);
  assert.ok(edits.every((one) => one.newText === 'click_id'));
});

test('rename refuses a built-in, a taken name and a name that is no identifier, saying why', () => {
  const { service, fields, files } = workspace();
  const onGeo = at(A, 'GET https://t.example/x?s={tracker.clickid}&g={g|eo}&s2={tracker.clickid}\n');
  const onChatId = at(C, 'GET https://t.example/z?c={chat|Id}\n');
  assert.match((service.renameStart(onChatId.document, onChatId.position, fields) as { refusal: string }).refusal, /built in/);
  assert.match((service.renameEdits(onGeo.document, onGeo.position, 'trader_id', fields, files) as { refusal: string }).refusal, /already has "trader_id"/);
  assert.match((service.renameEdits(onGeo.document, onGeo.position, 'two words', fields, files) as { refusal: string }).refusal, /not a valid key/);
});

test('a file dropped from the index is neither counted nor read', () => {
  const { service, fields, files, reads } = workspace();
  service.dropUsages(B);
  const { document, position } = at(A, 'GET https://t.example/x?s={tracker.cli|ckid}&g={geo}&s2={tracker.clickid}\n');
  assert.ok(!where(service.references(document, position, fields, files, false)).some((place) => place.startsWith('b.script.yaml')));
  assert.ok(!reads.includes(B));
  assert.equal(service.usageCounts(FIELDS_URI).get('tracker:clickid')?.files, 2);
});

test('a closed file read for references is read afresh and not kept by the service', () => {
  const { service, fields, files } = workspace();
  service.forget(B);
  const { document, position } = at(A, 'GET https://t.example/x?s={tracker.cli|ckid}&g={geo}&s2={tracker.clickid}\n');
  service.references(document, position, fields, files, false);
  assert.equal(service.readingOf(B), undefined);
});

test('filesUsing names the templates checked against a fields file, and the fields file itself', () => {
  const { service } = workspace();
  assert.deepEqual(service.filesUsing(FIELDS_URI).sort(), [A, B, C, FIELDS_URI].sort());
});

test('a template checked without a fields file is indexed under none', () => {
  const service = createTemplateService();
  const none: FieldsContext = {};
  service.indexUsages(TextDocument.create(C, 'plaintext', 1, TEXTS[C]), none);
  assert.deepEqual(service.filesUsing(undefined), [C]);
});
