// The extension's platform in Node.js: the server in a process of its own over IPC, sending with undici, files on disk
// written with 'wx', and the tour's local receiver.
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { sendRequest } from '../../send/src/http';
import { FileExistsError, writeNewFileThroughEditor } from './files/write-new-file';
import type { ClientPlatform } from './platform';
import { LocalReceiver, describeReceived } from './tour/local-receiver';

/** Remembered for the user, not the workspace: a starter made in one window names the port every window then uses. */
const PORT_KEY = 'webhookTemplates.localReceiverPort';

function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
}

/** On disk 'wx' makes the check and the write one step: a file made meanwhile is an error, not overwritten. */
async function writeNewFile(uri: vscode.Uri, text: string): Promise<void> {
  if (uri.scheme !== 'file') return writeNewFileThroughEditor(uri, text);
  try {
    await writeFile(uri.fsPath, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(uri);
    throw error;
  }
}

export const NODE_PLATFORM: ClientPlatform = {
  kind: 'node',
  createClient: (context, options) => new LanguageClient('webhookTemplates', 'Webhook Templates', serverOptions(context), options),
  send: sendRequest,
  writeNewFile,
  localReceiver: (context, log) =>
    new LocalReceiver(
      { get: () => context.globalState.get<number>(PORT_KEY), set: (port) => context.globalState.update(PORT_KEY, port) },
      (request) => log.info(describeReceived(request)),
    ),
};
