// Specifies the fields-file loader: the model it builds from JSON and YAML, its spans and its problems.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyFieldsModel, fieldsFormatOf, parseFieldsFile, type FieldsFormat } from '../../server/src/core/fields/fields-file';
import { ProblemCode, problemText } from '../../server/src/core/base/problems';
import { EN, said } from '../support/l10n';
import type { FieldsModel, Span, StructureProblem } from '../../server/src/core/base/types';
import { DESIGN_FIELDS_WITH_PROFILES } from '../support/design-fields';

const DESIGN_JSON = DESIGN_FIELDS_WITH_PROFILES;

const DESIGN_YAML = `placeholderSyntax: braces
customFields:
  deposit_amount:
    type: number
    description: First deposit, in USD
    example: 150
  geo:
    type: select
    items: [KZ, UZ, AZ]
    description: Country
    example: KZ
  trader_id:
    type: text
    description: Created by the broker integration
trackerFields:
  clickid:
    description: Click id the tracker gave this user
    example: "7f3a9c01"
  sub1: { description: Campaign sub-id, example: fb_ads }
botVariables:
  regLink:
    value: "https://partner.example.com/reg?clickid={{tracker.clickid}}"
    description: Registration link
profiles:
  lead: { username: ivan_petrov, chatId: 482913377, tracker.clickid: "7f3a9c01", deposit_amount: 0 }
  no-username:
    username: ""
    chatId: 1000001
`;

function slice(text: string, span: Span | undefined): string {
  assert.ok(span, 'expected a span');
  return text.slice(span.start, span.end);
}

function load(text: string, format: FieldsFormat = 'json'): { model: FieldsModel; problems: StructureProblem[] } {
  const result = parseFieldsFile(text, format);
  assert.ok(result.model, `expected a model, got problems ${JSON.stringify(result.problems)}`);
  return { model: result.model, problems: result.problems };
}

/** The only problem of the text, after checking there is exactly one. */
function onlyProblem(text: string, format: FieldsFormat = 'json'): StructureProblem {
  const { problems } = load(text, format);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  return problems[0]!;
}

function assertDesignModel(text: string, model: FieldsModel): void {
  assert.equal(model.placeholderSyntax, 'braces');
  assert.deepEqual([...model.customFields.keys()], ['deposit_amount', 'geo', 'trader_id']);
  const geo = model.customFields.get('geo')!;
  assert.equal(geo.type, 'select');
  assert.deepEqual(geo.items, ['KZ', 'UZ', 'AZ']);
  assert.equal(geo.description, 'Country');
  assert.equal(geo.example, 'KZ');
  assert.equal(slice(text, geo.keySpan), 'geo');
  assert.equal(model.customFields.get('deposit_amount')!.example, 150);
  assert.equal(model.customFields.get('trader_id')!.type, 'text');
  assert.deepEqual([...model.trackerFields.keys()], ['clickid', 'sub1']);
  assert.equal(model.trackerFields.get('clickid')!.example, '7f3a9c01');
  assert.equal(slice(text, model.trackerFields.get('sub1')!.keySpan), 'sub1');
  const regLink = model.botVariables.get('regLink')!;
  assert.equal(regLink.value, 'https://partner.example.com/reg?clickid={{tracker.clickid}}');
  assert.equal(slice(text, regLink.valueSpan), regLink.value);
  assert.equal(regLink.description, 'Registration link');
  const lead = model.profiles.get('lead')!;
  assert.deepEqual([...lead.values], [['username', 'ivan_petrov'], ['chatId', 482913377], ['tracker.clickid', '7f3a9c01'], ['deposit_amount', 0]]);
  assert.deepEqual([...model.profiles.get('no-username')!.values], [['username', ''], ['chatId', 1000001]]);
}

describe('parseFieldsFile: the DESIGN.md example', () => {
  test('loads fully from JSON, with no problems', () => {
    const { model, problems } = load(DESIGN_JSON);
    assert.deepEqual(problems, []);
    assertDesignModel(DESIGN_JSON, model);
  });

  test('loads fully from YAML, with no problems', () => {
    const { model, problems } = load(DESIGN_YAML, 'yaml');
    assert.deepEqual(problems, []);
    assertDesignModel(DESIGN_YAML, model);
  });

  test('a JSON definition spans from its quoted key to the end of its value; keySpan is inside the quotes', () => {
    const { model } = load(DESIGN_JSON);
    const field = model.customFields.get('trader_id')!;
    assert.equal(slice(DESIGN_JSON, field.keySpan), 'trader_id');
    assert.equal(slice(DESIGN_JSON, field.span), '"trader_id": { "type": "text", "description": "Created by the broker integration" }');
  });

  test('a YAML definition spans from its key to the end of its value, without the trailing line break', () => {
    const { model } = load(DESIGN_YAML, 'yaml');
    assert.equal(slice(DESIGN_YAML, model.customFields.get('trader_id')!.span), 'trader_id:\n    type: text\n    description: Created by the broker integration');
    assert.equal(slice(DESIGN_YAML, model.trackerFields.get('sub1')!.span), 'sub1: { description: Campaign sub-id, example: fb_ads }');
  });

  test('a profile spans its whole entry and is named by its key', () => {
    const { model } = load(DESIGN_JSON);
    const profile = model.profiles.get('no-username')!;
    assert.equal(profile.name, 'no-username');
    assert.equal(slice(DESIGN_JSON, profile.span), '"no-username": { "username": "", "chatId": 1000001 }');
  });
});

describe('parseFieldsFile: placeholder syntax', () => {
  test('reads "angle"', () => {
    assert.equal(load('{ "placeholderSyntax": "angle" }').model.placeholderSyntax, 'angle');
  });

  test('defaults to "braces" when not set', () => {
    assert.equal(load('{ "customFields": {} }').model.placeholderSyntax, 'braces');
  });

  test('reports another value on the value and keeps "braces"', () => {
    const text = '{ "placeholderSyntax": "square" }';
    const { model, problems } = load(text);
    assert.equal(model.placeholderSyntax, 'braces');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, ProblemCode.FieldsInvalidStructure);
    assert.equal(slice(text, problems[0]!.span), '"square"');
  });
});

describe('parseFieldsFile: structure', () => {
  test('a root that is an array is reported on the whole array and gives an empty model', () => {
    const text = '[1, 2]';
    const { model, problems } = load(text);
    assert.deepEqual(model, emptyFieldsModel());
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, ProblemCode.FieldsInvalidStructure);
    assert.deepEqual(problems[0]!.span, { start: 0, end: 6 });
  });

  test('a section that is not an object is reported on its value', () => {
    const text = '{ "customFields": ["geo"] }';
    const problem = onlyProblem(text);
    assert.equal(problem.code, ProblemCode.FieldsInvalidStructure);
    assert.equal(slice(text, problem.span), '["geo"]');
  });

  test('an entry that is not an object is reported on its value but its key is still defined', () => {
    const text = '{ "trackerFields": { "clickid": "abc" } }';
    const { model, problems } = load(text);
    assert.equal(problems.length, 1);
    assert.equal(slice(text, problems[0]!.span), '"abc"');
    assert.ok(model.trackerFields.has('clickid'));
  });

  test('empty YAML sections and entries are accepted', () => {
    const text = 'customFields:\ntrackerFields:\n  clickid:\n';
    const { model, problems } = load(text, 'yaml');
    assert.deepEqual(problems, []);
    assert.deepEqual([...model.trackerFields.keys()], ['clickid']);
  });

  test('an unknown top-level key is reported on the key, as ignored', () => {
    const text = '{ "$schema": "./schema.json", "customfields": {} }';
    const problem = onlyProblem(text);
    assert.equal(problem.code, ProblemCode.FieldsUnknownProperty);
    assert.equal(slice(text, problem.span), 'customfields');
    assert.deepEqual(said(problem.args).slice(0, 2), ['customfields', 'the fields file']);
  });

  test('an unknown property of a custom field is reported on its key', () => {
    const text = '{ "customFields": { "geo": { "type": "text", "descr": "x" } } }';
    const problem = onlyProblem(text);
    assert.equal(problem.code, ProblemCode.FieldsUnknownProperty);
    assert.equal(slice(text, problem.span), 'descr');
  });

  test('a description that is not a string is reported on its value and not kept', () => {
    const text = '{ "trackerFields": { "sub1": { "description": 12 } } }';
    const { model, problems } = load(text);
    assert.equal(problems.length, 1);
    assert.equal(slice(text, problems[0]!.span), '12');
    assert.equal(model.trackerFields.get('sub1')!.description, undefined);
  });

  test('items that are not strings are reported one by one and the strings are kept', () => {
    const text = '{ "customFields": { "geo": { "type": "select", "items": ["KZ", 7] } } }';
    const { model, problems } = load(text);
    assert.equal(problems.length, 1);
    assert.equal(slice(text, problems[0]!.span), '7');
    assert.deepEqual(model.customFields.get('geo')!.items, ['KZ']);
  });

  test('a bot variable value that is not a string is reported and has no valueSpan', () => {
    const text = '{ "botVariables": { "n": { "value": 5 } } }';
    const { model, problems } = load(text);
    assert.equal(problems.length, 1);
    assert.equal(slice(text, problems[0]!.span), '5');
    assert.equal(model.botVariables.get('n')!.valueSpan, undefined);
  });

  test('a nested profile value is reported on it and left out; the other values stay', () => {
    const text = '{ "profiles": { "lead": { "chatId": 1, "geo": { "a": 1 } } } }';
    const { model, problems } = load(text);
    assert.equal(problems.length, 1);
    assert.equal(slice(text, problems[0]!.span), '{ "a": 1 }');
    assert.deepEqual([...model.profiles.get('lead')!.values], [['chatId', 1]]);
  });

  test('JSON comments and trailing commas are accepted', () => {
    const text = '{\n  // ids\n  "trackerFields": { "clickid": {}, },\n}';
    const { model, problems } = load(text);
    assert.deepEqual(problems, []);
    assert.ok(model.trackerFields.has('clickid'));
  });
});

describe('parseFieldsFile: problems about keys, types and examples', () => {
  test('a key that is not an identifier is a warning on the key, and the field is still loaded', () => {
    const text = '{ "customFields": { "deposit-amount": {} } }';
    const problem = onlyProblem(text);
    assert.equal(problem.code, ProblemCode.FieldsKeyNotIdentifier);
    assert.deepEqual(said(problem.args), ['deposit-amount']);
    assert.equal(slice(text, problem.span), 'deposit-amount');
    assert.ok(load(text).model.customFields.has('deposit-amount'));
  });

  test('profile names need not be identifiers', () => {
    assert.deepEqual(load('{ "profiles": { "no-username": {} } }').problems, []);
  });

  test('an unknown type is reported on its value, listing the known types, and kept as rawType', () => {
    const text = '{ "customFields": { "age": { "type": "integer" } } }';
    const problem = onlyProblem(text);
    assert.equal(problem.code, ProblemCode.FieldsUnknownType);
    assert.deepEqual(said(problem.args), ['integer', 'text, long-text, link, number, date, select, multiselect']);
    assert.equal(slice(text, problem.span), '"integer"');
    const field = load(text).model.customFields.get('age')!;
    assert.equal(field.type, undefined);
    assert.equal(field.rawType, 'integer');
  });

  test('a missing type is no problem and leaves the example unchecked', () => {
    const { model, problems } = load('{ "customFields": { "n": { "example": 12 } } }');
    assert.deepEqual(problems, []);
    assert.equal(model.customFields.get('n')!.type, undefined);
  });

  test('a select without items is reported on its type', () => {
    const text = '{ "customFields": { "geo": { "type": "select" } } }';
    const problem = onlyProblem(text);
    assert.equal(problem.code, ProblemCode.FieldsSelectWithoutItems);
    assert.deepEqual(said(problem.args), ['select']);
    assert.equal(slice(text, problem.span), '"select"');
  });

  test('a multiselect with empty items is reported on the items', () => {
    const text = 'customFields:\n  tags:\n    type: multiselect\n    items: []\n';
    const problem = onlyProblem(text, 'yaml');
    assert.equal(problem.code, ProblemCode.FieldsSelectWithoutItems);
    assert.deepEqual(said(problem.args), ['multiselect']);
    assert.equal(slice(text, problem.span), '[]');
  });

  test('a number example written as a string is reported on the example, with the reason', () => {
    const text = '{ "customFields": { "n": { "type": "number", "example": "150" } } }';
    const problem = onlyProblem(text);
    assert.equal(problem.code, ProblemCode.FieldsExampleMismatch);
    assert.deepEqual(said(problem.args), ['"150"', 'number', 'expected a number, written without quotes']);
    assert.equal(slice(text, problem.span), '"150"');
  });

  test('a YAML .inf is not a number example', () => {
    const problem = onlyProblem('customFields:\n  n: { type: number, example: .inf }\n', 'yaml');
    assert.deepEqual(said(problem.args), ['Infinity', 'number', 'expected a finite number']);
  });

  test('date examples accept ISO 8601 date-times with or without milliseconds and with offsets', () => {
    for (const example of ['2030-01-30T10:20:30Z', '2024-03-10T17:49:32.806Z', '2030-01-30T10:20:30+05:00', '2028-02-29T00:00:00-03:30']) {
      assert.deepEqual(load(`{ "customFields": { "d": { "type": "date", "example": "${example}" } } }`).problems, [], example);
    }
  });

  test('date examples reject dates only, impossible days and missing zones', () => {
    for (const example of ['2030-01-30', '2030-02-30T10:20:30Z', '2030-01-30T10:20:30', '2030-01-30T24:00:00Z']) {
      const problem = onlyProblem(`{ "customFields": { "d": { "type": "date", "example": "${example}" } } }`);
      assert.equal(problem.code, ProblemCode.FieldsExampleMismatch, example);
    }
  });

  test('a link example must be an absolute http(s) URL', () => {
    const link = (example: string) => load(`{ "customFields": { "l": { "type": "link", "example": "${example}" } } }`).problems;
    assert.deepEqual(link('https://example.com/a?b={clickid}'), []);
    assert.equal(link('ftp://example.com/')[0]!.code, ProblemCode.FieldsExampleMismatch);
    assert.equal(link('/relative/path')[0]!.code, ProblemCode.FieldsExampleMismatch);
  });

  test('a select example must be one of its items', () => {
    const text = '{ "customFields": { "geo": { "type": "select", "items": ["KZ", "UZ"], "example": "RU" } } }';
    assert.deepEqual(said(onlyProblem(text).args), ['"RU"', 'select', '"RU" is not one of its items (KZ, UZ)']);
  });

  test('a multiselect example is an array of its items', () => {
    const field = (example: string) => `{ "customFields": { "t": { "type": "multiselect", "items": ["a", "b"], "example": ${example} } } }`;
    assert.deepEqual(load(field('["a", "b"]')).problems, []);
    assert.deepEqual(said(onlyProblem(field('"a,b"')).args), ['"a,b"', 'multiselect', 'expected an array of its items']);
    assert.deepEqual(said(onlyProblem(field('["a", "c"]')).args), ['["a","c"]', 'multiselect', '"c" is not one of its items (a, b)']);
  });

  test('a text example must be a string', () => {
    const text = 'customFields:\n  t:\n    type: long-text\n    example: 12\n';
    const problem = onlyProblem(text, 'yaml');
    assert.deepEqual(said(problem.args), ['12', 'long-text', 'expected a string']);
    assert.equal(slice(text, problem.span), '12');
  });

  test('every problem message is filled completely by its arguments', () => {
    const text = `{ "customFields": { "a-b": { "type": "x" }, "s": { "type": "select", "example": 1 }, "s": {} }, "zz": 1 }`;
    const { problems } = load(text);
    assert.equal(problems.length, 6);
    for (const problem of problems) assert.doesNotMatch(problemText(EN, problem.code, problem.args), /\{\d\}/);
  });
});

describe('parseFieldsFile: duplicate keys', () => {
  test('in JSON, the second key is reported on its key and the first definition counts', () => {
    const text = '{ "customFields": { "geo": { "type": "text" }, "geo": { "type": "number" } } }';
    const { model, problems } = load(text);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, ProblemCode.FieldsDuplicateKey);
    assert.deepEqual(said(problems[0]!.args), ['geo', 'customFields']);
    assert.equal(problems[0]!.span.start, text.lastIndexOf('geo'));
    assert.equal(model.customFields.get('geo')!.type, 'text');
  });

  test('in YAML, the second and third keys are reported on their keys', () => {
    const text = 'trackerFields:\n  sub1: {}\n  sub1: {}\n  sub1: {}\n';
    const { problems } = load(text, 'yaml');
    assert.deepEqual(problems.map((problem) => problem.span.start), [text.indexOf('sub1', 20), text.lastIndexOf('sub1')]);
    assert.deepEqual(said(problems[0]!.args), ['sub1', 'trackerFields']);
  });

  test('a duplicate property inside an entry names the entry', () => {
    const text = '{ "customFields": { "geo": { "type": "text", "type": "number" } } }';
    assert.deepEqual(said(onlyProblem(text).args), ['type', 'customFields.geo']);
  });

  test('a duplicate top-level key names the fields file', () => {
    assert.deepEqual(said(onlyProblem('{ "profiles": {}, "profiles": {} }').args), ['profiles', 'the fields file']);
  });
});

describe('parseFieldsFile: syntax errors', () => {
  test('a JSON syntax error gives no model and a readable message at the error', () => {
    const text = '{ "customFields": {} "trackerFields": {} }';
    const result = parseFieldsFile(text, 'json');
    assert.equal(result.model, undefined);
    assert.equal(result.problems[0]!.code, ProblemCode.FieldsSyntaxError);
    assert.deepEqual(said(result.problems[0]!.args), ['Expected a comma']);
    assert.equal(slice(text, result.problems[0]!.span), '"trackerFields"');
  });

  test('JSON cut short is reported on a character inside the text', () => {
    const text = '{ "customFields": {';
    const result = parseFieldsFile(text, 'json');
    assert.equal(result.model, undefined);
    for (const { span } of result.problems) assert.ok(span.start >= 0 && span.end <= text.length && span.end > span.start);
  });

  test('a YAML syntax error gives no model and a span inside the text', () => {
    const text = 'customFields:\n  geo: [KZ, UZ\n';
    const result = parseFieldsFile(text, 'yaml');
    assert.equal(result.model, undefined);
    assert.ok(result.problems.length > 0);
    for (const problem of result.problems) {
      assert.equal(problem.code, ProblemCode.FieldsSyntaxError);
      assert.ok(problem.span.start >= 0 && problem.span.end <= text.length && problem.span.end > problem.span.start);
      assert.doesNotMatch(EN.say(problem.args[0]!), /\.$/);
    }
  });

  test('several YAML documents are a syntax error', () => {
    assert.equal(parseFieldsFile('customFields: {}\n---\ntrackerFields: {}\n', 'yaml').model, undefined);
  });
});

describe('parseFieldsFile: text edge cases', () => {
  test('empty or blank text gives an empty model and no problems in both formats', () => {
    for (const format of ['json', 'yaml'] as const) {
      for (const text of ['', '  \n']) assert.deepEqual(parseFieldsFile(text, format), { model: emptyFieldsModel(), problems: [] });
    }
  });

  test('a YAML file of comments only gives an empty model', () => {
    assert.deepEqual(parseFieldsFile('# fields come later\n', 'yaml'), { model: emptyFieldsModel(), problems: [] });
  });

  test('spans count UTF-16 code units after Cyrillic and emoji in JSON', () => {
    const text = '{ "trackerFields": { "описание😀": {}, "clickid": { "description": "Клик 😀" } } }';
    const { model } = load(text);
    assert.equal(slice(text, model.trackerFields.get('описание😀')!.keySpan), 'описание😀');
    assert.equal(slice(text, model.trackerFields.get('clickid')!.keySpan), 'clickid');
  });

  test('spans count UTF-16 code units after Cyrillic and emoji in YAML', () => {
    const text = '# Поля 😀\ntrackerFields:\n  "ключ😀": {}\n  clickid: { description: "Клик 😀" }\nbotVariables:\n  v: { value: "😀 {{username}}" }\n';
    const { model } = load(text, 'yaml');
    assert.equal(slice(text, model.trackerFields.get('ключ😀')!.keySpan), 'ключ😀');
    assert.equal(slice(text, model.trackerFields.get('clickid')!.keySpan), 'clickid');
    assert.equal(slice(text, model.botVariables.get('v')!.valueSpan), '😀 {{username}}');
  });

  test('CRLF line endings keep spans right in YAML', () => {
    const text = 'customFields:\r\n  geo:\r\n    type: text\r\nbotVariables:\r\n  v:\r\n    value: hi {{name}}\r\n';
    const { model, problems } = load(text, 'yaml');
    assert.deepEqual(problems, []);
    assert.equal(slice(text, model.customFields.get('geo')!.span), 'geo:\r\n    type: text');
    assert.equal(slice(text, model.botVariables.get('v')!.valueSpan), 'hi {{name}}');
  });

  test('CRLF line endings keep spans right in JSON', () => {
    const text = '{\r\n  "customFields": {\r\n    "geo": { "type": "text" }\r\n  }\r\n}\r\n';
    assert.equal(slice(text, load(text).model.customFields.get('geo')!.keySpan), 'geo');
  });

  test('a YAML bot variable value span is its text: inside quotes, plain, or below a block header', () => {
    const text = 'botVariables:\n  a: { value: \'x {{name}}\' }\n  b:\n    value: y {{name}}\n  c:\n    value: |\n      z {{name}}\n';
    const { model } = load(text, 'yaml');
    assert.equal(slice(text, model.botVariables.get('a')!.valueSpan), 'x {{name}}');
    assert.equal(slice(text, model.botVariables.get('b')!.valueSpan), 'y {{name}}');
    assert.equal(slice(text, model.botVariables.get('c')!.valueSpan), '      z {{name}}');
  });

  test('a YAML alias example stands for its anchor value', () => {
    const text = 'trackerFields:\n  a: { example: &id "7f3a" }\n  b: { example: *id }\n';
    assert.equal(load(text, 'yaml').model.trackerFields.get('b')!.example, '7f3a');
  });
});

describe('parseFieldsFile: size', () => {
  const count = 12000;
  const entry = (i: number) => `"field_${i}": { "type": "select", "items": ["a", "b"], "description": "Field number ${i}", "example": "a" }`;
  const json = `{ "customFields": {\n${Array.from({ length: count }, (_, i) => entry(i)).join(',\n')}\n} }`;

  // Generous bounds: they catch a quadratic loader (minutes), not a busy machine (the benchmark measures speed).
  test('a 1 MB JSON fields file loads in a few seconds at most', () => {
    assert.ok(json.length > 1_000_000, `${json.length}`);
    const started = performance.now();
    const { model, problems } = load(json);
    assert.equal(model.customFields.size, count);
    assert.deepEqual(problems, []);
    assert.ok(performance.now() - started < 3000, `${performance.now() - started} ms`);
  });

  test('a 1 MB YAML fields file loads in a few seconds at most', () => {
    const yaml = `customFields:\n${Array.from({ length: count }, (_, i) => `  ${entry(i).replace(/^"(\w+)"/, '$1')}`).join('\n')}\n`;
    assert.ok(yaml.length > 1_000_000, `${yaml.length}`);
    const started = performance.now();
    assert.equal(load(yaml, 'yaml').model.customFields.size, count);
    assert.ok(performance.now() - started < 10000, `${performance.now() - started} ms`);
  });
});

describe('fieldsFormatOf', () => {
  test('reads YAML from .yaml and .yml, JSON otherwise', () => {
    assert.equal(fieldsFormatOf('webhook-fields.yaml'), 'yaml');
    assert.equal(fieldsFormatOf('/p/webhook-fields.YML'), 'yaml');
    assert.equal(fieldsFormatOf('webhook-fields.json'), 'json');
    assert.equal(fieldsFormatOf('webhook-fields'), 'json');
  });
});
