// "Show Send History": recent test webhooks with the profile each used, to open their answer again (in the request's
// one view) or send them again with the same profile.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { SendDeps } from '../command-deps';
import { sendTestWebhook } from './send-command';

export async function showHistory(deps: SendDeps): Promise<void> {
  const entries = deps.history.list();
  if (entries.length === 0) return void vscode.window.showInformationMessage(l10n.t('No test webhooks sent yet.'));
  const items = entries.map((entry) => ({
    label: `${entry.request.method} ${entry.request.name}`,
    description: [
      entry.error ? l10n.t('failed') : String(entry.status),
      entry.request.profile ? l10n.t('Profile: {0}', entry.request.profile) : l10n.t('Profile: examples only'),
    ].join(' · '),
    detail: `${new Date(entry.time).toLocaleString(vscode.env.language)} · ${entry.request.url}`,
    entry,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: l10n.t('Recent test webhooks'), matchOnDescription: true, matchOnDetail: true });
  if (!picked) return;
  const open = l10n.t('Open response');
  const resend = l10n.t('Send again');
  const action = await vscode.window.showQuickPick([open, resend]);
  const { entry } = picked;
  if (action === open) await deps.views.show({ source: entry.target.uri, name: entry.request.name }, entry.view);
  if (action === resend) await sendTestWebhook({ ...entry.target, profile: entry.request.profile }, deps);
}
