// CLI tests of `check --format sarif` (validated against the SARIF 2.1.0 JSON Schema) and `--format junit` (parsed
// back with an XML parser).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ProblemCode, problemDocsUrl } from '../../server/src/core/index';
import { makeWorkspace, removeDir, runCli, shown } from './cli-helpers';

const resolveModule = createRequire(__filename).resolve;
/** The SARIF 2.1.0 schema (rtm.5, the version code scanning reads) as Microsoft's SARIF SDK ships it on npm. */
const SARIF_SCHEMA = JSON.parse(readFileSync(join(dirname(resolveModule('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));

const FIELDS = JSON.stringify({ customFields: { geo: { type: 'text', example: 'KZ' } }, severity: { 'insecure-http': 'warning', 'unknown-namespace': 'info' } });
/** A problem the fields file makes information: a note in SARIF, a passing test case in JUnit. */
const INFO = 'GET https://api.example.com/lead?s={utm.source}\n';
/** An emoji (two UTF-16 code units) before the placeholder, and a name with a blank in a subfolder. */
const EMOJI = 'GET https://api.example.com/😀/lead?c={chatid}\n';
const SPECIAL = 'GET http://api.example.com/lead?x={chat&id}&y={a<b}\n';
const CLEAN = 'GET https://api.example.com/lead?g={geo}\n';

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
}

describe('cli check formats', () => {
  let cwd: string;

  before(() => {
    cwd = makeWorkspace({ 'webhook-fields.json': FIELDS, 'hooks/lead one.webhook': EMOJI, 'special.webhook': SPECIAL, 'clean.webhook': CLEAN, 'info.webhook': INFO });
  });

  after(() => removeDir(cwd));

  describe('sarif', () => {
    let log: { runs: { tool: { driver: { rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } }; results: SarifResult[] }[] };
    let code: number | null;

    before(async () => {
      const run = await runCli(['check', '.', '--format', 'sarif'], { cwd });
      code = run.code;
      log = JSON.parse(run.stdout);
    });

    test('the log is valid SARIF 2.1.0 (checked by ajv against the official schema) and the exit code is as in text', () => {
      // unicodeRegExp off: the schema's pattern for `language` has a stray "]", which only a Unicode-mode RegExp rejects.
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const validate = ajv.compile(SARIF_SCHEMA);
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(code, 1);
    });

    test('the driver has a rule for every problem code: its summary, its documentation section, its default level', () => {
      const { rules } = log.runs[0].tool.driver;
      assert.deepEqual(rules.map((rule) => rule.id), Object.values(ProblemCode));
      const unknownKey = rules.find((rule) => rule.id === 'unknown-key')!;
      assert.deepEqual([unknownKey.shortDescription.text, unknownKey.helpUri, unknownKey.defaultConfiguration.level], ['Unknown placeholder key', problemDocsUrl(ProblemCode.UnknownKey), 'error']);
      assert.equal(rules.find((rule) => rule.id === 'insecure-http')!.defaultConfiguration.level, 'note');
      assert.ok(rules.every((rule) => rule.helpUri.endsWith(`/docs/problems.md#${rule.id}`)));
    });

    test('a result: rule, level in force (the fields file made insecure-http a warning), message, and its rule index', () => {
      const results = log.runs[0].results;
      const insecure = results.find((result) => result.ruleId === 'insecure-http')!;
      assert.equal(insecure.level, 'warning');
      assert.equal(results.find((result) => result.ruleId === 'unknown-namespace')!.level, 'note');
      const unknown = results.find((result) => result.locations[0].physicalLocation.artifactLocation.uri.startsWith('hooks/'))!;
      assert.deepEqual([unknown.ruleId, unknown.level, unknown.message.text], ['unknown-key', 'error', 'Unknown key "chatid" (checked against webhook-fields.json). Did you mean "{chatId}"?']);
      assert.equal(log.runs[0].tool.driver.rules[unknown.ruleIndex!].id, 'unknown-key');
    });

    test('locations: a URI relative to the working folder, one-based lines, columns in UTF-16 code units (the end one past the last)', () => {
      const unknown = log.runs[0].results.find((result) => result.locations[0].physicalLocation.artifactLocation.uri.startsWith('hooks/'))!;
      const { artifactLocation, region } = unknown.locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: 'hooks/lead%20one.webhook', uriBaseId: '%SRCROOT%' });
      const start = EMOJI.indexOf('{chatid}') + 1;
      assert.deepEqual(region, { startLine: 1, startColumn: start, endLine: 1, endColumn: start + '{chatid}'.length });
      assert.equal(start, [...EMOJI.slice(0, EMOJI.indexOf('{chatid}'))].length + 2, 'the emoji counts two columns');
    });
  });

  describe('junit', () => {
    let xml: string;
    let parsed: { testsuites: { '@_tests': string; '@_failures': string; testsuite: { '@_name': string; '@_failures': string; testcase: { '@_name': string; failure?: { '@_type': string; '#text': string }; 'system-out'?: string }[] }[] } };

    before(async () => {
      const run = await runCli(['check', '.', '--format', 'junit'], { cwd });
      assert.equal(run.code, 1, shown(run));
      xml = run.stdout;
      parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml);
    });

    test('the report is well-formed XML, special characters of messages included', () => {
      assert.equal(XMLValidator.validate(xml), true);
      assert.ok(xml.includes('&amp;') && xml.includes('&lt;'));
    });

    test('one testsuite per file checked, the fields file included', () => {
      assert.deepEqual(parsed.testsuites.testsuite.map((suite) => suite['@_name']).sort(), ['clean.webhook', 'hooks/lead one.webhook', 'info.webhook', 'special.webhook', 'webhook-fields.json']);
    });

    test('a clean file is one passing testcase', () => {
      const clean = parsed.testsuites.testsuite.find((suite) => suite['@_name'] === 'clean.webhook')!;
      assert.deepEqual(clean.testcase.map((testcase) => [testcase['@_name'], testcase.failure]), [['no problems', undefined]]);
    });

    test('each problem is a testcase; errors and warnings fail, with the code as type and the text saying where and linking the docs', () => {
      const special = parsed.testsuites.testsuite.find((suite) => suite['@_name'] === 'special.webhook')!;
      const failures = special.testcase.filter((testcase) => testcase.failure);
      assert.deepEqual(failures.map((testcase) => testcase.failure!['@_type']).sort(), ['insecure-http', 'invalid-key', 'invalid-key']);
      assert.equal(special['@_failures'], '3');
      const text = failures.find((testcase) => testcase.failure!['@_type'] === 'invalid-key')!.failure!['#text'];
      assert.match(text, /^special\.webhook:1:\d+: error invalid-key: "\{chat&id\}"/);
      assert.ok(text.endsWith(problemDocsUrl(ProblemCode.InvalidKey)), text);
    });

    test('information and hints are passing test cases that keep their message', () => {
    const info = parsed.testsuites.testsuite.find((suite) => suite['@_name'] === 'info.webhook')!;
    assert.equal(info['@_failures'], '0');
    assert.deepEqual(info.testcase.map((testcase) => [testcase['@_name'], testcase.failure]), [['unknown-namespace at 1:36', undefined]]);
    assert.match(String(info.testcase[0]['system-out']), /info unknown-namespace: Unknown namespace "utm\."/);
  });

  test('the totals add up: tests and failures of every suite', () => {
      const suites = parsed.testsuites.testsuite;
      assert.equal(Number(parsed.testsuites['@_tests']), suites.reduce((sum, suite) => sum + suite.testcase.length, 0));
      assert.equal(Number(parsed.testsuites['@_failures']), suites.reduce((sum, suite) => sum + Number(suite['@_failures']), 0));
    });
  });
});
