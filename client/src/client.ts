// Starts the language client on the bundled server and restarts it when a setting it depends on changes.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { RESTART_SETTINGS, SECTION, allScriptGlobs } from './config';
import { answerFileRequests } from './files/answer-file-requests';
import type { ClientPlatform } from './platform';
import { crashHandler } from './server-errors';
import type { TypingDiagnostics } from './typing-diagnostics';
import { FIELDS_FILE_GLOB, SCRIPT_FILE_GLOB, WEBHOOK_FILE_GLOB, documentSelector, workspaceFileSchemes } from './document-selector';

export interface ClientHandle {
  client: BaseLanguageClient;
  /** Stops the client and starts a new one (a browser's server worker cannot be started again once stopped). */
  restart(): Promise<void>;
}

function clientOptions(log: vscode.LogOutputChannel, typing: TypingDiagnostics): LanguageClientOptions {
  return {
    documentSelector: documentSelector(allScriptGlobs(), workspaceFileSchemes()),
    synchronize: {
      fileEvents: [FIELDS_FILE_GLOB, WEBHOOK_FILE_GLOB, SCRIPT_FILE_GLOB].map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
      // The server reads settings per resource (workspace/configuration); this tells it when they change.
      configurationSection: SECTION,
    },
    outputChannel: log,
    diagnosticCollectionName: 'webhook-templates',
    errorHandler: crashHandler(log),
    middleware: { handleDiagnostics: typing.handleDiagnostics },
  };
}

/**
 * Starts the client; `onRunning` is called each time a server is up (first start, restart after a crash or a
 * command, a new client after a setting changed), to tell it what lives only in the client (the active profile).
 */
export async function startClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  typing: TypingDiagnostics,
  platform: ClientPlatform,
  onRunning: (client: BaseLanguageClient) => void,
): Promise<ClientHandle> {
  const create = async () => {
    const made = await platform.createClient(context, clientOptions(log, typing));
    // The server asks for files it cannot read itself (all of them in a browser; a virtual workspace's on the desktop).
    answerFileRequests(made);
    context.subscriptions.push(made.onDidChangeState((event) => event.newState === State.Running && onRunning(made)));
    return made;
  };
  const handle: ClientHandle = {
    client: await create(),
    restart: async () => {
      await handle.client.stop();
      handle.client = await create();
      await handle.client.start();
    },
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!RESTART_SETTINGS.some((name) => event.affectsConfiguration(`${SECTION}.${name}`))) return;
      log.info('A setting the server depends on changed: restarting it.');
      await handle.restart();
    }),
  );
  await handle.client.start();
  return handle;
}
