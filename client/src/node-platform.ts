// The extension's activation in Node.js: the server in a process of its own over IPC (dist/server.js).
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { ClientPlatform } from './platform';

function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
}

export const NODE_PLATFORM: ClientPlatform = {
  kind: 'node',
  createClient: (context, options) => new LanguageClient('webhookTemplates', 'Webhook Templates', serverOptions(context), options),
};
