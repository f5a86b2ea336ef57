// Specifies go to definition: from a placeholder to the exact key of its entry in the fields file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import {
  ANGLE_FIELDS, FIELDS_URI, FIELDS_YAML_URI, SCRIPT_YAML_URI, WEBHOOK_URI, docAt, fieldsContext, messageScript, service,
} from './core-helpers';
import type { FieldsContext } from '../../server/src/core/base/types';

function definitionAt(uri: string, textWithCursor: string, fields: FieldsContext = fieldsContext()): Location[] {
  const { document, position } = docAt(uri, textWithCursor);
  return service().definitions(document, position, fields);
}

/** The text a location covers in the fields file of `fields`. */
function target(locations: Location[], fields: FieldsContext = fieldsContext()): string[] {
  const source = fields.source!;
  const document = TextDocument.create(source.uri, source.format, 0, source.text);
  return locations.map((location) => {
    assert.equal(location.uri, source.uri);
    return source.text.slice(document.offsetAt(location.range.start), document.offsetAt(location.range.end));
  });
}

test('a custom field leads to its key in the fields file', () => {
  const locations = definitionAt(WEBHOOK_URI, 'GET https://x/?g={g|eo}\n');
  assert.deepEqual(target(locations), ['geo']);
  assert.equal(locations[0].uri, FIELDS_URI);
  assert.deepEqual(locations[0].range, { start: { line: 4, character: 5 }, end: { line: 4, character: 8 } });
});

test('a tracker field leads to its key under trackerFields', () => {
  const locations = definitionAt(WEBHOOK_URI, 'GET https://x/?s={tracker.cl|ickid}\n');
  assert.deepEqual(target(locations), ['clickid']);
  assert.equal(locations[0].range.start.line, 8);
});

test('a bot variable in a message leads to its key under botVariables', () => {
  const locations = definitionAt(SCRIPT_YAML_URI, messageScript('{{variables.reg|Link}}'));
  assert.deepEqual(target(locations), ['regLink']);
  assert.equal(locations[0].range.start.line, 12);
});

test('fields.KEY in a message leads to the custom field', () => {
  assert.deepEqual(target(definitionAt(SCRIPT_YAML_URI, messageScript('{{fields.dep|osit_amount}}'))), ['deposit_amount']);
});

test('a built-in has no definition', () => {
  assert.deepEqual(definitionAt(WEBHOOK_URI, 'GET https://x/?c={chat|Id}\n'), []);
});

test('an unknown key has no definition', () => {
  assert.deepEqual(definitionAt(WEBHOOK_URI, 'GET https://x/?c={ge|x}\n'), []);
});

test('outside a placeholder there is no definition', () => {
  assert.deepEqual(definitionAt(WEBHOOK_URI, 'GET https://x/?c=|1&g={geo}\n'), []);
});

test('a YAML fields file is a definition target too', () => {
  const fields = fieldsContext('# fields\ntrackerFields:\n  sub1:\n    description: Campaign\n  clickid:\n    description: Click\n', 'yaml');
  const locations = definitionAt(WEBHOOK_URI, 'GET https://x/?s={tracker.cl|ickid}\n', fields);
  assert.deepEqual(target(locations, fields), ['clickid']);
  assert.equal(locations[0].uri, FIELDS_YAML_URI);
  assert.deepEqual(locations[0].range, { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } });
});

test('angle: <geo> leads to the custom field', () => {
  const fields = fieldsContext(ANGLE_FIELDS);
  assert.deepEqual(target(definitionAt(WEBHOOK_URI, 'GET https://x/?g=<g|eo>\n', fields), fields), ['geo']);
});
