// What the tour's commands need besides the sender's deps: the local receiver, the extension's folder and the log.
import type * as vscode from 'vscode';
import type { CommandPlatform } from '../platform';
import type { LocalReceiver } from './local-receiver';

export interface TourDeps {
  /** None in a browser: a page cannot listen for requests. */
  receiver: LocalReceiver | undefined;
  /** The installed extension's folder: the command line it ships is `dist/cli.js` in it. */
  extensionUri: vscode.Uri;
  /** Its package.json's names and version: where VS Code installs it, and the .vsix's name. */
  extension(): { publisher: string; name: string; version: string };
  log: vscode.LogOutputChannel;
  /** Where the extension runs: in a browser no program runs (the command line is explained instead). */
  host: CommandPlatform['kind'];
  writeNewFile: CommandPlatform['writeNewFile'];
}
