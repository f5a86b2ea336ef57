// CLI tests of `webhook-templates explain`: a delivered webhook matched back to the examples' templates; exit 0 when
// nothing was lost, 1 when something was, 2 for bad usage, input that is no request, or no template that fits.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { copyExamplesInto, removeDir, runCli, shown } from './cli-helpers';
import { repoRoot } from '../support/paths';

const LEAD = 'https://keitaro.yoursite.com/25123a/postback?subid=67wgwWkaR0&status=lead&sub_id_1=482913377&sub_id_2=KZ';
const CRM = 'POST https://crm.example.com/api/leads\nContent-Type: application/json\n\n';

describe('cli explain', () => {
  let root: string;
  let cwd: string;

  before(() => {
    root = copyExamplesInto();
    cwd = join(root, 'examples');
  });

  after(() => removeDir(root));

  test('a lead postback that arrived whole: exit 0, its template named with its file and line, the record', async () => {
    const run = await runCli(['explain', LEAD], { cwd });
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /^# Template: lead_postback — funnel\.script\.yaml:21 \(match 100%\)$/m);
    assert.match(run.stdout, /^#   Keitaro lead — keitaro\.webhook:11 \(match 100%\)$/m);
    assert.match(run.stdout, /^#   \{tracker\.clickid\} → subid: 67wgwWkaR0$/m);
    assert.match(run.stdout, /^# Keitaro records "lead" on click 67wgwWkaR0\.$/m);
    assert.match(run.stdout, /^# Nothing was lost on the way\.$/m);
    assert.equal(run.stderr, '');
  });

  test('%7Btracker.clikid%7D arrived: exit 1, the checker\'s unknown-key named', async () => {
    const run = await runCli(['explain', 'https://keitaro.yoursite.com/25123a/postback?subid=%7Btracker.clikid%7D&status=lead', '.'], { cwd });
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stdout, /^# Template: Deliberate mistake: misspelt tracker field — keitaro\.webhook:29 \(match 100%\)$/m);
    assert.match(run.stdout, /^#   error \[unknown-key\]: \{tracker\.clikid\} arrived as written in "subid" \(percent-encoded: %7Btracker\.clikid%7D\)/m);
  });

  test('- reads the request from standard input: a JSON POST whose username arrived empty, exit 1', async () => {
    const body = '{"username": "", "chat_id": "482913377", "clickid": "67wgwWkaR0", "geo": "KZ", "meta": {}}';
    const run = await runCli(['explain', '-'], { cwd, input: `${CRM}${body}\n` });
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stdout, /^# Template: Partner CRM \(POST JSON\) — keitaro\.webhook:17/m);
    assert.match(run.stdout, /^#   \{username\} → body "username": \(empty\)$/m);
  });

  test('--body FILE gives the body apart, and --format json prints the explanation itself', async () => {
    writeFileSync(join(cwd, 'body.json'), '{"username": "ivan", "chat_id": "482913377", "clickid": "67wgwWkaR0", "geo": "KZ", "meta": {}}');
    const run = await runCli(['explain', 'POST https://crm.example.com/api/leads', '--body', 'body.json', '--format', 'json'], { cwd });
    assert.equal(run.code, 0, shown(run));
    const explanation = JSON.parse(run.stdout);
    assert.equal(explanation.template.request, 'Partner CRM (POST JSON)');
    assert.equal(explanation.lost, false);
    assert.deepEqual(explanation.placeholders.map((item: { parameter: string; value: string }) => `${item.parameter}=${item.value}`), ['username=ivan', 'chat_id=482913377', 'clickid=67wgwWkaR0', 'geo=KZ']);
  });

  test('text that is no request: exit 2 with a clear message and nothing on standard output', async () => {
    const run = await runCli(['explain', '%E0%A4%A not a url'], { cwd });
    assert.equal(run.code, 2, shown(run));
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^webhook-templates: "%E0%A4%A not a url" is not a URL/);
  });

  test('a request no template fits: exit 2, the reason said, what the receiver recorded still shown', async () => {
    const run = await runCli(['explain', 'https://other.example.org/9999/postback?subid=abc&status=lead'], { cwd });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stdout, /^# Keitaro records "lead" on click abc\.$/m);
    assert.match(run.stderr, /No request of the workspace \(\d+ with a URL\) has the host or path of this one/);
  });

  test('the README\'s example is what the command prints on examples/', async () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const example = /^\$ node dist\/cli\.js explain '([^']+)'\n([^]*?)^```$/m.exec(readme);
    assert.ok(example, 'README.md has no explain example');
    const run = await runCli(['explain', example[1]], { cwd });
    assert.equal(run.stdout, example[2]);
  });

  test('bad usage exits 2: no request, an unknown option, both from standard input, a missing folder or body file', async () => {
    for (const args of [['explain'], ['explain', LEAD, '--profile', 'lead'], ['explain', '-', '--body', '-'], ['explain', LEAD, 'no-such-folder'], ['explain', LEAD, '--body', 'missing.json']]) {
      const run = await runCli(args, { cwd });
      assert.equal(run.code, 2, `${args.join(' ')}\n${shown(run)}`);
      assert.match(run.stderr, /^webhook-templates: /);
    }
  });
});
