// Specifies placeholder diagnostics through the service: every problem code in both dialects, ranges, messages, fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import {
  ANGLE_FIELDS, DESIGN_FIELDS, applyEdits, doc, fieldsContext, messageScript, noFields, onlyProblem, problemsOf, scriptDoc,
  scriptJsonDoc, service, validate, webhookDoc, webhookStepScript,
} from './core-helpers';

const URL = 'https://t.example/postback?x=';
const NO_FILE = 'no fields file (only built-in keys are known)';

/** A `.webhook` file whose only request is a GET of URL + `placeholder`. */
const inUrl = (placeholder: string) => webhookDoc(`GET ${URL}${placeholder}\n`);
/** A YAML script whose only message text is `text`. */
const inMessage = (text: string) => scriptDoc(messageScript(text));

// ---- The webhook dialect ------------------------------------------------------------------------

test('webhook: a known placeholder has no problem', () => {
  assert.deepEqual(problemsOf(inUrl('{tracker.clickid}&u={username}&c={chatId}&s={stepKey}&t={createdAt}&g={geo}')), []);
});

test('webhook: unknown key with a case difference suggests the built-in ({chatid} → {chatId})', () => {
  assert.deepEqual(onlyProblem(inUrl('{chatid}')), {
    code: 'unknown-key',
    covers: '{chatid}',
    message: 'Unknown key "chatid" (checked against webhook-fields.json). Did you mean "{chatId}"?',
    fix: '{chatId}',
  });
});

test('webhook: unknown tracker key suggests the tracker field ({tracker.clikid} → {tracker.clickid})', () => {
  const problem = onlyProblem(inUrl('{tracker.clikid}'));
  assert.equal(problem.code, 'unknown-key');
  assert.equal(problem.covers, '{tracker.clikid}');
  assert.equal(problem.fix, '{tracker.clickid}');
  assert.match(problem.message, /Did you mean "\{tracker\.clickid\}"\?$/);
});

test('webhook: the diagnostic range is exactly the placeholder', () => {
  const [diagnostic] = validate(inUrl('{chatid}&b=1'));
  const start = 'GET '.length + URL.length;
  assert.deepEqual(diagnostic.range, { start: { line: 0, character: start }, end: { line: 0, character: start + '{chatid}'.length } });
});

test('webhook: an unknown key far from every known key has no suggestion', () => {
  const problem = onlyProblem(inUrl('{campaign_name}'));
  assert.equal(problem.code, 'unknown-key');
  assert.equal(problem.message, 'Unknown key "campaign_name" (checked against webhook-fields.json).');
  assert.equal(problem.fix, undefined);
});

test('webhook: the message dialect {{tracker.clickid}} in a URL is wrong-dialect → {tracker.clickid}', () => {
  assert.deepEqual(onlyProblem(inUrl('{{tracker.clickid}}')), {
    code: 'wrong-dialect',
    covers: '{{tracker.clickid}}',
    message: '"{{tracker.clickid}}" is the message dialect; here write "{tracker.clickid}".',
    fix: '{tracker.clickid}',
  });
});

test('webhook: {{fields.geo}} in a URL is wrong-dialect → {geo}', () => {
  const problem = onlyProblem(inUrl('{{fields.geo}}'));
  assert.equal(problem.code, 'wrong-dialect');
  assert.equal(problem.fix, '{geo}');
});

test('webhook: {fields.geo} is fields-namespace-in-webhook → {geo}', () => {
  assert.deepEqual(onlyProblem(inUrl('{fields.geo}')), {
    code: 'fields-namespace-in-webhook',
    covers: '{fields.geo}',
    message: 'Webhooks read custom fields by their bare key: write "{geo}", not "{fields.geo}".',
    fix: '{geo}',
  });
});

test('webhook: {tracker.geo} on a custom field is tracker-namespace-on-custom-field → {geo}', () => {
  assert.deepEqual(onlyProblem(inUrl('{tracker.geo}')), {
    code: 'tracker-namespace-on-custom-field',
    covers: '{tracker.geo}',
    message: '"{tracker.geo}" is a custom field in webhook-fields.json, not a tracker field: write "{geo}".',
    fix: '{geo}',
  });
});

test('webhook: {clickid} without its namespace is missing-tracker-namespace → {tracker.clickid}', () => {
  assert.deepEqual(onlyProblem(inUrl('{clickid}')), {
    code: 'missing-tracker-namespace',
    covers: '{clickid}',
    message: '"{clickid}" is a tracker field in webhook-fields.json: write "{tracker.clickid}".',
    fix: '{tracker.clickid}',
  });
});

test('webhook: {stepId} is step-id-for-step-key → {stepKey}', () => {
  assert.deepEqual(onlyProblem(inUrl('{stepId}')), {
    code: 'step-id-for-step-key',
    covers: '{stepId}',
    message: 'There is no "{stepId}": the step is named by its key, "{stepKey}".',
    fix: '{stepKey}',
  });
});

test('webhook: {chat.tracker.clickid} is chat-tracker-prefix → {tracker.clickid}', () => {
  assert.deepEqual(onlyProblem(inUrl('{chat.tracker.clickid}')), {
    code: 'chat-tracker-prefix',
    covers: '{chat.tracker.clickid}',
    message: '"chat.tracker." is not a namespace: write "{tracker.clickid}".',
    fix: '{tracker.clickid}',
  });
});

test('webhook: {utm.source} is unknown-namespace, naming the namespaces known here', () => {
  const problem = onlyProblem(inUrl('{utm.source}'));
  assert.equal(problem.code, 'unknown-namespace');
  assert.equal(problem.covers, '{utm.source}');
  assert.match(problem.message, /^Unknown namespace "utm\." in "utm\.source"; known here: "tracker\."\.$/);
});

test('webhook: the unknown-namespace message does not end in a doubled full stop', () => {
  const problem = onlyProblem(inUrl('{utm.source}'));
  assert.ok(!problem.message.includes('..'), problem.message);
});

test('webhook: {name} is message-only-key', () => {
  assert.deepEqual(onlyProblem(inUrl('{name}')), {
    code: 'message-only-key',
    covers: '{name}',
    message: '"name" is only known in messages ({{name}}), not in webhooks.',
  });
});

test('webhook: {chat-id} is invalid-key with a suggestion', () => {
  assert.deepEqual(onlyProblem(inUrl('{chat-id}')), {
    code: 'invalid-key',
    covers: '{chat-id}',
    message: '"{chat-id}" is not a placeholder, so Chatterfy sends it as literal text: a key is letters, digits and "_", not starting with a digit, with a dot only after a namespace. Did you mean "{chatId}"?',
    fix: '{chatId}',
  });
});

test('webhook: a key starting with a digit is invalid-key', () => {
  assert.equal(onlyProblem(inUrl('{1st_deposit}')).code, 'invalid-key');
});

test('webhook: a unicode key is invalid-key', () => {
  assert.equal(onlyProblem(inUrl('{имя}')).code, 'invalid-key');
});

test('webhook: {tracker.clickid&x=1 is unclosed, the range ending at the key end', () => {
  assert.deepEqual(onlyProblem(inUrl('{tracker.clickid&status=lead')), {
    code: 'unclosed-placeholder',
    covers: '{tracker.clickid',
    message: 'Placeholder "{tracker.clickid" is not closed, so Chatterfy sends it as literal text: add "}".',
    fix: '{tracker.clickid}',
  });
});

test('webhook: {} in a URL is empty-placeholder', () => {
  assert.deepEqual(onlyProblem(inUrl('{}')), {
    code: 'empty-placeholder',
    covers: '{}',
    message: 'Empty placeholder "{}": Chatterfy sends it as literal text; put a key inside or remove it.',
  });
});

test('webhook: { chatId } is whitespace-in-placeholder → {chatId}', () => {
  assert.deepEqual(onlyProblem(inUrl('{ chatId }')), {
    code: 'whitespace-in-placeholder',
    covers: '{ chatId }',
    message: 'Whitespace inside "{ chatId }": a key has no blanks, so Chatterfy sends it as literal text.',
    fix: '{chatId}',
  });
});

test('webhook: the whitespace message quotes the placeholder as written', () => {
  const problem = onlyProblem(inUrl('{ chatId}'));
  assert.equal(problem.code, 'whitespace-in-placeholder');
  assert.equal(problem.message, 'Whitespace inside "{ chatId}": a key has no blanks, so Chatterfy sends it as literal text.');
});

test('webhook: header values are checked', () => {
  const document = webhookDoc(`POST ${URL}1\nX-Click: {tracker.clikid}\n\n`);
  assert.deepEqual(problemsOf(document).map((p) => `${p.code} ${p.covers}`), ['unknown-key {tracker.clikid}']);
});

test('webhook: the body is checked', () => {
  const document = webhookDoc(`POST ${URL}1\n\n{"chat": "{chatid}"}\n`);
  assert.deepEqual(problemsOf(document).map((p) => `${p.code} ${p.covers}`), ['unknown-key {chatid}']);
});

test('webhook: a JSON body placeholder missing its closer before the quote is unclosed', () => {
  const document = webhookDoc(`POST ${URL}1\n\n{"subid": "{tracker.clickid", "n": 1}\n`);
  assert.deepEqual(problemsOf(document).map((p) => `${p.code} ${p.covers}`), ['unclosed-placeholder {tracker.clickid']);
});

test('webhook: a script webhook step URL uses the webhook dialect', () => {
  const document = scriptDoc(webhookStepScript(`${URL}{{tracker.clickid}}`));
  assert.deepEqual(problemsOf(document).map((p) => `${p.code} ${p.covers} ${p.fix}`), ['wrong-dialect {{tracker.clickid}} {tracker.clickid}']);
});

test('webhook: a JSON script webhook step body uses the webhook dialect', () => {
  const document = scriptJsonDoc(JSON.stringify({
    flows: [{ key: 'main', steps: [{ key: 's', type: 'webhook', url: `${URL}1`, body: '{"chat": "{chatid}"}' }] }],
  }));
  assert.deepEqual(problemsOf(document).map((p) => `${p.code} ${p.covers}`), ['unknown-key {chatid}']);
});

test('webhook: {stepKey} is known in a script webhook step', () => {
  assert.deepEqual(problemsOf(scriptDoc(webhookStepScript(`${URL}{stepKey}`))), []);
});

test('webhook: CRLF files get ranges on the right lines', () => {
  const document = webhookDoc(`### one\r\nPOST ${URL}1\r\nX-A: 1\r\n\r\n{"a": "{geo}", "b": "{chat-id}"}\r\n`);
  const [diagnostic] = validate(document);
  assert.deepEqual(diagnostic.range, { start: { line: 4, character: 21 }, end: { line: 4, character: 30 } });
});

test('webhook: ranges after an emoji count UTF-16 code units', () => {
  const document = webhookDoc('GET https://x/?e=😀&a={chatid}\n');
  const [diagnostic] = validate(document);
  assert.equal(diagnostic.range.start.character, 'GET https://x/?e=😀&a='.length);
});

// ---- The message dialect ------------------------------------------------------------------------

test('message: known placeholders have no problem', () => {
  const text = 'Hi {{name}} ({{username}}, {{chatId}}, {{createdAt}}) {{fields.geo}} {{tracker.clickid}} {{variables.regLink}}';
  assert.deepEqual(problemsOf(inMessage(text)), []);
});

test('message: unknown key suggests the close one ({{usernme}} → {{username}})', () => {
  assert.deepEqual(onlyProblem(inMessage('Hi {{usernme}}')), {
    code: 'unknown-key',
    covers: '{{usernme}}',
    message: 'Unknown key "usernme" (checked against webhook-fields.json). Did you mean "{{username}}"?',
    fix: '{{username}}',
  });
});

test('message: unknown tracker key suggests the tracker field', () => {
  assert.equal(onlyProblem(inMessage('{{tracker.clikid}}')).fix, '{{tracker.clickid}}');
});

test('message: {username} is wrong-dialect → {{username}}', () => {
  assert.deepEqual(onlyProblem(inMessage('Hi {username}')), {
    code: 'wrong-dialect',
    covers: '{username}',
    message: '"{username}" is the webhook dialect; here write "{{username}}".',
    fix: '{{username}}',
  });
});

test('message: {geo} is wrong-dialect → {{fields.geo}}', () => {
  const problem = onlyProblem(inMessage('From {geo}'));
  assert.equal(problem.code, 'wrong-dialect');
  assert.equal(problem.fix, '{{fields.geo}}');
});

test('message: {tracker.clickid} is wrong-dialect → {{tracker.clickid}}', () => {
  assert.equal(onlyProblem(inMessage('{tracker.clickid}')).fix, '{{tracker.clickid}}');
});

test('message: {{geo}} is bare-field-in-message → {{fields.geo}}', () => {
  assert.deepEqual(onlyProblem(inMessage('{{geo}}')), {
    code: 'bare-field-in-message',
    covers: '{{geo}}',
    message: '"{{geo}}" is a custom field in webhook-fields.json: messages read it through "fields.", write "{{fields.geo}}".',
    fix: '{{fields.geo}}',
  });
});

test('message: {{tracker.geo}} is tracker-namespace-on-custom-field → {{fields.geo}}', () => {
  const problem = onlyProblem(inMessage('{{tracker.geo}}'));
  assert.equal(problem.code, 'tracker-namespace-on-custom-field');
  assert.equal(problem.fix, '{{fields.geo}}');
});

test('message: {{clickid}} is missing-tracker-namespace → {{tracker.clickid}}', () => {
  const problem = onlyProblem(inMessage('{{clickid}}'));
  assert.equal(problem.code, 'missing-tracker-namespace');
  assert.equal(problem.fix, '{{tracker.clickid}}');
});

test('message: {{fields.clickid}} is missing-tracker-namespace → {{tracker.clickid}}', () => {
  const problem = onlyProblem(inMessage('{{fields.clickid}}'));
  assert.equal(problem.code, 'missing-tracker-namespace');
  assert.equal(problem.fix, '{{tracker.clickid}}');
});

test('message: {{chat.tracker.clickid}} is chat-tracker-prefix → {{tracker.clickid}}', () => {
  assert.deepEqual(onlyProblem(inMessage('{{chat.tracker.clickid}}')), {
    code: 'chat-tracker-prefix',
    covers: '{{chat.tracker.clickid}}',
    message: '"chat.tracker." is not a namespace: write "{{tracker.clickid}}".',
    fix: '{{tracker.clickid}}',
  });
});

test('message: {{user.first}} is unknown-namespace naming fields., tracker., variables.', () => {
  const problem = onlyProblem(inMessage('{{user.first}}'));
  assert.equal(problem.code, 'unknown-namespace');
  assert.match(problem.message, /known here: "fields\.", "tracker\.", "variables\."\.$/);
});

test('message: {{stepKey}} is webhook-only-key', () => {
  assert.deepEqual(onlyProblem(inMessage('{{stepKey}}')), {
    code: 'webhook-only-key',
    covers: '{{stepKey}}',
    message: '"stepKey" is only known in webhooks ({stepKey}), not in messages.',
  });
});

test('message: {{user-name}} is invalid-key → {{username}}', () => {
  const problem = onlyProblem(inMessage('{{user-name}}'));
  assert.equal(problem.code, 'invalid-key');
  assert.equal(problem.fix, '{{username}}');
});

test('message: an unclosed {{username at the end of the text is unclosed → {{username}}', () => {
  assert.deepEqual(onlyProblem(inMessage('Hi {{username')), {
    code: 'unclosed-placeholder',
    covers: '{{username',
    message: 'Placeholder "{{username" is not closed, so Chatterfy sends it as literal text: add "}}".',
    fix: '{{username}}',
  });
});

test('message: a half-closed {{username} is unclosed, its range including the single brace', () => {
  const problem = onlyProblem(inMessage('Hi {{username}!'));
  assert.equal(problem.code, 'unclosed-placeholder');
  assert.equal(problem.covers, '{{username}');
  assert.equal(problem.fix, '{{username}}');
});

test('message: the half-closed message asks only for the missing brace', () => {
  const problem = onlyProblem(inMessage('Hi {{username}!'));
  assert.ok(problem.message.endsWith('add "}".'), problem.message);
});

test('message: {{}} is empty-placeholder', () => {
  assert.equal(onlyProblem(inMessage('Hi {{}}')).code, 'empty-placeholder');
});

test('message: {{ username }} is whitespace-in-placeholder → {{username}}', () => {
  const problem = onlyProblem(inMessage('Hi {{ username }}'));
  assert.equal(problem.code, 'whitespace-in-placeholder');
  assert.equal(problem.covers, '{{ username }}');
  assert.equal(problem.fix, '{{username}}');
});

test('message: triple braces around a known key are a valid {{chatId}} with stray braces', () => {
  assert.deepEqual(problemsOf(inMessage('id {{{chatId}}}')), []);
});

// ---- Fixes are fixes -----------------------------------------------------------------------------

/** A fix must leave the place without a problem when it names something known. */
const FIXABLE: [string, () => ReturnType<typeof inUrl>][] = [
  ['{chatid} in a URL', () => inUrl('{chatid}')],
  ['{{tracker.clickid}} in a URL', () => inUrl('{{tracker.clickid}}')],
  ['{fields.geo} in a URL', () => inUrl('{fields.geo}')],
  ['{clickid} in a URL', () => inUrl('{clickid}')],
  ['{stepId} in a URL', () => inUrl('{stepId}')],
  ['{ chatId } in a URL', () => inUrl('{ chatId }')],
  ['{tracker.clickid&x=1 in a URL', () => inUrl('{tracker.clickid&status=lead')],
  ['{{name}} in a URL', () => inUrl('{{name}}')],
  ['{{variables.regLink}} in a URL', () => inUrl('{{variables.regLink}}')],
  ['{username} in a message', () => inMessage('{username}')],
  ['{geo} in a message', () => inMessage('{geo}')],
  ['{stepKey} in a message', () => inMessage('{stepKey}')],
  ['{{geo}} in a message', () => inMessage('{{geo}}')],
  ['{{username} in a message', () => inMessage('{{username}')],
  ['{{chat.tracker.clickid}} in a message', () => inMessage('{{chat.tracker.clickid}}')],
];

for (const [name, make] of FIXABLE) {
  test(`fixes: the fix offered for ${name}, applied, leaves no problem`, () => {
    const document = make();
    const [diagnostic] = validate(document);
    assert.ok(diagnostic, 'expected a problem');
    const fix = (diagnostic.data as { fix?: string } | undefined)?.fix;
    if (fix === undefined) return; // no fix is better than a wrong one
    const fixed = doc(document.uri, applyEdits(document.getText(), [{ range: diagnostic.range, newText: fix }]));
    assert.deepEqual(problemsOf(fixed), [], `fix "${fix}" leaves a problem`);
  });
}

// ---- Angle syntax -------------------------------------------------------------------------------

const angle = () => fieldsContext(ANGLE_FIELDS);

test('angle: <tracker.clickid> and <chatId> in a URL have no problem', () => {
  assert.deepEqual(problemsOf(inUrl('<tracker.clickid>&c=<chatId>'), angle()), []);
});

test('angle: {chatId} in a URL is wrong-placeholder-syntax → <chatId>, naming the fields file', () => {
  assert.deepEqual(onlyProblem(inUrl('{chatId}'), angle()), {
    code: 'wrong-placeholder-syntax',
    covers: '{chatId}',
    message: 'webhook-fields.json sets placeholderSyntax "angle": write "<chatId>" instead of "{chatId}".',
    fix: '<chatId>',
  });
});

test('angle: an unknown <chatid> suggests <chatId>', () => {
  const problem = onlyProblem(inUrl('<chatid>'), angle());
  assert.equal(problem.code, 'unknown-key');
  assert.equal(problem.fix, '<chatId>');
});

test('angle: an unclosed <tracker.clickid in a URL is unclosed → <tracker.clickid>', () => {
  const problem = onlyProblem(inUrl('<tracker.clickid&status=lead'), angle());
  assert.equal(problem.code, 'unclosed-placeholder');
  assert.equal(problem.covers, '<tracker.clickid');
  assert.equal(problem.fix, '<tracker.clickid>');
});

test('angle: <fields.geo> is fields-namespace-in-webhook → <geo>', () => {
  const problem = onlyProblem(inUrl('<fields.geo>'), angle());
  assert.equal(problem.code, 'fields-namespace-in-webhook');
  assert.equal(problem.fix, '<geo>');
});

test('angle: {{tracker.clickid}} in a URL is wrong-dialect → <tracker.clickid>', () => {
  assert.equal(onlyProblem(inUrl('{{tracker.clickid}}'), angle()).fix, '<tracker.clickid>');
});

test('angle: <> in a URL is empty-placeholder, like {}', () => {
  assert.equal(onlyProblem(inUrl('<>'), angle()).code, 'empty-placeholder');
});

test('angle: messages keep the double-brace dialect', () => {
  assert.deepEqual(problemsOf(inMessage('Hi {{username}} <b>bold</b>'), angle()), []);
});

test('angle: the empty object of a JSON body is not flagged', () => {
  assert.deepEqual(problemsOf(webhookDoc(`POST ${URL}<chatId>\n\n{"chat": "<chatId>", "n": {}}\n`), angle()), []);
});

// ---- No false positives -------------------------------------------------------------------------

test('no false positives: a realistic JSON body with nested objects, arrays and empty values', () => {
  const body = [
    '{',
    '  "chat_id": "{chatId}",',
    '  "user": {"name": "{username}", "tags": [], "meta": {}},',
    '  "items": [{}, {"a": 1}, []],',
    '  "empty": "",',
    '  "n": {"x": {"y": {}}},',
    '  "amount": {deposit_amount}',
    '}',
  ].join('\n');
  assert.deepEqual(problemsOf(webhookDoc(`POST ${URL}1\nContent-Type: application/json\n\n${body}\n`)), []);
});

test('no false positives: a script webhook step body with {} and []', () => {
  assert.deepEqual(problemsOf(scriptDoc(webhookStepScript(`${URL}{chatId}`, '{"chat_id": "{chatId}", "n": {}, "a": []}'))), []);
});

test('no false positives: prose with {smile}, {} and [] in a message', () => {
  assert.deepEqual(problemsOf(inMessage('Hi {smile}! Sets look like {} and lists like [] :-{')), []);
});

test('no false positives: braces in YAML keys and comments are never checked', () => {
  const text = [
    '# uses {chatid} and {{geo}}',
    'flows:',
    '  - key: main # {x}',
    '    steps:',
    '      - key: welcome',
    '        type: message',
    '        text: "Hi {{username}}"',
    '        "{weird}": 1',
  ].join('\n');
  assert.deepEqual(problemsOf(scriptDoc(text + '\n')), []);
});

test('no false positives: a GraphQL selection { id } inside a JSON body is not a padded placeholder', () => {
  const body = '{"query": "query { lead(id: 1) { id } }", "variables": {"chat": "{chatId}"}}';
  assert.deepEqual(problemsOf(webhookDoc(`POST ${URL}1\n\n${body}\n`)), []);
});

test('no false positives: XML element tags in an angle project body are markup, not unknown keys', () => {
  const body = '<lead><id><chatId></id><br/></lead>';
  assert.deepEqual(problemsOf(webhookDoc(`POST ${URL}1\nContent-Type: application/xml\n\n${body}\n`), angle()), []);
});

test('no false positives: comments of a .webhook file are never checked', () => {
  assert.deepEqual(problemsOf(webhookDoc(`# try {chatid} later\n// or {{geo}}\nGET ${URL}{chatId}\n`)), []);
});

// ---- Which fields file ---------------------------------------------------------------------------

test('fields file: messages name the fields file by its display name', () => {
  const fields = fieldsContext(DESIGN_FIELDS, 'json', 'config/webhook-fields.json');
  assert.match(onlyProblem(inUrl('{chatid}'), fields).message, /checked against config\/webhook-fields\.json/);
});

test('fields file: bare-field-in-message names the fields file that defines the field', () => {
  const fields = fieldsContext(DESIGN_FIELDS, 'json', 'config/webhook-fields.json');
  assert.match(onlyProblem(inMessage('{{geo}}'), fields).message, /config\/webhook-fields\.json/);
});

test('no fields file: built-ins are known', () => {
  assert.deepEqual(problemsOf(inUrl('{chatId}&u={username}&s={stepKey}'), noFields()), []);
});

test('no fields file: a custom key is unknown, and the message says no fields file was found', () => {
  assert.deepEqual(onlyProblem(inUrl('{geo}'), noFields()), {
    code: 'unknown-key',
    covers: '{geo}',
    message: `Unknown key "geo" (checked against ${NO_FILE}).`,
  });
});

test('no fields file: tracker keys are unknown', () => {
  assert.equal(onlyProblem(inUrl('{tracker.clickid}'), noFields()).code, 'unknown-key');
});

test('no fields file: a typo of a built-in still gets its suggestion', () => {
  assert.equal(onlyProblem(inUrl('{chatid}'), noFields()).fix, '{chatId}');
});

test('diagnostics are errors from the webhook-templates source, with the code as a string', () => {
  const [diagnostic] = validate(inUrl('{chatid}'));
  assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
  assert.equal(diagnostic.source, 'webhook-templates');
  assert.equal(diagnostic.code, 'unknown-key');
});

test('a document that is no template gets no diagnostics', () => {
  assert.deepEqual(service().templateDiagnostics(doc('file:///project/notes.yaml', 'a: "{chatid}"\n'), fieldsContext()), []);
});

// ---- Bot variable values in the fields file ------------------------------------------------------

function fieldsFileProblems(text: string, uri = 'file:///project/webhook-fields.json') {
  const document = doc(uri, text);
  return service().fieldsFileDiagnostics(document, uri.slice(uri.lastIndexOf('/') + 1)).map((diagnostic) => ({
    code: String(diagnostic.code),
    covers: text.slice(document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end)),
    message: diagnostic.message,
  }));
}

test('fields file: a correct bot variable value has no problem', () => {
  assert.deepEqual(fieldsFileProblems(DESIGN_FIELDS), []);
});

test('fields file: a bot variable value is checked as message text against the file itself', () => {
  const text = DESIGN_FIELDS.replace('{{tracker.clickid}}', '{{tracker.clikid}}');
  assert.deepEqual(fieldsFileProblems(text), [{
    code: 'unknown-key',
    covers: '{{tracker.clikid}}',
    message: 'Unknown key "tracker.clikid" (checked against webhook-fields.json). Did you mean "{{tracker.clickid}}"?',
  }]);
});

test('fields file: a webhook-dialect placeholder in a bot variable value is wrong-dialect', () => {
  const text = DESIGN_FIELDS.replace('{{tracker.clickid}}', '{tracker.clickid}');
  assert.deepEqual(fieldsFileProblems(text).map((p) => `${p.code} ${p.covers}`), ['wrong-dialect {tracker.clickid}']);
});

test('fields file: a YAML bot variable value is checked too', () => {
  const text = 'customFields:\n  geo:\n    type: text\nbotVariables:\n  hello:\n    value: "Hi {{geo}}"\n';
  assert.deepEqual(fieldsFileProblems(text, 'file:///project/webhook-fields.yaml').map((p) => `${p.code} ${p.covers}`), ['bare-field-in-message {{geo}}']);
});

test('fields file: descriptions are not template text', () => {
  const text = DESIGN_FIELDS.replace('"Registration link"', '"Link with {chatid} and {{geo}}"');
  assert.deepEqual(fieldsFileProblems(text), []);
});
