// The first-run tour's part that lives as long as the extension: the local receiver (where the platform has one).
import type * as vscode from 'vscode';
import type { ClientPlatform } from '../platform';
import type { TourDeps } from './tour-deps';

export function registerTour(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, platform: ClientPlatform): TourDeps {
  const receiver = platform.localReceiver(context, log);
  // Disposed on deactivate: the receiver stops with the extension.
  if (receiver) context.subscriptions.push(receiver);
  const { publisher, name, version } = context.extension.packageJSON as TourDeps['extension'];
  return { receiver, extensionUri: context.extensionUri, extension: { publisher, name, version }, log, host: platform.kind, writeNewFile: platform.writeNewFile };
}
