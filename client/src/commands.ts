// The extension's commands, registered from one table.
import * as vscode from 'vscode';
import type { ClientHandle } from './client';

type Command = (handle: ClientHandle | undefined, log: vscode.LogOutputChannel) => unknown;

const COMMANDS: Record<string, Command> = {
  'webhookTemplates.restartServer': async (handle, log) => {
    if (!handle) return void vscode.window.showWarningMessage(vscode.l10n.t('The Webhook Templates language server is not running; see the log.'));
    log.info('Restarting the language server.');
    await handle.client.restart();
  },
  'webhookTemplates.showLog': (_handle, log) => log.show(),
};

export function registerCommands(context: vscode.ExtensionContext, handle: () => ClientHandle | undefined, log: vscode.LogOutputChannel): void {
  for (const [id, run] of Object.entries(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, () => run(handle(), log)));
  }
}
