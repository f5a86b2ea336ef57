// Activation, the same on every host: starts the language client, the profile status bar and the typing rule, and
// registers every command; what only a command needs is the part `loadCommands` brings, on the first such command.
// The entries (extension.ts for Node.js, browser/extension.ts for a web worker) hand in the host's platform.
import * as vscode from 'vscode';
import { ActiveProfileNotification } from '../../server/src/protocol';
import { startClient, type ClientHandle } from './client';
import { registerCommands, type OnDemandModule } from './commands';
import { createLog } from './log';
import type { ClientPlatform } from './platform';
import { ProfileState } from './profile-state';
import { runningServer } from './server-requests';
import { registerTrustNotice } from './trust';
import { TypingDiagnostics } from './typing-diagnostics';
import { l10n } from './l10n';

/** Hides, in a browser, what needs a program or a port (`when` clauses of package.json). */
const IN_BROWSER_CONTEXT = 'webhookTemplates.inBrowser';

let handle: ClientHandle | undefined;

export function activateOn(context: vscode.ExtensionContext, platform: ClientPlatform, loadCommands: () => OnDemandModule): void | Promise<void> {
  const log = createLog(context);
  const profiles = new ProfileState(context.workspaceState);
  const typing = new TypingDiagnostics();
  if (platform.kind === 'browser') void vscode.commands.executeCommand('setContext', IN_BROWSER_CONTEXT, true);
  profiles.register(context);
  typing.register(context);
  registerTrustNotice(context, log);
  registerCommands(context, { handle: () => handle, server: () => runningServer(handle), profiles, log }, loadCommands);
  const notStarted = (error: unknown) => {
    log.error(`The language server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage(l10n.t('Webhook Templates could not start its language server: {0}', String(error)));
  };
  const started = (made: ClientHandle) => {
    handle = made;
    context.subscriptions.push(profiles.onDidChange((profile) => void handle?.client.sendNotification(ActiveProfileNotification, { profile })));
    // Activation does not wait for the server's handshake; a server that does not start is said when it fails.
    made.ready.catch(notStarted);
  };
  try {
    // Every server that starts (restarts included) learns the active profile, and hears of each change. In Node.js
    // activation returns at once; a browser that must read the server's script first returns when it has.
    const made = startClient(context, log, typing, platform, (client) => void client.sendNotification(ActiveProfileNotification, { profile: profiles.active }));
    if (made instanceof Promise) return made.then(started, notStarted);
    started(made);
  } catch (error) {
    notStarted(error);
  }
}

export async function deactivate(): Promise<void> {
  await handle?.client.stop();
}
