// Binom's conversion call (`https://HOST/click.php?cnv_id=…`): parameters from Binom's postback documentation.
// Binom is self-hosted, so it has no host of its own: identified by `click.php` with a conversion parameter (cnv_id,
// cnv_status, cnv_currency, event1…event30, payout). A click URL `click.php?key=…` without one is not a postback.
import type { ReceiverDefinition } from '../base/receiver-table';

export const BINOM: ReceiverDefinition = {
  id: 'binom',
  name: 'Binom',
  path: /^\/click\.php$/,
  pathIsShared: true,
  signature: ['cnv_id', 'cnv_status', 'cnv_currency', /^event([1-9]|[12][0-9]|30)$/, 'payout'],
  recordsAs: 'conversion',
  parameters: [
    { name: 'cnv_id', records: 'subject', meaning: "Binom's click id: the conversion is recorded on this click.", required: true, suggestedValue: '{tracker.clickid}', example: '{tracker.clickid}' },
    { name: 'payout', records: 'amount', meaning: 'Conversion revenue.', number: true, example: '{deposit_amount}' },
    { name: 'cnv_status', records: 'status', meaning: 'Conversion status, as configured in Binom.', example: 'lead' },
    { name: 'cnv_currency', records: 'currency', meaning: 'Currency of the payout.' },
    { pattern: /^event([1-9]|[12][0-9]|30)$/, records: 'extra', label: 'event1…event30', meaning: 'Event counters of the click.' },
  ],
  unknownParameters: 'unchecked',
  source: 'Binom documentation, "Postback" (docs.binom.org); shared/docs/chatterfy-facts.md',
};
