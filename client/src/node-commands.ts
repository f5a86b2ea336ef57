// What the commands use in Node.js (in dist/on-demand.js, never in dist/extension.js): sending with undici over the
// Agents sends share, files on disk written with 'wx', and the tour's local receiver.
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { sendRequest } from '../../send/src/http';
import { SendAgents } from '../../send/src/send-agents';
import { SECTION } from './config';
import { FileExistsError, writeNewFileThroughEditor } from './files/write-new-file';
import type { CommandPlatform } from './platform';
import { LocalReceiver, describeReceived } from './tour/local-receiver';

/** Remembered for the user, not the workspace: a starter made in one window names the port every window then uses. */
const PORT_KEY = 'webhookTemplates.localReceiverPort';

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

/** Pooled connections go when a send setting changes (the next send makes a new Agent) and when the extension stops. */
function registerSendAgents(context: vscode.ExtensionContext): SendAgents {
  const agents = new SendAgents();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(`${SECTION}.send`) && void agents.close()),
    { dispose: () => void agents.close() },
  );
  return agents;
}

export function nodeCommandPlatform(context: vscode.ExtensionContext): CommandPlatform {
  const agents = registerSendAgents(context);
  return {
    kind: 'node',
    send: (request, options) => sendRequest(request, { ...options, agents }),
    writeNewFile,
    localReceiver: (context, log) =>
      new LocalReceiver(
        { get: () => context.globalState.get<number>(PORT_KEY), set: (port) => context.globalState.update(PORT_KEY, port) },
        (request) => log.info(describeReceived(request)),
      ),
  };
}
