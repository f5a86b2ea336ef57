// CLI tests of `webhook-templates expand`: exact expansion, profiles, request names, unresolved placeholders, script steps.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { copyExamplesInto, removeDir, runCli, shown } from './cli-helpers';

const FIRST_REQUEST = 'Keitaro postback (Chatterfy documentation)';
const KEITARO_NAMES = [
  FIRST_REQUEST,
  'Keitaro lead',
  'Keitaro sale with payout',
  'Partner CRM (POST JSON)',
  'Deliberate mistake: wrong case',
  'Deliberate mistake: misspelt tracker field',
];

describe('cli expand', () => {
  let root: string;
  let cwd: string;

  before(() => {
    root = copyExamplesInto();
    cwd = join(root, 'examples');
  });

  after(() => removeDir(root));

  test('the first Keitaro request with profile lead expands to the exact URL', async () => {
    const run = await runCli(['expand', 'keitaro.webhook', '--profile', 'lead', '--request', FIRST_REQUEST], { cwd });
    assert.equal(run.code, 0, shown(run));
    assert.equal(
      run.stdout,
      `### ${FIRST_REQUEST} (profile lead)\n` +
        'GET https://keitaro.yoursite.com/25123a/postback?subid=7f3a9c01&username=ivan_petrov&chatid=482913377&startdialogue=2024-03-10T17%3A49%3A32.806Z\n',
    );
    assert.equal(run.stderr, '');
  });

  test('--explain adds what the receiver records: Keitaro records a sale when no status is sent', async () => {
    const run = await runCli(['expand', 'keitaro.webhook', '--profile', 'lead', '--request', FIRST_REQUEST, '--explain'], { cwd });
    assert.equal(run.code, 0, shown(run));
    assert.deepEqual(run.stdout.split('\n').slice(0, 4), [
      `### ${FIRST_REQUEST} (profile lead)`,
      '# Keitaro records "sale" (Keitaro\'s default: no status was sent) on click 7f3a9c01.',
      '#   subid = 7f3a9c01',
      "#   status = sale (Keitaro's default: no status was sent)",
    ]);
  });

  test('--explain says nothing for a request no known receiver takes', async () => {
    const run = await runCli(['expand', 'keitaro.webhook', '--profile', 'lead', '--request', 'Partner CRM (POST JSON)', '--explain'], { cwd });
    assert.equal(run.code, 0, shown(run));
    assert.ok(!run.stdout.includes('records'), run.stdout);
  });

  test('without a profile values come from the examples: the lead request takes geo KZ', async () => {
    const run = await runCli(['expand', 'keitaro.webhook', '--request', 'Keitaro lead'], { cwd });
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /^GET https:\/\/keitaro\.yoursite\.com\/25123a\/postback\?subid=7f3a9c01&status=lead&sub_id_1=482913377&sub_id_2=KZ$/m, shown(run));
  });

  test('an unknown profile exits 2 and names the profiles there are', async () => {
    const run = await runCli(['expand', 'keitaro.webhook', '--profile', 'ghost', '--request', FIRST_REQUEST], { cwd });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /"ghost"/);
    for (const name of ['lead', 'no-username', 'live-click']) assert.ok(run.stderr.includes(name), `${name} not named: ${shown(run)}`);
    assert.equal(run.stdout, '');
  });

  test('an unknown request exits 2 and lists the request names', async () => {
    const run = await runCli(['expand', 'keitaro.webhook', '--request', 'Keitaro click'], { cwd });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /"Keitaro click"/);
    for (const name of KEITARO_NAMES) assert.ok(run.stderr.includes(name), `${name} not listed: ${shown(run)}`);
  });

  test('a mistake request exits 1 and stderr lists its unresolved placeholder', async () => {
    const run = await runCli(['expand', 'keitaro.webhook', '--profile', 'lead', '--request', 'Deliberate mistake: wrong case'], { cwd });
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stderr, /Unresolved placeholders/);
    assert.match(run.stderr, /\{chatid\}/);
    assert.match(run.stdout, /sub_id_1=\{chatid\}/, 'the preview keeps the unresolved placeholder as written');
  });

  test('the whole file expands every request and lists both mistakes as unresolved', async () => {
    const run = await runCli(['expand', 'keitaro.webhook', '--profile', 'lead'], { cwd });
    assert.equal(run.code, 1, shown(run));
    for (const name of KEITARO_NAMES) assert.ok(run.stdout.includes(`### ${name}`), `${name} not printed: ${shown(run)}`);
    const listed = run.stderr.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim().split(':')[0]);
    assert.deepEqual(listed, ['{chatid}', '{tracker.clikid}'], shown(run));
  });

  test('a script file webhook step expands {stepKey} to the step key', async () => {
    const run = await runCli(['expand', 'funnel.script.yaml', '--profile', 'lead', '--request', 'lead_postback'], { cwd });
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /^GET https:\/\/keitaro\.yoursite\.com\/25123a\/postback\?subid=7f3a9c01&status=lead&sub_id_1=482913377&sub_id_2=lead_postback$/m, shown(run));
  });

  test('a POST step of a script file shows its JSON body and the Content-Type it goes with', async () => {
    const run = await runCli(['expand', 'funnel.script.yaml', '--profile', 'lead', '--request', 'crm_deposit'], { cwd });
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /^POST https:\/\/crm\.example\.com\/api\/deposits$/m);
    assert.match(run.stdout, /^Content-Type: application\/json$/m);
    assert.match(run.stdout, /^X-Buyer: anna$/m);
    const body = run.stdout.trimEnd().split('\n').at(-1) ?? '';
    assert.deepEqual(JSON.parse(body), { chat_id: '482913377', clickid: '7f3a9c01', amount: '0', trader: 'TR-20931', meta: {} });
  });

  test('a file that is not a template exits 2', async () => {
    const run = await runCli(['expand', 'webhook-fields.json'], { cwd });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /not a template/);
  });

  test('a missing file exits 2', async () => {
    const run = await runCli(['expand', 'nowhere.webhook'], { cwd });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /nowhere\.webhook/);
  });

  test('expand without a FILE exits 2 with the usage', async () => {
    const run = await runCli(['expand'], { cwd });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /Usage: webhook-templates/);
  });
});
