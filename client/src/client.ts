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
  /** The current client's start (the server spawned and its handshake done); rejected when it failed. */
  ready: Promise<void>;
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
 * Starts the client without waiting for the server: activation returns while the server spawns and answers the
 * handshake (`ready`), so nothing waits on it that does not need it. `onRunning` is called each time a server is up (first start, restart after a crash or a
 * command, a new client after a setting changed), to tell it what lives only in the client (the active profile).
 */
export function startClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  typing: TypingDiagnostics,
  platform: ClientPlatform,
  onRunning: (client: BaseLanguageClient) => void,
): ClientHandle | Promise<ClientHandle> {
  const prepare = (made: BaseLanguageClient) => {
    // The server asks for files it cannot read itself (all of them in a browser; a virtual workspace's on the desktop).
    answerFileRequests(made);
    context.subscriptions.push(made.onDidChangeState((event) => event.newState === State.Running && onRunning(made)));
    return made;
  };
  const create = () => {
    const made = platform.createClient(context, clientOptions(log, typing));
    return made instanceof Promise ? made.then(prepare) : prepare(made);
  };
  const begin = (client: BaseLanguageClient): ClientHandle => {
    const handle: ClientHandle = {
      client,
      ready: client.start(),
      restart: async () => {
        await handle.client.stop();
        handle.client = await create();
        handle.ready = handle.client.start();
        await handle.ready;
      },
    };
    context.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration(async (event) => {
        if (!RESTART_SETTINGS.some((name) => event.affectsConfiguration(`${SECTION}.${name}`))) return;
        log.info('A setting the server depends on changed: restarting it.');
        await handle.restart();
      }),
    );
    return handle;
  };
  // In Node.js the handle is there when activation returns; in a browser it may come a moment later.
  const first = create();
  return first instanceof Promise ? first.then(begin) : begin(first);
}
