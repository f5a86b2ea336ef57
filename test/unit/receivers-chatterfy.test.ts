// Specifies Chatterfy's inbound links (updateDialog, tracker-postback) and the partner macros in their query values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldsContext, noFields, service, webhookDoc } from './core-helpers';
import { checked, findings, fixesOf } from './receivers-helpers';

const UPDATE = 'https://app.chatterfy.ai/api/bots/webhooks/3f1c2a9e-7b4d-4e8a-9c21-5d6e7f8a9b0c/updateDialog';
const POSTBACK = 'https://api.chatterfy.ai/api/postbacks/3f1c2a9e-7b4d-4e8a-9c21-5d6e7f8a9b0c/tracker-postback';

test('updateDialog: a correct round trip has no findings', () => {
  assert.deepEqual(findings(`${UPDATE}?chatId={chatId}&stepId=7d9e&status=manual&fields.geo={geo}`), []);
});

test('updateDialog: chatId is required', () => {
  assert.deepEqual(findings(`${UPDATE}?status=auto`), [['receiver-missing-parameter', '/api/bots/webhooks/3f1c2a9e-7b4d-4e8a-9c21-5d6e7f8a9b0c/updateDialog']]);
  assert.equal(fixesOf(`${UPDATE}?status=auto`).apply('Add chatId={chatId}'), `${UPDATE}?status=auto&chatId={chatId}`);
});

for (const value of ['12.5', 'abc', '1e9']) {
  test(`updateDialog: chatId=${value} is not an integer`, () => {
    assert.deepEqual(findings(`${UPDATE}?chatId=${value}`), [['receiver-not-integer', value]]);
  });
}

test('updateDialog: an empty chatId= is a missing chatId, not a wrong number', () => {
  assert.deepEqual(findings(`${UPDATE}?chatId=&status=auto`), [['receiver-missing-parameter', 'chatId=']]);
  assert.equal(fixesOf(`${UPDATE}?chatId=&status=auto`).apply('Change to chatId={chatId}'), `${UPDATE}?chatId={chatId}&status=auto`);
});

test('tracker-postback: an empty clickid= is a missing clickid', () => {
  assert.deepEqual(findings(`${POSTBACK}?clickid=&tracker.event=sale`), [['receiver-missing-parameter', 'clickid=']]);
});

test('updateDialog: a literal or negative integer chatId and a macro chatId are fine', () => {
  assert.deepEqual(findings(`${UPDATE}?chatId=-100482913377`), []);
  assert.deepEqual(findings(`${UPDATE}?chatId={chat_id}`), []);
});

test('updateDialog: status must be auto, manual or blocked', () => {
  const url = `${UPDATE}?chatId=1&status=finished`;
  assert.deepEqual(findings(url), [['receiver-value-not-allowed', 'finished']]);
  assert.deepEqual(fixesOf(url).titles, ['Change to status=auto', 'Change to status=manual', 'Change to status=blocked']);
});

test('updateDialog: fields.KEY names a custom field; a typo is a warning with a did-you-mean rename', () => {
  const url = `${UPDATE}?chatId=1&fields.goe=KZ`;
  const [problem] = checked(url);
  assert.deepEqual([problem.code, problem.covers], ['receiver-unknown-field', 'fields.goe']);
  assert.equal(problem.message, '"fields.goe" is not a custom field in webhook-fields.json: the call would create a new field. Did you mean "fields.geo"?');
  assert.equal(fixesOf(url).apply('Rename to fields.geo'), `${UPDATE}?chatId=1&fields.geo=KZ`);
});

test('updateDialog: an unknown field far from any known one offers to add it to the fields file', () => {
  const { titles } = fixesOf(`${UPDATE}?chatId=1&fields.partner_ref=x`);
  assert.deepEqual(titles, ['Add "partner_ref" to customFields in webhook-fields.json']);
});

test('updateDialog: without a fields file, fields.KEY is not judged', () => {
  assert.deepEqual(findings(`${UPDATE}?chatId=1&fields.anything=x`, noFields()), []);
});

test('tracker-postback: a correct postback with partner macros has no findings at all', () => {
  const url = `${POSTBACK}?clickid={sub1}&tracker.event=sale&tracker.cost={amount}&tracker.currency=[currency]&tracker.tid=#s2#&fields.geo={geo_code}`;
  assert.deepEqual(findings(url), []);
});

test('tracker-postback: clickid is required', () => {
  assert.deepEqual(findings(`${POSTBACK}?tracker.event=sale`).map(([code]) => code), ['receiver-missing-parameter']);
});

test('tracker-postback: a custom event is information, with fixes to the standard ones', () => {
  const url = `${POSTBACK}?clickid={sub1}&tracker.event=deposit`;
  const [problem] = checked(url);
  assert.deepEqual([problem.code, problem.covers], ['receiver-custom-value', 'deposit']);
  assert.equal(fixesOf(url).diagnostics[0].severity, 3);
  assert.deepEqual(fixesOf(url).titles, ['Change to tracker.event=registration', 'Change to tracker.event=sale', 'Change to tracker.event=resale']);
});

test('partner macros are never reported as unknown keys, with or without a fields file', () => {
  const url = `${POSTBACK}?clickid={sub1}&tracker.cost={amount}&tracker.tid={event_id}`;
  assert.deepEqual(findings(url), []);
  assert.deepEqual(findings(url, noFields()), []);
});

test('the same {sub1} outside an inbound link is still our unknown key', () => {
  assert.deepEqual(findings('https://crm.example.com/x?a={sub1}').map(([code]) => code), ['missing-tracker-namespace']);
});

test('in an inbound link, a built-in, a custom field and a namespaced key stay placeholders and are checked', () => {
  assert.deepEqual(findings(`${UPDATE}?chatId={chatid}&fields.geo={tracker.clikid}`), [
    ['unknown-key', '{chatid}'],
    ['unknown-key', '{tracker.clikid}'],
  ]);
});

test('expansion sends partner macros as written and fills our placeholders', () => {
  const document = webhookDoc(`GET ${POSTBACK}?clickid={sub1}&tracker.cost=[amount]&tracker.tid=#s2#&fields.geo={geo}&chat={chatId}\n`);
  const expanded = service().expandedRequest(document, 0, fieldsContext(), undefined, {});
  assert.equal(expanded?.url, `${POSTBACK}?clickid={sub1}&tracker.cost=[amount]&tracker.tid=#s2#&fields.geo=KZ&chat=482913377`);
  assert.deepEqual(expanded?.unresolved, []);
});

test('partner macros are not field usages (references and rename never touch them)', () => {
  const document = webhookDoc(`GET ${POSTBACK}?clickid={sub1}&fields.geo={geo}\n`);
  const usages = service().usages(document, fieldsContext()).map((usage) => usage.key);
  assert.deepEqual(usages, ['geo']);
});

test('#s2# in the query is a macro, not the start of the fragment', () => {
  assert.deepEqual(findings(`${POSTBACK}?tracker.tid=#s2#&clickid={sub1}`), []);
});
