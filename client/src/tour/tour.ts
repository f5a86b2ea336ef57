// The first-run tour's part that lives as long as the extension: the local receiver.
import * as vscode from 'vscode';
import { LocalReceiver, describeReceived } from './local-receiver';
import type { TourDeps } from './tour-deps';

/** Remembered for the user, not the workspace: a starter made in one window names the port every window then uses. */
const PORT_KEY = 'webhookTemplates.localReceiverPort';

export function registerTour(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): TourDeps {
  const receiver = new LocalReceiver(
    { get: () => context.globalState.get<number>(PORT_KEY), set: (port) => context.globalState.update(PORT_KEY, port) },
    (request) => log.info(describeReceived(request)),
  );
  // Disposed on deactivate: the receiver stops with the extension.
  context.subscriptions.push(receiver);
  return { receiver, extensionUri: context.extensionUri, log };
}
