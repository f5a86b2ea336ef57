// Section 7: expand + send through our code against a bare undici request, to the same local HTTP server.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from './core-check.mjs';
import { median, now } from './stats.mjs';

const require = createRequire(import.meta.url);
const SEND_OPTIONS = { timeoutMs: 10000, maxRedirects: 5, maxResponseBytes: 1024 * 1024 };
/** Sends are timed in rounds, ours and bare undici in turn, so a drift of the machine's speed touches both alike. */
const ROUNDS = 8;

function startReceiver() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  let connections = 0;
  server.on('connection', () => connections++);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, connections: () => connections })));
}

/** One POST request of a .webhook file aimed at the local receiver, parsed by the core. */
function templateRequest(core, port) {
  const text = `### lead\nPOST http://127.0.0.1:${port}/postback?subid={tracker.clickid}&chat={chatId}&geo={geo}\nContent-Type: application/json\n\n{"chat_id": "{chatId}", "user": "{username}", "amount": "{deposit_amount}"}\n`;
  const document = TextDocument.create('file:///bench/send.webhook', 'webhook-template', 1, text);
  return core.createTemplateService().parseTemplate(document).requests[0];
}

async function timeLoop(count, send) {
  const started = now();
  for (let i = 0; i < count; i++) await send();
  return now() - started;
}

/** `count` sends of each, after a warm-up of both: the median and range of the per-round ratios a / b. */
async function pairedRounds(count, a, b) {
  const perRound = Math.max(1, Math.round(count / ROUNDS));
  await timeLoop(perRound, a);
  await timeLoop(perRound, b);
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Which goes first alternates: neither always finds the other's garbage to collect.
    const [aMs, bMs] = i % 2 === 0 ? [await timeLoop(perRound, a), await timeLoop(perRound, b)] : [await timeLoop(perRound, b), await timeLoop(perRound, a)].reverse();
    rounds.push({ aMs, bMs, ratio: aMs / bMs });
  }
  const ratios = rounds.map((round) => round.ratio);
  const total = (pick) => rounds.reduce((sum, round) => sum + pick(round), 0);
  return { sends: perRound * ROUNDS, aMs: total((round) => round.aMs), bMs: total((round) => round.bMs), ratio: median(ratios), minRatio: Math.min(...ratios), maxRatio: Math.max(...ratios) };
}

async function bareUndici(url, dispatcher) {
  const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"chat_id": "482913377"}', dispatcher });
  await response.body.text();
  if (dispatcher) await dispatcher.close();
}

/**
 * `count` sends each way; the ratio is ours (expand, then send through the Agent the extension keeps for the timeout,
 * send/src/send-agents.ts) / bare undici (its global pooled keep-alive dispatcher), paired round by round.
 */
export async function measureSend(core, fields, count = 1000) {
  const service = core.createTemplateService();
  const expandRequest = (...args) => service.expandedRequestOf(...args);
  const { sendRequest } = require(join(repoRoot, 'out/send/src/http.js'));
  const { SendAgents } = require(join(repoRoot, 'out/send/src/send-agents.js'));
  const agents = new SendAgents();
  const { server: receiver, connections } = await startReceiver();
  const port = receiver.address().port;
  const url = `http://127.0.0.1:${port}/postback?subid=7f3a9c01&chat=482913377&geo=KZ`;
  try {
    const template = templateRequest(core, port);
    const expandOnlyMs = await timeLoop(count, async () => expandRequest(template, fields, 'lead', {}));
    const ours = () => sendRequest(expandRequest(template, fields, 'lead', {}), { ...SEND_OPTIONS, l10n: service.l10n, agents });
    const before = connections();
    const paired = await pairedRounds(count, ours, () => bareUndici(url));
    const connectionsUsed = connections() - before;
    // The send path on its own: one request expanded beforehand, sent again and again.
    const expanded = expandRequest(template, fields, 'lead', {});
    const sendOnly = await pairedRounds(count, () => sendRequest(expanded, { ...SEND_OPTIONS, l10n: service.l10n, agents }), () => bareUndici(url));
    const bareFreshAgentMs = await timeLoop(count, () => bareUndici(url, new Agent()));
    const oursPerSend = paired.aMs / paired.sends;
    return {
      requests: paired.sends,
      oursMs: paired.aMs,
      bareMs: paired.bMs,
      ratio: paired.ratio,
      ratioRange: [paired.minRatio, paired.maxRatio],
      rounds: ROUNDS,
      connectionsUsed,
      sendOnlyRatio: sendOnly.ratio,
      sendOnlyRatioRange: [sendOnly.minRatio, sendOnly.maxRatio],
      expandOnlyMs,
      bareFreshAgentMs,
      ratioVsFreshAgent: (oursPerSend * count) / bareFreshAgentMs,
    };
  } finally {
    await agents.close();
    receiver.closeAllConnections();
    receiver.close();
  }
}
