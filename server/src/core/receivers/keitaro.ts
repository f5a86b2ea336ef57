// Keitaro's postback (`https://HOST/KEY/postback?subid=…`): parameters from Keitaro's S2S postback documentation.
// Keitaro is self-hosted: identified by its path shape `/KEY/postback` (a key segment before `postback`), which no
// other built-in receiver shares, whatever its parameters.
import type { ReceiverDefinition } from '../base/receiver-table';

export const KEITARO: ReceiverDefinition = {
  id: 'keitaro',
  name: 'Keitaro',
  path: /^\/[^/]+\/postback\/?$/,
  recordsAs: 'conversion',
  parameters: [
    { name: 'subid', records: 'subject', meaning: "Keitaro's click id: the conversion is recorded on this click.", required: true, suggestedValue: '{tracker.clickid}', example: '{tracker.clickid}' },
    {
      name: 'status',
      records: 'status',
      meaning: 'Conversion status.',
      values: ['lead', 'sale', 'rejected', 'rebill'],
      valuesMappedBy: /^(lead|sale|rejected|rebill)_status$/,
      whenAbsent: { value: 'sale', fixes: ['lead', 'sale'] },
      example: 'lead',
    },
    { name: 'payout', records: 'amount', meaning: 'Conversion revenue.', number: true, example: '{deposit_amount}' },
    { name: 'revenue', records: 'amount', meaning: 'Conversion revenue (the same as payout).', number: true },
    { name: 'cost', records: 'cost', meaning: 'Cost of the click or conversion.', number: true },
    { name: 'currency', records: 'currency', meaning: 'Currency of payout and cost (usd, eur, …).', example: 'usd' },
    { name: 'tid', records: 'transaction', meaning: 'Transaction id: conversions with different tids on one click are recorded separately.' },
    { pattern: /^sub_id_([1-9]|[12][0-9]|30)$/, records: 'extra', label: 'sub_id_1…sub_id_30', meaning: 'Extra data stored with the conversion.', example: '{chatId}' },
    { name: 'return', meaning: 'Text Keitaro answers with on success.' },
    {
      pattern: /^(lead|sale|rejected|rebill)_status$/,
      label: 'lead_status, sale_status, rejected_status, rebill_status',
      meaning: "Maps the partner's own status names (comma-separated) to this Keitaro status, so status= may carry them.",
    },
    { name: 'ignore_status', meaning: 'Statuses (comma-separated, e.g. ping,test) whose postbacks Keitaro ignores.' },
  ],
  unknownParameters: 'ignored',
  unknownHint: ' Extra data belongs in sub_id_1…sub_id_30.',
  extraSlots: { template: 'sub_id_{n}', from: 1, to: 30 },
  wholeFix: 'Make this a Keitaro lead postback',
  source: 'Keitaro documentation, "S2S postback" (docs.keitaro.io); shared/docs/chatterfy-facts.md',
};
