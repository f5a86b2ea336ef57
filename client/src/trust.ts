// Workspace trust: what the extension holds back until the user trusts the workspace.
import * as vscode from 'vscode';

export function registerTrustNotice(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  if (!vscode.workspace.isTrusted) log.info('Untrusted workspace: checking works, sending test webhooks is off.');
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => log.info('Workspace trusted: sending test webhooks is on.')));
}
