// A language server on a workspace folder made for a suite (most often a fresh copy of examples/), and its teardown.
import { LspClient } from './lsp-client';
import { copyExamples, removeWorkspace } from './workspace';

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

/** Stops the server and removes the copy; safe when `before` failed half-way. */
export async function stopExamples(session: Partial<ExamplesSession>): Promise<void> {
  await session.client?.stop();
  if (session.root) removeWorkspace(session.root);
}
