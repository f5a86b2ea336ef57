// Specifies receiver-wrong-type, table-driven: a literal or a placeholder that cannot be the number or integer a receiver reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import type { FieldsContext } from '../../server/src/core/base/types';
import { docAt, fieldsContext, noFields, service, webhookDoc, WEBHOOK_URI } from './core-helpers';
import { checked, fixesOf } from './receivers-helpers';

const FIELDS = `{
  "customFields": {
    "deposit_amount": { "type": "number", "example": 150 },
    "reg_date": { "type": "date", "example": "2030-01-30T10:20:30Z" },
    "geo": { "type": "select", "items": ["KZ", "UZ"], "example": "KZ" },
    "tier": { "type": "select", "items": ["1", "2", "3"], "example": "1" },
    "bonus": { "type": "select", "items": ["1.5", "2"], "example": "2" },
    "tags": { "type": "multiselect", "items": ["10", "20"], "example": ["10"] },
    "flags": { "type": "multiselect", "items": ["a", "b"], "example": ["a"] },
    "trader_id": { "type": "text", "example": "TR-20931" },
    "amount_text": { "type": "text", "example": "150" },
    "note": { "type": "long-text" },
    "site": { "type": "link", "example": "https://partner.example.com/u/1" },
    "secret_amount": { "type": "text", "example": "abc" }
  },
  "trackerFields": {
    "clickid": { "example": "7f3a9c01" },
    "payout": { "example": "12.5" },
    "cost": { "description": "no example" }
  },
  "profiles": {
    "lead": { "amount_text": "abc", "trader_id": "42", "tracker.payout": "7", "tracker.cost": "x1", "secret_amount": "\${env:SECRET_AMOUNT}" }
  }
}`;

const noProfile = (): FieldsContext => fieldsContext(FIELDS);
const lead = (): FieldsContext => ({ ...fieldsContext(FIELDS), profile: 'lead' });

const KEITARO = 'https://k.example.com/25123a/postback?subid={tracker.clickid}&status=lead&payout=';
const UPDATE = 'https://app.chatterfy.ai/api/bots/webhooks/3f1c2a9e/updateDialog?chatId=';

interface TypeCase {
  url: string;
  fields?: () => FieldsContext;
  /** The message of the one receiver-wrong-type finding (on the value), or undefined when the value fits or cannot be told. */
  message?: string;
}

const CASES: TypeCase[] = [
  // Built-ins, by their types.
  { url: `${KEITARO}{username}`, message: 'Keitaro reads "payout" as a number; {username} is text (a Telegram username).' },
  { url: `${KEITARO}{stepKey}`, message: 'Keitaro reads "payout" as a number; {stepKey} is text (the key of the step the user is on).' },
  { url: `${KEITARO}{createdAt}`, message: 'Keitaro reads "payout" as a number; {createdAt} is a date and time (when the dialogue started).' },
  { url: `${KEITARO}{chatId}` },
  { url: `${UPDATE}{username}`, message: 'Chatterfy updateDialog reads "chatId" as an integer; {username} is text (a Telegram username).' },
  { url: `${UPDATE}{createdAt}`, message: 'Chatterfy updateDialog reads "chatId" as an integer; {createdAt} is a date and time (when the dialogue started).' },
  { url: `${UPDATE}{chatId}` },
  // Custom fields, by their types.
  { url: `${KEITARO}{deposit_amount}` },
  { url: `${UPDATE}{deposit_amount}` },
  { url: `${KEITARO}{reg_date}`, message: 'Keitaro reads "payout" as a number; {reg_date} is a date field in webhook-fields.json.' },
  { url: `${KEITARO}{geo}`, message: 'Keitaro reads "payout" as a number; {geo} is a "select" field in webhook-fields.json, and its choice "KZ" is not a number.' },
  { url: `${KEITARO}{tier}` },
  { url: `${KEITARO}{bonus}` },
  { url: `${UPDATE}{bonus}`, message: 'Chatterfy updateDialog reads "chatId" as an integer; {bonus} is a "select" field in webhook-fields.json, and its choice "1.5" is not an integer.' },
  { url: `${KEITARO}{tags}` },
  { url: `${KEITARO}{flags}`, message: 'Keitaro reads "payout" as a number; {flags} is a "multiselect" field in webhook-fields.json, and its choice "a" is not a number.' },
  // Text-like fields, by the value they would send: the example without a profile.
  { url: `${KEITARO}{trader_id}`, message: 'Keitaro reads "payout" as a number; {trader_id} has the example "TR-20931" in webhook-fields.json, which is not a number.' },
  { url: `${KEITARO}{amount_text}` },
  { url: `${KEITARO}{note}` },
  { url: `${KEITARO}{site}`, message: 'Keitaro reads "payout" as a number; {site} has the example "https://partner.example.com/u/1" in webhook-fields.json, which is not a number.' },
  { url: `${KEITARO}{tracker.payout}` },
  { url: `${UPDATE}{tracker.payout}`, message: 'Chatterfy updateDialog reads "chatId" as an integer; {tracker.payout} has the example "12.5" in webhook-fields.json, which is not an integer.' },
  { url: `${KEITARO}{tracker.clickid}`, message: 'Keitaro reads "payout" as a number; {tracker.clickid} has the example "7f3a9c01" in webhook-fields.json, which is not a number.' },
  { url: `${KEITARO}{tracker.cost}` },
  // ...and the active profile's value where it has one.
  { url: `${KEITARO}{trader_id}`, fields: lead },
  { url: `${KEITARO}{amount_text}`, fields: lead, message: 'Keitaro reads "payout" as a number; {amount_text} has the value "abc" in profile "lead", which is not a number.' },
  { url: `${UPDATE}{tracker.payout}`, fields: lead },
  { url: `${KEITARO}{tracker.cost}`, fields: lead, message: 'Keitaro reads "payout" as a number; {tracker.cost} has the value "x1" in profile "lead", which is not a number.' },
  { url: `${KEITARO}{secret_amount}`, fields: lead },
  { url: `${KEITARO}{amount_text}`, fields: () => ({ ...fieldsContext(FIELDS), profile: 'no-such-profile' }) },
  // What is not one correct placeholder is not judged as one.
  { url: `${KEITARO}{unknown_key}` },
  { url: `${KEITARO}{{username}}` },
  { url: `${KEITARO}{deposit_amount}.00` },
  { url: `${KEITARO}{username}{chatId}` },
  { url: `${KEITARO}%7Busername%7D` },
  // Literals.
  { url: `${KEITARO}abc`, message: 'Keitaro reads "payout" as a number; "abc" is not a number.' },
  { url: `${KEITARO}1,5`, message: 'Keitaro reads "payout" as a number; "1,5" is not a number.' },
  { url: `${KEITARO}10.50` },
  { url: `${KEITARO}-3` },
  { url: `${KEITARO}.5` },
  { url: `${KEITARO}%31%30` },
  { url: KEITARO },
  // Every number the tables name.
  { url: 'https://k.example.com/a/postback?subid=1&status=lead&revenue={username}', message: 'Keitaro reads "revenue" as a number; {username} is text (a Telegram username).' },
  { url: 'https://k.example.com/a/postback?subid=1&status=lead&cost=free', message: 'Keitaro reads "cost" as a number; "free" is not a number.' },
  { url: 'https://b.example.com/click.php?cnv_id=1&payout={reg_date}', message: 'Binom reads "payout" as a number; {reg_date} is a date field in webhook-fields.json.' },
  { url: 'https://abc.voluumtrk.com/postback?cid=1&payout={username}', message: 'Voluum reads "payout" as a number; {username} is text (a Telegram username).' },
  { url: 'https://abc.rdtk.io/postback?clickid=1&sum={createdAt}', message: 'RedTrack reads "sum" as a number; {createdAt} is a date and time (when the dialogue started).' },
  {
    url: 'https://api.chatterfy.ai/api/postbacks/u1/tracker-postback?clickid={sub1}&tracker.cost={username}',
    message: 'Chatterfy tracker postback reads "tracker.cost" as a number; {username} is text (a Telegram username).',
  },
  { url: 'https://api.chatterfy.ai/api/postbacks/u1/tracker-postback?clickid={sub1}&tracker.cost={amount}' },
  // Parameters read as text are never judged.
  { url: 'https://k.example.com/a/postback?subid=1&status=lead&sub_id_1={createdAt}&tid={username}' },
];

for (const { url, fields = noProfile, message } of CASES) {
  const profile = fields().profile;
  test(`${message === undefined ? 'fits or cannot be told' : 'wrong type'}${profile ? ` (profile ${profile})` : ''}: ${url}`, () => {
    const problems = checked(url, fields()).filter((problem) => problem.code === 'receiver-wrong-type');
    assert.deepEqual(problems.map((problem) => problem.message), message === undefined ? [] : [message]);
    if (message !== undefined) assert.equal(problems[0].covers, url.slice(url.lastIndexOf('=') + 1));
  });
}

test('a wrong type is an error', () => {
  const { diagnostics } = fixesOf(`${KEITARO}{username}`, noProfile());
  assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['receiver-wrong-type', 1]]);
});

const PLAIN = 'https://k.example.com/25123a/postback?subid=1&status=lead&payout=';

test('without a fields file the built-ins are still judged, unknown keys are not', () => {
  assert.deepEqual(checked(`${PLAIN}{username}`, noFields()).map((problem) => problem.code), ['receiver-wrong-type']);
  assert.deepEqual(checked(`${PLAIN}{geo}`, noFields()).map((problem) => problem.code), ['unknown-key']);
});

test('with angle syntax the placeholder <username> is judged', () => {
  const angle = fieldsContext(FIELDS.replace('{\n  "customFields"', '{\n  "placeholderSyntax": "angle",\n  "customFields"'));
  assert.deepEqual(checked(`${PLAIN}<username>`, angle).map((problem) => problem.code), ['receiver-wrong-type']);
  assert.deepEqual(checked(`${PLAIN}<deposit_amount>`, angle).map((problem) => problem.code), []);
});

test('a literal non-integer chatId keeps its own code', () => {
  assert.deepEqual(checked(`${UPDATE}12.5`, noProfile()).map((problem) => problem.code), ['receiver-not-integer']);
});

test('the same document version is judged again when the active profile changes (results are not reused across profiles)', () => {
  const templates = service();
  const document = webhookDoc(`GET ${KEITARO}{amount_text}\n`);
  const codes = (fields: FieldsContext) => templates.templateDiagnostics(document, fields).map((diagnostic) => diagnostic.code);
  const source = fieldsContext(FIELDS);
  assert.deepEqual(codes(source), []);
  assert.deepEqual(codes({ ...source, profile: 'lead' }), ['receiver-wrong-type']);
  assert.deepEqual(codes(source), []);
});

test('hover on a number parameter says the receiver reads a number', () => {
  const { document, position } = docAt(WEBHOOK_URI, 'GET https://k.example.com/a/postback?subid=1&pay|out=1\n');
  const value = (service().hover(document, position, noProfile())?.contents as MarkupContent).value;
  assert.equal(value, '`payout` — Keitaro\n\nConversion revenue.\n\nA number.');
});
