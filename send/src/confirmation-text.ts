// What the dialog before a send to a host other than this machine says, free of the editor API: the request as it
// goes (secrets as ***), the profile, what a known receiver records, and buttons whose first (the one Enter takes)
// does not send.
import type { ExpandedRequest, L10n } from '../../server/src/core';
import { redact } from './curl';

export interface HostConfirmation {
  message: string;
  detail: string;
  /** In the order shown; the first is the dialog's default and never sends. */
  buttons: { label: string; action: 'preview' | 'send' }[];
}

export function hostConfirmation(request: ExpandedRequest, host: string, l10n: L10n): HostConfirmation {
  const profile = request.profile ? l10n.t('Profile: {0}', request.profile) : l10n.t('Profile: examples only');
  const lines = [`${request.method} ${request.url}`, profile, ...(request.record ? [request.record.summary, ...request.record.problems] : [])];
  return {
    message: l10n.t('Send a test webhook to {0}? A live tracker records it as a real conversion.', host),
    detail: redact(lines.join('\n\n'), request.secrets),
    buttons: [
      { label: l10n.t('Preview'), action: 'preview' },
      { label: l10n.t('Send to {0}', host), action: 'send' },
    ],
  };
}
