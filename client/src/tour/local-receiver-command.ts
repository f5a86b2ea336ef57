// "Start Local Receiver" and "Stop Local Receiver": the echo receiver on 127.0.0.1, and the template that sends to it.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { tourArgument } from './tour-arguments';
import type { LocalReceiver } from './local-receiver';
import type { TourDeps } from './tour-deps';

export interface ReceiverOutcome {
  url: string;
  /** The first request of a workspace template that sends to the receiver, if any. */
  template?: { uri: vscode.Uri; line: number };
}

/** The first line of a `.webhook` file in the workspace whose request goes to `url`. */
async function templateSendingTo(url: string): Promise<ReceiverOutcome['template']> {
  const files = await vscode.workspace.findFiles('**/*.webhook', '**/node_modules/**', 200);
  for (const uri of files.sort((a, b) => a.path.localeCompare(b.path))) {
    const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split(/\r?\n/);
    const line = lines.findIndex((text) => !text.startsWith('#') && text.includes(`${url}/`));
    if (line >= 0) return { uri, line };
  }
  return undefined;
}

async function showTemplate(template: NonNullable<ReceiverOutcome['template']>): Promise<void> {
  const position = new vscode.Position(template.line, 0);
  await vscode.window.showTextDocument(template.uri, { selection: new vscode.Range(position, position), preview: false });
}

async function tellListening(url: string, deps: TourDeps, template: ReceiverOutcome['template']): Promise<void> {
  const copy = l10n.t('Copy URL');
  const showLog = l10n.t('Show Log');
  const where = template
    ? l10n.t('Click "Send test webhook" above the request that sends to it.')
    : l10n.t('Send a test webhook to this address to see what a receiver gets.');
  const answer = await vscode.window.showInformationMessage(l10n.t('The local receiver listens on {0} and answers each request with what it got; the log notes each one. {1}', url, where), copy, showLog);
  if (answer === copy) await vscode.env.clipboard.writeText(url);
  if (answer === showLog) deps.log.show();
}

/** The receiver, or the reason there is none: a browser tab cannot listen for requests. */
function receiverOf(deps: TourDeps): LocalReceiver {
  if (!deps.receiver) throw new Error(l10n.t('The local receiver needs VS Code on the desktop: a browser tab cannot listen for requests. Send to a receiver on the internet instead, or use Copy as cURL.'));
  return deps.receiver;
}

export async function startLocalReceiver(argument: unknown, deps: TourDeps): Promise<ReceiverOutcome> {
  const interactive = tourArgument(argument).confirm !== false;
  const listening = await receiverOf(deps).start();
  deps.log.info(`Local receiver listening on ${listening.url}.`);
  if (listening.movedFrom !== undefined) {
    const moved = l10n.t('Port {0} is taken by another program, so the local receiver listens on {1}: change {0} to {1} in templates that send to it.', listening.movedFrom, listening.port);
    deps.log.warn(moved);
    if (interactive) void vscode.window.showWarningMessage(moved);
  }
  const template = await templateSendingTo(listening.url);
  if (interactive && template) await showTemplate(template);
  if (interactive) void tellListening(listening.url, deps, template);
  return { url: listening.url, template };
}

export async function stopLocalReceiver(deps: TourDeps): Promise<void> {
  const receiver = receiverOf(deps);
  const url = receiver.url;
  await receiver.stop();
  if (url) deps.log.info(`Local receiver on ${url} stopped.`);
  void vscode.window.showInformationMessage(url ? l10n.t('The local receiver on {0} stopped.', url) : l10n.t('The local receiver is not running.'));
}
