// Starts the language client on the bundled server and restarts it when a setting it depends on changes.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RESTART_SETTINGS, SECTION, allScriptGlobs } from './config';
import { crashHandler } from './server-errors';
import { FIELDS_FILE_GLOB, SCRIPT_FILE_GLOB, WEBHOOK_FILE_GLOB, documentSelector } from './document-selector';

export interface ClientHandle {
  client: LanguageClient;
}

function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
}

function clientOptions(log: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: documentSelector(allScriptGlobs()),
    synchronize: { fileEvents: [FIELDS_FILE_GLOB, WEBHOOK_FILE_GLOB, SCRIPT_FILE_GLOB].map((glob) => vscode.workspace.createFileSystemWatcher(glob)) },
    outputChannel: log,
    diagnosticCollectionName: 'webhook-templates',
    errorHandler: crashHandler(log),
  };
}

export async function startClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<ClientHandle> {
  const client = new LanguageClient('webhookTemplates', 'Webhook Templates', serverOptions(context), clientOptions(log));
  const handle: ClientHandle = { client };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!RESTART_SETTINGS.some((name) => event.affectsConfiguration(`${SECTION}.${name}`))) return;
      log.info('A setting the server depends on changed: restarting it.');
      await handle.client.stop();
      handle.client = new LanguageClient('webhookTemplates', 'Webhook Templates', serverOptions(context), clientOptions(log));
      await handle.client.start();
    }),
  );
  await client.start();
  return handle;
}
