// What the tour's commands need besides the sender's deps: the local receiver, the extension's folder and the log.
import type * as vscode from 'vscode';
import type { LocalReceiver } from './local-receiver';

export interface TourDeps {
  receiver: LocalReceiver;
  /** The installed extension's folder: the command line it ships is `dist/cli.js` in it. */
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
}
