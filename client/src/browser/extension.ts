// Entry of dist/web/extension.js, the extension in a browser's web worker (vscode.dev, github.dev): the shared
// activation on the browser platform.
import type * as vscode from 'vscode';
import { activateOn } from '../activate';
import { BROWSER_PLATFORM } from './browser-platform';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateOn(context, BROWSER_PLATFORM);
}

export { deactivate } from '../activate';
