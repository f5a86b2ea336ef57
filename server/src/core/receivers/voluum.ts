// Voluum's postback (`https://HOST/postback?cid=…`): parameters from Voluum's postback URL documentation.
// Identified at `/postback` by its tracking hosts (`*.voluumtrk.com`, `*.voluumtrk2.com`, `*.trackvoluum.com`,
// `track.voluum.com`) or by its own parameters cid, txid, et, param1…param5; RedTrack answers at `/postback` too.
import type { ReceiverDefinition } from '../base/receiver-table';

export const VOLUUM: ReceiverDefinition = {
  id: 'voluum',
  name: 'Voluum',
  path: /^\/postback\/?$/,
  pathIsShared: true,
  serviceHosts: /(^|\.)(voluumtrk2?|trackvoluum|voluum)\.com$/,
  signature: ['cid', 'txid', 'et', /^param[1-5]$/],
  recordsAs: 'conversion',
  parameters: [
    { name: 'cid', records: 'subject', meaning: "Voluum's click id: the conversion is recorded on this click.", required: true, suggestedValue: '{tracker.clickid}', example: '{tracker.clickid}' },
    { name: 'payout', records: 'amount', meaning: 'Conversion revenue.', number: true, example: '{deposit_amount}' },
    { name: 'txid', records: 'transaction', meaning: 'Transaction id: conversions with different txids on one click are recorded separately.' },
    { name: 'currency', records: 'currency', meaning: 'Currency of the payout.' },
    { name: 'et', records: 'status', meaning: 'Conversion event type, as configured in Voluum.' },
    { pattern: /^param[1-5]$/, records: 'extra', label: 'param1…param5', meaning: 'Custom conversion parameters.' },
  ],
  unknownParameters: 'unchecked',
  source: 'Voluum documentation, "Postback URL" (doc.voluum.com); shared/docs/chatterfy-facts.md',
};
