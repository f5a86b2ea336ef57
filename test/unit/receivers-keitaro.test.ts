// Specifies the Keitaro table: subid required, status (a missing one records a sale, transformations add custom ones), sub_id_1…30.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldsContext, scriptDoc, service, webhookStepScript } from './core-helpers';
import { checked, findings, fixesOf } from './receivers-helpers';

const BASE = 'https://keitaro.yoursite.com/25123a/postback';
const SEED = `${BASE}?subid={tracker.clickid}&username={username}&chatid={chatId}&startdialogue={createdAt}`;

test('a correct lead postback has no findings', () => {
  assert.deepEqual(findings(`${BASE}?subid={tracker.clickid}&status=lead&sub_id_1={chatId}&sub_id_30={geo}`), []);
});

test('every documented parameter is known', () => {
  const all = 'subid={tracker.clickid}&status=sale&payout=10&revenue=10&cost=1&currency=usd&tid=t1&sub_id_7=x&return=OK&sale_status=dep&lead_status=reg&rejected_status=no&rebill_status=re&ignore_status=1';
  assert.deepEqual(findings(`${BASE}?${all}`), []);
});

test("the seed example (Chatterfy's documentation) gets exactly the sale warning and three sub_id_N hints", () => {
  const problems = checked(SEED);
  assert.deepEqual(problems.map((problem) => [problem.code, problem.covers]), [
    ['receiver-default-value', '/25123a/postback'],
    ['receiver-unknown-parameter', 'username'],
    ['receiver-unknown-parameter', 'chatid'],
    ['receiver-unknown-parameter', 'startdialogue'],
  ]);
  assert.equal(problems[0].message, 'No "status": Keitaro records this postback as a sale.');
  assert.equal(problems[1].message, 'Keitaro ignores the parameter "username". Extra data belongs in sub_id_1…sub_id_30.');
});

test('the severities: the sale is a warning, an ignored parameter is information', () => {
  const { diagnostics } = fixesOf(SEED);
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.severity), [2, 3, 3, 3]);
});

test('one quick fix makes the seed a correct lead postback, with no receiver finding left', () => {
  const fixed = fixesOf(SEED).apply('Make this a Keitaro lead postback');
  assert.equal(fixed, `${BASE}?subid={tracker.clickid}&sub_id_1={username}&sub_id_2={chatId}&sub_id_3={createdAt}&status=lead`);
  assert.deepEqual(findings(fixed), []);
});

test('the whole-URL fix is offered once though four diagnostics carry it, and marked preferred', () => {
  const { titles } = fixesOf(SEED);
  assert.equal(titles.filter((title) => title === 'Make this a Keitaro lead postback').length, 1);
});

test('a missing status offers status=lead and status=sale, appended to the query', () => {
  const url = `${BASE}?subid={tracker.clickid}`;
  const fixes = fixesOf(url);
  assert.equal(fixes.apply('Add status=lead'), `${url}&status=lead`);
  assert.equal(fixes.apply('Add status=sale'), `${url}&status=sale`);
});

test('an unknown parameter is renamed to the next free sub_id_N', () => {
  const url = `${BASE}?subid={tracker.clickid}&status=lead&sub_id_1={chatId}&geo={geo}`;
  assert.deepEqual(findings(url), [['receiver-unknown-parameter', 'geo']]);
  assert.equal(fixesOf(url).apply('Rename to sub_id_2'), `${BASE}?subid={tracker.clickid}&status=lead&sub_id_1={chatId}&sub_id_2={geo}`);
});

for (const n of [1, 9, 10, 15, 16, 20, 29, 30]) {
  test(`sub_id_${n} is a Keitaro parameter (sub_id_1…sub_id_30)`, () => {
    assert.deepEqual(findings(`${BASE}?subid={tracker.clickid}&status=lead&sub_id_${n}=x`), []);
  });
}

for (const name of ['sub_id_0', 'sub_id_31', 'sub_id_01', 'sub_id_100']) {
  test(`${name} is not a Keitaro parameter`, () => {
    assert.deepEqual(findings(`${BASE}?subid={tracker.clickid}&status=lead&${name}=x`), [['receiver-unknown-parameter', name]]);
  });
}

test('the rename to a free slot goes past sub_id_15 when the first fifteen are taken', () => {
  const taken = Array.from({ length: 15 }, (_, index) => `sub_id_${index + 1}=x`).join('&');
  const url = `${BASE}?subid={tracker.clickid}&status=lead&${taken}&geo={geo}`;
  assert.equal(fixesOf(url).apply('Rename to sub_id_16'), url.replace('&geo=', '&sub_id_16='));
});

interface MappingCase {
  query: string;
  /** The value reported as not allowed, or undefined when the status is accepted. */
  reported?: string;
}

/** Status transformations (Keitaro's "Status transformations"): each maps the partner's own statuses to a Keitaro one. */
const STATUS_MAPPINGS: MappingCase[] = [
  { query: 'status=approved&sale_status=approved' },
  { query: 'sale_status=approved&status=approved' },
  { query: 'status=reg&lead_status=reg,topup' },
  { query: 'status=topup&lead_status=reg,topup' },
  { query: 'status=topup&lead_status=reg%2Ctopup' },
  { query: 'status=fake&rejected_status=canceled,fake' },
  { query: 'status=upsell&rebill_status=upsell' },
  { query: 'status=billed&lead_status=reg&sale_status=billed' },
  { query: 'status=approved&sale_status={geo}' },
  { query: 'status=approved&sale_status=approve', reported: 'approved' },
  { query: 'status=approved&ignore_status=approved', reported: 'approved' },
  { query: 'status=approved&sales_status=approved', reported: 'approved' },
  { query: 'status=&sale_status=,', reported: '' },
];

for (const { query, reported } of STATUS_MAPPINGS) {
  test(`${query}: ${reported === undefined ? 'the status is accepted' : `status=${reported} is not allowed`}`, () => {
    const expected = reported === undefined ? [] : ['receiver-value-not-allowed'];
    assert.deepEqual(checked(`${BASE}?subid={tracker.clickid}&${query}`).map((problem) => problem.code).filter((code) => code !== 'receiver-unknown-parameter'), expected);
  });
}

test('a mapped status is offered as a fix for a status Keitaro does not accept', () => {
  const url = `${BASE}?subid={tracker.clickid}&sale_status=approved&status=aproved`;
  assert.deepEqual(fixesOf(url).titles.slice(-1), ['Change to status=approved']);
  assert.deepEqual(findings(fixesOf(url).apply('Change to status=approved')), []);
});

test('a missing subid is an error with a fix that adds subid={tracker.clickid}', () => {
  const url = `${BASE}?status=lead`;
  assert.deepEqual(findings(url), [['receiver-missing-parameter', '/25123a/postback']]);
  assert.equal(fixesOf(url).diagnostics[0].severity, 1);
  assert.equal(fixesOf(url).apply('Add subid={tracker.clickid}'), `${url}&subid={tracker.clickid}`);
});

test('a URL with no query at all gets its query started by the fix', () => {
  assert.equal(fixesOf(BASE).apply('Make this a Keitaro lead postback'), `${BASE}?subid={tracker.clickid}&status=lead`);
});

for (const [value, expected] of [['won', 'won'], ['Lead', 'Lead'], ['', '']] as const) {
  test(`status=${value} is not a Keitaro status: an error on the value, with a fix per allowed status`, () => {
    const url = `${BASE}?subid={tracker.clickid}&status=${value}`;
    const problems = checked(url);
    assert.deepEqual(problems.map((problem) => problem.code), ['receiver-value-not-allowed']);
    assert.equal(problems[0].covers, expected);
    const { titles } = fixesOf(url);
    assert.deepEqual(titles, ['Change to status=lead', 'Change to status=sale', 'Change to status=rejected', 'Change to status=rebill']);
    assert.deepEqual(findings(fixesOf(url).apply('Change to status=rejected')), []);
  });
}

test('a status written as a placeholder is not judged', () => {
  assert.deepEqual(findings(`${BASE}?subid={tracker.clickid}&status={geo}`), []);
});

test('a percent-encoded literal status is read decoded', () => {
  assert.deepEqual(findings(`${BASE}?subid={tracker.clickid}&status=%6cead`), []);
});

test('a Keitaro URL inside a script step is checked in place', () => {
  const document = scriptDoc(webhookStepScript(SEED));
  const codes = service().templateDiagnostics(document, fieldsContext()).map((diagnostic) => diagnostic.code);
  assert.deepEqual(codes, ['receiver-default-value', 'receiver-unknown-parameter', 'receiver-unknown-parameter', 'receiver-unknown-parameter']);
});
