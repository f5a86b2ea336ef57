// `send --all --junit`: one testsuite per file, one testcase per request, failures for what did not pass, valid XML
// whatever the names and reasons hold, and no secret in it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ExpandedRequest } from '../../server/src/core';
import type { SendResult } from '../../send/src/http';
import type { RunResult } from '../../send/src/send-all';
import { sendAllJunit } from '../../server/src/cli/report-junit-send';
import { EN } from '../support/l10n';

function request(name: string, more: Partial<ExpandedRequest> = {}): ExpandedRequest {
  return { name, method: 'GET', url: 'http://127.0.0.1/', headers: [], unresolved: [], empty: [], secrets: [], ...more };
}

function response(status: number): SendResult {
  return { url: 'http://127.0.0.1/', method: 'GET', status, statusText: '', headers: [], body: '', truncated: false, bytes: 0, timeMs: 5, redirects: [] };
}

const record = { receiver: 'Keitaro', summary: 'Keitaro records "lead" on click c1.', lines: [], problems: [] };
const HOSTILE = 'a <b> & "c" \'d\' \u0001 ]]> 🙂';

const runs = [
  {
    file: 'hooks.webhook',
    results: [
      { item: { request: request('Keitaro lead', { record }), file: 'hooks.webhook', line: 0 }, outcome: 'answered', response: response(200), timeMs: 1500 },
      { item: { request: request(HOSTILE), file: 'hooks.webhook', line: 3 }, outcome: 'answered', response: response(500), timeMs: 5, reason: `HTTP 500: ${HOSTILE}` },
      { item: { request: request('Mistake'), file: 'hooks.webhook', line: 6 }, outcome: 'refused', reason: 'no value for {chatid}' },
    ] satisfies RunResult[],
  },
  {
    file: 'flows/funnel.script.yaml',
    results: [
      { item: { request: request('crm', { secrets: ['tok-SECRET'] }), file: 'flows/funnel.script.yaml', line: 9 }, outcome: 'failed', timeMs: 3, reason: 'No answer from crm?token=tok-SECRET' },
      { item: { request: request('sale'), file: 'flows/funnel.script.yaml', line: 14 }, outcome: 'stopped', reason: 'the run was stopped before its turn' },
    ] satisfies RunResult[],
  },
];

const xml = sendAllJunit(runs, EN);
const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml);

test('the report is well-formed XML with hostile names and reasons', () => {
  assert.equal(XMLValidator.validate(xml), true);
});

test('one testsuite per file with its counts, one testcase per request with its file, line and time', () => {
  const suites = parsed.testsuites.testsuite;
  assert.deepEqual(suites.map((suite: Record<string, string>) => [suite.name, suite.tests, suite.failures]), [['hooks.webhook', '3', '2'], ['flows/funnel.script.yaml', '2', '2']]);
  assert.deepEqual([parsed.testsuites.tests, parsed.testsuites.failures], ['5', '4']);
  const first = suites[0].testcase[0];
  assert.deepEqual([first.classname, first.name, first.file, first.line, first.time], ['hooks.webhook', 'Keitaro lead', 'hooks.webhook', '1', '1.500']);
  assert.equal(suites[1].testcase[0].line, '10');
});

test('a request that passed keeps its status and what its receiver records; the others fail with a type and the reason', () => {
  const [passedCase, http500, refused] = parsed.testsuites.testsuite[0].testcase;
  assert.equal(passedCase.failure, undefined);
  assert.equal(passedCase['system-out'], 'HTTP 200\nKeitaro records "lead" on click c1.');
  assert.equal(http500.failure.type, 'http-500');
  assert.equal(refused.failure.type, 'refused');
  assert.equal(refused.failure.message, 'no value for {chatid}');
  assert.equal(refused.failure['#text'], 'hooks.webhook:7: Mistake: no value for {chatid}');
  const [failed, stopped] = parsed.testsuites.testsuite[1].testcase;
  assert.deepEqual([failed.failure.type, stopped.failure.type], ['not-delivered', 'not-sent']);
});

test('names and reasons come back as written, less the characters XML cannot hold', () => {
  const http500 = parsed.testsuites.testsuite[0].testcase[1];
  assert.equal(http500.name, HOSTILE.replace('\u0001', ''));
  assert.equal(http500.failure.message, `HTTP 500: ${HOSTILE.replace('\u0001', '')}`);
});

test('a secret never reaches the report', () => {
  assert.ok(!xml.includes('tok-SECRET'), xml);
  assert.match(xml, /crm\?token=\*\*\*/);
});
