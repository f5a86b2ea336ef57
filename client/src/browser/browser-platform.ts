// The extension's platform in a browser's web worker: the server in a worker of its own (dist/web/server.js), sending
// with fetch, files written through the editor's file system, and no local receiver (a page cannot listen on a port).
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { sendWithFetch } from '../../../send/src/fetch-send';
import { writeNewFileThroughEditor } from '../files/write-new-file';
import type { ClientPlatform, CommandPlatform } from '../platform';

/** A web worker's own Worker (the type-check knows Node.js's globals, not a browser's). */
declare const Worker: new (url: string) => ServerWorker;

type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];

/**
 * The server's worker. From the web (vscode.dev's extension CDN) it starts from its URL; a web worker's extension host
 * refuses that for an extension whose files are on a VS Code server (code-server, a remote; the in-editor web suite),
 * so there the script is read through the editor's file system and started from a blob URL.
 */
async function serverWorker(context: vscode.ExtensionContext): Promise<ServerWorker> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  if (script.scheme !== 'vscode-remote' && script.scheme !== 'file') return new Worker(script.toString(true));
  const bytes = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })));
}

export const BROWSER_PLATFORM: ClientPlatform = {
  kind: 'browser',
  createClient: async (context, options) => new LanguageClient('webhookTemplates', 'Webhook Templates', options, await serverWorker(context)),
};

export const BROWSER_COMMANDS: CommandPlatform = {
  kind: 'browser',
  send: (request, options) => sendWithFetch(request, options),
  writeNewFile: writeNewFileThroughEditor,
  localReceiver: () => undefined,
};
