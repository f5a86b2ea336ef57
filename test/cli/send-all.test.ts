// CLI tests of `webhook-templates send --all FILE|DIR` against a real HTTP receiver on 127.0.0.1: every request sent
// in turn, refused ones left out with why, the summary table, the exit code, the JUnit report, Ctrl-C.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { makeWorkspace, removeDir, runCli, shown, startReceiver, type Receiver, type Received } from './cli-helpers';

const TOKEN = 'tok-3f9a-SECRET-77c1';

const FIELDS = {
  customFields: { api_token: { type: 'text', description: 'Partner API token' } },
  trackerFields: { clickid: { description: 'Click id', example: '7f3a9c01' } },
  profiles: {
    lead: { username: 'ivan_petrov', chatId: 482913377, 'tracker.clickid': 'c-lead', api_token: '${env:TOKEN}' },
    'no-username': { username: '', chatId: 1000001, 'tracker.clickid': 'c-none', api_token: 'plain' },
  },
};

function webhookFile(port: number): string {
  const base = `http://127.0.0.1:${port}`;
  return [
    '### Keitaro lead',
    `GET ${base}/25123a/postback?subid={tracker.clickid}&status=lead&sub_id_1={username}`,
    '',
    '### Failing',
    `GET ${base}/fail?chatid={chatId}`,
    '',
    '### Mistake',
    `GET ${base}/postback?chatid={chatid}`,
    '',
    '### Authorized',
    `GET ${base}/echo-auth?chatid={chatId}`,
    'Authorization: Bearer {api_token}',
    '',
  ].join('\n');
}

function goodFile(port: number): string {
  const base = `http://127.0.0.1:${port}`;
  return ['### One', `GET ${base}/ok/one?c={chatId}`, '', '### Two', `POST ${base}/ok/two`, '', '{"chat": "{chatId}"}', ''].join('\n');
}

function scriptFile(port: number): string {
  const base = `http://127.0.0.1:${port}`;
  return [
    'flows:',
    '  - key: main',
    '    steps:',
    '      - key: lead_step',
    '        type: webhook',
    `        url: "${base}/ok/step?subid={tracker.clickid}&s={stepKey}"`,
    '      - key: slow_step',
    '        type: webhook',
    `        url: "${base}/slow"`,
    '      - key: last_step',
    '        type: webhook',
    `        url: "${base}/ok/last"`,
    '',
  ].join('\n');
}

/** 500 on /fail, /slow after a moment (and Ctrl-C to the CLI when one waits for it), else 200. */
function responder(interrupt: () => ChildProcess | undefined) {
  return (request: Received, response: import('node:http').ServerResponse) => {
    if (request.url.pathname === '/fail') return void response.writeHead(500, { 'Content-Type': 'text/plain' }).end('subid is missing');
    const answer = () => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    if (request.url.pathname !== '/slow') return answer();
    interrupt()?.kill('SIGINT');
    setTimeout(answer, 300);
  };
}

describe('cli send --all', () => {
  let receiver: Receiver;
  let root: string;
  let toInterrupt: ChildProcess | undefined;

  before(async () => {
    receiver = await startReceiver(responder(() => toInterrupt));
    root = makeWorkspace({
      'webhook-fields.json': JSON.stringify(FIELDS, null, 2),
      'hooks.webhook': webhookFile(receiver.port),
      'good/good.webhook': goodFile(receiver.port),
      'flows/funnel.script.yaml': scriptFile(receiver.port),
    });
  });

  afterEach(() => {
    receiver.received.length = 0;
    toInterrupt = undefined;
  });

  after(async () => {
    await receiver?.close();
    removeDir(root);
  });

  const run = (args: string[], env: Record<string, string | undefined> = { TOKEN }) => runCli(['send', '--all', ...args], { cwd: root, env });
  const paths = () => receiver.received.map((got) => got.url.pathname);

  test('every request of a file is sent in turn; the refused one is not; the table says each; exit 1', async () => {
    const result = await run(['hooks.webhook', '--profile', 'lead']);
    assert.equal(result.code, 1, shown(result));
    assert.deepEqual(paths(), ['/25123a/postback', '/fail', '/echo-auth']);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], '### hooks.webhook (profile lead)');
    assert.equal(lines[1], '# 4 requests · 2xx: 2 · other status: 1 · refused: 1');
    assert.match(lines[2], /^Request\s+Status\s+Time\s+Receiver records, or why not$/);
    assert.match(lines[3], /^Keitaro lead\s+✓ 200\s+\d+ ms\s+Keitaro records "lead" on click c-lead\.$/);
    assert.match(lines[4], /^Failing\s+✗ 500\s+\d+ ms\s+HTTP 500 Internal Server Error: subid is missing$/);
    assert.match(lines[5], /^Mistake\s+✗ refused\s+—\s+no value for \{chatid\} \(Unknown key "chatid"/);
    assert.match(lines[6], /^Authorized\s+✓ 200\s+\d+ ms\s+\(not a known receiver: nothing to say\)$/);
  });

  test('exit 0 when every request was sent and answered 2xx', async () => {
    const result = await run(['good/good.webhook']);
    assert.equal(result.code, 0, shown(result));
    assert.deepEqual(paths(), ['/ok/one', '/ok/two']);
    assert.match(result.stdout, /^# 2 requests · 2xx: 2$/m);
  });

  test('a folder: every template under it (the fields file left out), one table each, and the total; sends reuse connections', async () => {
    const before = receiver.connections();
    const result = await run(['.', '--profile', 'lead']);
    assert.equal(result.code, 1, shown(result));
    // One pool for the run: without it each send connects anew (undici may open a second one while the first is released).
    const opened = receiver.connections() - before;
    assert.ok(opened < paths().length / 2, `${opened} connections for ${paths().length} requests`);
    const titles = result.stdout.split('\n').filter((line) => line.startsWith('### '));
    assert.deepEqual(titles.sort(), ['### flows/funnel.script.yaml (profile lead)', '### good/good.webhook (profile lead)', '### hooks.webhook (profile lead)']);
    assert.match(result.stdout, /^# Total: 9 requests · 2xx: 7 · other status: 1 · refused: 1$/m);
    assert.ok(paths().includes('/ok/step') && paths().includes('/ok/last'), paths().join(' '));
    const step = receiver.received.find((got) => got.url.pathname === '/ok/step');
    assert.equal(step?.url.searchParams.get('s'), 'lead_step');
  });

  test('an empty value refuses its request unless --allow-empty', async () => {
    const refused = await run(['hooks.webhook', '--profile', 'no-username']);
    assert.match(refused.stdout, /^Keitaro lead\s+✗ refused\s+—\s+empty for this profile: \{username\}$/m);
    assert.ok(!paths().includes('/25123a/postback'));
    receiver.received.length = 0;
    const allowed = await run(['hooks.webhook', '--profile', 'no-username', '--allow-empty']);
    assert.match(allowed.stdout, /^Keitaro lead\s+✓ 200/m, shown(allowed));
    assert.equal(receiver.received[0].url.searchParams.get('sub_id_1'), '');
  });

  test('--junit writes one testsuite per file and one testcase per request, failures for what did not pass', async () => {
    const result = await run(['.', '--profile', 'lead', '--junit', 'reports/../send.xml']);
    assert.equal(result.code, 1, shown(result));
    const xml = readFileSync(join(root, 'send.xml'), 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml);
    const hooks = parsed.testsuites.testsuite.find((suite: { name: string }) => suite.name === 'hooks.webhook');
    assert.deepEqual([hooks.tests, hooks.failures], ['4', '2']);
    assert.deepEqual(
      hooks.testcase.map((testcase: { name: string; line: string; failure?: { type: string } }) => [testcase.name, testcase.line, testcase.failure?.type]),
      [['Keitaro lead', '1', undefined], ['Failing', '4', 'http-500'], ['Mistake', '7', 'refused'], ['Authorized', '10', undefined]],
    );
    assert.deepEqual([parsed.testsuites.tests, parsed.testsuites.failures], ['9', '2']);
  });

  test('${env:TOKEN} reaches the receiver and never the table or the report', async () => {
    const result = await run(['hooks.webhook', '--profile', 'lead', '--junit', 'secret.xml']);
    assert.equal(receiver.received.find((got) => got.url.pathname === '/echo-auth')?.headers.authorization, `Bearer ${TOKEN}`);
    for (const text of [result.stdout, result.stderr, readFileSync(join(root, 'secret.xml'), 'utf8')]) assert.ok(!text.includes(TOKEN), `the token leaked: ${text}`);
  });

  test('${env:TOKEN} unset: that request is refused naming the variable, the others go', async () => {
    const result = await run(['hooks.webhook', '--profile', 'lead'], { TOKEN: undefined });
    assert.match(result.stdout, /^Authorized\s+✗ refused\s+—\s+no value for \{api_token\} \(environment variable TOKEN is not set\)$/m);
    assert.deepEqual(paths(), ['/25123a/postback', '/fail']);
  });

  test('the first Ctrl-C stops after the request in flight: it is answered, the rest not sent, the table printed', async () => {
    const result = await runCli(['send', '--all', 'flows/funnel.script.yaml'], { cwd: root, started: (child) => (toInterrupt = child) });
    assert.equal(result.code, 1, shown(result));
    assert.deepEqual(paths(), ['/ok/step', '/slow']);
    assert.match(result.stdout, /^slow_step\s+✓ 200/m, shown(result));
    assert.match(result.stdout, /^last_step\s+– not sent\s+—\s+the run was stopped before its turn$/m);
    assert.match(result.stderr, /stopping after the request in flight/);
  });

  test('bad usage exits 2 and sends nothing: an unknown profile, a file that is no template, --request, --junit alone, expand --all', async () => {
    const runs = [
      await run(['hooks.webhook', '--profile', 'ghost']),
      await run(['webhook-fields.json']),
      await run(['hooks.webhook', '--request', 'Failing']),
      await runCli(['send', 'hooks.webhook', '--junit', 'x.xml'], { cwd: root }),
      await runCli(['expand', '--all', 'hooks.webhook'], { cwd: root }),
      await run(['missing-folder']),
    ];
    for (const result of runs) assert.equal(result.code, 2, shown(result));
    assert.match(runs[0].stderr, /No profile "ghost".*lead, no-username/);
    assert.match(runs[1].stderr, /not a template/);
    assert.deepEqual(paths(), []);
  });

  test('a folder without templates exits 2', async () => {
    const empty = makeWorkspace({ 'notes.txt': 'nothing here' });
    try {
      const result = await runCli(['send', '--all', '.'], { cwd: empty });
      assert.equal(result.code, 2, shown(result));
      assert.match(result.stderr, /No request or webhook step to send/);
    } finally {
      removeDir(empty);
    }
  });
});
