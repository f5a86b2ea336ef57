// Specifies the Binom, Voluum and RedTrack tables, table-driven: recognition by what identifies each, valid URLs, a missing or empty click id.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILTIN_RECEIVERS, parameterOf, recogniseReceiver } from '../../server/src/core/receivers/index';
import { docAt, fieldsContext, service, WEBHOOK_URI } from './core-helpers';
import { checked, findings, fixesOf } from './receivers-helpers';

interface RecognitionCase {
  url: string;
  /** The receiver's id, or undefined when the URL must stay unrecognised. */
  receiver: string | undefined;
  why: string;
}

const RECOGNITION: RecognitionCase[] = [
  // From the trackers' own documentation (their `{}` slots as written there).
  { url: 'https://track.example.com/postback?cid={}&payout={}&txid={}&currency={}&et={}&param1={}', receiver: 'voluum', why: "Voluum's documented template" },
  { url: 'https://trk.example.rdtk.io/postback?clickid={clickid}&sum={sum}&type={type}', receiver: 'redtrack', why: "RedTrack's documented template" },
  { url: 'https://binom.example.com/click.php?cnv_id={clickid}&payout={payout}&cnv_status={status}', receiver: 'binom', why: "Binom's documented postback" },
  { url: 'https://k.example.com/25123a/postback?subid={tracker.clickid}&status=lead', receiver: 'keitaro', why: "Keitaro's /KEY/postback" },
  // A service host identifies its receiver whatever the parameters.
  { url: 'https://abcd1.voluumtrk.com/postback?payout=10', receiver: 'voluum', why: 'a Voluum tracking host' },
  { url: 'https://abcd1.voluumtrk2.com/postback', receiver: 'voluum', why: 'a Voluum tracking host, no query' },
  { url: 'https://x7.trackvoluum.com/postback?payout=1', receiver: 'voluum', why: 'a Voluum tracking host' },
  { url: 'https://track.voluum.com/postback?clickid=1&type=Lead&sum=2', receiver: 'voluum', why: 'a Voluum host outweighs three RedTrack parameters' },
  { url: 'https://abc.rdtk.io/postback?payout=10', receiver: 'redtrack', why: 'a RedTrack service host' },
  { url: 'https://rdtrck2.com/postback?cid=1', receiver: 'redtrack', why: 'a RedTrack service host outweighs cid' },
  { url: 'https://{tracker.sub1}.rdtk.io/postback', receiver: 'redtrack', why: 'a placeholder in the subdomain keeps the service domain' },
  // At the shared /postback, a characteristic parameter tells Voluum from RedTrack.
  { url: 'https://t.example.com/postback?cid=1', receiver: 'voluum', why: 'cid' },
  { url: 'https://t.example.com/postback?txid=t1&payout=1', receiver: 'voluum', why: 'txid' },
  { url: 'https://t.example.com/postback?et=dep', receiver: 'voluum', why: 'et' },
  { url: 'https://t.example.com/postback?param5=x', receiver: 'voluum', why: 'param5' },
  { url: 'https://t.example.com/postback?clickid=1', receiver: 'redtrack', why: 'clickid' },
  { url: 'https://t.example.com/postback?type=Lead', receiver: 'redtrack', why: 'type' },
  { url: 'https://t.example.com/postback?sum=10', receiver: 'redtrack', why: 'sum' },
  { url: 'https://t.example.com/postback?sub20=x', receiver: 'redtrack', why: 'sub20' },
  { url: 'https://t.example.com/postback?clickid=1&txid=2&et=3', receiver: 'voluum', why: 'two Voluum parameters outweigh one RedTrack parameter' },
  { url: 'https://t.example.com/postback?sub1=a&sub2=b&sub3=c&cid=1&txid=2', receiver: 'voluum', why: 'a numbered family counts once' },
  // Binom's click.php is a postback only with a conversion parameter.
  { url: 'https://b.example.com/click.php?cnv_status=dep', receiver: 'binom', why: 'cnv_status' },
  { url: 'https://b.example.com/click.php?event7=1', receiver: 'binom', why: 'event7' },
  { url: 'https://b.example.com/click.php?payout=5', receiver: 'binom', why: 'payout' },
  { url: 'https://b.example.com/click.php?key=abc123', receiver: undefined, why: "a Binom click URL is not a postback" },
  { url: 'https://b.example.com/click.php?key=abc123&t1={tracker.sub1}&lp=1', receiver: undefined, why: 'a Binom click URL with tokens is not a postback' },
  // Nothing identifies these.
  { url: 'https://t.example.com/postback?subid={tracker.clickid}&status=lead', receiver: undefined, why: 'a /postback with no characteristic parameter on an unknown host' },
  { url: 'https://t.example.com/postback', receiver: undefined, why: 'a bare /postback on an unknown host' },
  { url: 'https://voluum.example.com/postback?cid2=x', receiver: undefined, why: 'a name that only resembles cid' },
  { url: 'https://t.example.com/postback?cid=1&clickid=2', receiver: undefined, why: 'a tie between Voluum and RedTrack' },
  { url: 'https://api.example.com/v1/leads?type=lead&sum=10&clickid=1', receiver: undefined, why: 'an ordinary API URL' },
  { url: 'https://abcd1.voluumtrk.com/api/report?cid=1', receiver: undefined, why: 'a service host at a path that is not a postback' },
  { url: 'https://crm.example.com/click.php.bak?cnv_id=1', receiver: undefined, why: 'a path that only contains click.php' },
];

for (const { url, receiver, why } of RECOGNITION) {
  test(`recognition: ${why} → ${receiver ?? 'no receiver'} (${url})`, () => {
    assert.equal(recogniseReceiver(url)?.receiver.id, receiver);
  });
}

/** Every parameter each tracker documents (Voluum's template also names currency). */
const DOCUMENTED: [receiver: string, names: string[]][] = [
  ['voluum', ['cid', 'payout', 'txid', 'currency', 'et', 'param1', 'param5']],
  ['redtrack', ['clickid', 'type', 'sum', 'sub1', 'sub20']],
  ['binom', ['cnv_id', 'payout', 'cnv_status', 'cnv_currency', 'event1', 'event30']],
];

for (const [id, names] of DOCUMENTED) {
  test(`${id}: every documented parameter is in its table`, () => {
    const receiver = BUILTIN_RECEIVERS.find((candidate) => candidate.id === id)!;
    assert.deepEqual(names.filter((name) => !parameterOf(receiver, name)), []);
  });
}

const VALID: [receiver: string, url: string][] = [
  ['Binom', 'https://binom.example.com/click.php?cnv_id={tracker.clickid}&payout=10&cnv_status=dep&cnv_currency=usd&event3=1&anything=x'],
  ['Voluum', 'https://voluum.example.com/postback?cid={tracker.clickid}&payout=10&txid=t1&et=lead&param2=x'],
  ['Voluum (documented template)', 'https://track.example.com/postback?cid={tracker.clickid}&payout={deposit_amount}&txid={chatId}&currency=usd&et=lead&param1={tracker.sub1}'],
  ['RedTrack', 'https://redtrack.example.com/postback?clickid={tracker.clickid}&type=Lead&sum=10&sub20=x'],
  ['RedTrack (documented template)', 'https://trk.example.rdtk.io/postback?clickid={tracker.clickid}&sum={deposit_amount}&type=Lead'],
];

for (const [receiver, url] of VALID) {
  test(`${receiver}: a correct URL has no findings`, () => {
    assert.deepEqual(findings(url), []);
  });
}

interface MissingCase {
  url: string;
  /** What the finding covers: the path when the click id is absent, `name=` when it is empty. */
  covers: string;
  empty: boolean;
  fix: [title: string, fixed: string];
}

const MISSING: MissingCase[] = [
  {
    url: 'https://binom.example.com/click.php?payout=10',
    covers: '/click.php',
    empty: false,
    fix: ['Add cnv_id={tracker.clickid}', 'https://binom.example.com/click.php?payout=10&cnv_id={tracker.clickid}'],
  },
  {
    url: 'https://binom.example.com/click.php?cnv_id=&payout=10&cnv_status=dep',
    covers: 'cnv_id=',
    empty: true,
    fix: ['Change to cnv_id={tracker.clickid}', 'https://binom.example.com/click.php?cnv_id={tracker.clickid}&payout=10&cnv_status=dep'],
  },
  {
    url: 'https://track.example.com/postback?payout=10&txid=t1&et=dep',
    covers: '/postback',
    empty: false,
    fix: ['Add cid={tracker.clickid}', 'https://track.example.com/postback?payout=10&txid=t1&et=dep&cid={tracker.clickid}'],
  },
  {
    url: 'https://abcd1.voluumtrk.com/postback?payout=10',
    covers: '/postback',
    empty: false,
    fix: ['Add cid={tracker.clickid}', 'https://abcd1.voluumtrk.com/postback?payout=10&cid={tracker.clickid}'],
  },
  {
    url: 'https://abcd1.voluumtrk.com/postback',
    covers: '/postback',
    empty: false,
    fix: ['Add cid={tracker.clickid}', 'https://abcd1.voluumtrk.com/postback?cid={tracker.clickid}'],
  },
  {
    url: 'https://track.example.com/postback?cid=&payout=10',
    covers: 'cid=',
    empty: true,
    fix: ['Change to cid={tracker.clickid}', 'https://track.example.com/postback?cid={tracker.clickid}&payout=10'],
  },
  {
    url: 'https://abcd1.voluumtrk.com/postback?payout=10&cid',
    covers: 'cid',
    empty: true,
    fix: ['Change to cid={tracker.clickid}', 'https://abcd1.voluumtrk.com/postback?payout=10&cid={tracker.clickid}'],
  },
  {
    url: 'https://track.example.com/postback?cid=%20&et=dep',
    covers: 'cid=%20',
    empty: true,
    fix: ['Change to cid={tracker.clickid}', 'https://track.example.com/postback?cid={tracker.clickid}&et=dep'],
  },
  {
    url: 'https://redtrack.example.com/postback?type=Lead&sum=10',
    covers: '/postback',
    empty: false,
    fix: ['Add clickid={tracker.clickid}', 'https://redtrack.example.com/postback?type=Lead&sum=10&clickid={tracker.clickid}'],
  },
  {
    url: 'https://trk.example.rdtk.io/postback?clickid=&type=Lead',
    covers: 'clickid=',
    empty: true,
    fix: ['Change to clickid={tracker.clickid}', 'https://trk.example.rdtk.io/postback?clickid={tracker.clickid}&type=Lead'],
  },
];

for (const { url, covers, empty, fix } of MISSING) {
  test(`${empty ? 'an empty' : 'a missing'} click id is an error with a fix that leaves the URL clean: ${url}`, () => {
    const problems = checked(url);
    assert.deepEqual(problems.map((problem) => [problem.code, problem.covers]), [['receiver-missing-parameter', covers]]);
    assert.equal(/ is empty: /.test(problems[0].message), empty, problems[0].message);
    assert.equal(fixesOf(url).diagnostics[0].severity, 1);
    assert.equal(fixesOf(url).apply(fix[0]), fix[1]);
    assert.deepEqual(findings(fix[1]), []);
  });
}

test('an empty click id says so in its message', () => {
  const [problem] = checked('https://track.example.com/postback?cid=&payout=10');
  assert.equal(problem.message, 'Missing "cid", which Voluum requires. Voluum\'s click id: the conversion is recorded on this click. "cid=" is empty: Voluum gets no value.');
});

test('a click id written as a placeholder is never judged empty (it may expand empty, but that is the send check\'s)', () => {
  assert.deepEqual(findings('https://track.example.com/postback?cid={tracker.clickid}'), []);
  assert.deepEqual(findings('https://track.example.com/postback?cid=%7Bsub1%7D'), []);
});

test('an empty subid in Keitaro is missing too, and the whole fix fills it', () => {
  const url = 'https://k.example.com/25123a/postback?subid=&status=lead&geo=KZ';
  assert.deepEqual(findings(url), [['receiver-missing-parameter', 'subid='], ['receiver-unknown-parameter', 'geo']]);
  const fixed = fixesOf(url).apply('Make this a Keitaro lead postback');
  assert.equal(fixed, 'https://k.example.com/25123a/postback?subid={tracker.clickid}&status=lead&sub_id_1=KZ');
  assert.deepEqual(findings(fixed), []);
});

test('Voluum and RedTrack share /postback: cid makes it Voluum, clickid RedTrack (hover names the receiver)', () => {
  const nameAt = (text: string) => {
    const { document, position } = docAt(WEBHOOK_URI, text);
    const hover = service().hover(document, position, fieldsContext());
    // The receiver's table comes after the request as sent.
    return /^\*\*(.+)\*\* — parameters/m.exec((hover?.contents as { value: string } | undefined)?.value ?? '')?.[1];
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
