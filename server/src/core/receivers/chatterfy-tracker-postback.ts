// Chatterfy's inbound link `…/api/postbacks/UUID/tracker-postback`: a partner network reports an event (Chatterfy help centre).
// Identified by that path, which only Chatterfy answers at, on any host.
import type { ReceiverDefinition } from '../base/receiver-table';

export const CHATTERFY_TRACKER_POSTBACK: ReceiverDefinition = {
  id: 'chatterfy-tracker-postback',
  name: 'Chatterfy tracker postback',
  path: /^\/api\/postbacks\/[^/]+\/tracker-postback\/?$/,
  recordsAs: 'event',
  parameters: [
    { name: 'clickid', records: 'subject', meaning: 'Click id of the user: finds the dialogue the event belongs to.', required: true, suggestedValue: '{clickid}', example: '{sub1}' },
    { name: 'tracker.event', records: 'status', meaning: 'Event name.', values: ['registration', 'sale', 'resale'], openValues: true, example: 'registration' },
    { name: 'tracker.cost', records: 'amount', meaning: 'Amount of the event.', number: true, example: '{amount}' },
    { name: 'tracker.currency', records: 'currency', meaning: 'Currency of the amount.' },
    { name: 'tracker.tid', records: 'transaction', meaning: 'Transaction id of the event.' },
    { pattern: /^fields\.(.+)$/, records: 'field', label: 'fields.KEY', meaning: 'Sets the custom field KEY of the dialogue.', customFieldPrefix: 'fields.' },
  ],
  unknownParameters: 'unchecked',
  partnerMacros: true,
  source: 'Chatterfy help centre, "Postbacks from partner networks" (help.chatterfy.ai); shared/docs/chatterfy-facts.md',
};
