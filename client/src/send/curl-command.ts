// "Copy as cURL": the expanded request as a cURL command on the clipboard, secrets hidden.
import * as vscode from 'vscode';
import type { RequestTarget } from '../../../server/src/protocol';
import { toCurl } from '../../../send/src/curl';
import { l10n } from '../l10n';
import { requestAtTarget } from './request-at-target';
import type { SendDeps } from '../command-deps';

export async function copyAsCurl(target: RequestTarget, deps: SendDeps): Promise<string | undefined> {
  const expanded = await requestAtTarget(deps.server(), target, deps.profiles);
  if (!expanded) return undefined;
  if (!expanded.request) throw new Error(expanded.error ?? l10n.t('Nothing to copy here.'));
  const curl = toCurl(expanded.request);
  await vscode.env.clipboard.writeText(curl);
  const hidden = expanded.request.secrets.length > 0 ? ' ' + l10n.t('Secrets from ${env:…} are shown as ***.') : '';
  void vscode.window.showInformationMessage(l10n.t('cURL command copied.') + hidden);
  return curl;
}
