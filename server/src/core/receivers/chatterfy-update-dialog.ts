// Chatterfy's inbound link `…/api/bots/webhooks/UUID/updateDialog`: moves or updates a dialogue (Chatterfy help centre).
// Identified by that path, which only Chatterfy answers at, on any host.
import type { ReceiverDefinition } from '../base/receiver-table';

export const CHATTERFY_UPDATE_DIALOG: ReceiverDefinition = {
  id: 'chatterfy-update-dialog',
  name: 'Chatterfy updateDialog',
  path: /^\/api\/bots\/webhooks\/[^/]+\/updateDialog\/?$/,
  recordsAs: 'dialogue',
  parameters: [
    { name: 'chatId', records: 'subject', meaning: 'Telegram chat id of the dialogue to update.', required: true, integer: true, suggestedValue: '{chatId}', example: '{chatId}' },
    { name: 'stepId', records: 'step', meaning: 'Id (UUID) of the step to move the dialogue to.' },
    { name: 'status', records: 'status', meaning: 'New dialogue status.', values: ['auto', 'manual', 'blocked'], example: 'auto' },
    { pattern: /^fields\.(.+)$/, records: 'field', label: 'fields.KEY', meaning: 'Sets the custom field KEY of the dialogue.', customFieldPrefix: 'fields.' },
  ],
  unknownParameters: 'unchecked',
  partnerMacros: true,
  source: 'Chatterfy help centre, "Update dialog via link" (help.chatterfy.ai); shared/docs/chatterfy-facts.md',
};
