// Targeted checks of the .webhook TextMate grammar (source.webhook-template) on inline requests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasScope, scopesOf, tokenize, tokensWithText, type TokenizedLine } from './grammar-harness';

const PLACEHOLDER = 'variable.other.placeholder.webhook-template';

function webhook(text: string): Promise<TokenizedLine[]> {
  return tokenize('source.webhook-template', text);
}

function everyTokenHas(lines: TokenizedLine[], needle: string, scope: string): boolean {
  return scopesOf(lines, needle).every((scopes) => hasScope(scopes, scope));
}

function someTokenHas(lines: TokenizedLine[], needle: string, scope: string): boolean {
  return scopesOf(lines, needle).some((scopes) => hasScope(scopes, scope));
}

const postWithBody = [
  '### Lead',
  'POST https://crm.example.com/leads',
  'Content-Type: application/json',
  '',
  '{"chat": "{chatId}", "n": {}, "amount": {deposit_amount}, "nested": {"a": 1}}',
  'Note: {username} is body text here',
].join('\n');

test('{tracker.clickid} in a URL is a placeholder with the tracker namespace', async () => {
  const lines = await webhook('GET https://k.example.com/postback?subid={tracker.clickid}&status=lead');
  assert.ok(everyTokenHas(lines, '{tracker.clickid}', PLACEHOLDER));
  const [namespace] = tokensWithText(lines, 'tracker');
  assert.ok(hasScope(namespace!.scopes, 'entity.name.namespace'));
  assert.ok(hasScope(tokensWithText(lines, '{')[0]!.scopes, 'punctuation.definition.placeholder.begin'));
});

test('JSON structure braces {} and {"a": 1} in a body are not placeholders', async () => {
  const lines = await webhook(postWithBody);
  assert.equal(someTokenHas(lines, '"n": {}', 'variable.other.placeholder'), false);
  assert.equal(someTokenHas(lines, '{"a": 1}', 'variable.other.placeholder'), false);
  assert.equal(someTokenHas(lines, '{"chat": ', 'variable.other.placeholder'), false);
});

test('a placeholder inside a JSON string of the body is highlighted within the string', async () => {
  const lines = await webhook(postWithBody);
  const scopes = scopesOf(lines, '{chatId}');
  assert.ok(scopes.every((tokenScopes) => hasScope(tokenScopes, PLACEHOLDER)));
  assert.ok(scopes.every((tokenScopes) => hasScope(tokenScopes, 'string.quoted.double')));
});

test('an unquoted placeholder as a JSON value is highlighted', async () => {
  const lines = await webhook(postWithBody);
  assert.ok(everyTokenHas(lines, '{deposit_amount}', PLACEHOLDER));
});

test('after the blank line, "Name: value" text is body, not a header', async () => {
  const lines = await webhook(postWithBody);
  assert.ok(someTokenHas(lines, 'Content-Type', 'support.type.header-name'));
  assert.equal(someTokenHas(lines, 'Note', 'support.type.header-name'), false);
  assert.ok(everyTokenHas(lines, '{username}', PLACEHOLDER));
});

test('a ### line is a heading naming the request, not a comment', async () => {
  const lines = await webhook('### Sale postback\nGET https://x.example.com/?a={chatId}');
  const [name] = tokensWithText(lines, 'Sale postback');
  assert.ok(hasScope(name!.scopes, 'entity.name.section'));
  assert.ok(hasScope(name!.scopes, 'markup.heading'));
  assert.equal(hasScope(name!.scopes, 'comment'), false);
});

test('# and // lines before the request line are comments, and their braces are not placeholders', async () => {
  const lines = await webhook('# uses {chatId}\n// and {username}\nGET https://x.example.com/');
  assert.ok(everyTokenHas(lines, '# uses {chatId}', 'comment.line.number-sign'));
  assert.ok(everyTokenHas(lines, '// and {username}', 'comment.line.double-slash'));
  assert.equal(someTokenHas(lines, '{chatId}', 'variable.other.placeholder'), false);
});

test('the request line marks the method; a bare URL has none', async () => {
  const lines = await webhook('### a\nPOST https://x.example.com/a\n\n### b\nhttps://x.example.com/b?q={chatId}');
  assert.ok(hasScope(tokensWithText(lines, 'POST')[0]!.scopes, 'keyword.other.http-method'));
  assert.ok(everyTokenHas(lines, 'https://x.example.com/b', 'meta.url'));
  assert.equal(someTokenHas(lines, 'https://x.example.com/b', 'keyword.other.http-method'), false);
  assert.ok(everyTokenHas(lines, '{chatId}', PLACEHOLDER));
});

test('query parameter names, = and & are scoped in the URL', async () => {
  const lines = await webhook('GET https://x.example.com/p?subid={tracker.clickid}&status=lead');
  assert.ok(someTokenHas(lines, 'status', 'entity.other.attribute-name.query'));
  assert.ok(hasScope(tokensWithText(lines, '&')[0]!.scopes, 'punctuation.separator.query'));
  assert.ok(hasScope(tokensWithText(lines, '=')[0]!.scopes, 'keyword.operator.assignment.query'));
});

test('a placeholder in a header value is highlighted', async () => {
  const lines = await webhook('POST https://x.example.com/\nX-Click-Id: {tracker.clickid}\n');
  assert.ok(someTokenHas(lines, 'X-Click-Id', 'support.type.header-name'));
  assert.ok(everyTokenHas(lines, '{tracker.clickid}', PLACEHOLDER));
});

test('{{tracker.clickid}} in a webhook gets the wrong-dialect scope, not the webhook placeholder scope', async () => {
  const lines = await webhook('GET https://x.example.com/p?subid={{tracker.clickid}}');
  const scopes = scopesOf(lines, '{{tracker.clickid}}');
  assert.ok(scopes.every((tokenScopes) => hasScope(tokenScopes, 'invalid.deprecated.placeholder.wrong-dialect')));
  assert.ok(scopes.every((tokenScopes) => hasScope(tokenScopes, 'variable.other.placeholder.message')));
  assert.ok(scopes.every((tokenScopes) => !tokenScopes.includes(PLACEHOLDER)));
});

test('the angle form <tracker.clickid> is a placeholder', async () => {
  const lines = await webhook('GET https://x.example.com/p?cnv_id=<tracker.clickid>');
  assert.ok(everyTokenHas(lines, '<tracker.clickid>', 'variable.other.placeholder.angle'));
});

test('braces with whitespace inside are not a placeholder', async () => {
  const lines = await webhook('POST https://x.example.com/\n\n{"user": "{ username }"}');
  assert.equal(someTokenHas(lines, '{ username }', 'variable.other.placeholder'), false);
});

test('a second request after ### starts again at its request line', async () => {
  const lines = await webhook('### a\nPOST https://x.example.com/a\n\n{"a": 1}\n### b\nGET https://x.example.com/b');
  assert.ok(hasScope(tokensWithText(lines, 'GET')[0]!.scopes, 'keyword.other.http-method'));
  assert.equal(someTokenHas(lines, 'GET', 'meta.body'), false);
});

test('a line that is not "Name: value" starts the body even without the blank line', async () => {
  const lines = await webhook('POST https://x.example.com/\nAccept: */*\n{"chat": "{chatId}", "n": {}}');
  assert.ok(someTokenHas(lines, 'Accept', 'support.type.header-name'));
  assert.ok(everyTokenHas(lines, '{chatId}', PLACEHOLDER));
  assert.ok(hasScope(scopesOf(lines, '{"chat"')[0]!, 'punctuation.section.braces'));
});

test('a lowercase method and an HTTP version suffix stay out of the URL', async () => {
  const lines = await webhook('post https://x.example.com/p?a={chatId} http/1.1');
  assert.ok(hasScope(tokensWithText(lines, 'post')[0]!.scopes, 'keyword.other.http-method'));
  assert.ok(hasScope(tokensWithText(lines, 'http/1.1')[0]!.scopes, 'keyword.other.http-version'));
  assert.equal(someTokenHas(lines, 'http/1.1', 'meta.url'), false);
});

test('an indented ### line before the request line is a comment, not a heading', async () => {
  const lines = await webhook('  ### not a separator\nGET https://x.example.com/');
  assert.ok(everyTokenHas(lines, '### not a separator', 'comment.line.number-sign'));
  assert.equal(someTokenHas(lines, 'not a separator', 'markup.heading'), false);
});

test('a URL begun on a request line is neither string nor comment: VS Code\'s default quick suggestions ask for the receiver snippets as it is typed', async () => {
  // VS Code turns off quick suggestions by default only in tokens it reads as strings or comments (and regexes).
  const quiet = /(?:^|\.)(?:string|comment|regex)(?:\.|$)/;
  for (const typed of ['h', 'https', 'https://k', 'GET h', 'POST https://']) {
    const lines = await webhook(`### Lead\n# a note\n${typed}`);
    const scopes = lines[2].tokens.flatMap((token) => token.scopes);
    assert.ok(scopes.length > 0 && !scopes.some((scope) => quiet.test(scope)), `${typed}: ${scopes.join(' ')}`);
  }
});
