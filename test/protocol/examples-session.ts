// A language server on a fresh copy of examples/: where most protocol suites start.
import { LspClient } from './lsp-client';
import { copyExamples, removeWorkspace } from './workspace';

export interface ExamplesSession {
  root: string;
  client: LspClient;
}

export async function serveExamples(): Promise<ExamplesSession> {
  const root = copyExamples();
  return { root, client: await LspClient.start({ folders: [root] }) };
}

/** Stops the server and removes the copy; safe when `before` failed half-way. */
export async function stopExamples(session: Partial<ExamplesSession>): Promise<void> {
  await session.client?.stop();
  if (session.root) removeWorkspace(session.root);
}
