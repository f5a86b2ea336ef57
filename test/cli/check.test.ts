// CLI tests of `webhook-templates check`: text, JSON and GitHub output, exit codes, bad usage.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { copyExamplesInto, makeWorkspace, removeDir, runCli, shown } from './cli-helpers';

/** The six deliberate mistakes of examples/, as `file:line:col: error code`. */
const MISTAKES = [
  'examples/funnel.script.yaml:31:16: error wrong-dialect',
  'examples/funnel.script.yaml:35:66: error wrong-dialect',
  'examples/funnel.script.yaml:70:105: error fields-namespace-in-webhook',
  'examples/funnel.script.yaml:80:22: error step-id-for-step-key',
  'examples/keitaro.webhook:25:95: error unknown-key',
  'examples/keitaro.webhook:29:56: error unknown-key',
];

/** What Keitaro makes of the seed request (Chatterfy's documentation example): a sale, and three parameters it ignores. */
const SEED_FINDINGS = [
  'examples/keitaro.webhook:8:29: warning receiver-default-value',
  'examples/keitaro.webhook:8:70: info receiver-unknown-parameter',
  'examples/keitaro.webhook:8:90: info receiver-unknown-parameter',
  'examples/keitaro.webhook:8:106: info receiver-unknown-parameter',
];

const EVERYTHING = [...MISTAKES, ...SEED_FINDINGS];

interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

const CLEAN_FIELDS = JSON.stringify({ customFields: { geo: { type: 'text', example: 'KZ' } }, trackerFields: { clickid: { example: 'c1' } } });
const CLEAN_WEBHOOK = '### Clean\nGET https://t.example.com/postback?subid={tracker.clickid}&chat={chatId}&geo={geo}\n';

function problemLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^\S+:\d+:\d+: /.test(line));
}

describe('cli check', () => {
  let root: string;
  let clean: string;

  before(() => {
    root = copyExamplesInto();
    clean = makeWorkspace({ 'webhook-fields.json': CLEAN_FIELDS, 'clean.webhook': CLEAN_WEBHOOK });
  });

  after(() => {
    removeDir(root);
    removeDir(clean);
  });

  test('check examples exits 1 and prints exactly the six deliberate mistakes and the seed findings as file:line:col', async () => {
    const run = await runCli(['check', 'examples'], { cwd: root });
    assert.equal(run.code, 1, shown(run));
    const lines = problemLines(run.stdout);
    assert.deepEqual(lines.map((line) => /^(\S+:\d+:\d+: \w+ [\w-]+): /.exec(line)?.[1]).sort(), [...EVERYTHING].sort(), shown(run));
  });

  test('each text line carries its message after the code, in the order they stand in the file', async () => {
    const run = await runCli(['check', 'examples'], { cwd: root });
    const keitaro = problemLines(run.stdout).filter((line) => line.startsWith('examples/keitaro.webhook'));
    assert.deepEqual(keitaro, [
      'examples/keitaro.webhook:8:29: warning receiver-default-value: No "status": Keitaro records this postback as a sale.',
      'examples/keitaro.webhook:8:70: info receiver-unknown-parameter: Keitaro ignores the parameter "username". Extra data belongs in sub_id_1…sub_id_30.',
      'examples/keitaro.webhook:8:90: info receiver-unknown-parameter: Keitaro ignores the parameter "chatid". Extra data belongs in sub_id_1…sub_id_30.',
      'examples/keitaro.webhook:8:106: info receiver-unknown-parameter: Keitaro ignores the parameter "startdialogue". Extra data belongs in sub_id_1…sub_id_30.',
      'examples/keitaro.webhook:25:95: error unknown-key: Unknown key "chatid" (checked against webhook-fields.json). Did you mean "{chatId}"?',
      'examples/keitaro.webhook:29:56: error unknown-key: Unknown key "tracker.clikid" (checked against webhook-fields.json). Did you mean "{tracker.clickid}"?',
    ]);
  });

  test('the text output ends with a summary line counting the errors', async () => {
    const run = await runCli(['check', 'examples'], { cwd: root });
    const last = run.stdout.trimEnd().split('\n').at(-1) ?? '';
    assert.match(last, /^10 problem\(s\): 6 error\(s\), 1 warning\(s\) in \d+ file\(s\) checked\.$/, shown(run));
  });

  test('--format json parses and holds the ten problems with position, severity, code and message', async () => {
    const run = await runCli(['check', 'examples', '--format', 'json'], { cwd: root });
    assert.equal(run.code, 1, shown(run));
    const report = JSON.parse(run.stdout) as { files: number; problems: JsonProblem[] };
    assert.equal(report.problems.length, 10, shown(run));
    const keys = report.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.severity} ${problem.code}`);
    assert.deepEqual(keys.sort(), [...EVERYTHING].sort());
    const chatid = report.problems.find((problem) => problem.line === 25)!;
    assert.deepEqual({ endLine: chatid.endLine, endColumn: chatid.endColumn }, { endLine: 25, endColumn: 95 + '{chatid}'.length });
    assert.match(chatid.message, /Unknown key "chatid"/);
    assert.ok(report.files >= 3, `files: ${report.files}`);
  });

  test('--format github prints one ::error annotation per mistake, ::warning and ::notice for the seed findings', async () => {
    const run = await runCli(['check', 'examples', '--format', 'github'], { cwd: root });
    assert.equal(run.code, 1, shown(run));
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    assert.deepEqual(annotations.map((line) => line.slice(0, line.indexOf(' '))).sort(), [...Array(6).fill('::error'), '::notice', '::notice', '::notice', '::warning']);
    assert.ok(annotations.some((line) => line.startsWith('::error file=examples/keitaro.webhook,line=25,col=95,')), shown(run));
    assert.ok(annotations.some((line) => line.startsWith('::error file=examples/funnel.script.yaml,line=80,col=22,')), shown(run));
    assert.ok(annotations.some((line) => /::Unknown key "tracker\.clikid"/.test(line)), shown(run));
  });

  test('a clean folder exits 0 with no problem lines', async () => {
    const run = await runCli(['check', '.'], { cwd: clean });
    assert.equal(run.code, 0, shown(run));
    assert.deepEqual(problemLines(run.stdout), []);
    assert.match(run.stdout, /^0 problem\(s\)/m);
  });

  test('check with no path checks the working folder', async () => {
    const run = await runCli(['check'], { cwd: root });
    assert.equal(run.code, 1, shown(run));
    assert.equal(problemLines(run.stdout).length, 10, shown(run));
  });

  test('with no profile, check judges a text field where a number is read by its example, never by a profile', async () => {
    const fields = JSON.stringify({ customFields: { amount: { type: 'text', example: 'abc' } }, profiles: { lead: { amount: '10' } } });
    const typed = makeWorkspace({ 'webhook-fields.json': fields, 'typed.webhook': 'GET https://k.example.com/25123a/postback?subid=1&status=lead&payout={amount}\n' });
    try {
      const run = await runCli(['check', '.'], { cwd: typed });
      assert.equal(run.code, 1, shown(run));
      assert.deepEqual(problemLines(run.stdout), [
        'typed.webhook:1:70: error receiver-wrong-type: Keitaro reads "payout" as a number; {amount} has the example "abc" in webhook-fields.json, which is not a number.',
      ]);
    } finally {
      removeDir(typed);
    }
  });

  test('the project settings in .vscode/settings.json are read as the editor reads it: its fieldsFile, and the note when that file is missing', async () => {
    const settings = '{\n  // comments are allowed, as in VS Code\n  "webhookTemplates.fieldsFile": "config/fields.json",\n}\n';
    const configured = makeWorkspace({ '.vscode/settings.json': settings, 'config/fields.json': CLEAN_FIELDS, 'a.webhook': CLEAN_WEBHOOK });
    const missing = makeWorkspace({ '.vscode/settings.json': settings, 'a.webhook': CLEAN_WEBHOOK });
    try {
      const found = await runCli(['check', '.'], { cwd: configured });
      assert.equal(found.code, 0, shown(found));
      const notFound = await runCli(['check', '.'], { cwd: missing });
      assert.deepEqual(problemLines(notFound.stdout).map((line) => /^(\S+: \w+ [\w-]+)/.exec(line)?.[1]), [
        'a.webhook:1:1: info fields-file-not-found',
        'a.webhook:2:42: error unknown-key',
        'a.webhook:2:78: error unknown-key',
      ]);
    } finally {
      removeDir(configured);
      removeDir(missing);
    }
  });

  test('a project without any fields file gets no no-fields-file note in the CLI: each unknown key already says so', async () => {
    const bare = makeWorkspace({ 'a.webhook': CLEAN_WEBHOOK, 'builtins.webhook': 'GET https://t.example.com/x?c={chatId}\n' });
    try {
      const run = await runCli(['check', '.'], { cwd: bare });
      assert.deepEqual(problemLines(run.stdout).map((line) => /^(\S+: \w+ [\w-]+)/.exec(line)?.[1]), [
        'a.webhook:2:42: error unknown-key',
        'a.webhook:2:78: error unknown-key',
      ]);
      assert.match(run.stdout, /checked against no fields file/);
    } finally {
      removeDir(bare);
    }
  });

  test('the scriptFiles setting of the project makes the CLI read those files as scripts too', async () => {
    const script = "flows:\n  - key: main\n    steps:\n      - key: hook\n        type: webhook\n        url: 'https://t.example.com/x?c={chatid}'\n";
    const bots = makeWorkspace({ '.vscode/settings.json': '{ "webhookTemplates.scriptFiles": ["bots/*.yaml"] }', 'bots/main.yaml': script });
    try {
      const run = await runCli(['check', '.'], { cwd: bots });
      assert.deepEqual(problemLines(run.stdout).map((line) => /^(\S+: \w+ [\w-]+)/.exec(line)?.[1]), ['bots/main.yaml:6:41: error unknown-key']);
    } finally {
      removeDir(bots);
    }
  });

  test('a missing path exits 2 and names it', async () => {
    const run = await runCli(['check', 'no-such-folder'], { cwd: root });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stdout + run.stderr, /no-such-folder/);
  });

  test('a missing path is reported on stderr, keeping stdout for the (JSON) report', async () => {
    const run = await runCli(['check', 'no-such-folder', '--format', 'json'], { cwd: root });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /No such file or folder: no-such-folder/, shown(run));
    assert.equal(run.stdout, '', shown(run));
  });

  test('an unknown option exits 2 and prints the usage on stderr', async () => {
    const run = await runCli(['check', 'examples', '--frobnicate'], { cwd: root });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /--frobnicate/);
    assert.match(run.stderr, /Usage: webhook-templates/);
    assert.equal(run.stdout, '');
  });

  test('an unknown --format exits 2', async () => {
    const run = await runCli(['check', 'examples', '--format', 'xml'], { cwd: root });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /--format/);
  });

  test('an unknown command exits 2 with the usage', async () => {
    const run = await runCli(['lint', 'examples'], { cwd: root });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /Usage: webhook-templates/);
  });
});
