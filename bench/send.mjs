// Section 7: expand + send through our code against a bare undici request, to the same local HTTP server.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from './core-check.mjs';
import { now } from './stats.mjs';

const require = createRequire(import.meta.url);
const SEND_OPTIONS = { timeoutMs: 10000, maxRedirects: 5, maxResponseBytes: 1024 * 1024 };

function startReceiver() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** One POST request of a .webhook file aimed at the local receiver, parsed by the core. */
function templateRequest(core, port) {
  const text = `### lead\nPOST http://127.0.0.1:${port}/postback?subid={tracker.clickid}&chat={chatId}&geo={geo}\nContent-Type: application/json\n\n{"chat_id": "{chatId}", "user": "{username}", "amount": "{deposit_amount}"}\n`;
  const document = TextDocument.create('file:///bench/send.webhook', 'webhook-template', 1, text);
  return core.createTemplateService().parseTemplate(document).requests[0];
}

async function timeLoop(count, send) {
  await send();
  const started = now();
  for (let i = 0; i < count; i++) await send();
  return now() - started;
}

async function bareUndici(url, dispatcher) {
  const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"chat_id": "482913377"}', dispatcher });
  await response.body.text();
  if (dispatcher) await dispatcher.close();
}

/** 1,000 sends each way; the ratio is ours / bare undici (pooled keep-alive, its default). */
export async function measureSend(core, fields, count = 1000) {
  const service = core.createTemplateService();
  const expandRequest = (...args) => service.expandedRequestOf(...args);
  const { sendRequest } = require(join(repoRoot, 'out/send/src/http.js'));
  const receiver = await startReceiver();
  const port = receiver.address().port;
  const url = `http://127.0.0.1:${port}/postback?subid=7f3a9c01&chat=482913377&geo=KZ`;
  try {
    const template = templateRequest(core, port);
    const expandOnlyMs = await timeLoop(count, async () => expandRequest(template, fields, 'lead', {}));
    const oursMs = await timeLoop(count, () => sendRequest(expandRequest(template, fields, 'lead', {}), { ...SEND_OPTIONS, l10n: service.l10n }));
    const bareMs = await timeLoop(count, () => bareUndici(url));
    const bareFreshAgentMs = await timeLoop(count, () => bareUndici(url, new Agent()));
    return { requests: count, oursMs, bareMs, ratio: oursMs / bareMs, expandOnlyMs, bareFreshAgentMs, ratioVsFreshAgent: oursMs / bareFreshAgentMs };
  } finally {
    receiver.closeAllConnections();
    receiver.close();
  }
}
