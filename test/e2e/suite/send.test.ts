// "Send test webhook" through the real command to a receiver on 127.0.0.1: hostile profile values arrive intact.
import * as assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { activateExtension, openDocument, waitFor, workspaceFile } from './support';

interface Received {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Values that break naive URL building, JSON building and template expansion. */
const HOSTILE = {
  username: `ivan&status=sale#frag x/y?z=1 %41+"quote'<tag>ü🙂`,
  clickid: '7f3a 9c01&payout=1000;sub=2',
  note: 'line one\nline "two"\t\\ {chatId} {{username}} </script>',
};

const FIELDS = {
  placeholderSyntax: 'braces',
  customFields: { note: { type: 'long-text', description: 'Free text' } },
  trackerFields: { clickid: { description: 'Click id', example: 'example-click' } },
  profiles: { lead: { username: HOSTILE.username, chatId: 482913377, 'tracker.clickid': HOSTILE.clickid, note: HOSTILE.note } },
};

function template(port: number): string {
  return [
    '### Receiver',
    `POST http://127.0.0.1:${port}/hook?user={username}&click={tracker.clickid}&note={note}`,
    'Content-Type: application/json',
    'X-Click: {tracker.clickid}',
    '',
    '{"chat": "{chatId}", "user": "{username}", "note": "{note}"}',
    '',
  ].join('\n');
}

/** The receiver's side of keep-alive: connections it accepted and connections that closed since. */
interface Connections {
  opened: number;
  closed: number;
}

function startReceiver(received: Received[], connections: Connections): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      received.push({ method: request.method ?? '', url, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('received');
    });
  });
  // Idle connections are kept a minute (the Keep-Alive header tells the sender so): only the sender closes one sooner.
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    connections.opened++;
    socket.on('close', () => connections.closed++);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

suite('send test webhook', () => {
  const received: Received[] = [];
  const connections: Connections = { opened: 0, closed: 0 };
  let server: Server;
  let uri: vscode.Uri;

  suiteSetup(async () => {
    await activateExtension();
    server = await startReceiver(received, connections);
    const { port } = server.address() as AddressInfo;
    await vscode.workspace.fs.writeFile(workspaceFile('e2e-send', 'webhook-fields.json'), Buffer.from(JSON.stringify(FIELDS, null, 2)));
    uri = workspaceFile('e2e-send', 'receiver.webhook');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(template(port)));
    await openDocument('e2e-send', 'receiver.webhook');
  });

  suiteTeardown(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  const send = () => vscode.commands.executeCommand<{ status: number }>('webhookTemplates.sendTestWebhook', { uri, line: 1, profile: 'lead', confirm: false });

  test('the command sends the request with profile "lead" and returns the receiver\'s answer', async () => {
    const outcome = await vscode.commands.executeCommand<{ url: string; method: string; status: number; body: string }>(
      'webhookTemplates.sendTestWebhook',
      { uri, line: 1, profile: 'lead', confirm: false },
    );
    assert.ok(outcome, 'the command returned nothing');
    assert.equal(outcome.status, 200);
    assert.equal(outcome.method, 'POST');
    assert.equal(outcome.body, 'received');
    assert.equal(received.length, 1);
  });

  test('the receiver saw every hostile value intact in the query, a header and the JSON body', () => {
    assert.equal(received.length, 1, 'the request did not arrive (see the previous test)');
    const [request] = received;
    assert.equal(request.method, 'POST');
    assert.equal(request.url.pathname, '/hook');
    assert.deepEqual([...request.url.searchParams.entries()], [['user', HOSTILE.username], ['click', HOSTILE.clickid], ['note', HOSTILE.note]]);
    assert.equal(request.headers['x-click'], HOSTILE.clickid);
    assert.deepEqual(JSON.parse(request.body), { chat: '482913377', user: HOSTILE.username, note: HOSTILE.note });
  });

  test('sends in a row reuse the connection the extension keeps open', async () => {
    assert.equal((await send())?.status, 200);
    const opened = connections.opened;
    for (let i = 0; i < 3; i++) assert.equal((await send())?.status, 200);
    assert.equal(connections.opened, opened, 'a send after the first connected again');
    assert.equal(connections.closed, 0);
  });

  test('a changed send setting closes the kept connection; the next send connects anew', async () => {
    const settings = vscode.workspace.getConfiguration('webhookTemplates');
    const opened = connections.opened;
    await settings.update('send.timeoutSeconds', 7, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the kept connection to close', () => (connections.closed === opened ? true : undefined), 3000);
      assert.equal((await send())?.status, 200);
      assert.equal(connections.opened, opened + 1);
    } finally {
      await settings.update('send.timeoutSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
