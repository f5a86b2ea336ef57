// A language server on a workspace folder made for a suite (most often a fresh copy of examples/), and its teardown.
import { join } from 'node:path';
import { LspClient, fileUri } from './lsp-client';
import { copyExamples, readText, removeWorkspace } from './workspace';

export interface ExamplesSession {
  root: string;
  client: LspClient;
}

/** A server on `root`, a temporary folder the session owns (removed by stopExamples). */
export async function serveFolder(root: string): Promise<ExamplesSession> {
  return { root, client: await LspClient.start({ folders: [root] }) };
}

export function serveExamples(): Promise<ExamplesSession> {
  return serveFolder(copyExamples());
}

export interface OpenExample {
  uri: string;
  text: string;
}

/** A server on a copy of examples/ with keitaro.webhook and funnel.script.yaml open in the editor. */
export async function serveOpenExamples(): Promise<ExamplesSession & { webhook: OpenExample; script: OpenExample }> {
  const session = await serveExamples();
  const webhook = { uri: fileUri(join(session.root, 'keitaro.webhook')), text: readText(session.root, 'keitaro.webhook') };
  const script = { uri: fileUri(join(session.root, 'funnel.script.yaml')), text: readText(session.root, 'funnel.script.yaml') };
  await session.client.open(webhook.uri, 'webhook-template', webhook.text);
  await session.client.open(script.uri, 'yaml', script.text);
  return { ...session, webhook, script };
}

/** Stops the server and removes the copy; safe when `before` failed half-way. */
export async function stopExamples(session: Partial<ExamplesSession>): Promise<void> {
  await session.client?.stop();
  if (session.root) removeWorkspace(session.root);
}
