// Property-based tests of the fields-file loader (JSON, YAML): any text, never a throw, spans inside, linear time.
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseFieldsFile, type FieldsFormat } from '../../server/src/core/fields/fields-file';
import type { FieldsModel, Span } from '../../server/src/core/base/types';
import { assertInside, assertLinear, fuzzText, params } from './fuzz-support';

/** Every span the loader reports: problems, and each definition's key, entry and value spans. */
function fieldsSpans(model: FieldsModel | undefined, problems: { code: string; span: Span }[]): [string, Span][] {
  const spans: [string, Span][] = problems.map((problem, i) => [`problem ${i} (${problem.code})`, problem.span]);
  if (!model) return spans;
  for (const section of [model.customFields, model.trackerFields, model.botVariables]) {
    for (const [key, definition] of section) {
      spans.push([`${key} key`, definition.keySpan], [`${key} entry`, definition.span]);
      const valueSpan = (definition as { valueSpan?: Span }).valueSpan;
      if (valueSpan) spans.push([`${key} value`, valueSpan]);
    }
  }
  for (const [name, profile] of model.profiles) {
    spans.push([`profile ${name}`, profile.span]);
    for (const [key, span] of profile.keySpans) spans.push([`profile ${name} key ${key}`, span]);
  }
  return spans;
}

function assertLoads(text: string, format: FieldsFormat): void {
  const { model, problems } = parseFieldsFile(text, format);
  for (const [what, span] of fieldsSpans(model, problems)) assertInside(text, span, what);
}

const value = fc.oneof(fuzzText, fc.constantFrom('1', '-0', '1e999', 'true', 'null', '[]', '{}', '"x"', '[1, "a", null]'));

/** A fields file of the design's shape, random text in keys and values. */
const fieldsJson = fc
  .tuple(fuzzText, value, fuzzText, value, fuzzText, fc.constantFrom('braces', 'angle', '', 'x'))
  .map(([key, type, description, example, variable, syntax]) =>
    `{"placeholderSyntax":"${syntax}","customFields":{"${key}":{"type":${type},"description":"${description}","example":${example},"items":[${example}]}},` +
    `"trackerFields":{"${key}":{"example":${example}}},"botVariables":{"v":{"value":"${variable}"},"${key}":${type}},"profiles":{"p":{"${key}":${example}},"q":${value}}}`);

const fieldsYaml = fc
  .tuple(fuzzText, value, fuzzText, value, fc.constantFrom('\n', '\r\n', '\r'))
  .map(([key, type, description, example, eol]) =>
    ['placeholderSyntax: angle', 'customFields:', `  ${key}:`, `    type: ${type}`, `    description: ${description}`, `    example: ${example}`, 'botVariables:', `  v: { value: "${description}" }`, 'profiles:', `  p: { ${key}: ${example} }`, '  q: &a [*a]'].join(eol));

describe('parseFieldsFile on hostile text', () => {
  test('JSON: never throws, and every span lies inside the text', () => {
    fc.assert(fc.property(fc.oneof(fuzzText, fieldsJson), (text) => assertLoads(text, 'json')), params(1500));
  });

  test('YAML: never throws, and every span lies inside the text', () => {
    fc.assert(fc.property(fc.oneof(fuzzText, fieldsYaml), (text) => assertLoads(text, 'yaml')), params(1500));
  });
});

describe('parseFieldsFile survives deep nesting', () => {
  const deep: [string, string, FieldsFormat][] = [
    ['20,000 "[" in JSON', '['.repeat(20000), 'json'],
    ['20,000 nested objects in a JSON section', '{"customFields":' + '{"a":'.repeat(20000) + '1' + '}'.repeat(20001), 'json'],
    ['20,000 nested arrays in a JSON example', '{"customFields":{"a":{"example":' + '['.repeat(20000) + ']'.repeat(20000) + '}}}', 'json'],
    ['5,000 nested flow sequences in YAML', 'profiles: ' + '['.repeat(5000) + ']'.repeat(5000), 'yaml'],
    ['2,000 nested block mappings in YAML', Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n'), 'yaml'],
    ['aliases that refer to each other in YAML', 'profiles:\n  p: &a { x: *a, y: *a }\n  q: &b [*a, *b, *a]\n', 'yaml'],
  ];
  for (const [what, text, format] of deep) test(what, () => assertLoads(text, format));
});

describe('parseFieldsFile takes time linear in the text', () => {
  const cases: [string, (size: number) => string, FieldsFormat][] = [
    ['many custom fields in JSON', (n) => `{"customFields":{${Array.from({ length: Math.floor(n / 40) }, (_, i) => `"f${i}":{"type":"number","example":${i}}`).join(',')}}}`, 'json'],
    ['many duplicate keys in JSON', (n) => `{"customFields":{${Array(Math.floor(n / 30)).fill('"f":{"type":"text"}').join(',')}}}`, 'json'],
    ['many custom fields in YAML', (n) => 'customFields:\n' + Array.from({ length: Math.floor(n / 30) }, (_, i) => `  f${i}: {type: number, example: ${i}}\n`).join(''), 'yaml'],
    ['a megabyte description in JSON', (n) => `{"customFields":{"a":{"description":"${'{x}'.repeat(n / 3)}"}}}`, 'json'],
    ['a megabyte bot variable value in YAML', (n) => `botVariables:\n  v:\n    value: "${'{{'.repeat(n / 2)}"\n`, 'yaml'],
    ['a trailing run of blanks in YAML', (n) => 'customFields:\n  a: x' + ' '.repeat(n), 'yaml'],
  ];
  for (const [what, build, format] of cases) test(what, () => assertLinear(what, build, (text) => parseFieldsFile(text, format)));
});
