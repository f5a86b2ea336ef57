// Targeted checks of the placeholder injection grammar inside real YAML and JSON host grammars (script files).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasScope, scopesOf, tokenize, type TokenizedLine } from './grammar-harness';

const MESSAGE = 'variable.other.placeholder.message.webhook-template';
const WEBHOOK = 'variable.other.placeholder.webhook-template';

function everyTokenHas(lines: TokenizedLine[], needle: string, scope: string): boolean {
  return scopesOf(lines, needle).every((scopes) => scopes.includes(scope));
}

function anyPlaceholderIn(lines: TokenizedLine[], needle: string): boolean {
  return scopesOf(lines, needle).some((scopes) => hasScope(scopes, 'variable.other.placeholder'));
}

test('{{username}} in a double-quoted YAML string is a message placeholder', async () => {
  const lines = await tokenize('source.yaml', 'text: "Hi {{username}}!"');
  assert.ok(everyTokenHas(lines, '{{username}}', MESSAGE));
  assert.ok(scopesOf(lines, 'username').every((scopes) => hasScope(scopes, 'string.quoted.double')));
});

test('nothing inside a YAML comment is a placeholder', async () => {
  const lines = await tokenize('source.yaml', '# Hi {{username}} {chatId}\nkey: value # {{name}}');
  assert.equal(anyPlaceholderIn(lines, '# Hi {{username}} {chatId}'), false);
  assert.equal(anyPlaceholderIn(lines, '# {{name}}'), false);
});

test('plain and single-quoted YAML scalars get message placeholders with their namespace', async () => {
  const lines = await tokenize('source.yaml', "a: Plain {{tracker.sub1}} text\nb: 'single {{variables.regLink}}'");
  assert.ok(everyTokenHas(lines, '{{tracker.sub1}}', MESSAGE));
  assert.ok(everyTokenHas(lines, '{{variables.regLink}}', MESSAGE));
  assert.ok(scopesOf(lines, 'variables').every((scopes) => hasScope(scopes, 'entity.name.namespace')));
});

test('webhook-dialect {tracker.clickid} in a YAML url is a webhook placeholder', async () => {
  const lines = await tokenize('source.yaml', 'url: "https://t.example.com/p?subid={tracker.clickid}&s=1"');
  assert.ok(everyTokenHas(lines, '{tracker.clickid}', WEBHOOK));
});

test('a JSON body in a YAML string highlights {chatId} but not {} or {"chat_id"', async () => {
  const lines = await tokenize('source.yaml', `body: '{"chat_id": "{chatId}", "n": {}}'`);
  assert.ok(everyTokenHas(lines, '{chatId}', WEBHOOK));
  assert.equal(anyPlaceholderIn(lines, '"n": {}'), false);
  assert.equal(anyPlaceholderIn(lines, '{"chat_id"'), false);
});

test('a plain YAML key is never a placeholder', async () => {
  const lines = await tokenize('source.yaml', 'key{{username}}: value');
  assert.equal(anyPlaceholderIn(lines, 'key{{username}}'), false);
});

test('YAML block scalars get placeholders of both dialects', async () => {
  const lines = await tokenize('source.yaml', 'text: |\n  Hello {{name}}, id {chatId}\n');
  assert.ok(everyTokenHas(lines, '{{name}}', MESSAGE));
  assert.ok(everyTokenHas(lines, '{chatId}', WEBHOOK));
});

test('JSON string values get placeholders; JSON keys do not', async () => {
  const lines = await tokenize('source.json', '{"text": "Hi {{username}}", "{{key}}": "{chatId}"}');
  assert.ok(everyTokenHas(lines, '{{username}}', MESSAGE));
  assert.ok(everyTokenHas(lines, '{chatId}', WEBHOOK));
  assert.equal(anyPlaceholderIn(lines, '{{key}}'), false);
});

test('JSON with comments: strings get placeholders, comments do not', async () => {
  const lines = await tokenize('source.json.comments', '{\n  "text": "Hi {{username}}", // {{name}}\n  // {{chatId}}\n}');
  assert.ok(everyTokenHas(lines, '{{username}}', MESSAGE));
  assert.equal(anyPlaceholderIn(lines, '// {{name}}'), false);
  assert.equal(anyPlaceholderIn(lines, '// {{chatId}}'), false);
});

const PARTNER = 'variable.other.partner-macro.webhook-template';

test('in a Chatterfy inbound link inside a YAML string, partner macros are partner macros and {chatId} stays a placeholder', async () => {
  const lines = await tokenize('source.yaml', 'url: "https://app.chatterfy.ai/api/bots/webhooks/0b8e/updateDialog?chatId={chatId}&fields.amount={amount}"');
  assert.ok(everyTokenHas(lines, '{amount}', PARTNER));
  assert.equal(anyPlaceholderIn(lines, '{amount}'), false);
  assert.ok(everyTokenHas(lines, '{chatId}', WEBHOOK));
});

test('the inbound link ends before the closing quote, which stays the string\'s own', async () => {
  const lines = await tokenize('source.yaml', "url: 'https://api.chatterfy.ai/api/postbacks/7c1d/tracker-postback?clickid=[subid]&tracker.cost=#s2#'\nnext: '{{username}}'");
  assert.ok(everyTokenHas(lines, '[subid]', PARTNER));
  assert.ok(everyTokenHas(lines, '#s2#', PARTNER));
  const quote = lines[0].tokens.at(-1)!;
  assert.ok(quote.scopes.some((scope) => scope.startsWith('punctuation.definition.string.end')), quote.scopes.join(' '));
  assert.ok(everyTokenHas(lines, '{{username}}', MESSAGE));
});

test('a JSON inbound link marks the partner macro and stops at its string', async () => {
  const lines = await tokenize('source.json', '{"url": "https://app.chatterfy.ai/api/bots/webhooks/0b8e/updateDialog?chatId={chatId}&a={amount}", "b": "{sub1}"}');
  assert.ok(everyTokenHas(lines, '{amount}', PARTNER));
  assert.ok(everyTokenHas(lines, '{sub1}', WEBHOOK));
});

test('an ordinary URL in a script string keeps {sub1} a placeholder', async () => {
  const lines = await tokenize('source.yaml', 'url: "https://t.example/postback?subid={sub1}"');
  assert.ok(everyTokenHas(lines, '{sub1}', WEBHOOK));
  assert.equal(scopesOf(lines, '{sub1}').some((scopes) => scopes.includes(PARTNER)), false);
});
