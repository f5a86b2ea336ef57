// Extension entry (Node): starts the language client, the profile status bar and the typing rule, and registers every
// command; what only a command needs is the on-demand part, dist/on-demand.js, required by the first such command.
import * as vscode from 'vscode';
import { ActiveProfileNotification } from '../../server/src/protocol';
import { startClient, type ClientHandle } from './client';
import { registerCommands, type OnDemandModule } from './commands';
import { createLog } from './log';
import { ProfileState } from './profile-state';
import { runningServer } from './server-requests';
import { registerTrustNotice } from './trust';
import { TypingDiagnostics } from './typing-diagnostics';
import { l10n } from './l10n';

let handle: ClientHandle | undefined;

/** The on-demand part's bundle beside this one; a require esbuild leaves alone, so its code is not in extension.js. */
function loadOnDemand(context: vscode.ExtensionContext): OnDemandModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle required at run time, by its path, on purpose
  return require(context.asAbsolutePath('dist/on-demand.js')) as OnDemandModule;
}

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog(context);
  const profiles = new ProfileState(context.workspaceState);
  const typing = new TypingDiagnostics();
  profiles.register(context);
  typing.register(context);
  registerTrustNotice(context, log);
  registerCommands(context, { handle: () => handle, server: () => runningServer(handle), profiles, log }, () => loadOnDemand(context));
  const notStarted = (error: unknown) => {
    log.error(`The language server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage(l10n.t('Webhook Templates could not start its language server: {0}', String(error)));
  };
  try {
    // Every server that starts (restarts included) learns the active profile, and hears of each change.
    handle = startClient(context, log, typing, (client) => void client.sendNotification(ActiveProfileNotification, { profile: profiles.active }));
  } catch (error) {
    return notStarted(error);
  }
  context.subscriptions.push(profiles.onDidChange((profile) => void handle?.client.sendNotification(ActiveProfileNotification, { profile })));
  // Activation does not wait for the server's handshake; a server that does not start is said when it fails.
  handle.ready.catch(notStarted);
}

export async function deactivate(): Promise<void> {
  await handle?.client.stop();
}
