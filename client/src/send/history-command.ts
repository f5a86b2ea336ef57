// "Show Send History": recent test webhooks, to open their answer again or send them again.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { SendDeps } from './send-command';
import { sendTestWebhook } from './send-command';

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
