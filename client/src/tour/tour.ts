// The first-run tour's part that lives as long as the extension: the local receiver (where the platform has one).
import type * as vscode from 'vscode';
import type { CommandPlatform } from '../platform';
import type { TourDeps } from './tour-deps';

export function registerTour(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, platform: CommandPlatform): TourDeps {
  const receiver = platform.localReceiver(context, log);
  // Disposed on deactivate: the receiver stops with the extension.
  if (receiver) context.subscriptions.push(receiver);
  const extension = () => {
    const { publisher, name, version } = context.extension.packageJSON as ReturnType<TourDeps['extension']>;
    return { publisher, name, version };
  };
  return { receiver, extensionUri: context.extensionUri, extension, log, host: platform.kind, writeNewFile: platform.writeNewFile };
}
