// Extension entry: starts the language client, then registers commands, the profile status bar and the response views.
import * as vscode from 'vscode';
import { startClient, type ClientHandle } from './client';
import { readConfig } from './config';
import { registerCommands } from './commands';
import { createLog } from './log';
import { ProfileState } from './profile-state';
import { SendHistory } from './send/history';
import { ResponseViews } from './send/response-view';
import { registerTrustNotice } from './trust';

let handle: ClientHandle | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = createLog(context);
  const profiles = new ProfileState(context.workspaceState);
  const views = new ResponseViews();
  const history = new SendHistory(context.globalState, () => readConfig()['send.historySize']);
  profiles.register(context);
  views.register(context);
  registerTrustNotice(context, log);
  registerCommands(context, { handle: () => handle, profiles, history, views, confirmedHosts: context.workspaceState, log });
  try {
    handle = await startClient(context, log);
  } catch (error) {
    log.error(`The language server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Webhook Templates could not start its language server: {0}', String(error)));
  }
}

export async function deactivate(): Promise<void> {
  await handle?.client.stop();
}
