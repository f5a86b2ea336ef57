// Entry of dist/extension.js, the extension in Node.js (the desktop, a VS Code server): the shared activation on the
// Node.js platform; what only a command needs is the on-demand part, dist/on-demand.js, required by the first such command.
import type * as vscode from 'vscode';
import { activateOn } from './activate';
import type { OnDemandModule } from './commands';
import { NODE_PLATFORM } from './node-platform';

/** The on-demand part's bundle beside this one; a require esbuild leaves alone, so its code is not in extension.js. */
function loadOnDemand(context: vscode.ExtensionContext): OnDemandModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle required at run time, by its path, on purpose
  return require(context.asAbsolutePath('dist/on-demand.js')) as OnDemandModule;
}

export function activate(context: vscode.ExtensionContext): void | Promise<void> {
  return activateOn(context, NODE_PLATFORM, () => loadOnDemand(context));
}

export { deactivate } from './activate';
