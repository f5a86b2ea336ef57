// Starts the language client on the bundled server and restarts it when a setting it depends on changes.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RESTART_SETTINGS, SECTION, allScriptGlobs } from './config';
import { crashHandler } from './server-errors';
import type { TypingDiagnostics } from './typing-diagnostics';
import { FIELDS_FILE_GLOB, SCRIPT_FILE_GLOB, WEBHOOK_FILE_GLOB, documentSelector } from './document-selector';

export interface ClientHandle {
  client: LanguageClient;
  /** The current client's start (the server spawned and its handshake done); rejected when it failed. */
  ready: Promise<void>;
}

function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
}

function clientOptions(log: vscode.LogOutputChannel, typing: TypingDiagnostics): LanguageClientOptions {
  return {
    documentSelector: documentSelector(allScriptGlobs()),
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
  onRunning: (client: LanguageClient) => void,
): ClientHandle {
  const create = () => {
    const made = new LanguageClient('webhookTemplates', 'Webhook Templates', serverOptions(context), clientOptions(log, typing));
    context.subscriptions.push(made.onDidChangeState((event) => event.newState === State.Running && onRunning(made)));
    return made;
  };
  const client = create();
  const handle: ClientHandle = { client, ready: client.start() };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!RESTART_SETTINGS.some((name) => event.affectsConfiguration(`${SECTION}.${name}`))) return;
      log.info('A setting the server depends on changed: restarting it.');
      await handle.client.stop();
      handle.client = create();
      handle.ready = handle.client.start();
      await handle.ready;
    }),
  );
  return handle;
}
