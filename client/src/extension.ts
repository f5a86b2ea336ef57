// Extension entry: starts the language client and registers the commands.
import * as vscode from 'vscode';
import { startClient, type ClientHandle } from './client';
import { registerCommands } from './commands';
import { createLog } from './log';

let handle: ClientHandle | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = createLog(context);
  try {
    handle = await startClient(context, log);
  } catch (error) {
    log.error(`Webhook Templates could not start its language server: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Webhook Templates could not start its language server: {0}', String(error)));
  }
  registerCommands(context, () => handle, log);
}

export async function deactivate(): Promise<void> {
  await handle?.client.stop();
}
