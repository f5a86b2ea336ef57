// Binom's conversion call (`https://HOST/click.php?cnv_id=…`): parameters from Binom's postback documentation.
import type { ReceiverDefinition } from './types';

export const BINOM: ReceiverDefinition = {
  id: 'binom',
  name: 'Binom',
  path: /^\/click\.php$/,
  signature: ['cnv_id'],
  parameters: [
    { name: 'cnv_id', meaning: "Binom's click id: the conversion is recorded on this click.", required: true, suggestedValue: '{tracker.clickid}', example: '{tracker.clickid}' },
    { name: 'payout', meaning: 'Conversion revenue.', example: '{deposit_amount}' },
    { name: 'cnv_status', meaning: 'Conversion status, as configured in Binom.', example: 'lead' },
    { name: 'cnv_currency', meaning: 'Currency of the payout.' },
    { pattern: /^event([1-9]|[12][0-9]|30)$/, label: 'event1…event30', meaning: 'Event counters of the click.' },
  ],
  unknownParameters: 'unchecked',
  source: 'Binom documentation, "Postback" (docs.binom.org); shared/docs/chatterfy-facts.md',
};
