// Specifies how a request expands with sample values: encoding by position, fallbacks, unresolved and empty values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandRequest } from '../../server/src/core/expand/expand';
import { parseFieldsFile } from '../../server/src/core/fields/fields-file';
import { parseScriptFile } from '../../server/src/core/read/script-file';
import type { ExpandedRequest, FieldsContext, TemplateRequest } from '../../server/src/core/base/types';
import { parseWebhookFile } from '../../server/src/core/read/webhook-file';
import { DESIGN_FIELDS_WITH_PROFILES } from '../support/design-fields';
import { EN } from '../support/l10n';
import { headerProblems } from '../../send/src/send-checks';

/** The fields file of DESIGN.md, "The fields file", profiles included. */
const DESIGN_FIELDS = DESIGN_FIELDS_WITH_PROFILES;

const HOSTILE_USERNAMES = ['a b&c=d#e+f', 'Иван Петров', '🙂🎉', '100%', '"quoted" \\ back', 'x/y?z=1'];

function fieldsOf(text: string = DESIGN_FIELDS): FieldsContext {
  const { model } = parseFieldsFile(text, 'json');
  assert.ok(model, 'the fields text parses');
  return { source: { uri: 'file:///p/webhook-fields.json', displayName: 'webhook-fields.json', model, text, format: 'json' } };
}

/** DESIGN.md's fields with one more profile, `test`, holding the given values. */
function fieldsWithProfile(values: Record<string, unknown>): FieldsContext {
  const parsed = JSON.parse(DESIGN_FIELDS) as { profiles: Record<string, unknown> };
  parsed.profiles.test = values;
  return fieldsOf(JSON.stringify(parsed, null, 2));
}

function firstRequest(webhookText: string): TemplateRequest {
  const [request] = parseWebhookFile(webhookText).requests;
  assert.ok(request, 'the text holds a request');
  return request;
}

function expand(webhookText: string, profile?: string, fields: FieldsContext = fieldsOf(), env: Record<string, string> = {}): ExpandedRequest {
  return expandRequest(firstRequest(webhookText), fields, profile, env, EN);
}

test('a Keitaro postback expands to the exact URL', () => {
  const text = 'GET https://trk.example.com/7d2a/postback?subid={tracker.clickid}&status=lead&payout={deposit_amount}\n';
  const expanded = expand(text, 'lead');
  assert.equal(expanded.url, 'https://trk.example.com/7d2a/postback?subid=7f3a9c01&status=lead&payout=0');
  assert.deepEqual(expanded.unresolved, []);
  assert.deepEqual(expanded.empty, []);
});

test('the expanded request carries the name, method and profile', () => {
  const expanded = expand('### Lead postback\nPOST https://x.example/p\n', 'lead');
  assert.equal(expanded.name, 'Lead postback');
  assert.equal(expanded.method, 'POST');
  assert.equal(expanded.profile, 'lead');
});

for (const username of HOSTILE_USERNAMES) {
  test(`username ${JSON.stringify(username)} arrives intact in the query`, () => {
    const expanded = expand('GET https://x.example/p?username={username}&chat={chatId}\n', 'test', fieldsWithProfile({ username }));
    const params = new URL(expanded.url).searchParams;
    assert.equal(params.get('username'), username);
    assert.equal(params.get('chat'), '482913377');
  });

  test(`username ${JSON.stringify(username)} arrives intact in a path segment`, () => {
    const expanded = expand('GET https://x.example/users/{username}/done\n', 'test', fieldsWithProfile({ username }));
    const segment = new URL(expanded.url).pathname.split('/')[2];
    assert.equal(decodeURIComponent(segment), username);
  });

  test(`username ${JSON.stringify(username)} arrives intact in a JSON string of the body`, () => {
    const text = 'POST https://x.example/p\nContent-Type: application/json\n\n{"username": "{username}", "chat": "{chatId}"}\n';
    const expanded = expand(text, 'test', fieldsWithProfile({ username }));
    assert.deepEqual(JSON.parse(expanded.body ?? ''), { username, chat: '482913377' });
  });
}

test('a numeric chatId outside quotes in a JSON body stays a number', () => {
  const expanded = expand('POST https://x.example/p\n\n{"chat_id": {chatId}, "name": "{username}"}\n', 'lead');
  assert.deepEqual(JSON.parse(expanded.body ?? ''), { chat_id: 482913377, name: 'ivan_petrov' });
});

test('a plain text body takes values raw', () => {
  const expanded = expand('POST https://x.example/p\n\nuser {username} & 100%\n', 'test', fieldsWithProfile({ username: 'a b&c' }));
  assert.equal(expanded.body?.trimEnd(), 'user a b&c & 100%');
});

test('a form body percent-encodes its values', () => {
  const text = 'POST https://x.example/p\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\n\nuser={username}&chat={chatId}';
  const expanded = expand(text, 'test', fieldsWithProfile({ username: 'a b&c=d' }));
  assert.equal(new URLSearchParams(expanded.body).get('user'), 'a b&c=d');
});

test('a header value keeps its CR and LF, so the send refuses it instead of sending another value', () => {
  const expanded = expand('GET https://x.example/p\nX-User: {username}\n', 'test', fieldsWithProfile({ username: 'evil\r\nX-Admin: 1' }));
  assert.deepEqual(expanded.headers, [['X-User', 'evil\r\nX-Admin: 1']]);
  assert.deepEqual(headerProblems(expanded).map((problem) => problem.kind), ['line-break']);
});

test('a profile value wins over the field example', () => {
  assert.equal(expand('GET https://x.example/?c={tracker.clickid}\n', 'test', fieldsWithProfile({ 'tracker.clickid': 'abc' })).url, 'https://x.example/?c=abc');
});

test('without a profile value the field example is used', () => {
  assert.equal(expand('GET https://x.example/?g={geo}\n', 'lead').url, 'https://x.example/?g=KZ');
});

test('without a profile value or example a built-in takes its sample', () => {
  assert.equal(expand('GET https://x.example/?t={createdAt}\n', 'lead').url, 'https://x.example/?t=2024-03-10T17%3A49%3A32.806Z');
});

test('without a profile every value comes from examples and built-in samples', () => {
  const expanded = expand('GET https://x.example/?u={username}&c={tracker.clickid}&d={deposit_amount}\n');
  assert.equal(expanded.url, 'https://x.example/?u=ivan_petrov&c=7f3a9c01&d=150');
  assert.equal(expanded.profile, undefined);
});

test('${env:TOKEN} is read from the environment and marked secret', () => {
  const fields = fieldsWithProfile({ 'tracker.clickid': '${env:TOKEN}' });
  const expanded = expand('GET https://x.example/?c={tracker.clickid}\n', 'test', fields, { TOKEN: 's3cr3t' });
  assert.equal(expanded.url, 'https://x.example/?c=s3cr3t');
  assert.deepEqual(expanded.secrets, ['s3cr3t']);
});

test('an unset environment variable leaves its placeholder unresolved', () => {
  const text = 'GET https://x.example/?c={tracker.clickid}\n';
  const expanded = expand(text, 'test', fieldsWithProfile({ 'tracker.clickid': '${env:TOKEN}' }));
  const start = text.indexOf('{tracker.clickid}');
  const span = { start, end: start + '{tracker.clickid}'.length };
  assert.deepEqual(expanded.unresolved, [{ text: '{tracker.clickid}', span, reason: 'environment variable TOKEN is not set' }]);
  assert.equal(expanded.url, 'https://x.example/?c={tracker.clickid}');
});

test('an empty username is listed as empty and expands to nothing', () => {
  const text = 'GET https://x.example/?u={username}&c={chatId}\n';
  const expanded = expand(text, 'no-username');
  assert.equal(expanded.url, 'https://x.example/?u=&c=1000001');
  const start = text.indexOf('{username}');
  assert.deepEqual(expanded.empty, [{ text: '{username}', span: { start, end: start + 10 }, reason: 'empty in profile "no-username"' }]);
  assert.deepEqual(expanded.unresolved, []);
});

test('an unknown key is unresolved with its text and document span', () => {
  const text = '### one\nGET https://x.example/?c={chatid}\n';
  const [issue] = expand(text, 'lead').unresolved;
  assert.equal(issue.text, '{chatid}');
  assert.equal(text.slice(issue.span.start, issue.span.end), '{chatid}');
  assert.match(issue.reason, /Unknown key "chatid".*Did you mean "\{chatId\}"/);
});

test('an unknown placeholder stays as written in the output', () => {
  assert.equal(expand('GET https://x.example/?c={chatid}&u={username}\n', 'lead').url, 'https://x.example/?c={chatid}&u=ivan_petrov');
});

test('a custom field with no profile value and no example is unresolved', () => {
  const [issue] = expand('GET https://x.example/?t={trader_id}\n', 'lead').unresolved;
  assert.equal(issue.reason, 'no value in profile "lead" and no example in webhook-fields.json');
});

test('an unknown profile leaves every placeholder unresolved', () => {
  const expanded = expand('GET https://x.example/?c={chatId}\n', 'nobody');
  assert.deepEqual(expanded.unresolved.map((issue) => issue.reason), ['no profile "nobody" in webhook-fields.json']);
});

test('an empty {} in a JSON body is left untouched', () => {
  const expanded = expand('POST https://x.example/p\n\n{"chat": "{chatId}", "n": {}}', 'lead');
  assert.equal(expanded.body, '{"chat": "482913377", "n": {}}');
  assert.deepEqual(expanded.unresolved, []);
});

test('angle syntax expands <chatId>', () => {
  const fields = fieldsOf(DESIGN_FIELDS.replace('"braces"', '"angle"'));
  assert.equal(expand('GET https://x.example/?c=<chatId>\n', 'lead', fields).url, 'https://x.example/?c=482913377');
});

test('a placeholder in the host is substituted raw', () => {
  const expanded = expand('GET https://{tracker.sub1}.example.com/p\n', 'test', fieldsWithProfile({ 'tracker.sub1': 'eu-1' }));
  assert.equal(expanded.url, 'https://eu-1.example.com/p');
});

test('without a fields file built-ins still expand', () => {
  const expanded = expandRequest(firstRequest('GET https://x.example/?c={chatId}\n'), {}, undefined, {}, EN);
  assert.equal(expanded.url, 'https://x.example/?c=482913377');
});

const SCRIPT_JSON = `{"flows": [{"key": "main", "steps": [
  {"key": "lead_sent", "type": "webhook", "method": "POST",
   "url": "https://x.example/{stepKey}?u={username}",
   "body": "{\\"user\\": \\"{username}\\", \\"step\\": \\"{stepKey}\\", \\"bad\\": \\"{chatid}\\"}"}
]}]}`;

function scriptRequest(): TemplateRequest {
  const [request] = parseScriptFile(SCRIPT_JSON, 'json').requests;
  assert.ok(request, 'the script holds a webhook step');
  return request;
}

test('{stepKey} in a script step expands to the step key', () => {
  const expanded = expandRequest(scriptRequest(), fieldsOf(), 'lead', {}, EN);
  assert.equal(expanded.url, 'https://x.example/lead_sent?u=ivan_petrov');
});

test('an escaped JSON body of a .script.json step is expanded from its decoded value', () => {
  const expanded = expandRequest(scriptRequest(), fieldsWithProfile({ username: 'say "hi"' }), 'test', {}, EN);
  assert.deepEqual(JSON.parse(expanded.body ?? ''), { user: 'say "hi"', step: 'lead_sent', bad: '{chatid}' });
});

test('an issue in an escaped script value spans the whole value', () => {
  const [issue] = expandRequest(scriptRequest(), fieldsOf(), 'lead', {}, EN).unresolved;
  const body = parseScriptFile(SCRIPT_JSON, 'json').requests[0].body;
  assert.equal(issue.text, '{chatid}');
  assert.deepEqual(issue.span, body?.span);
});

test('an issue in an unescaped script value spans the placeholder', () => {
  const text = SCRIPT_JSON.replace('{username}"', '{usrname}"');
  const [request] = parseScriptFile(text, 'json').requests;
  const [issue] = expandRequest(request, fieldsOf(), 'lead', {}, EN).unresolved;
  assert.equal(text.slice(issue.span.start, issue.span.end), '{usrname}');
});
