// Property-based tests of the script-file readers (YAML, JSON): any text, never a throw, spans inside, linear time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseScriptFile } from '../../server/src/core/read/script-file';
import { assertInside, assertLinear, fuzzText, params, templateSpans } from './fuzz-support';

/** A script with random text in every value and random indentation, in one of the formats. */
const scriptYaml = fc
  .tuple(fuzzText, fuzzText, fuzzText, fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('', '\uFEFF', '---\n', '%YAML 1.2\n---\n'))
  .map(([url, body, text, eol, head]) =>
    [`${head}flows:`, '  - key: main', '    steps:', '      - key: a', '        type: webhook', `        url: "${url}"`, `        body: '${body}'`, `        headers: { X: ${url} }`, '      - key: b', '        type: message', `        text: ${text}`].join(eol));

const scriptJson = fc
  .tuple(fuzzText, fuzzText, fuzzText)
  .map(([url, body, text]) => `{"flows":[{"key":"main","steps":[{"key":"a","type":"webhook","url":"${url}","body":${JSON.stringify(body)},"headers":{"X":"${text}"}},{"key":"b","type":"message","text":"${text}"}]}]}`);

function assertParses(text: string, format: 'yaml' | 'json'): void {
  for (const [what, span] of templateSpans(parseScriptFile(text, format))) assertInside(text, span, what);
}

describe('parseScriptFile on hostile text', () => {
  test('YAML: never throws, and every span lies inside the text', () => {
    fc.assert(fc.property(fc.oneof(fuzzText, scriptYaml), (text) => assertParses(text, 'yaml')), params(1500));
  });

  test('JSON: never throws, and every span lies inside the text', () => {
    fc.assert(fc.property(fc.oneof(fuzzText, scriptJson), (text) => assertParses(text, 'json')), params(1500));
  });

  test('regions come in document order', () => {
    fc.assert(
      fc.property(fc.oneof(scriptYaml, scriptJson.map((text) => text)), fc.boolean(), (text, yaml) => {
        const { regions } = parseScriptFile(text, yaml ? 'yaml' : 'json');
        for (let i = 1; i < regions.length; i++) assert.ok(regions[i].start >= regions[i - 1].start, `region ${i} before region ${i - 1}`);
      }),
      params(500),
    );
  });
});

describe('parseScriptFile survives deep nesting', () => {
  const deep: [string, string, 'yaml' | 'json'][] = [
    ['20,000 "[" in JSON', '['.repeat(20000), 'json'],
    ['20,000 nested objects in JSON', '{"a":'.repeat(20000), 'json'],
    ['5,000 flow sequences in YAML', '['.repeat(5000), 'yaml'],
    ['2,000 nested block sequences in YAML', Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + '- ').join('\n'), 'yaml'],
    ['5,000 nested flow mappings in YAML', '{a: '.repeat(5000), 'yaml'],
  ];
  for (const [what, text, format] of deep) {
    test(what, () => {
      const parsed = parseScriptFile(text, format);
      for (const [name, span] of templateSpans(parsed)) assertInside(text, span, name);
    });
  }
});

describe('parseScriptFile takes time linear in the text', () => {
  const cases: [string, (size: number) => string, 'yaml' | 'json'][] = [
    ['a megabyte line of braces in a YAML message', (n) => `flows:\n  - steps:\n      - text: "${'{'.repeat(n)}"\n`, 'yaml'],
    ['a megabyte URL in a JSON webhook step', (n) => `{"flows":[{"steps":[{"type":"webhook","url":"${'{chatId}'.repeat(n / 8)}"}]}]}`, 'json'],
    ['many steps in YAML', (n) => 'flows:\n  - steps:\n' + '      - {key: a, type: webhook, url: "https://t.test/{chatId}"}\n'.repeat(n / 64), 'yaml'],
    ['many steps in JSON', (n) => `{"flows":[{"steps":[${Array(Math.floor(n / 60)).fill('{"key":"a","type":"webhook","url":"https://t.test/{chatId}"}').join(',')}]}]}`, 'json'],
    ['an unclosed JSON string of backslashes', (n) => '{"flows":"' + '\\'.repeat(n), 'json'],
    ['a YAML line of blanks', (n) => 'flows:' + ' '.repeat(n) + 'x', 'yaml'],
  ];
  for (const [what, build, format] of cases) test(what, () => assertLinear(what, build, (text) => parseScriptFile(text, format)));
});
