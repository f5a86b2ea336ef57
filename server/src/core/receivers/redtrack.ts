// RedTrack's postback (`https://HOST/postback?clickid=…&type=…`): parameters from RedTrack's postback documentation.
// Identified at `/postback` by its service hosts (`*.rdtk.io`, `*.rdtrck2.com`) or by its own parameters clickid,
// type, sum, sub1…sub20; Voluum answers at `/postback` too.
import type { ReceiverDefinition } from '../base/receiver-table';

export const REDTRACK: ReceiverDefinition = {
  id: 'redtrack',
  name: 'RedTrack',
  path: /^\/postback\/?$/,
  pathIsShared: true,
  serviceHosts: /(^|\.)(rdtk\.io|rdtrck2?\.com)$/,
  signature: ['clickid', 'type', 'sum', /^sub([1-9]|1[0-9]|20)$/],
  recordsAs: 'conversion',
  parameters: [
    { name: 'clickid', records: 'subject', meaning: "RedTrack's click id: the conversion is recorded on this click.", required: true, suggestedValue: '{tracker.clickid}', example: '{tracker.clickid}' },
    { name: 'type', records: 'status', meaning: 'Conversion type: case-sensitive, must match a conversion type configured in RedTrack.', example: 'Lead' },
    { name: 'sum', records: 'amount', meaning: 'Conversion revenue.', number: true, example: '{deposit_amount}' },
    { pattern: /^sub([1-9]|1[0-9]|20)$/, records: 'extra', label: 'sub1…sub20', meaning: 'Extra data stored with the conversion.' },
  ],
  unknownParameters: 'unchecked',
  source: 'RedTrack documentation, "Postback" (help.redtrack.io); shared/docs/chatterfy-facts.md',
};
