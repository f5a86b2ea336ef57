// Specifies the text edits that add a key to a fields file (JSON or YAML) or write a new fields file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, parseTree, type ParseError } from 'jsonc-parser';
import { addKeyToJson, addKeyToYaml, newEntry, newFieldsFileText, removeKeysFromJson, removeKeysFromYaml } from '../../server/src/core/language/fields-edits';
import { parseFieldsFile } from '../../server/src/core/fields/fields-file';
import { DESIGN_FIELDS } from './core-helpers';

function addToJson(text: string, section: 'customFields' | 'trackerFields' | 'botVariables', key: string): string {
  return applyEdits(text, addKeyToJson(text, { section, key }));
}

function jsonErrors(text: string): ParseError[] {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  return errors;
}

/** Lines of `before` that are no longer in `after` (ignoring a comma added at the end). */
function lostLines(before: string, after: string): string[] {
  const kept = new Set(after.split(/\r?\n/).map((line) => line.replace(/,$/, '')));
  return before.split(/\r?\n/).filter((line) => !kept.has(line.replace(/,$/, '')));
}

test('a new custom field is a text field with an empty description', () => {
  assert.deepEqual(newEntry('customFields'), { type: 'text', description: '' });
});

test('JSON: the added custom field is defined and the file stays valid', () => {
  const after = addToJson(DESIGN_FIELDS, 'customFields', 'campaign');
  assert.deepEqual(jsonErrors(after), []);
  const { model, problems } = parseFieldsFile(after, 'json');
  assert.deepEqual(problems, []);
  assert.equal(model?.customFields.get('campaign')?.type, 'text');
  assert.ok(model?.customFields.has('geo'));
});

test('JSON: an added tracker field lands under trackerFields', () => {
  const { model } = parseFieldsFile(addToJson(DESIGN_FIELDS, 'trackerFields', 'sub2'), 'json');
  assert.ok(model?.trackerFields.has('sub2'));
});

test('JSON: a missing section is created', () => {
  const after = addToJson('{\n  "customFields": {}\n}\n', 'botVariables', 'promo');
  assert.deepEqual(jsonErrors(after), []);
  assert.ok(parseFieldsFile(after, 'json').model?.botVariables.has('promo'));
});

test('JSON: the new entry is written on one line when its neighbour is', () => {
  const after = addToJson(DESIGN_FIELDS, 'customFields', 'campaign');
  assert.match(after, /\n {4}"campaign": \{ "type": "text", "description": "" \}\n {2}\},\n/);
});

test('JSON: the new entry spreads over lines, indented like the file, when its neighbour does', () => {
  const before = '{\n  "customFields": {\n    "geo": {\n      "type": "text"\n    }\n  }\n}\n';
  const after = addToJson(before, 'customFields', 'campaign');
  assert.match(after, /\n {4}"campaign": \{\n {6}"type": "text",\n {6}"description": ""\n {4}\}\n {2}\}/);
});

test('JSON: the new entry is indented like the file (four spaces)', () => {
  const before = '{\n    "customFields": {\n        "geo": {"type": "text"}\n    }\n}\n';
  assert.match(addToJson(before, 'trackerFields', 'clickid'), /\n {4}"trackerFields": \{\n {8}"clickid": \{\n {12}"description": ""/);
});

test('JSON: the other entries keep their formatting', () => {
  const after = addToJson(DESIGN_FIELDS, 'customFields', 'campaign');
  assert.deepEqual(lostLines(DESIGN_FIELDS, after), []);
});

test('JSON: a comment stays on the line of the entry it follows', () => {
  const before = '{\n  // the fields\n  "customFields": {\n    "geo": {"type": "text"} // country\n  }\n}\n';
  const after = addToJson(before, 'customFields', 'campaign');
  assert.match(after, /"geo": \{"type": "text"\},? \/\/ country/);
});

test('JSON: a tab-indented file gets tabs in the new entry', () => {
  const before = '{\n\t"customFields": {\n\t\t"geo": {\n\t\t\t"type": "text"\n\t\t}\n\t}\n}\n';
  const after = addToJson(before, 'customFields', 'campaign');
  assert.doesNotMatch(after, /^ +"/m, after);
});

test('JSON: CRLF line ends are kept', () => {
  const before = '{\r\n  "customFields": {\r\n    "geo": {"type": "text"}\r\n  }\r\n}\r\n';
  assert.doesNotMatch(addToJson(before, 'customFields', 'campaign'), /[^\r]\n/);
});

const YAML_FIELDS = [
  '# Project fields',
  'placeholderSyntax: braces # the default',
  '',
  'customFields:',
  '  # money',
  '  deposit_amount:',
  '    type: number # USD',
  '    example: 150',
  '',
  'trackerFields:',
  '  clickid:',
  '    description: "Click id" # from Keitaro',
  '',
].join('\n');

test('YAML: the added key is defined', () => {
  const { model, problems } = parseFieldsFile(applyEdits(YAML_FIELDS, addKeyToYaml(YAML_FIELDS, { section: 'customFields', key: 'campaign' })), 'yaml');
  assert.deepEqual(problems, []);
  assert.equal(model?.customFields.get('campaign')?.type, 'text');
  assert.ok(model?.customFields.has('deposit_amount'));
});

test('YAML: comments are kept', () => {
  const after = applyEdits(YAML_FIELDS, addKeyToYaml(YAML_FIELDS, { section: 'trackerFields', key: 'sub1' }));
  for (const comment of ['# Project fields', '# the default', '# money', '# USD', '# from Keitaro']) assert.ok(after.includes(comment), comment);
});

test('YAML: a missing section is added', () => {
  const after = applyEdits(YAML_FIELDS, addKeyToYaml(YAML_FIELDS, { section: 'botVariables', key: 'promo' }));
  assert.ok(parseFieldsFile(after, 'yaml').model?.botVariables.has('promo'));
});

test('YAML: the other lines keep their formatting', () => {
  const before = [
    'customFields:',
    '  geo: { type: select, items: [KZ, UZ], description: Country }',
    '  trader_id:',
    '    type: text',
    '    description: Created by the broker integration, written back by the CRM when the trader signs up for the platform',
    '',
  ].join('\n');
  assert.deepEqual(lostLines(before, applyEdits(before, addKeyToYaml(before, { section: 'customFields', key: 'campaign' }))), []);
});

test('a new fields file defines every key given, in its section', () => {
  const text = newFieldsFileText([
    { section: 'customFields', key: 'geo' },
    { section: 'trackerFields', key: 'clickid' },
    { section: 'botVariables', key: 'regLink' },
  ]);
  const { model, problems } = parseFieldsFile(text, 'json');
  assert.deepEqual(problems, []);
  assert.ok(model?.customFields.has('geo'));
  assert.ok(model?.trackerFields.has('clickid'));
  assert.ok(model?.botVariables.has('regLink'));
});

test('a new fields file is valid, two-space indented JSON with the braces syntax', () => {
  const text = newFieldsFileText([{ section: 'customFields', key: 'geo' }]);
  assert.equal(JSON.parse(text).placeholderSyntax, 'braces');
  assert.equal(text, JSON.stringify(JSON.parse(text), null, 2) + '\n');
});

// ---- Removing keys ("Remove field") ------------------------------------------------------------------

const removeJson = (text: string, ...paths: string[][]) => applyEdits(text, removeKeysFromJson(text, paths));
const removeYaml = (text: string, ...paths: string[][]) => applyEdits(text, removeKeysFromYaml(text, paths));

const JSON_FILE = `{
  "customFields": {
    "geo": { "type": "text" },
    "spare": {
      "type": "text"
    },
    "last": { "type": "text" }
  },
  "profiles": {
    "lead": { "geo": "KZ", "spare": "y", "last": 1 },
    "sale": {
      "spare": "z"
    }
  }
}
`;

test('JSON: a member on lines of its own goes with its lines, the others stay as written', () => {
  assert.equal(removeJson(JSON_FILE, ['customFields', 'spare']), JSON_FILE.replace('    "spare": {\n      "type": "text"\n    },\n', ''));
});

test('JSON: the last member on its own line takes the comma before it', () => {
  assert.equal(removeJson(JSON_FILE, ['customFields', 'last']), JSON_FILE.replace('    },\n    "last": { "type": "text" }\n', '    }\n'));
});

test('JSON: the only member leaves an empty object', () => {
  const after = removeJson(JSON_FILE, ['profiles', 'sale', 'spare']);
  assert.equal(after, JSON_FILE.replace('    "sale": {\n      "spare": "z"\n    }', '    "sale": {\n    }'));
  assert.deepEqual(jsonErrors(after), []);
});

test('JSON: inline members go with their comma: first, middle, last and only', () => {
  assert.equal(removeJson('{ "a": 1, "b": 2, "c": 3 }', ['a']), '{ "b": 2, "c": 3 }');
  assert.equal(removeJson('{ "a": 1, "b": 2, "c": 3 }', ['b']), '{ "a": 1, "c": 3 }');
  assert.equal(removeJson('{ "a": 1, "b": 2, "c": 3 }', ['c']), '{ "a": 1, "b": 2 }');
  assert.equal(removeJson('{ "x": { "a": 1 } }', ['x', 'a']), '{ "x": {} }');
});

test('JSON: several keys at once (a definition and its profile values), the file valid and the rest untouched', () => {
  const after = removeJson(JSON_FILE, ['customFields', 'spare'], ['profiles', 'lead', 'spare'], ['profiles', 'sale', 'spare']);
  assert.deepEqual(jsonErrors(after), []);
  assert.ok(!after.includes('spare'), after);
  assert.deepEqual(lostLines(JSON_FILE, after), ['    "spare": {', '      "type": "text"', '    "lead": { "geo": "KZ", "spare": "y", "last": 1 },', '      "spare": "z"']);
  assert.ok(after.includes('    "lead": { "geo": "KZ", "last": 1 },'), after);
});

test('JSON: a path that is not there gives no edit', () => {
  assert.deepEqual(removeKeysFromJson(JSON_FILE, [['customFields', 'nope'], ['profiles', 'nobody', 'geo']]), []);
});

const YAML_FILE = `customFields:
  geo:
    type: text # the country
  spare:
    type: text
    description: Nobody uses it
  last: { type: text }
profiles:
  lead: { geo: KZ, spare: y, "tracker.clickid": c }
  sale:
    spare: z
`;

test('YAML: a block entry goes with its lines, comments of the others kept', () => {
  assert.equal(removeYaml(YAML_FILE, ['customFields', 'spare']), YAML_FILE.replace('  spare:\n    type: text\n    description: Nobody uses it\n', ''));
});

test('YAML: the last block entry goes with its line', () => {
  assert.equal(removeYaml(YAML_FILE, ['customFields', 'last']), YAML_FILE.replace('  last: { type: text }\n', ''));
});

test('YAML: in a flow map the entry goes with its comma; a quoted key is found', () => {
  assert.equal(removeYaml(YAML_FILE, ['profiles', 'lead', 'spare']), YAML_FILE.replace('{ geo: KZ, spare: y, "tracker.clickid": c }', '{ geo: KZ, "tracker.clickid": c }'));
  assert.equal(removeYaml(YAML_FILE, ['profiles', 'lead', 'tracker.clickid']), YAML_FILE.replace('{ geo: KZ, spare: y, "tracker.clickid": c }', '{ geo: KZ, spare: y }'));
});

test('YAML: the only entry of a block map leaves {} after its key, not a null', () => {
  const after = removeYaml(YAML_FILE, ['profiles', 'sale', 'spare']);
  assert.equal(after, YAML_FILE.replace('  sale:\n    spare: z\n', '  sale: {}\n'));
  assert.deepEqual(parseFieldsFile(after, 'yaml').problems, []);
});

test('YAML: a definition and its profile values at once', () => {
  const after = removeYaml(YAML_FILE, ['customFields', 'spare'], ['profiles', 'lead', 'spare'], ['profiles', 'sale', 'spare']);
  const { model, problems } = parseFieldsFile(after, 'yaml');
  assert.deepEqual(problems, []);
  assert.ok(!after.includes('spare'), after);
  assert.deepEqual([...(model?.customFields.keys() ?? [])], ['geo', 'last']);
  assert.ok(after.includes('type: text # the country'));
});
