// Specifies what stands in the way of a send, said once and short: repeated placeholders, long lists, bad header values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExpandedRequest, ExpansionIssue } from '../../server/src/core';
import { hostConfirmation } from '../../send/src/confirmation-text';
import { headerProblems, headerProblemText, issueSummary, uniqueIssues, visibleValue } from '../../send/src/send-checks';
import { EN } from '../support/l10n';

const issue = (text: string, reason = 'environment variable TOKEN is not set'): ExpansionIssue => ({ text, span: { start: 0, end: text.length }, reason });

function request(headers: [string, string][]): ExpandedRequest {
  return { name: 'r', method: 'POST', url: 'https://t.example.com/', headers, unresolved: [], empty: [], secrets: [] };
}

test('a placeholder standing three times is named once', () => {
  assert.deepEqual(uniqueIssues([issue('{token}'), issue('{geo}'), issue('{token}'), issue('{token}')]).map((one) => one.text), ['{token}', '{geo}']);
  assert.equal(issueSummary([issue('{token}'), issue('{token}')], EN), '{token} (environment variable TOKEN is not set)');
});

test('a long list names five and says how many more', () => {
  const many = Array.from({ length: 8 }, (_, n) => issue(`{k${n}}`, 'empty'));
  assert.equal(issueSummary(many, EN, false), '{k0}, {k1}, {k2}, {k3}, {k4} and 3 more');
});

test('a header value with a line break cannot be sent and is named, escaped', () => {
  const problems = headerProblems(request([['X-Note', 'line one\r\nline two'], ['X-Ok', 'fine']]));
  assert.deepEqual(problems, [{ name: 'X-Note', kind: 'line-break', shown: 'line one\\r\\nline two' }]);
  assert.match(headerProblemText(problems, EN), /cannot send.*X-Note: line one\\r\\nline two/);
});

test('a non-ASCII header value is named as reaching receivers garbled', () => {
  const problems = headerProblems(request([['X-User', 'Иван']]));
  assert.deepEqual(problems.map((problem) => problem.kind), ['non-ascii']);
  assert.match(headerProblemText(problems, EN), /outside ASCII.*X-User: Иван/);
});

test('control and bidi characters are written out, never drawn', () => {
  assert.equal(visibleValue('a\tb\u0007c\u202Ed'), 'a\\tb\\u0007c\\u202ed');
  assert.equal(visibleValue('x'.repeat(100)).length, 58);
});

test('the host confirmation shows method, URL with secrets hidden, profile and what the receiver records; Enter does not send', () => {
  const record = { receiver: 'Keitaro', summary: 'Keitaro records "sale" (Keitaro\'s default: no status was sent) of 0 on click c1.', lines: [], problems: [] };
  const sent: ExpandedRequest = { ...request([]), method: 'GET', url: 'https://k.example.com/a/postback?subid=c1&payout=0&token=s3cr3t', profile: 'lead', secrets: ['s3cr3t'], record };
  const dialog = hostConfirmation(sent, 'k.example.com', EN);
  assert.equal(dialog.buttons[0].action, 'preview');
  assert.deepEqual(dialog.buttons.map((button) => button.action), ['preview', 'send']);
  assert.match(dialog.message, /Send a test webhook to k\.example\.com\?/);
  assert.equal(dialog.detail, 'GET https://k.example.com/a/postback?subid=c1&payout=0&token=***\n\nProfile: lead\n\nKeitaro records "sale" (Keitaro\'s default: no status was sent) of 0 on click c1.');
});
