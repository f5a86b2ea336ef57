// The extension's one output channel, "Webhook Templates".
import * as vscode from 'vscode';

export function createLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  const log = vscode.window.createOutputChannel('Webhook Templates', { log: true });
  context.subscriptions.push(log);
  return log;
}
