// "Preview Expanded Webhook": the request as it would be sent, without sending it.
import type { RequestTarget } from '../../../server/src/protocol';
import { formatExpandedRequest } from '../../../send/src/request-text';
import { l10n } from '../l10n';
import { requestAtTarget } from './request-at-target';
import type { SendDeps } from '../command-deps';

/** Shows the expanded request; returns its text (for tests and keybindings). */
export async function previewWebhook(target: RequestTarget, deps: SendDeps): Promise<string | undefined> {
  const expanded = await requestAtTarget(deps.server(), target, deps.profiles);
  if (!expanded) return undefined;
  if (!expanded.request) throw new Error(expanded.error ?? l10n.t('Nothing to preview here.'));
  const text = formatExpandedRequest(expanded.request, l10n);
  if (target.confirm !== false) await deps.views.show({ source: target.uri, name: expanded.request.name }, text);
  return text;
}
