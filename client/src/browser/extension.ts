// Entry of dist/web/extension.js, the extension in a browser's web worker (vscode.dev, github.dev): the shared
// activation on the browser platform. A web worker's extension host requires nothing but `vscode`, so the commands'
// part is in this bundle, started (not loaded) by the first command that needs it.
import type * as vscode from 'vscode';
import { activateOn } from '../activate';
import { startCommandPart } from '../command-part';
import { BROWSER_COMMANDS, BROWSER_PLATFORM } from './browser-platform';

export function activate(context: vscode.ExtensionContext): void | Promise<void> {
  return activateOn(context, BROWSER_PLATFORM, () => ({ startOnDemandPart: (part, startup) => startCommandPart(part, startup, BROWSER_COMMANDS) }));
}

export { deactivate } from '../activate';
