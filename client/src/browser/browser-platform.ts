// The extension's platform in a browser's web worker: the server in a worker of its own (dist/web/server.js), sending
// with fetch, files written through the editor's file system, and no local receiver (a page cannot listen on a port).
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { sendWithFetch } from '../../../send/src/fetch-send';
import { writeNewFileThroughEditor } from '../files/write-new-file';
import type { ClientPlatform, CommandPlatform } from '../platform';

/** A web worker's own Worker (the type-check knows Node.js's globals, not a browser's). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export const BROWSER_PLATFORM: ClientPlatform = {
  kind: 'browser',
  createClient: (context, options) => {
    const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    return new LanguageClient('webhookTemplates', 'Webhook Templates', options, new Worker(server.toString(true)));
  },
};

export const BROWSER_COMMANDS: CommandPlatform = {
  kind: 'browser',
  send: (request, options) => sendWithFetch(request, options),
  writeNewFile: writeNewFileThroughEditor,
  localReceiver: () => undefined,
};
