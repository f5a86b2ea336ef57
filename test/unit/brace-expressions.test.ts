// Specifies that every brace expression Chatterfy would send as literal text is reported whole, with why, in every
// place a webhook template stands (URL, header, body string), and that JSON structure and partner macros never are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { noFields, problemsOf, scriptDoc, webhookDoc, messageScript } from './core-helpers';

const HOST = 'https://crm.example.com/hook';

type Place = 'url' | 'header' | 'body' | 'message';

/** A document with `text` standing in one place of a template. */
function placed(where: Place, text: string) {
  if (where === 'url') return webhookDoc(`GET ${HOST}?v=${text}\n`);
  if (where === 'header') return webhookDoc(`POST ${HOST}\nX-Value: ${text}\n\n`);
  if (where === 'body') return webhookDoc(`POST ${HOST}\nContent-Type: application/json\n\n{"value": "${text}", "n": 1}\n`);
  return scriptDoc(messageScript(text));
}

interface Case {
  text: string;
  code: string;
  /** A word the message must hold: why Chatterfy sends it as written. */
  why: RegExp;
  fix?: string;
}

const WEBHOOK_CASES: Case[] = [
  // Whitespace anywhere in the key
  { text: '{tracker.click id}', code: 'whitespace-in-placeholder', why: /no blanks/, fix: '{tracker.clickid}' },
  { text: '{chat Id}', code: 'whitespace-in-placeholder', why: /no blanks/, fix: '{chatId}' },
  { text: '{ chatId }', code: 'whitespace-in-placeholder', why: /no blanks/, fix: '{chatId}' },
  { text: '{user name}', code: 'whitespace-in-placeholder', why: /no blanks/, fix: '{username}' },
  { text: '{no such key}', code: 'whitespace-in-placeholder', why: /no blanks/ },
  // Defaults and pipes
  { text: '{username|friend}', code: 'invalid-key', why: /no default values/, fix: '{username}' },
  { text: '{username | friend}', code: 'invalid-key', why: /no default values/, fix: '{username}' },
  { text: '{geo|upper}', code: 'invalid-key', why: /no default values/, fix: '{geo}' },
  // Modifiers and formats
  { text: '{createdAt:Y-m-d}', code: 'invalid-key', why: /no modifiers/, fix: '{createdAt}' },
  { text: '{date:Y-m-d}', code: 'invalid-key', why: /no modifiers/ },
  { text: '{var:3}', code: 'invalid-key', why: /no modifiers/ },
  // URI-template (RFC 6570) operators and lists
  { text: '{+var}', code: 'invalid-key', why: /URI-template/ },
  { text: '{+chatId}', code: 'invalid-key', why: /URI-template/, fix: '{chatId}' },
  { text: '{#x}', code: 'invalid-key', why: /URI-template/ },
  { text: '{?x,y}', code: 'invalid-key', why: /URI-template/ },
  { text: '{/id*}', code: 'invalid-key', why: /URI-template/ },
  { text: '{x,y}', code: 'invalid-key', why: /URI-template/ },
  { text: '{list*}', code: 'invalid-key', why: /URI-template/ },
  { text: '{=path}', code: 'invalid-key', why: /URI-template/ },
  { text: '{%2x}', code: 'invalid-key', why: /URI-template/ },
  { text: '{.who,who}', code: 'invalid-key', why: /URI-template/ },
  { text: '{;x,y,empty}', code: 'invalid-key', why: /URI-template/ },
  { text: '{&x,hello}', code: 'invalid-key', why: /URI-template/ },
  { text: '{+path:6}', code: 'invalid-key', why: /URI-template/ },
  { text: '{keys*}', code: 'invalid-key', why: /URI-template/ },
  // Other characters
  { text: '{chat-id}', code: 'invalid-key', why: /letters, digits/, fix: '{chatId}' },
  { text: '{tracker.clickid&status=lead}', code: 'invalid-key', why: /letters, digits/ },
  { text: '{{username|friend}}', code: 'invalid-key', why: /no default values/, fix: '{username}' },
];

for (const where of ['url', 'header', 'body'] as const) {
  for (const { text, code, why, fix } of WEBHOOK_CASES) {
    // A space cannot stand in a request line's URL (it would end it); blanks are tried in headers and bodies.
    if (where === 'url' && /\s/.test(text)) continue;
    test(`${where}: ${text} is ${code}, one diagnostic spanning it whole, saying it is sent as literal text`, () => {
      const problems = problemsOf(placed(where, text));
      assert.equal(problems.length, 1, JSON.stringify(problems, null, 2));
      assert.equal(problems[0].code, code);
      assert.equal(problems[0].covers, text);
      assert.match(problems[0].message, /literal text/);
      assert.match(problems[0].message, why);
      assert.equal(problems[0].fix, fix);
    });
  }
}

test('message: a double-brace expression with a default is invalid-key → {{username}}', () => {
  const [problem] = problemsOf(placed('message', 'Hi {{username|friend}}!'));
  assert.deepEqual([problem.code, problem.covers, problem.fix], ['invalid-key', '{{username|friend}}', '{{username}}']);
  assert.match(problem.message, /no default values/);
});

test('message: a single-brace expression is prose, never reported', () => {
  assert.deepEqual(problemsOf(placed('message', 'Pick {a|b} or {x, y} :)')), []);
});

// ---- unclosed only when nothing closes it ---------------------------------------------------------

const UNCLOSED: [where: Place, text: string, covers: string][] = [
  ['url', '{tracker.clickid&status=lead', '{tracker.clickid'],
  ['url', '{tracker.clickid&payout={deposit_amount}', '{tracker.clickid'],
  ['body', '{tracker.clickid', '{tracker.clickid'],
  ['header', '{chatId', '{chatId'],
];

for (const [where, text, covers] of UNCLOSED) {
  test(`${where}: ${text} has no closer before the next {, quote or line end: unclosed-placeholder`, () => {
    const problems = problemsOf(placed(where, text)).filter((problem) => problem.code === 'unclosed-placeholder');
    assert.deepEqual(problems.map((problem) => problem.covers), [covers]);
  });
}

test('a closed expression with a bad inside is never called unclosed', () => {
  for (const { text } of WEBHOOK_CASES) {
    const codes = problemsOf(placed('header', text)).map((problem) => problem.code);
    assert.ok(!codes.includes('unclosed-placeholder'), `${text}: ${codes.join(', ')}`);
  }
});

// ---- never JSON structure, code or partner macros ------------------------------------------------------

const NOT_PLACEHOLDERS: [name: string, body: string][] = [
  ['nested JSON objects', '{"a": {"b": {"c": 1}}, "d": [{"e": 2}, {}]}'],
  ['compact JSON', '{"a":{"b":1},"c":[{"d":"x"}]}'],
  ['an object with single-quoted keys', "{'chat': 1}"],
  ['a JavaScript-style object', '{a: 1, b: 2}'],
  ['a GraphQL query in a JSON string', '{"query": "{ user(id: 1) { id name } }"}'],
  ['Discord-style embeds', '{"embeds": [{"title": "New lead", "fields": [{"name": "chat", "value": "{chatId}"}]}]}'],
  ['empty objects and arrays', '{"a": {}, "b": [], "c": { }}'],
];

for (const [name, body] of NOT_PLACEHOLDERS) {
  test(`body: ${name} holds no problem`, () => {
    assert.deepEqual(problemsOf(webhookDoc(`POST ${HOST}\nContent-Type: application/json\n\n${body}\n`)), []);
  });
}

test('body: an expression inside a JSON string is reported, the structure around it is not', () => {
  const body = '{"text": "Hi {username|friend}", "meta": {"n": 1}}';
  const problems = problemsOf(webhookDoc(`POST ${HOST}\n\n${body}\n`));
  assert.deepEqual(problems.map((problem) => `${problem.code} ${problem.covers}`), ['invalid-key {username|friend}']);
});

test('partner macros of an inbound link stay exempt, whatever their shape', () => {
  const url = 'https://api.chatterfy.ai/api/postbacks/0b6e3c1a/tracker-postback?clickid={sub1|x}&tracker.event=sale&tracker.cost={amount:2}';
  assert.deepEqual(problemsOf(webhookDoc(`GET ${url}\n`), noFields()), []);
});

test('the same checks hold in a script webhook step', () => {
  const text = "flows:\n  - key: main\n    steps:\n      - key: hook\n        type: webhook\n        url: 'https://crm.example.com/hook?v={username|friend}'\n";
  const problems = problemsOf(scriptDoc(text));
  assert.deepEqual(problems.map((problem) => `${problem.code} ${problem.covers}`), ['invalid-key {username|friend}']);
});
