// The part of the desktop extension a command loads on first use, bundled apart as dist/on-demand.js: the commands
// (command-part.ts) on Node.js's CommandPlatform, sending with undici. Activation registers their ids (commands.ts) and
// requires this bundle only when one of them runs.
import type * as vscode from 'vscode';
import { startCommandPart, type OnDemandPart } from './command-part';
import type { StartupDeps } from './command-deps';
import { nodeCommandPlatform } from './node-commands';

export type { OnDemandCommandId, OnDemandPart } from './command-part';

export function startOnDemandPart(context: vscode.ExtensionContext, startup: StartupDeps): OnDemandPart {
  return startCommandPart(context, startup, nodeCommandPlatform(context));
}
