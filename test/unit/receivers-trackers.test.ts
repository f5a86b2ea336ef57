// Specifies the Binom, Voluum and RedTrack tables, table-driven: valid URLs, each missing required parameter, recognition.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docAt, fieldsContext, service, WEBHOOK_URI } from './core-helpers';
import { findings, fixesOf } from './receivers-helpers';

interface Case {
  receiver: string;
  valid: string;
  /** The URL without its required parameter, and the text the finding covers. */
  missing: [url: string, covers: string];
  fix: [title: string, fixed: string];
}

const CASES: Case[] = [
  {
    receiver: 'Binom',
    valid: 'https://binom.example.com/click.php?cnv_id={tracker.clickid}&payout=10&cnv_status=dep&cnv_currency=usd&event3=1&anything=x',
    missing: ['https://binom.example.com/click.php?payout=10', '/click.php'],
    fix: ['Add cnv_id={tracker.clickid}', 'https://binom.example.com/click.php?payout=10&cnv_id={tracker.clickid}'],
  },
  {
    receiver: 'Voluum',
    valid: 'https://voluum.example.com/postback?cid={tracker.clickid}&payout=10&txid=t1&et=lead&param2=x',
    missing: ['https://voluum.example.com/postback?cid2=x', ''],
    fix: ['', ''],
  },
  {
    receiver: 'RedTrack',
    valid: 'https://redtrack.example.com/postback?clickid={tracker.clickid}&type=Lead&sum=10&sub20=x',
    missing: ['https://redtrack.example.com/postback?type=Lead', ''],
    fix: ['', ''],
  },
];

for (const { receiver, valid, missing, fix } of CASES) {
  test(`${receiver}: a correct URL has no findings`, () => {
    assert.deepEqual(findings(valid), []);
  });
  if (missing[1] === '') {
    test(`${receiver}: at /postback without its signature parameter the receiver is not guessed`, () => {
      assert.deepEqual(findings(missing[0]), []);
    });
    continue;
  }
  test(`${receiver}: a missing required parameter is an error with a fix`, () => {
    assert.deepEqual(findings(missing[0]), [['receiver-missing-parameter', missing[1]]]);
    assert.equal(fixesOf(missing[0]).apply(fix[0]), fix[1]);
    assert.deepEqual(findings(fix[1]), []);
  });
}

test('Voluum and RedTrack share /postback: cid makes it Voluum, clickid RedTrack (hover names the receiver)', () => {
  const nameAt = (text: string) => {
    const { document, position } = docAt(WEBHOOK_URI, text);
    const hover = service().doHover(document, position, fieldsContext());
    return (hover?.contents as { value: string } | undefined)?.value.split('\n')[0];
  };
  assert.match(nameAt('GET https://t.exa|mple.com/postback?cid=1\n') ?? '', /Voluum/);
  assert.match(nameAt('GET https://t.exa|mple.com/postback?clickid=1\n') ?? '', /RedTrack/);
  assert.equal(nameAt('GET https://t.exa|mple.com/postback?cid=1&clickid=2\n'), undefined);
});

test('Keitaro is told from Voluum and RedTrack by its path shape /KEY/postback', () => {
  assert.deepEqual(findings('https://t.example.com/abc/postback?cid=1'), [['receiver-missing-parameter', '/abc/postback'], ['receiver-default-value', '/abc/postback'], ['receiver-unknown-parameter', 'cid']]);
});

test('a host that is not a receiver is not checked', () => {
  assert.deepEqual(findings('https://crm.example.com/api/leads?anything={chatId}'), []);
});
