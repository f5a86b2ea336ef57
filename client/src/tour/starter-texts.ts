// The words of the starter workspace (descriptions, comments, request names), in the user's language from the one table.
import type { L10n } from '../../../server/src/core';

export interface StarterTexts {
  clickid: string;
  geo: string;
  depositAmount: string;
  leadPostback: string;
  replaceTracker: string;
  localPostback: string;
  localHow: string;
  localApi: string;
  localApiHow: string;
  mistakes: string;
  mistakesHow: string;
}

export function starterTexts(l10n: L10n): StarterTexts {
  return {
    clickid: l10n.t('Click id the tracker gave this user; empty for users who came without a tracker link'),
    geo: l10n.t('Country the user chose in the bot'),
    depositAmount: l10n.t('First deposit, in USD'),
    leadPostback: l10n.t('Keitaro lead postback'),
    replaceTracker: l10n.t('Replace tracker.example.com and abc123 with your Keitaro domain and postback key.'),
    localPostback: l10n.t('The same postback to the local receiver'),
    localHow: l10n.t('Run "Webhook Templates: Start Local Receiver", then "Send test webhook" above: the answer shows what a tracker would get.'),
    localApi: l10n.t('Partner API call (POST JSON) to the local receiver'),
    localApiHow: l10n.t('Values are JSON-escaped inside the body and percent-encoded in the URL.'),
    mistakes: l10n.t('A postback with two mistakes'),
    mistakesHow: l10n.t('Hover the red squiggles, then press Ctrl+. (Cmd+. on macOS) for the quick fix. Nothing here is saved.'),
  };
}
