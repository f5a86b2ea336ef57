// Specifies placeholder completion: which items at the cursor (`|`), and the text after accepting one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import {
  ANGLE_FIELDS, SCRIPT_YAML_URI, WEBHOOK_URI, completeAt, doc, fieldsContext, messageScript, noFields, service, webhookStepScript,
} from './core-helpers';

const inUrl = (url: string) => completeAt(WEBHOOK_URI, `GET ${url}\n`);
const inMessage = (text: string, fields = fieldsContext()) => completeAt(SCRIPT_YAML_URI, messageScript(text), fields);
/** The message line of a script after accepting an item. */
const messageLine = (text: string) => text.split('\n').find((line) => line.includes('text:'));

test('after { in a URL: built-ins, custom fields and the tracker. namespace', () => {
  assert.deepEqual(inUrl('https://x/?a={|').labels, [
    'chatId', 'createdAt', 'deposit_amount', 'geo', 'stepKey', 'tracker.', 'trader_id', 'username',
  ]);
});

test('after { in a URL: accepting a key inserts it and the closing brace', () => {
  assert.equal(inUrl('https://x/?a={|&b=1').accept('chatId'), 'GET https://x/?a={chatId}&b=1\n');
});

test('after { in a URL: accepting a custom field inserts its bare key', () => {
  assert.equal(inUrl('https://x/?g={|').accept('geo'), 'GET https://x/?g={geo}\n');
});

test('after { in a URL: accepting tracker. inserts the namespace and asks for more', () => {
  const completion = inUrl('https://x/?s={|');
  assert.equal(completion.accept('tracker.'), 'GET https://x/?s={tracker.\n');
  assert.equal(completion.items.find((item) => item.label === 'tracker.')?.command?.command, 'editor.action.triggerSuggest');
});

test('after { in a URL: name, a message-only key, is not offered', () => {
  assert.ok(!inUrl('https://x/?a={|').labels.includes('name'));
});

test('after {tracker. in a URL: only tracker fields', () => {
  assert.deepEqual(inUrl('https://x/?s={tracker.|').labels, ['clickid', 'sub1']);
});

test('after {tracker. in a URL: accepting completes the whole placeholder', () => {
  assert.equal(inUrl('https://x/?s={tracker.|').accept('clickid'), 'GET https://x/?s={tracker.clickid}\n');
});

test('after {tracker.cl typed: the typed part is replaced', () => {
  assert.equal(inUrl('https://x/?s={tracker.cl|').accept('clickid'), 'GET https://x/?s={tracker.clickid}\n');
});

test('mid-key: the whole key is replaced, not only the part before the cursor', () => {
  assert.equal(inUrl('https://x/?a={chat|xx}&b=1').accept('chatId'), 'GET https://x/?a={chatId}&b=1\n');
});

test('mid-key in a tracker key: the name after the dot is replaced whole', () => {
  assert.equal(inUrl('https://x/?s={tracker.cl|ikid}&b=1').accept('clickid'), 'GET https://x/?s={tracker.clickid}&b=1\n');
});

test('an already closed placeholder does not get a second closing brace', () => {
  assert.equal(inUrl('https://x/?a={|}').accept('username'), 'GET https://x/?a={username}\n');
});

test('after {{ in a URL: nothing (that is the message dialect)', () => {
  assert.deepEqual(inUrl('https://x/?a={{|').labels, []);
});

test('in a script webhook step URL: the webhook dialect is completed', () => {
  const completion = completeAt(SCRIPT_YAML_URI, webhookStepScript('https://x/?s={|'));
  assert.ok(completion.labels.includes('stepKey'));
  assert.ok(completion.accept('stepKey').includes("url: 'https://x/?s={stepKey}'"));
});

test('after {{ in a message: message built-ins and the three namespaces', () => {
  assert.deepEqual(inMessage('Hi {{|').labels, ['chatId', 'createdAt', 'fields.', 'name', 'tracker.', 'username', 'variables.']);
});

test('after {{ in a message: accepting a key inserts it and both closing braces', () => {
  assert.equal(messageLine(inMessage('Hi {{|').accept('name')), '        text: "Hi {{name}}"');
});

test('after {{fields. in a message: custom fields', () => {
  const completion = inMessage('{{fields.|');
  assert.deepEqual(completion.labels, ['deposit_amount', 'geo', 'trader_id']);
  assert.equal(messageLine(completion.accept('geo')), '        text: "{{fields.geo}}"');
});

test('after {{tracker. in a message: tracker fields', () => {
  assert.deepEqual(inMessage('{{tracker.|').labels, ['clickid', 'sub1']);
});

test('after {{variables. in a message: bot variables', () => {
  const completion = inMessage('{{variables.|');
  assert.deepEqual(completion.labels, ['regLink']);
  assert.equal(messageLine(completion.accept('regLink')), '        text: "{{variables.regLink}}"');
});

test('a half-closed {{username} gets only one more closing brace', () => {
  assert.equal(messageLine(inMessage('Hi {{user|name}!').accept('username')), '        text: "Hi {{username}}!"');
});

test('a closed {{user|name}} gets no more closing braces', () => {
  assert.equal(messageLine(inMessage('Hi {{user|name}}!').accept('username')), '        text: "Hi {{username}}!"');
});

test('after a single { in a message: nothing (that is the webhook dialect)', () => {
  assert.deepEqual(inMessage('Hi {|').labels, []);
});

test('without a fields file: only built-ins and namespaces', () => {
  assert.deepEqual(inMessage('{{|', noFields()).labels, ['chatId', 'createdAt', 'fields.', 'name', 'tracker.', 'username', 'variables.']);
  assert.deepEqual(inMessage('{{fields.|', noFields()).labels, []);
});

test('no completion in a YAML comment', () => {
  assert.deepEqual(completeAt(SCRIPT_YAML_URI, `# see {|\n${messageScript('hi')}`).labels, []);
});

test('no completion in a YAML key', () => {
  const text = messageScript('hi').replace('type: message', 'type: message\n        note{|: 1');
  assert.deepEqual(completeAt(SCRIPT_YAML_URI, text).labels, []);
});

test('no completion in a .webhook comment line', () => {
  assert.deepEqual(completeAt(WEBHOOK_URI, '# {|\nGET https://x/\n').labels, []);
});

test('no completion in a .webhook header name', () => {
  assert.deepEqual(completeAt(WEBHOOK_URI, 'GET https://x/\nX-Ch|at: {chatId}\n\n').labels, []);
});

test('completion in a .webhook header value', () => {
  assert.equal(completeAt(WEBHOOK_URI, 'GET https://x/\nX-Chat: {|\n\n').accept('chatId'), 'GET https://x/\nX-Chat: {chatId}\n\n');
});

test('no completion outside a placeholder in template text', () => {
  assert.deepEqual(inUrl('https://x/?a=|').labels, []);
});

test('documentation of a custom field has its type, description and example', () => {
  const item = inUrl('https://x/?a={|').items.find((candidate) => candidate.label === 'deposit_amount');
  const value = (item?.documentation as MarkupContent).value;
  assert.match(value, /number/);
  assert.match(value, /First deposit, in USD/);
  assert.match(value, /150/);
  assert.equal(item?.detail, 'Custom field · number');
});

test('documentation of a built-in has its type, description and example', () => {
  const item = inUrl('https://x/?a={|').items.find((candidate) => candidate.label === 'chatId');
  const value = (item?.documentation as MarkupContent).value;
  assert.match(value, /integer/);
  assert.match(value, /Telegram chat id/);
  assert.match(value, /482913377/);
});

test('documentation of a tracker field has its description and example', () => {
  const item = inUrl('https://x/?s={tracker.|').items.find((candidate) => candidate.label === 'clickid');
  const value = (item?.documentation as MarkupContent).value;
  assert.match(value, /Click id the tracker gave this user/);
  assert.match(value, /7f3a9c01/);
});

test('angle: after < in a URL the keys are offered and closed with >', () => {
  const completion = completeAt(WEBHOOK_URI, 'GET https://x/?a=<|\n', fieldsContext(ANGLE_FIELDS));
  assert.ok(completion.labels.includes('chatId'));
  assert.equal(completion.accept('chatId'), 'GET https://x/?a=<chatId>\n');
});

test('angle: after <tracker. in a URL only tracker fields, closed with >', () => {
  const completion = completeAt(WEBHOOK_URI, 'GET https://x/?s=<tracker.|\n', fieldsContext(ANGLE_FIELDS));
  assert.deepEqual(completion.labels, ['clickid', 'sub1']);
  assert.equal(completion.accept('clickid'), 'GET https://x/?s=<tracker.clickid>\n');
});

test('angle: after { in a URL nothing is offered', () => {
  assert.deepEqual(completeAt(WEBHOOK_URI, 'GET https://x/?a={|\n', fieldsContext(ANGLE_FIELDS)).labels, []);
});

test('angle: messages still complete after {{', () => {
  assert.ok(inMessage('{{|', fieldsContext(ANGLE_FIELDS)).labels.includes('name'));
});

test('accepting a namespace in the middle of a key keeps the key after its dot', () => {
  const { accept } = completeAt('file:///w/a.webhook', 'GET https://t.example/p?s={tra|cker.clickid}\n', fieldsContext());
  assert.equal(accept('tracker.'), 'GET https://t.example/p?s={tracker.clickid}\n');
});

// ---- Where the cursor lands: after the closer, never before a brace the user already typed ---------

/** The line of a message script holding the text, with the cursor mark kept. */
const messageLineWithCursor = (text: string) => text.split('\n').find((line) => line.includes('text:'));

test('cursor: {| with nothing after lands after the inserted }', () => {
  assert.equal(inUrl('https://x/?a={|&b=1').acceptWithCursor('chatId'), 'GET https://x/?a={chatId}|&b=1\n');
});

test('cursor: {tra|} with the } already typed lands after it, with no second }', () => {
  assert.equal(inUrl('https://x/?a={use|}&b=1').acceptWithCursor('username'), 'GET https://x/?a={username}|&b=1\n');
  assert.equal(inUrl('https://x/?a={|}').acceptWithCursor('geo'), 'GET https://x/?a={geo}|\n');
});

test('cursor: a key typed in the middle, {chat|Id}, is replaced whole and the cursor lands after the }', () => {
  assert.equal(inUrl('https://x/?a={chat|Id}&b=1').acceptWithCursor('chatId'), 'GET https://x/?a={chatId}|&b=1\n');
});

test('cursor: {tracker.cl|} lands after the } too', () => {
  assert.equal(inUrl('https://x/?s={tracker.cl|}&b=1').acceptWithCursor('clickid'), 'GET https://x/?s={tracker.clickid}|&b=1\n');
});

test('cursor: the namespace tracker. stays open inside the braces, before the } already typed, and asks for more', () => {
  const completion = inUrl('https://x/?s={tra|}&b=1');
  assert.equal(completion.acceptWithCursor('tracker.'), 'GET https://x/?s={tracker.|}&b=1\n');
  assert.equal(completion.items.find((item) => item.label === 'tracker.')?.command?.command, 'editor.action.triggerSuggest');
  // The next completion, asked there, then writes over that }.
  assert.equal(inUrl('https://x/?s={tracker.|}&b=1').acceptWithCursor('sub1'), 'GET https://x/?s={tracker.sub1}|&b=1\n');
});

test('cursor: {{ with both closers typed, one typed, or none lands after }}', () => {
  assert.equal(messageLineWithCursor(inMessage('Hi {{|}}!').acceptWithCursor('name')), '        text: "Hi {{name}}|!"');
  assert.equal(messageLineWithCursor(inMessage('Hi {{na|}!').acceptWithCursor('name')), '        text: "Hi {{name}}|!"');
  assert.equal(messageLineWithCursor(inMessage('Hi {{|').acceptWithCursor('name')), '        text: "Hi {{name}}|"');
});

test('cursor: {{fields.|}} lands after }}', () => {
  assert.equal(messageLineWithCursor(inMessage('{{fields.|}}').acceptWithCursor('geo')), '        text: "{{fields.geo}}|"');
});

test('cursor: angle syntax <chat|> lands after the >', () => {
  const completion = completeAt(WEBHOOK_URI, 'GET https://x/?a=<chat|>&b=1\n', fieldsContext(ANGLE_FIELDS));
  assert.equal(completion.acceptWithCursor('chatId'), 'GET https://x/?a=<chatId>|&b=1\n');
});

test('cursor: a } that is the JSON body\'s own, after a space, is left alone', () => {
  const completion = completeAt(WEBHOOK_URI, 'POST https://x/\n\n{"a": "{chat|", "n": {} }\n');
  assert.equal(completion.acceptWithCursor('chatId'), 'POST https://x/\n\n{"a": "{chatId}|", "n": {} }\n');
});

// ---- The most used key is preselected ------------------------------------------------------------

/** A service whose usage index holds these templates, all checked against the design fields. */
function indexedService(...texts: string[]) {
  const templates = service();
  texts.forEach((text, index) => templates.indexUsages(doc(`file:///project/hook-${index}.webhook`, text), fieldsContext()));
  return templates;
}

const USED = indexedService(
  'GET https://x/?g={geo}&d={deposit_amount}&s={tracker.sub1}\n',
  'GET https://x/?g={geo}&c={tracker.clickid}&s={tracker.sub1}\n',
  'GET https://x/?g={geo}\n',
);

test('preselect: the field of the list used most in the workspace is preselected, only it', () => {
  assert.deepEqual(completeAt(WEBHOOK_URI, 'GET https://x/?a={|\n', fieldsContext(), USED).preselected, ['geo']);
});

test('preselect: after {tracker. the most used tracker field', () => {
  assert.deepEqual(completeAt(WEBHOOK_URI, 'GET https://x/?a={tracker.|\n', fieldsContext(), USED).preselected, ['sub1']);
});

test('preselect: in a message, {{fields. counts the same uses', () => {
  assert.deepEqual(completeAt(SCRIPT_YAML_URI, messageScript('{{fields.|'), fieldsContext(), USED).preselected, ['geo']);
});

test('preselect: a tie is broken by name', () => {
  const tie = indexedService('GET https://x/?c={tracker.clickid}&s={tracker.sub1}\n');
  assert.deepEqual(completeAt(WEBHOOK_URI, 'GET https://x/?a={tracker.|\n', fieldsContext(), tie).preselected, ['clickid']);
});

test('preselect: nothing when no field of the list is used', () => {
  assert.deepEqual(completeAt(WEBHOOK_URI, 'GET https://x/?a={|\n').preselected, []);
  const onlyTracker = indexedService('GET https://x/?c={tracker.clickid}\n');
  assert.deepEqual(completeAt(SCRIPT_YAML_URI, messageScript('{{variables.|'), fieldsContext(), onlyTracker).preselected, []);
});
