// Preview, profile choice, history and "Copy as cURL": the commands around sending.
import * as vscode from 'vscode';
import type { RequestTarget } from '../../../server/src/protocol';
import { toCurl } from '../../../send/src/curl';
import { formatExpandedRequest } from '../../../send/src/request-text';
import { ProfilesRequest } from '../../../server/src/protocol';
import { chooseProfile, expandTarget } from './expand-client';
import type { SendDeps } from './send-command';
import { sendTestWebhook } from './send-command';
import { l10n } from '../l10n';

function runningClient(deps: SendDeps) {
  const client = deps.handle()?.client;
  if (!client?.isRunning()) throw new Error(l10n.t('The Webhook Templates language server is not running; see the log.'));
  return client;
}

/** Shows the expanded request without sending; returns its text (for tests and keybindings). */
export async function previewWebhook(target: RequestTarget, deps: SendDeps): Promise<string | undefined> {
  const client = runningClient(deps);
  const profile = await chooseProfile(client, target, deps.profiles);
  if (profile === null) return undefined;
  const expanded = await expandTarget(client, target, profile);
  if (!expanded.request) throw new Error(expanded.error ?? l10n.t('Nothing to preview here.'));
  const text = formatExpandedRequest(expanded.request, l10n);
  if (target.confirm !== false) await deps.views.show(`${expanded.request.name}-preview`, text);
  return text;
}

export async function selectProfile(deps: SendDeps): Promise<void> {
  const client = runningClient(deps);
  const uri = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const profiles = uri ? await client.sendRequest(ProfilesRequest, { uri: uri.toString() }) : [];
  if (profiles.length === 0) return void vscode.window.showInformationMessage(l10n.t('The fields file defines no profiles; examples and built-in samples are used.'));
  const none = l10n.t('(examples only)');
  const picked = await vscode.window.showQuickPick([...profiles, none], { placeHolder: l10n.t('Sample profile for test webhooks') });
  if (picked !== undefined) await deps.profiles.set(picked === none ? undefined : picked);
}

export async function copyAsCurl(target: RequestTarget, deps: SendDeps): Promise<string | undefined> {
  const client = runningClient(deps);
  const profile = await chooseProfile(client, target, deps.profiles);
  if (profile === null) return undefined;
  const expanded = await expandTarget(client, target, profile);
  if (!expanded.request) throw new Error(expanded.error ?? l10n.t('Nothing to copy here.'));
  const curl = toCurl(expanded.request);
  await vscode.env.clipboard.writeText(curl);
  const hidden = expanded.request.secrets.length > 0 ? ' ' + l10n.t('Secrets from ${env:…} are shown as ***.') : '';
  void vscode.window.showInformationMessage(l10n.t('cURL command copied.') + hidden);
  return curl;
}

export async function showHistory(deps: SendDeps): Promise<void> {
  const entries = deps.history.list();
  if (entries.length === 0) return void vscode.window.showInformationMessage(l10n.t('No test webhooks sent yet.'));
  const items = entries.map((entry) => ({
    label: `${entry.request.method} ${entry.request.name}`,
    description: entry.error ? l10n.t('failed') : String(entry.status),
    detail: `${new Date(entry.time).toLocaleString(vscode.env.language)} · ${entry.request.url}`,
    entry,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: l10n.t('Recent test webhooks'), matchOnDetail: true });
  if (!picked) return;
  const open = l10n.t('Open response');
  const resend = l10n.t('Send again');
  const action = await vscode.window.showQuickPick([open, resend]);
  if (action === open) await deps.views.show(`${picked.entry.request.name}-${picked.entry.status ?? 'error'}`, picked.entry.view);
  if (action === resend) await sendTestWebhook({ ...picked.entry.target, profile: picked.entry.request.profile }, deps);
}
