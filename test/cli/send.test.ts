// CLI tests of `webhook-templates send` against a real HTTP receiver on 127.0.0.1.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { makeWorkspace, refusedPort, removeDir, runCli, shown, startReceiver, type Receiver, type Received } from './cli-helpers';

const HOSTILE = 'a b&c=d#e+f Иван 🙂';
const QUOTED = 'say "hi" \\ back\\slash';
const TOKEN = 'tok-3f9a-SECRET-77c1';

const FIELDS = {
  customFields: { api_token: { type: 'text', description: 'Partner API token' } },
  trackerFields: { clickid: { description: 'Click id', example: '7f3a9c01' } },
  profiles: {
    hostile: { username: HOSTILE, chatId: 482913377, 'tracker.clickid': 'cl/ick?1' },
    quoted: { username: QUOTED, chatId: -100200300 },
    'no-username': { username: '', chatId: 1000001 },
    'with-token': { username: 'ivan_petrov', chatId: 5, api_token: '${env:TOKEN}' },
    'broken-token': { username: 'ivan_petrov', chatId: 5, api_token: 'abc\r\nX-Injected: 1' },
  },
};

function webhookFile(port: number): string {
  const base = `http://127.0.0.1:${port}`;
  return [
    '### Postback',
    `GET ${base}/postback?subid={tracker.clickid}&username={username}&chatid={chatId}`,
    '',
    '### Lead JSON',
    `POST ${base}/leads`,
    '',
    '{"username": "{username}", "chat_id": "{chatId}", "clickid": "{tracker.clickid}", "meta": {}}',
    '',
    '### Failing',
    `GET ${base}/fail?chatid={chatId}`,
    '',
    '### Authorized',
    `GET ${base}/echo-auth?chatid={chatId}`,
    'Authorization: Bearer {api_token}',
    '',
    '### Hanging',
    `GET ${base}/hang?chatid={chatId}`,
    '',
    '### Mistake',
    `GET ${base}/postback?chatid={chatid}`,
    '',
  ].join('\n');
}

/** 500 on /fail, never answers /hang, echoes the Authorization header on /echo-auth, else 200 with a small JSON body. */
function respond(request: Received, response: import('node:http').ServerResponse): void {
  if (request.url.pathname === '/hang') return;
  if (request.url.pathname === '/fail') {
    response.writeHead(500, { 'Content-Type': 'text/plain' }).end('boom');
    return;
  }
  const body = request.url.pathname === '/echo-auth' ? { seen: request.headers.authorization ?? null } : { ok: true };
  response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

describe('cli send', () => {
  let receiver: Receiver;
  let root: string;

  before(async () => {
    receiver = await startReceiver(respond);
    root = makeWorkspace({ 'webhook-fields.json': JSON.stringify(FIELDS, null, 2), 'hooks.webhook': webhookFile(receiver.port) });
  });

  afterEach(() => {
    receiver.received.length = 0;
  });

  after(async () => {
    await receiver?.close();
    removeDir(root);
  });

  const send = (...args: string[]) => runCli(['send', 'hooks.webhook', ...args], { cwd: root, env: { TOKEN: undefined } });

  test('a GET with a hostile username reaches the receiver with the exact values, exit 0 and HTTP 200', async () => {
    const run = await send('--profile', 'hostile', '--request', 'Postback');
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /^HTTP 200\b/m, shown(run));
    assert.equal(receiver.received.length, 1, shown(run));
    const [got] = receiver.received;
    assert.equal(got.method, 'GET');
    assert.equal(got.url.pathname, '/postback');
    assert.deepEqual([...got.url.searchParams], [
      ['subid', 'cl/ick?1'],
      ['username', HOSTILE],
      ['chatid', '482913377'],
    ]);
  });

  test('a POST JSON body carries the hostile username as a JSON string, sent as application/json', async () => {
    const run = await send('--profile', 'hostile', '--request', 'Lead JSON');
    assert.equal(run.code, 0, shown(run));
    const [got] = receiver.received;
    assert.equal(got.method, 'POST');
    assert.equal(got.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(got.body), { username: HOSTILE, chat_id: '482913377', clickid: 'cl/ick?1', meta: {} });
  });

  test('quotes and backslashes in a value are JSON-escaped in the body, and a negative chat id survives', async () => {
    const run = await send('--profile', 'quoted', '--request', 'Lead JSON');
    assert.equal(run.code, 0, shown(run));
    assert.deepEqual(JSON.parse(receiver.received[0].body), { username: QUOTED, chat_id: '-100200300', clickid: '7f3a9c01', meta: {} });
  });

  test('the answer is printed: request line, status, headers and the JSON body', async () => {
    const run = await send('--profile', 'hostile', '--request', 'Postback');
    assert.match(run.stdout, new RegExp(`^GET http://127\\.0\\.0\\.1:${receiver.port}/postback\\?`, 'm'));
    assert.match(run.stdout, /^content-type: application\/json$/im);
    assert.match(run.stdout, /"ok": true/);
  });

  test('a 500 answer exits 1 and shows the status', async () => {
    const run = await send('--profile', 'hostile', '--request', 'Failing');
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stdout, /^HTTP 500\b/m, shown(run));
    assert.match(run.stdout, /boom/);
    assert.equal(receiver.received.length, 1);
  });

  test('an empty username stops the send: exit 1, the placeholder named as empty, nothing received', async () => {
    const run = await send('--profile', 'no-username', '--request', 'Postback');
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stderr, /empty/i);
    assert.match(run.stderr, /\{username\}/);
    assert.equal(receiver.received.length, 0);
  });

  test('--allow-empty sends the empty username', async () => {
    const run = await send('--profile', 'no-username', '--request', 'Postback', '--allow-empty');
    assert.equal(run.code, 0, shown(run));
    assert.equal(receiver.received.length, 1);
    assert.equal(receiver.received[0].url.searchParams.get('username'), '');
    assert.equal(receiver.received[0].url.searchParams.get('chatid'), '1000001');
  });

  test('an unresolved placeholder stops the send: exit 1, listed on stderr, nothing received', async () => {
    const run = await send('--profile', 'hostile', '--request', 'Mistake');
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stderr, /unresolved/i);
    assert.match(run.stderr, /\{chatid\}/);
    assert.equal(receiver.received.length, 0);
  });

  test('a header value with a line break stops the send: exit 1, the header named with the break written out', async () => {
    const run = await send('--profile', 'broken-token', '--request', 'Authorized');
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stderr, /line break/);
    assert.match(run.stderr, /Authorization: Bearer abc\\r\\nX-Injected: 1/);
    assert.equal(receiver.received.length, 0);
  });

  test('several requests and no --request exit 2 and list them; nothing is sent', async () => {
    const run = await send('--profile', 'hostile');
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /--request/);
    for (const name of ['Postback', 'Lead JSON', 'Failing', 'Authorized', 'Mistake']) assert.ok(run.stderr.includes(name), `${name} not listed: ${shown(run)}`);
    assert.equal(receiver.received.length, 0);
  });

  test('an unknown profile exits 2 and sends nothing', async () => {
    const run = await send('--profile', 'ghost', '--request', 'Postback');
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /hostile/);
    assert.equal(receiver.received.length, 0);
  });

  test('${env:TOKEN} in a header reaches the receiver, while stdout shows *** instead of it', async () => {
    const run = await runCli(['send', 'hooks.webhook', '--profile', 'with-token', '--request', 'Authorized'], { cwd: root, env: { TOKEN } });
    assert.equal(run.code, 0, shown(run));
    assert.equal(receiver.received[0].headers.authorization, `Bearer ${TOKEN}`);
    assert.ok(!run.stdout.includes(TOKEN), `the token leaked: ${shown(run)}`);
    assert.ok(!run.stderr.includes(TOKEN), `the token leaked: ${shown(run)}`);
    assert.match(run.stdout, /\*\*\*/);
  });

  test('${env:TOKEN} unset: exit 1 naming the variable, nothing received', async () => {
    const run = await send('--profile', 'with-token', '--request', 'Authorized');
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stderr, /TOKEN/);
    assert.equal(receiver.received.length, 0);
  });

  test('no answer within --timeout exits 1 saying so', async () => {
    const started = Date.now();
    const run = await send('--profile', 'hostile', '--request', 'Hanging', '--timeout', '0.5');
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stderr, /No answer/, shown(run));
    assert.ok(Date.now() - started < 10000, 'the timeout was not honoured');
  });
});

describe('cli send to a closed port', () => {
  let root: string;

  before(async () => {
    root = makeWorkspace({ 'webhook-fields.json': JSON.stringify(FIELDS), 'hooks.webhook': webhookFile(await refusedPort()) });
  });

  after(() => removeDir(root));

  test('a refused connection exits 1 with "Connection refused"', async () => {
    const run = await runCli(['send', 'hooks.webhook', '--profile', 'hostile', '--request', 'Postback'], { cwd: root });
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stderr, /Connection refused/, shown(run));
  });
});
