// CLI tests of `check --fix` and `--fix-dry-run`: only safe fixes (one fix that cannot change meaning), only files
// that change are written, a second run changes nothing, and the dry run's diff is what --fix writes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { makeWorkspace, removeDir, runCli, shown } from './cli-helpers';

const FIELDS = JSON.stringify({ customFields: { geo: { type: 'text', example: 'KZ' } }, trackerFields: { clickid: { example: 'c1' } } }, null, 2);

/** Safe: a case-only typo, the message dialect in a webhook, blanks inside braces, a known namespace mistake. */
const SAFE = [
  '### Safe',
  'GET https://api.example.com/lead?c={chatid}&s={{tracker.clickid}}&u={ username }&g={fields.geo}',
  '',
].join('\n');
const SAFE_FIXED = [
  '### Safe',
  'GET https://api.example.com/lead?c={chatId}&s={tracker.clickid}&u={username}&g={geo}',
  '',
].join('\n');

/** Unsafe: a typo that is more than case, a default dropped, a receiver fix that adds a parameter. */
const UNSAFE = [
  '### Unsafe',
  'GET https://api.example.com/lead?s={tracker.clikid}&u={username|friend}',
  '',
  '### Keitaro without status',
  'GET https://tracker.example.com/abc123/postback?subid={tracker.clickid}',
  '',
].join('\n');

const SCRIPT = "flows:\n  - key: main\n    steps:\n      - key: hi\n        type: message\n        text: 'Hi {username}'\n";
const SCRIPT_FIXED = "flows:\n  - key: main\n    steps:\n      - key: hi\n        type: message\n        text: 'Hi {{username}}'\n";

let root: string | undefined;

afterEach(() => {
  if (root) removeDir(root);
  root = undefined;
});

function workspace(): string {
  root = makeWorkspace({ 'webhook-fields.json': FIELDS, 'safe.webhook': SAFE, 'unsafe.webhook': UNSAFE, 'bot.script.yaml': SCRIPT, 'clean.webhook': SAFE_FIXED });
  // An old time on every file: a file written by the run gets a new one.
  for (const name of ['webhook-fields.json', 'safe.webhook', 'unsafe.webhook', 'bot.script.yaml', 'clean.webhook']) utimesSync(join(root, name), new Date(2020, 0, 1), new Date(2020, 0, 1));
  return root;
}

const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
const touched = (dir: string, name: string) => statSync(join(dir, name)).mtime.getFullYear() !== 2020;

test('--fix applies every safe fix, prints each, and reports what is left', async () => {
  const cwd = workspace();
  const run = await runCli(['check', '.', '--fix'], { cwd });
  assert.equal(read(cwd, 'safe.webhook'), SAFE_FIXED);
  assert.equal(read(cwd, 'bot.script.yaml'), SCRIPT_FIXED);
  const fixed = run.stdout.split('\n').filter((line) => line.includes(': fixed '));
  assert.deepEqual(fixed.map((line) => /^(\S+): fixed ([\w-]+)/.exec(line)?.slice(1).join(' ')).sort(), [
    'bot.script.yaml:6:19 wrong-dialect',
    'safe.webhook:2:36 unknown-key',
    'safe.webhook:2:47 wrong-dialect',
    'safe.webhook:2:69 whitespace-in-placeholder',
    'safe.webhook:2:84 fields-namespace-in-webhook',
  ]);
  assert.match(run.stdout, /Fixed 5 problem\(s\)\./);
  // What no fix may touch is still reported: exit 1 for the errors left.
  assert.equal(run.code, 1, shown(run));
  assert.match(run.stdout, /unsafe\.webhook:2:\d+: error unknown-key/);
  assert.doesNotMatch(run.stdout, /^safe\.webhook:\d+:\d+: error/m);
});

test('--fix leaves unsafe fixes alone and writes no file that does not change', async () => {
  const cwd = workspace();
  await runCli(['check', '.', '--fix'], { cwd });
  assert.equal(read(cwd, 'unsafe.webhook'), UNSAFE);
  for (const name of ['unsafe.webhook', 'clean.webhook', 'webhook-fields.json']) assert.equal(touched(cwd, name), false, `${name} was written`);
  assert.equal(touched(cwd, 'safe.webhook'), true);
});

test('a second --fix changes nothing: no fix printed, no file written', async () => {
  const cwd = workspace();
  await runCli(['check', '.', '--fix'], { cwd });
  for (const name of ['safe.webhook', 'bot.script.yaml']) utimesSync(join(cwd, name), new Date(2020, 0, 1), new Date(2020, 0, 1));
  const again = await runCli(['check', '.', '--fix'], { cwd });
  assert.doesNotMatch(again.stdout, /: fixed /, shown(again));
  assert.deepEqual(['safe.webhook', 'bot.script.yaml', 'unsafe.webhook'].filter((name) => touched(cwd, name)), []);
});

test('--fix-dry-run prints a unified diff, writes nothing, and exits 1; the diff applied is what --fix writes', async () => {
  const cwd = workspace();
  const dry = await runCli(['check', '.', '--fix-dry-run'], { cwd });
  assert.equal(dry.code, 1, shown(dry));
  assert.match(dry.stdout, /^--- a\/bot\.script\.yaml\n\+\+\+ b\/bot\.script\.yaml\n@@ -3,4 \+3,4 @@\n/m);
  assert.ok(dry.stdout.includes(`-${SAFE.split('\n')[1]}\n+${SAFE_FIXED.split('\n')[1]}\n`), dry.stdout);
  assert.match(dry.stderr, /2 file\(s\) would be fixed; nothing was written/);
  assert.deepEqual(['safe.webhook', 'bot.script.yaml', 'unsafe.webhook', 'clean.webhook'].filter((name) => touched(cwd, name)), []);
  assert.equal(read(cwd, 'safe.webhook'), SAFE);
  execFileSync('git', ['apply', '-'], { cwd, input: dry.stdout });
  assert.equal(read(cwd, 'safe.webhook'), SAFE_FIXED);
  assert.equal(read(cwd, 'bot.script.yaml'), SCRIPT_FIXED);
});

test('--fix-dry-run with nothing to fix prints no diff and exits 0', async () => {
  root = makeWorkspace({ 'webhook-fields.json': FIELDS, 'clean.webhook': SAFE_FIXED });
  const run = await runCli(['check', '.', '--fix-dry-run'], { cwd: root });
  assert.equal(run.code, 0, shown(run));
  assert.equal(run.stdout, '');
});

test('with --format json, --fix keeps stdout JSON: the fixes are told on stderr', async () => {
  const cwd = workspace();
  const run = await runCli(['check', '.', '--fix', '--format', 'json'], { cwd });
  const report = JSON.parse(run.stdout) as { problems: { file: string }[] };
  assert.ok(report.problems.every((problem) => problem.file !== 'safe.webhook'));
  assert.match(run.stderr, /safe\.webhook:2:36: fixed unknown-key/);
});

test('--fix and --fix-dry-run together are bad usage', async () => {
  const cwd = workspace();
  const run = await runCli(['check', '.', '--fix', '--fix-dry-run'], { cwd });
  assert.equal(run.code, 2, shown(run));
  assert.equal(read(cwd, 'safe.webhook'), SAFE);
});
