// Specifies "Explain a delivered webhook": requests as Chatterfy's Logs → Webhooks and trackers' logs show them,
// matched back to the workspace's templates, each placeholder lined up with what arrived, what was lost named with
// the checker's own codes. Table-driven over the trackers' own URL shapes; malformed input never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTemplateService, type DeliveredInput, type Explanation, type WorkspaceTemplate } from '../../server/src/core/index';
import { doc, fieldsContext } from './core-helpers';

const fields = fieldsContext();

const KEITARO = `### Keitaro lead
GET https://keitaro.example.com/25123a/postback?subid={tracker.clickid}&status=lead&sub_id_1={username}&sub_id_2={chatId}

### Keitaro sale
GET https://keitaro.example.com/25123a/postback?subid={tracker.clickid}&status=sale&payout={deposit_amount}&sub_id_1={username}&sub_id_2={chatId}
`;

const TRACKERS = `### Binom deposit
GET https://binom.example.com/click.php?cnv_id={tracker.clickid}&payout={deposit_amount}&cnv_status=deposit

### Voluum lead
GET https://abc.voluumtrk.com/postback?cid={tracker.clikid}&et=lead&txid={chatId}

### RedTrack purchase
GET https://x.rdtk.io/postback?clickid={tracker.clickid}&type=Purchase&sum={trader_id}
`;

const SCRIPT = `flows:
  - key: main
    steps:
      - key: qualified
        type: webhook
        url: 'https://app.chatterfy.ai/api/bots/webhooks/3f1c0b1e/updateDialog?chatId={chatid}&status=auto&fields.geo={geo}'
      - key: partner_sale
        type: webhook
        url: 'https://api.chatterfy.ai/api/postbacks/9a8b7c6d/tracker-postback?clickid={sub1}&tracker.event=sale&tracker.cost={amount}'
`;

const CRM = `### CRM lead
POST https://crm.example.com/api/leads
Content-Type: application/json

{"username": "{username}", "chat_id": "{chatId}", "clickid": "{tracker.clickid}", "geo": "{geo}", "amount": {deposit_amount}}
`;

const WORKSPACE: WorkspaceTemplate[] = [
  { document: doc('file:///project/keitaro.webhook', KEITARO), fields },
  { document: doc('file:///project/trackers.webhook', TRACKERS), fields },
  { document: doc('file:///project/bot.script.yaml', SCRIPT), fields },
  { document: doc('file:///project/crm.webhook', CRM), fields },
  { document: doc('file:///project/webhook-fields.json', '{}'), fields },
];

const service = createTemplateService();

function explain(delivered: string | DeliveredInput, templates: readonly WorkspaceTemplate[] = WORKSPACE): Explanation {
  return service.explainDelivered(typeof delivered === 'string' ? { text: delivered } : delivered, templates);
}

/** `kind code parameter` of every finding, for comparing. */
function kinds(explanation: Explanation): string[] {
  return explanation.findings.map((finding) => [finding.kind, finding.code ?? '-', finding.parameter ?? '-'].join(' '));
}

/** `placeholder state value` of every lined-up placeholder. */
function lined(explanation: Explanation): string[] {
  return explanation.placeholders.map((item) => `${item.placeholder} ${item.state}${item.value === undefined ? '' : ` ${JSON.stringify(item.value)}`}`);
}

interface Case {
  name: string;
  delivered: string | DeliveredInput;
  /** The request name of the template it is matched to. */
  template: string;
  placeholders?: string[];
  findings: string[];
  lost: boolean;
  /** A pattern each finding's message must match, by kind. */
  messages?: Record<string, RegExp>;
  record?: string;
}

const CASES: Case[] = [
  {
    name: 'Keitaro lead as it should arrive: every value in place, nothing lost',
    delivered: 'https://keitaro.example.com/25123a/postback?subid=67wgwWkaR0&status=lead&sub_id_1=ivan_petrov&sub_id_2=482913377',
    template: 'Keitaro lead',
    placeholders: ['{tracker.clickid} value "67wgwWkaR0"', '{username} value "ivan_petrov"', '{chatId} value "482913377"'],
    findings: [],
    lost: false,
    record: 'Keitaro records "lead" on click 67wgwWkaR0.',
  },
  {
    name: 'Keitaro: {username} empty for a user without a Telegram username',
    delivered: 'https://keitaro.example.com/25123a/postback?subid=67wgwWkaR0&status=lead&sub_id_1=&sub_id_2=482913377',
    template: 'Keitaro lead',
    findings: ['empty - sub_id_1'],
    lost: true,
    messages: { empty: /\{username\} arrived empty in "sub_id_1": Empty for users without a Telegram username/ },
  },
  {
    name: 'Keitaro: tracker.clickid empty for a user who came without a tracker link, and Keitaro records nothing',
    delivered: 'GET https://keitaro.example.com/25123a/postback?subid=&status=lead&sub_id_1=ivan&sub_id_2=482913377',
    template: 'Keitaro lead',
    findings: ['empty receiver-missing-parameter subid'],
    lost: true,
    messages: { empty: /\{tracker\.clickid\} arrived empty in "subid": Empty for users who did not come through a tracker campaign link\. Keitaro requires it/ },
  },
  {
    name: 'a tracker access log: the path with a Host header, HTTP version and a trailing newline',
    delivered: 'GET /25123a/postback?subid=67wgwWkaR0&status=sale&payout=150&sub_id_1=ivan&sub_id_2=482913377 HTTP/1.1\nHost: keitaro.example.com\nUser-Agent: Chatterfy\n',
    template: 'Keitaro sale',
    findings: [],
    lost: false,
  },
  {
    name: 'an older version of the template sent one parameter more: named, nothing lost',
    delivered: '  https://keitaro.example.com/25123a/postback?subid=67wgwWkaR0&status=lead&sub_id_1=ivan&sub_id_2=482913377&sub_id_3=fb  \n',
    template: 'Keitaro lead',
    findings: ['not-in-template - sub_id_3'],
    lost: false,
    messages: { 'not-in-template': /"sub_id_3" arrived, but the template does not have it/ },
  },
  {
    name: 'Keitaro: payout arrived as text, which Keitaro cannot read as a number',
    delivered: 'https://keitaro.example.com/25123a/postback?subid=67wgwWkaR0&status=sale&payout=abc&sub_id_1=ivan&sub_id_2=482913377',
    template: 'Keitaro sale',
    findings: ['wrong-type receiver-wrong-type payout'],
    lost: true,
    messages: { 'wrong-type': /Keitaro reads "payout" as a number; "abc" is not a number/ },
  },
  {
    name: 'Voluum: %7Btracker.clikid%7D arrived percent-encoded, the unknown key named with the checker\'s code',
    delivered: 'https://abc.voluumtrk.com/postback?cid=%7Btracker.clikid%7D&et=lead&txid=482913377',
    template: 'Voluum lead',
    placeholders: ['{tracker.clikid} literal "{tracker.clikid}"', '{chatId} value "482913377"'],
    findings: ['literal unknown-key cid'],
    lost: true,
    messages: { literal: /\{tracker\.clikid\} arrived as written in "cid" \(percent-encoded: %7Btracker\.clikid%7D\): Chatterfy did not replace it\. Unknown key "tracker\.clikid".*Did you mean "\{tracker\.clickid\}"\?/ },
  },
  {
    name: 'Binom: payout of a custom field that had no value yet',
    delivered: 'https://binom.example.com/click.php?cnv_id=67wgwWkaR0&payout=&cnv_status=deposit',
    template: 'Binom deposit',
    findings: ['empty - payout'],
    lost: true,
    messages: { empty: /\{deposit_amount\} arrived empty in "payout": the custom field "deposit_amount" had no value/ },
  },
  {
    name: 'RedTrack: sum arrived as text',
    delivered: 'https://x.rdtk.io/postback?clickid=r1&type=Purchase&sum=abc',
    template: 'RedTrack purchase',
    findings: ['wrong-type receiver-wrong-type sum'],
    lost: true,
  },
  {
    name: 'Chatterfy updateDialog: a raw {chatid} arrived, since the template has the typo',
    delivered: 'https://app.chatterfy.ai/api/bots/webhooks/3f1c0b1e/updateDialog?chatId={chatid}&status=auto&fields.geo=KZ',
    template: 'qualified',
    placeholders: ['{chatid} literal "{chatid}"', '{geo} value "KZ"'],
    findings: ['literal unknown-key chatId'],
    lost: true,
    messages: { literal: /\{chatid\} arrived as written in "chatId" \(not encoded\): Chatterfy did not replace it\. Unknown key "chatid".*"\{chatId\}"/ },
  },
  {
    name: 'Chatterfy tracker-postback called by a partner network: its macros filled, nothing of ours to line up',
    delivered: 'https://api.chatterfy.ai/api/postbacks/9a8b7c6d/tracker-postback?clickid=67wgwWkaR0&tracker.event=sale&tracker.cost=25',
    template: 'partner_sale',
    placeholders: [],
    findings: [],
    lost: false,
    record: 'Chatterfy tracker postback records the event "sale" of 25 for the user with click id 67wgwWkaR0.',
  },
  {
    name: 'a JSON POST to a CRM as Logs → Webhooks shows it: an empty username in the body',
    delivered: 'POST https://crm.example.com/api/leads\nContent-Type: application/json\n\n{"username": "", "chat_id": "482913377", "clickid": "67wgwWkaR0", "geo": "KZ", "amount": 150}',
    template: 'CRM lead',
    placeholders: ['{username} empty ""', '{chatId} value "482913377"', '{tracker.clickid} value "67wgwWkaR0"', '{geo} value "KZ"', '{deposit_amount} value "150"'],
    findings: ['empty - username'],
    lost: true,
    messages: { empty: /\{username\} arrived empty in the body's "username"/ },
  },
  {
    name: 'a JSON body right after the URL line, without method or blank line, a literal placeholder in it',
    delivered: 'https://crm.example.com/api/leads\n{"username": "ivan", "chat_id": "482913377", "clickid": "{tracker.clickid}", "geo": "KZ", "amount": 150}',
    template: 'CRM lead',
    findings: ['literal - clickid'],
    lost: true,
    messages: { literal: /The fields file defines this key, but the bot may have no such field/ },
  },
  {
    name: 'a URL with a log\'s label and quotes around it',
    delivered: 'URL: "https://keitaro.example.com/25123a/postback?subid=67wgwWkaR0&status=lead&sub_id_1=ivan&sub_id_2=482913377"',
    template: 'Keitaro lead',
    findings: [],
    lost: false,
  },
  {
    name: 'a truncated percent-encoding (%E0%A4%A): said for its parameter, the rest still lined up',
    delivered: 'https://keitaro.example.com/25123a/postback?subid=67wgwWkaR0&status=lead&sub_id_1=%E0%A4%A&sub_id_2=482913377',
    template: 'Keitaro lead',
    placeholders: ['{tracker.clickid} value "67wgwWkaR0"', '{username} value "%E0%A4%A"', '{chatId} value "482913377"'],
    findings: ['undecodable - sub_id_1'],
    lost: true,
    messages: { undecodable: /The value of "sub_id_1" does not decode \(%E0%A4%A\)/ },
  },
  {
    name: 'sent with another method than the template\'s',
    delivered: 'POST https://keitaro.example.com/25123a/postback?subid=67wgwWkaR0&status=lead&sub_id_1=ivan&sub_id_2=482913377',
    template: 'Keitaro lead',
    findings: ['method-differs - -'],
    lost: false,
  },
];

for (const item of CASES) {
  test(`explain: ${item.name}`, () => {
    const explanation = explain(item.delivered);
    assert.equal(explanation.error, undefined, explanation.error);
    assert.equal(explanation.template?.request, item.template, `matched ${JSON.stringify(explanation.template)}; others ${JSON.stringify(explanation.others)}`);
    if (item.placeholders) assert.deepEqual(lined(explanation), item.placeholders);
    assert.deepEqual(kinds(explanation), item.findings, JSON.stringify(explanation.findings, null, 2));
    assert.equal(explanation.lost, item.lost);
    for (const [kind, pattern] of Object.entries(item.messages ?? {})) {
      const finding = explanation.findings.find((candidate) => candidate.kind === kind);
      assert.match(finding?.message ?? '', pattern);
    }
    if (item.record) assert.equal(explanation.record?.summary, item.record);
  });
}

test('the matched template is named by its file and the zero-based line of its URL', () => {
  const { template } = explain('https://keitaro.example.com/25123a/postback?subid=a&status=sale&payout=1&sub_id_1=b&sub_id_2=1');
  assert.deepEqual(template && { uri: template.uri, line: template.line, method: template.method }, { uri: 'file:///project/keitaro.webhook', line: 4, method: 'GET' });
  assert.equal(template?.url, 'https://keitaro.example.com/25123a/postback?subid={tracker.clickid}&status=sale&payout={deposit_amount}&sub_id_1={username}&sub_id_2={chatId}');
});

test('a near-identical template is listed beside the best one, which is chosen by its literal values (status=lead)', () => {
  const explanation = explain('https://keitaro.example.com/25123a/postback?subid=a&status=lead&sub_id_1=b&sub_id_2=1');
  assert.equal(explanation.template?.request, 'Keitaro lead');
  assert.deepEqual(explanation.others.map((other) => other.request), ['Keitaro sale']);
  assert.ok(explanation.others[0].score < explanation.template!.score);
  assert.equal(explanation.ambiguous, false);
});

test('templates with the same parameters are told apart by their literal values: status=sale picks the sale postback', () => {
  const twins = `### lead
GET https://keitaro.example.com/25123a/postback?subid={tracker.clickid}&status=lead&sub_id_1={username}

### sale
GET https://keitaro.example.com/25123a/postback?subid={tracker.clickid}&status=sale&sub_id_1={username}
`;
  const explanation = explain('https://keitaro.example.com/25123a/postback?subid=a&status=sale&sub_id_1=b', [{ document: doc('file:///project/twins.webhook', twins), fields }]);
  assert.equal(explanation.template?.request, 'sale');
  assert.deepEqual(explanation.others.map((other) => other.request), ['lead']);
  assert.equal(explanation.ambiguous, false);
});

test('two templates that fit equally: the first in workspace order is lined up, the other listed, the match ambiguous', () => {
  const copy: WorkspaceTemplate = { document: doc('file:///project/old/keitaro-copy.webhook', KEITARO.replace('### Keitaro lead', '### Keitaro lead (copy)')), fields };
  const explanation = explain('https://keitaro.example.com/25123a/postback?subid=a&status=lead&sub_id_1=b&sub_id_2=1', [WORKSPACE[0], copy]);
  assert.equal(explanation.template?.request, 'Keitaro lead');
  assert.deepEqual(explanation.others.map((other) => `${other.uri} ${other.request}`).slice(0, 1), ['file:///project/old/keitaro-copy.webhook Keitaro lead (copy)']);
  assert.equal(explanation.ambiguous, true);
});

test('between templates that score alike, the one whose placeholder arrived verbatim sent it: not ambiguous', () => {
  const versions = `### dialect mistake
GET https://keitaro.example.com/25123a/postback?subid={{tracker.clickid}}&status=lead

### typo
GET https://keitaro.example.com/25123a/postback?subid={tracker.clikid}&status=lead
`;
  const explanation = explain('https://keitaro.example.com/25123a/postback?subid=%7Btracker.clikid%7D&status=lead', [{ document: doc('file:///project/v.webhook', versions), fields }]);
  assert.equal(explanation.template?.request, 'typo');
  assert.deepEqual(explanation.others.map((other) => other.request), ['dialect mistake']);
  assert.equal(explanation.others[0].score, explanation.template?.score);
  assert.equal(explanation.ambiguous, false);
  assert.deepEqual(kinds(explanation), ['literal unknown-key subid']);
});

test('a request no template fits: a clear message, no template, and still what the receiver recorded', () => {
  const explanation = explain('https://other-tracker.example.org/7777/postback?subid=67wgwWkaR0&status=lead');
  assert.equal(explanation.template, undefined);
  assert.match(explanation.noMatch ?? '', /No request of the workspace \(8 with a URL\) has the host or path of this one/);
  assert.equal(explanation.record?.summary, 'Keitaro records "lead" on click 67wgwWkaR0.');
});

test('a workspace without templates: said so', () => {
  assert.match(explain('https://keitaro.example.com/25123a/postback?subid=a', []).noMatch ?? '', /The workspace has no request with a URL/);
});

test('a template from an older version: its own parameter that did not arrive is named; a required one is lost', () => {
  const older = explain('https://keitaro.example.com/25123a/postback?status=lead&sub_id_1=ivan&sub_id_2=482913377');
  assert.deepEqual(kinds(older), ['not-delivered receiver-missing-parameter subid']);
  assert.equal(older.lost, true);
  const optional = explain('https://keitaro.example.com/25123a/postback?subid=a&status=lead&sub_id_2=482913377');
  assert.deepEqual(kinds(optional), ['not-delivered - sub_id_1']);
  assert.equal(optional.lost, false);
});

const MALFORMED: [string, RegExp][] = [
  ['', /Nothing to explain/],
  ['   \n\n', /Nothing to explain/],
  ['not a url', /"not a url" is not a URL/],
  ['keitaro.example.com/25123a/postback?subid=1', /is not a URL: a delivered request starts with http:\/\/ or https:\/\//],
  ['ftp://files.example.com/x', /is not an http or https URL/],
  ['https:///postback?subid=1', /has no host/],
  ['GET /25123a/postback?subid=1 HTTP/1.1', /is not a URL/],
  ['https://exa mple.com/x', /has no valid host/],
  ['\u0000\uFFFF\uD800garbage{}{{}}%%%', /is not a URL/],
];

for (const [text, message] of MALFORMED) {
  test(`malformed input ${JSON.stringify(text)} gets a clear message, no explanation`, () => {
    const explanation = explain(text);
    assert.match(explanation.error ?? '', message);
    assert.equal(explanation.template, undefined);
    assert.deepEqual(explanation.findings, []);
  });
}

test('in Russian, the explanation is said in Russian', () => {
  const ru = createTemplateService({ locale: 'ru' });
  const explanation = ru.explainDelivered({ text: 'https://keitaro.example.com/25123a/postback?subid=&status=lead&sub_id_1=ivan&sub_id_2=1' }, WORKSPACE);
  assert.match(explanation.findings[0].message, /^\{tracker\.clickid\} пришёл пустым \(«subid»\): Пусто у пользователей/);
  assert.match(ru.explainDelivered({ text: 'not a url' }, WORKSPACE).error ?? '', /не URL/);
});

test('the body may be given apart from the URL (the CLI\'s --body)', () => {
  const explanation = explain({ text: 'POST https://crm.example.com/api/leads', body: '{"username": "ivan", "chat_id": "", "clickid": "c", "geo": "KZ", "amount": 1}' });
  assert.equal(explanation.template?.request, 'CRM lead');
  assert.deepEqual(kinds(explanation), ['empty - chat_id']);
});

test('a body that is not JSON where the template sends JSON is said, not lined up', () => {
  const explanation = explain('POST https://crm.example.com/api/leads\n\n{"username": "ivan", "amount": }');
  assert.equal(explanation.template?.request, 'CRM lead');
  assert.ok(kinds(explanation).includes('body-not-json - -'), JSON.stringify(kinds(explanation)));
});

test('property: no text, however malformed, makes explainDelivered throw', () => {
  const fragments = fc.constantFrom('https://', 'keitaro.example.com', '/25123a/postback', '?', '&', '=', '%', '%7B', '%E0%A4%A', '{', '}', 'subid', 'status', '\n', ' ', 'GET ', 'Host: x', '#', '{"a": ', '"', '/');
  const urlish = fc.array(fragments, { maxLength: 30 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), urlish), fc.option(fc.string(), { nil: undefined }), (text, body) => {
      const explanation = service.explainDelivered({ text, body }, WORKSPACE);
      assert.ok(explanation.error !== undefined || explanation.delivered !== undefined);
    }),
    { numRuns: 300 },
  );
});
