// Activation, the same on every host: starts the language client, then registers commands, the profile status bar and
// the response views. The entries (extension.ts for Node.js, browser/extension.ts for a web worker) hand in the platform.
import * as vscode from 'vscode';
import { ActiveProfileNotification } from '../../server/src/protocol';
import { startClient, type ClientHandle } from './client';
import { windowSetting } from './config';
import { registerCommands } from './commands';
import { createLog } from './log';
import type { ClientPlatform } from './platform';
import { ProfileState } from './profile-state';
import { SendHistory } from './send/history';
import { ResponseViews } from './send/response-view';
import { registerTrustNotice } from './trust';
import { TypingDiagnostics } from './typing-diagnostics';
import { l10n } from './l10n';
import { registerTour } from './tour/tour';

/** Hides, in a browser, what needs a program or a port (`when` clauses of package.json). */
const IN_BROWSER_CONTEXT = 'webhookTemplates.inBrowser';

let handle: ClientHandle | undefined;

export async function activateOn(context: vscode.ExtensionContext, platform: ClientPlatform): Promise<void> {
  const log = createLog(context);
  const profiles = new ProfileState(context.workspaceState);
  const views = new ResponseViews();
  const history = new SendHistory(context.globalState, () => windowSetting('send.historySize'));
  const typing = new TypingDiagnostics();
  void vscode.commands.executeCommand('setContext', IN_BROWSER_CONTEXT, platform.kind === 'browser');
  profiles.register(context);
  typing.register(context);
  views.register(context);
  registerTrustNotice(context, log);
  const tour = registerTour(context, log, platform);
  registerCommands(context, { handle: () => handle, profiles, history, views, confirmedHosts: context.workspaceState, log, tour, platform });
  try {
    // Every server that starts (restarts included) learns the active profile, and hears of each change.
    handle = await startClient(context, log, typing, platform, (client) => void client.sendNotification(ActiveProfileNotification, { profile: profiles.active }));
    context.subscriptions.push(profiles.onDidChange((profile) => void handle?.client.sendNotification(ActiveProfileNotification, { profile })));
  } catch (error) {
    log.error(`The language server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage(l10n.t('Webhook Templates could not start its language server: {0}', String(error)));
  }
}

export async function deactivate(): Promise<void> {
  await handle?.client.stop();
}
