// Specifies what a known receiver records from a URL as it is sent: table-driven over the trackers' own URL shapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTemplateService, type ReceiverDefinition } from '../../server/src/core/index';

const service = createTemplateService();
const record = (url: string, receivers: readonly ReceiverDefinition[] = []) => service.receiverRecord(url, { receivers });
const lines = (url: string) => record(url)?.lines.map((line) => `${line.name}=${line.value}${line.note ? ` (${line.note})` : ''}`);

interface Case {
  name: string;
  url: string;
  summary: string;
  lines?: string[];
}

const CASES: Case[] = [
  {
    name: 'Keitaro lead postback',
    url: 'https://trk.example.com/7d2b3f8/postback?subid=7f3a9c01&status=lead&payout=0&currency=usd&sub_id_1=482913377',
    summary: 'Keitaro records "lead" of 0 usd on click 7f3a9c01.',
    lines: ['subid=7f3a9c01', 'status=lead', 'payout=0', 'currency=usd', 'sub_id_1=482913377'],
  },
  {
    name: 'Keitaro without status: a sale, its default',
    url: 'https://keitaro.yoursite.com/25123a/postback?subid=67wgwWkaR0&username=ivan&chatid=482913377',
    summary: 'Keitaro records "sale" (Keitaro\'s default: no status was sent) on click 67wgwWkaR0.',
    lines: ['subid=67wgwWkaR0', "status=sale (Keitaro's default: no status was sent)"],
  },
  {
    name: 'Keitaro with a partner status mapped by sale_status',
    url: 'https://trk.example.com/abc/postback?subid=c1&status=approved&sale_status=approved,paid&payout=150',
    summary: 'Keitaro records "sale" (recorded as "sale": sale_status maps it) of 150 on click c1.',
  },
  {
    name: 'Keitaro values percent-decoded as the receiver reads them',
    url: 'https://trk.example.com/abc/postback?subid=c%201&status=lead&sub_id_2=%D0%98%D0%B2%D0%B0%D0%BD',
    summary: 'Keitaro records "lead" on click c 1.',
    lines: ['subid=c 1', 'status=lead', 'sub_id_2=Иван'],
  },
  {
    name: 'Binom conversion',
    url: 'https://binom.example.com/click.php?cnv_id=abc&payout=10&cnv_status=deposit&cnv_currency=eur',
    summary: 'Binom records "deposit" of 10 eur on click abc.',
  },
  {
    name: 'Voluum conversion with a transaction id',
    url: 'https://abc.voluumtrk.com/postback?cid=v1&payout=5&txid=t9&et=lead',
    summary: 'Voluum records "lead" of 5 on click v1.',
    lines: ['cid=v1', 'et=lead', 'payout=5', 'txid=t9'],
  },
  {
    name: 'RedTrack conversion',
    url: 'https://x.rdtk.io/postback?clickid=r1&sum=12.5&type=Purchase&sub3=fb',
    summary: 'RedTrack records "Purchase" of 12.5 on click r1.',
  },
  {
    name: 'Chatterfy updateDialog',
    url: 'https://app.chatterfy.ai/api/bots/webhooks/3f1c0b1e/updateDialog?chatId=482913377&status=auto&fields.geo=KZ',
    summary: 'Chatterfy updateDialog updates the dialogue of chat 482913377: status=auto, fields.geo=KZ.',
  },
  {
    name: 'Chatterfy tracker-postback',
    url: 'https://api.chatterfy.ai/api/postbacks/3f1c0b1e/tracker-postback?clickid=c1&tracker.event=sale&tracker.cost=100&tracker.currency=usd',
    summary: 'Chatterfy tracker postback records the event "sale" of 100 usd for the user with click id c1.',
  },
];

for (const { name, url, summary, lines: expected } of CASES) {
  test(`record: ${name}`, () => {
    assert.equal(record(url)?.summary, summary);
    if (expected) assert.deepEqual(lines(url), expected);
    assert.deepEqual(record(url)?.problems, []);
  });
}

test('an empty click id is said: the receiver records nothing', () => {
  assert.deepEqual(record('https://trk.example.com/abc/postback?subid=&status=lead')?.problems, [
    '"subid" is missing or empty: Keitaro cannot tell what to record it on, so it records nothing.',
  ]);
  assert.equal(record('https://x.rdtk.io/postback?type=Lead')?.problems.length, 1);
});

test('a URL no receiver table recognises has no record: nothing is invented', () => {
  assert.equal(record('https://crm.example.com/api/leads?chat=1&status=lead'), undefined);
  assert.equal(record('not a url'), undefined);
});

test('a user table that does not say what it records gets no record, though it is recognised', () => {
  const mine: ReceiverDefinition = { id: 'mine', name: 'Mine', path: /^\/hook$/, parameters: [{ name: 'id', meaning: 'Id.', required: true }], unknownParameters: 'unchecked', source: 'test' };
  assert.equal(record('https://crm.example.com/hook?id=1', [mine]), undefined);
});

test('the record is said in the language of the service', () => {
  const ru = createTemplateService({ locale: 'ru' }).receiverRecord('https://trk.example.com/abc/postback?subid=c1', { receivers: [] });
  assert.match(ru?.summary ?? '', /Keitaro/);
  assert.notEqual(ru?.summary, record('https://trk.example.com/abc/postback?subid=c1')?.summary);
});
