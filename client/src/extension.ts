// Entry of dist/extension.js, the extension in Node.js (the desktop, a VS Code server): the shared activation on the
// Node.js platform.
import type * as vscode from 'vscode';
import { activateOn } from './activate';
import { NODE_PLATFORM } from './node-platform';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateOn(context, NODE_PLATFORM);
}

export { deactivate } from './activate';
