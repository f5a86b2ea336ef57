// Specifies the checks of request URLs: invalid URLs, placeholders in the host, repeated query names, plain http.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import fc from 'fast-check';
import { encodedFrom } from '../../server/src/core/expand/encode';
import { expandUrl } from '../../server/src/core/expand/expand';
import { ProblemCode } from '../../server/src/core/base/problems';
import { parseScriptFile } from '../../server/src/core/read/script-file';
import type { FieldsContext } from '../../server/src/core/base/types';
import { urlDiagnostics, whyNotHttpUrl } from '../../server/src/core/check/url-checks';
import { parseWebhookFile } from '../../server/src/core/read/webhook-file';
import { examplesDir } from '../support/paths';
import { params } from './fuzz-support';
import { doc, fieldsContext, noFields, seen, webhookStepScript, SCRIPT_JSON_URI, SCRIPT_YAML_URI, WEBHOOK_URI, type Seen } from './core-helpers';
import { EN } from '../support/l10n';

function parse(uri: string, text: string) {
  if (uri.endsWith('.webhook')) return parseWebhookFile(text);
  return parseScriptFile(text, uri.endsWith('.json') ? 'json' : 'yaml');
}

function checksOf(uri: string, text: string, fields: FieldsContext = fieldsContext()): Seen[] {
  const document = doc(uri, text);
  return urlDiagnostics(document, parse(uri, text), fields, EN).map((diagnostic) => seen(document, diagnostic));
}

const webhookChecks = (text: string, fields?: FieldsContext) => checksOf(WEBHOOK_URI, text, fields);
const stepChecks = (url: string) => checksOf(SCRIPT_YAML_URI, webhookStepScript(url));

function codesAndCovers(found: Seen[]): [string, string][] {
  return found.map((problem) => [problem.code, problem.covers]);
}

test('a clean https postback gives no findings', () => {
  assert.deepEqual(webhookChecks('GET https://keitaro.yoursite.com/25123a/postback?subid={tracker.clickid}&status=lead\n'), []);
});

test('a URL without a scheme is an invalid URL, marked over the whole URL', () => {
  const [problem, ...rest] = webhookChecks('GET keitaro.yoursite.com/postback?subid={tracker.clickid}\n');
  assert.deepEqual(rest, []);
  assert.equal(problem.code, ProblemCode.UrlInvalid);
  assert.equal(problem.covers, 'keitaro.yoursite.com/postback?subid={tracker.clickid}');
  assert.equal(problem.message, 'Not an absolute http(s) URL: it has no scheme; start it with https://.');
});

test('a host with a port but no scheme is reported as having no scheme, not as an odd scheme', () => {
  const [problem] = webhookChecks('GET localhost:8080/postback\n');
  assert.equal(problem.message, 'Not an absolute http(s) URL: it has no scheme; start it with https://.');
});

test('a scheme other than http or https is an invalid URL that names the scheme', () => {
  const [problem] = webhookChecks('GET ftp://files.example.com/drop\n');
  assert.equal(problem.code, ProblemCode.UrlInvalid);
  assert.equal(problem.message, 'Not an absolute http(s) URL: the scheme is "ftp:", not http: or https:.');
});

test('an http URL whose host does not parse is an invalid URL', () => {
  const [problem] = webhookChecks('GET https://tracker example.com/postback\n');
  assert.equal(problem.code, ProblemCode.UrlInvalid);
  assert.equal(problem.message, 'Not an absolute http(s) URL: its host or port is not valid.');
});

test('a host that does not parse is reported when the placeholders stand only in the query', () => {
  const [problem, ...rest] = webhookChecks('GET https://tracker example.com/postback?subid={tracker.clickid}\n');
  assert.deepEqual(rest, []);
  assert.equal(problem.message, 'Not an absolute http(s) URL: its host or port is not valid.');
});

test('a host that does not parse is not reported while a placeholder of the query is unresolved', () => {
  assert.deepEqual(webhookChecks('GET https://tracker example.com/postback?subid={nope}\n'), []);
});

const URL_PIECES = [
  'https://', 'http://', 'ftp://', 'HTTPS://', '//', ' ', '\t', '\n', 'x.example', 'tracker example.com', '[::1]', '[::1', ':8080',
  ':99999', ':x', 'user@', '@', '%', '%zz', '\\', '/', '?', '#', '&', '=', 'a', 'é', '\0', '{chatId}', '{username}', '{geo}',
  '{tracker.clickid}', '{nope}', '{', '}',
];

test('a URL whose samples all stand past encodedFrom is valid exactly when its expansion is', () => {
  const fields = fieldsContext();
  const template = fc.array(fc.constantFrom(...URL_PIECES), { maxLength: 12 }).map((pieces) => pieces.join(''));
  fc.assert(fc.property(template, (value) => {
    const brace = value.indexOf('{');
    fc.pre(brace < 0 || brace >= encodedFrom(value));
    const part = { span: { start: 0, end: value.length }, value };
    const request = { name: 'r', span: part.span, nameSpan: part.span, method: 'GET', url: part, headers: [] };
    assert.deepEqual(whyNotHttpUrl(value), whyNotHttpUrl(expandUrl(request, fields).url));
  }), params(300));
});

test('an invalid URL is an error carrying its code and source', () => {
  const document = doc(WEBHOOK_URI, 'GET ftp://x/\n');
  const [diagnostic] = urlDiagnostics(document, parseWebhookFile(document.getText()), fieldsContext(), EN);
  assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
  assert.equal(diagnostic.code, 'url-invalid');
  assert.equal(diagnostic.source, 'webhook-templates');
});

test('the URL is judged after expansion with sample values', () => {
  // {geo} has the example "KZ", so the URL sent would be `KZ://tracker.example/postback`.
  const found = webhookChecks('GET {geo}://tracker.example/postback\n');
  assert.deepEqual(codesAndCovers(found), [
    [ProblemCode.UrlInvalid, '{geo}://tracker.example/postback'],
    [ProblemCode.PlaceholderInHost, '{geo}'],
  ]);
  assert.equal(found[0].message, 'Not an absolute http(s) URL: the scheme is "kz:", not http: or https:.');
});

test('no invalid-URL finding while a placeholder of the URL is unresolved (it is reported already)', () => {
  assert.deepEqual(codesAndCovers(webhookChecks('GET {base_url}/postback\n')), [[ProblemCode.PlaceholderInHost, '{base_url}']]);
});

test('an unresolved placeholder in the body does not stop the URL check', () => {
  const text = 'POST ftp://x/\nContent-Type: application/json\n\n{"a": "{nope}"}\n';
  assert.deepEqual(codesAndCovers(webhookChecks(text)), [[ProblemCode.UrlInvalid, 'ftp://x/']]);
});

test('a placeholder in the host is a warning on the placeholder, not on placeholders of the query', () => {
  const found = webhookChecks('GET https://{geo}.tracker.example/postback?subid={tracker.clickid}\n');
  assert.deepEqual(codesAndCovers(found), [[ProblemCode.PlaceholderInHost, '{geo}']]);
  assert.equal(found[0].message, '"{geo}" stands in the scheme or host of the URL: the host is then decided at send time, but a tracker needs a fixed host.');
});

test('a placeholder in the port counts as in the host', () => {
  // The sample chat id is no port number either, so the expanded URL does not parse.
  assert.deepEqual(codesAndCovers(webhookChecks('GET https://tracker.example:{chatId}/postback\n')), [
    [ProblemCode.UrlInvalid, 'https://tracker.example:{chatId}/postback'],
    [ProblemCode.PlaceholderInHost, '{chatId}'],
  ]);
});

test('a placeholder in the user part counts as in the host', () => {
  assert.deepEqual(codesAndCovers(webhookChecks('GET https://{username}@tracker.example/postback\n')), [[ProblemCode.PlaceholderInHost, '{username}']]);
});

test('a placeholder in the host is found with angle syntax too', () => {
  const angle = fieldsContext(readFileSync(join(examplesDir, 'webhook-fields.json'), 'utf8').replace('"braces"', '"angle"'));
  assert.deepEqual(codesAndCovers(webhookChecks('GET https://<geo>.tracker.example/p?u=<username>\n', angle)), [[ProblemCode.PlaceholderInHost, '<geo>']]);
});

test('a placeholder in the path is not in the host', () => {
  assert.deepEqual(webhookChecks('GET https://tracker.example/{stepKey}/postback\n', noFields()), []);
});

test('a repeated query parameter is a warning on its second name', () => {
  const text = 'GET https://t.example/postback?status=lead&subid={tracker.clickid}&status=sale\n';
  const document = doc(WEBHOOK_URI, text);
  const [diagnostic, ...rest] = urlDiagnostics(document, parseWebhookFile(text), fieldsContext(), EN);
  assert.deepEqual(rest, []);
  assert.deepEqual(seen(document, diagnostic), {
    code: ProblemCode.RepeatedQueryParameter,
    covers: 'status',
    message: 'Query parameter "status" is repeated: receivers disagree on which one they read (some take the first, some the last). Keep one.',
  });
  assert.equal(document.offsetAt(diagnostic.range.start), text.lastIndexOf('status'));
  assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
});

test('a parameter repeated three times is reported on each repeat', () => {
  assert.deepEqual(codesAndCovers(webhookChecks('GET https://t.example/p?a=1&a=2&a=3\n')), [
    [ProblemCode.RepeatedQueryParameter, 'a'],
    [ProblemCode.RepeatedQueryParameter, 'a'],
  ]);
});

test('list parameters written name[] may repeat', () => {
  assert.deepEqual(webhookChecks('GET https://t.example/p?tag[]=a&tag[]=b\n'), []);
});

test('different parameter names and names only in the fragment are not repeats', () => {
  assert.deepEqual(webhookChecks('GET https://t.example/p?sub1=a&sub2=b#sub1=c\n'), []);
});

test('a parameter written encoded and plain is the same parameter', () => {
  assert.deepEqual(codesAndCovers(webhookChecks('GET https://t.example/p?sub%5F1=a&sub_1=b\n')), [[ProblemCode.RepeatedQueryParameter, 'sub_1']]);
});

test('plain http to another host is a hint on "http"', () => {
  const document = doc(WEBHOOK_URI, 'GET http://tracker.example/postback?subid={tracker.clickid}\n');
  const [diagnostic, ...rest] = urlDiagnostics(document, parseWebhookFile(document.getText()), fieldsContext(), EN);
  assert.deepEqual(rest, []);
  assert.deepEqual(seen(document, diagnostic), {
    code: ProblemCode.InsecureHttp,
    covers: 'http',
    message: 'Plain http: the values (click ids, usernames) travel unencrypted; use https.',
  });
  assert.equal(diagnostic.severity, DiagnosticSeverity.Hint);
});

test('plain http to this machine is not a finding', () => {
  for (const url of ['http://localhost:8080/p', 'http://LOCALHOST/p', 'http://api.localhost/p', 'http://127.0.0.1:9000/p', 'http://127.1/p', 'http://[::1]:3000/p', 'http://localhost./p']) {
    assert.deepEqual(webhookChecks(`POST ${url}\n`), [], url);
  }
});

test('plain http to a host that only looks local is a finding', () => {
  for (const url of ['http://localhost.example.com/p', 'http://128.0.0.1/p', 'http://10.0.0.1/p']) {
    assert.deepEqual(codesAndCovers(webhookChecks(`POST ${url}\n`)), [[ProblemCode.InsecureHttp, 'http']], url);
  }
});

test('plain http with a placeholder host gives only the placeholder finding', () => {
  assert.deepEqual(codesAndCovers(webhookChecks('GET http://{geo}.t.example/p\n')), [[ProblemCode.PlaceholderInHost, '{geo}']]);
});

test('a webhook step with a URL without a scheme is an invalid URL over its value', () => {
  assert.deepEqual(codesAndCovers(stepChecks('t.example/postback?subid={tracker.clickid}')), [
    [ProblemCode.UrlInvalid, 't.example/postback?subid={tracker.clickid}'],
  ]);
});

test('a webhook step with a placeholder in the host is a warning on the placeholder', () => {
  assert.deepEqual(codesAndCovers(stepChecks('https://{geo}.t.example/p')), [[ProblemCode.PlaceholderInHost, '{geo}']]);
});

test('a webhook step with a repeated query parameter is a warning on the second name', () => {
  assert.deepEqual(codesAndCovers(stepChecks('https://t.example/p?subid=1&subid={tracker.clickid}')), [[ProblemCode.RepeatedQueryParameter, 'subid']]);
});

test('a webhook step over plain http is a hint on "http"', () => {
  assert.deepEqual(codesAndCovers(stepChecks('http://t.example/p')), [[ProblemCode.InsecureHttp, 'http']]);
});

test('in a JSON step whose URL holds escapes, a placeholder in the host marks the whole URL once', () => {
  const text = '{"flows": [{"steps": [{"type": "webhook", "url": "https://{geo}.{chatId}.t.example/p?q=\\"x\\""}]}]}';
  assert.deepEqual(codesAndCovers(checksOf(SCRIPT_JSON_URI, text)), [
    [ProblemCode.PlaceholderInHost, 'https://{geo}.{chatId}.t.example/p?q=\\"x\\"'],
  ]);
});

test('URLs outside webhook steps are not checked', () => {
  const text = 'flows:\n  - steps:\n      - type: message\n        buttons:\n          - url: "http://{{fields.geo}}.example/x?a=1&a=2"\n';
  assert.deepEqual(checksOf(SCRIPT_YAML_URI, text), []);
});

test('the examples give no URL findings', () => {
  const fields = fieldsContext(readFileSync(join(examplesDir, 'webhook-fields.json'), 'utf8'));
  for (const name of ['keitaro.webhook', 'funnel.script.yaml', 'partners.script.json']) {
    const uri = `file:///examples/${name}`;
    assert.deepEqual(checksOf(uri, readFileSync(join(examplesDir, name), 'utf8'), fields), [], name);
  }
});
