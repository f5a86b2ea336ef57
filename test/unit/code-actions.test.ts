// Specifies quick fixes: the replacement a diagnostic carries, adding a key to the fields file, creating the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFieldsFile } from '../../server/src/core/fields/fields-file';
import { SUPPRESS_ACTION_KIND } from '../../server/src/core/index';
import type { FieldsContext } from '../../server/src/core/base/types';
import {
  DESIGN_FIELDS, FIELDS_URI, FIELDS_YAML_URI, SUGGESTED_URI, applyEdits, fieldsContext, messageScript, noFields, scriptDoc,
  service, validate, webhookDoc,
} from './core-helpers';

function actionsFor(document: TextDocument, fields: FieldsContext, which = 0): { actions: CodeAction[]; diagnostic: Diagnostic } {
  const diagnostic = validate(document, fields)[which];
  assert.ok(diagnostic, 'expected a diagnostic');
  return { actions: fixesOnly(service().codeActions(document, diagnostic.range, [diagnostic], fields)), diagnostic };
}

/** The corrections, without the actions that suppress a problem (suppression-actions.test.ts has those). */
function fixesOnly(actions: CodeAction[]): CodeAction[] {
  return actions.filter((action) => action.kind !== SUPPRESS_ACTION_KIND);
}

function titled(actions: CodeAction[], prefix: string): CodeAction {
  const action = actions.find((candidate) => candidate.title.startsWith(prefix));
  assert.ok(action, `no action "${prefix}…" among ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

function editsFor(action: CodeAction, uri: string): TextEdit[] {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits, `action edits nothing in ${uri}`);
  return edits;
}

test('a diagnostic with a fix offers the replacement, preferred', () => {
  const document = webhookDoc('GET https://x/?c={chatid}&b=1\n');
  const action = titled(actionsFor(document, fieldsContext()).actions, 'Change to {chatId}');
  assert.equal(action.kind, 'quickfix');
  assert.equal(action.isPreferred, true);
  assert.equal(applyEdits(document.getText(), editsFor(action, document.uri)), 'GET https://x/?c={chatId}&b=1\n');
});

test('a wrong-dialect fix in a message rewrites the placeholder', () => {
  const document = scriptDoc(messageScript('Hi {username}!'));
  const action = titled(actionsFor(document, fieldsContext()).actions, 'Change to');
  assert.ok(applyEdits(document.getText(), editsFor(action, document.uri)).includes('text: "Hi {{username}}!"'));
});

test('an unknown key offers to add it to a JSON fields file, which stays valid and gains the key', () => {
  const fields = fieldsContext();
  const action = titled(actionsFor(webhookDoc('GET https://x/?c={campaign}\n'), fields).actions, 'Add "campaign" to customFields');
  const after = applyEdits(DESIGN_FIELDS, editsFor(action, FIELDS_URI));
  assert.doesNotThrow(() => JSON.parse(after));
  const { model, problems } = parseFieldsFile(after, 'json');
  assert.deepEqual(problems, []);
  assert.equal(model?.customFields.get('campaign')?.type, 'text');
});

test('the added JSON entry is formatted like its neighbours', () => {
  const fields = fieldsContext();
  const action = titled(actionsFor(webhookDoc('GET https://x/?c={campaign}\n'), fields).actions, 'Add "campaign"');
  const after = applyEdits(DESIGN_FIELDS, editsFor(action, FIELDS_URI));
  assert.match(after, /\n {4}"campaign": \{ "type": "text", "description": "" \}\n {2}\},\n/);
});

test('adding to a JSON fields file leaves the other entries as written', () => {
  const fields = fieldsContext();
  const action = titled(actionsFor(webhookDoc('GET https://x/?c={campaign}\n'), fields).actions, 'Add "campaign"');
  const after = applyEdits(DESIGN_FIELDS, editsFor(action, FIELDS_URI));
  assert.ok(after.includes('"trader_id": { "type": "text", "description": "Created by the broker integration" }'), after);
});

test('an unknown tracker key offers to add it under trackerFields', () => {
  const fields = fieldsContext();
  const action = titled(actionsFor(webhookDoc('GET https://x/?s={tracker.sub7}\n'), fields).actions, 'Add "sub7" to trackerFields');
  assert.ok(parseFieldsFile(applyEdits(DESIGN_FIELDS, editsFor(action, FIELDS_URI)), 'json').model?.trackerFields.has('sub7'));
});

test('an unknown bot variable in a message offers to add it under botVariables', () => {
  const fields = fieldsContext();
  const action = titled(actionsFor(scriptDoc(messageScript('{{variables.promo}}')), fields).actions, 'Add "promo" to botVariables');
  assert.ok(parseFieldsFile(applyEdits(DESIGN_FIELDS, editsFor(action, FIELDS_URI)), 'json').model?.botVariables.has('promo'));
});

test('the add action names the fields file by its display name', () => {
  const fields = fieldsContext(DESIGN_FIELDS, 'json', 'config/webhook-fields.json');
  assert.ok(actionsFor(webhookDoc('GET https://x/?c={campaign}\n'), fields).actions.some((a) => a.title.endsWith('in config/webhook-fields.json')));
});

test('adding to a YAML fields file keeps its comments and defines the key', () => {
  const yaml = '# Project fields\ncustomFields:\n  # money\n  deposit_amount:\n    type: number # USD\ntrackerFields:\n  clickid: {}\n';
  const fields = fieldsContext(yaml, 'yaml');
  const action = titled(actionsFor(webhookDoc('GET https://x/?c={campaign}\n'), fields).actions, 'Add "campaign"');
  const after = applyEdits(yaml, editsFor(action, FIELDS_YAML_URI));
  for (const comment of ['# Project fields', '# money', '# USD']) assert.ok(after.includes(comment), comment);
  assert.equal(parseFieldsFile(after, 'yaml').model?.customFields.get('campaign')?.type, 'text');
});

test('a bare unknown key in a message is not offered for the fields file', () => {
  const { actions } = actionsFor(scriptDoc(messageScript('{{campaign}}')), fieldsContext());
  assert.ok(!actions.some((action) => action.title.startsWith('Add')));
});

test('a problem without a fix or missing key has no action', () => {
  assert.deepEqual(actionsFor(webhookDoc('GET https://x/?n={name}\n'), fieldsContext()).actions, []);
});

/** The text a create-file action would write. */
function createdText(action: CodeAction): { uri: string; text: string } {
  const changes = action.edit?.documentChanges ?? [];
  const create = changes.find((change) => 'kind' in change && change.kind === 'create') as { uri: string } | undefined;
  const write = changes.find((change) => 'textDocument' in change) as TextDocumentEdit | undefined;
  assert.ok(create && write, 'expected a create and a write');
  assert.equal(write.textDocument.uri, create.uri);
  return { uri: create.uri, text: applyEdits('', write.edits as TextEdit[]) };
}

test('without a fields file, an unknown key offers to create one at the suggested place', () => {
  const action = titled(actionsFor(webhookDoc('GET https://x/?g={geo}\n'), noFields()).actions, 'Create webhook-fields.json');
  assert.equal(createdText(action).uri, SUGGESTED_URI);
});

test('the created fields file defines every unknown key the template uses', () => {
  const document = webhookDoc('POST https://x/?g={geo}&s={tracker.clickid}&c={chatId}\nX-T: {trader_id}\n\n{"d": "{deposit_amount}", "g": "{geo}"}\n');
  const action = titled(actionsFor(document, noFields()).actions, 'Create');
  const { model, problems } = parseFieldsFile(createdText(action).text, 'json');
  assert.deepEqual(problems, []);
  assert.deepEqual([...model!.customFields.keys()].sort(), ['deposit_amount', 'geo', 'trader_id']);
  assert.deepEqual([...model!.trackerFields.keys()], ['clickid']);
});

test('with the created fields file the template has no problems left', () => {
  const document = scriptDoc(messageScript('{{fields.geo}} {{tracker.sub1}} {{variables.promo}}'));
  const action = titled(actionsFor(document, noFields()).actions, 'Create');
  const created = fieldsContext(createdText(action).text);
  assert.deepEqual(validate(document, created), []);
});

test('the no-fields-file note offers to create the fields file with the keys the template uses', () => {
  const document = webhookDoc('GET https://x/?g={geo}&c={chatId}\n');
  const fields = { ...noFields(), absence: { searchedUpTo: 'hooks' } };
  const [note] = service().templateDiagnostics(document, fields);
  assert.equal(note.code, 'no-fields-file');
  const action = titled(service().codeActions(document, note.range, [note], fields), 'Create webhook-fields.json with the keys this template uses');
  assert.deepEqual(action.diagnostics, [note]);
  const { uri, text } = createdText(action);
  assert.equal(uri, SUGGESTED_URI);
  assert.deepEqual([...parseFieldsFile(text, 'json').model!.customFields.keys()], ['geo']);
});

test('the no-fields-file note offers nothing once a fields file is in force', () => {
  const document = webhookDoc('GET https://x/?g={geo}\n');
  const [note] = service().templateDiagnostics(document, { ...noFields(), absence: { searchedUpTo: 'hooks' } });
  assert.deepEqual(fixesOnly(service().codeActions(document, note.range, [note], fieldsContext())), []);
});

test('with a fields file there is no create action', () => {
  const { actions } = actionsFor(webhookDoc('GET https://x/?c={campaign}\n'), fieldsContext());
  assert.ok(!actions.some((action) => action.title.startsWith('Create')));
});

test('without a suggested place there is no create action', () => {
  const { actions } = actionsFor(webhookDoc('GET https://x/?c={campaign}\n'), {});
  assert.deepEqual(actions, []);
});

test('diagnostics of other sources get no action', () => {
  const document = webhookDoc('GET https://x/?c={chatid}\n');
  const { diagnostic } = actionsFor(document, fieldsContext());
  const foreign = { ...diagnostic, source: 'other' };
  assert.deepEqual(service().codeActions(document, foreign.range, [foreign], fieldsContext()), []);
});

test('a diagnostic away from the requested range gets no action', () => {
  const document = webhookDoc('GET https://x/?c={chatid}\n\n\nbody\n');
  const { diagnostic } = actionsFor(document, fieldsContext());
  const elsewhere = { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } };
  assert.deepEqual(service().codeActions(document, elsewhere, [diagnostic], fieldsContext()), []);
});
