// The files of a starter workspace, of a new empty fields file and of the example with mistakes: text only, no editor API.
import { FIELDS_FILE_NAMES, type L10n } from '../../../server/src/core';
import { starterTexts } from './starter-texts';

export const FIELDS_FILE_NAME = FIELDS_FILE_NAMES[0];
export const STARTER_TEMPLATE_NAME = 'starter.webhook';
/** Every file the starter writes; it refuses to run where any of them exists. */
export const STARTER_FILE_NAMES = [FIELDS_FILE_NAME, STARTER_TEMPLATE_NAME] as const;

export interface StarterFile {
  name: string;
  text: string;
}

/** The query of the Keitaro lead postback: the tracker's request and the local receiver's copy of it send the same. */
export const KEITARO_LEAD_QUERY = 'subid={tracker.clickid}&status=lead&payout=0';

function fieldsFileText(l10n: L10n): string {
  const texts = starterTexts(l10n);
  const fields = {
    placeholderSyntax: 'braces',
    customFields: {
      geo: { type: 'select', items: ['KZ', 'UZ', 'AZ'], description: texts.geo, example: 'KZ' },
      deposit_amount: { type: 'number', description: texts.depositAmount, example: 150 },
    },
    trackerFields: {
      clickid: { description: texts.clickid, example: '7f3a9c01' },
    },
    profiles: {
      lead: { username: 'ivan_petrov', chatId: 482913377, 'tracker.clickid': '7f3a9c01', geo: 'KZ', deposit_amount: 0 },
    },
  };
  return JSON.stringify(fields, null, 2) + '\n';
}

function templateText(l10n: L10n, receiverPort: number): string {
  const texts = starterTexts(l10n);
  const local = `http://127.0.0.1:${receiverPort}`;
  return [
    `### ${texts.leadPostback}`,
    `# ${texts.replaceTracker}`,
    `GET https://tracker.example.com/abc123/postback?${KEITARO_LEAD_QUERY}`,
    '',
    `### ${texts.localPostback}`,
    `# ${texts.localHow}`,
    `GET ${local}/abc123/postback?${KEITARO_LEAD_QUERY}&sub_id_1={geo}&sub_id_2={chatId}`,
    '',
    `### ${texts.localApi}`,
    `# ${texts.localApiHow}`,
    `POST ${local}/api/leads`,
    'Content-Type: application/json',
    '',
    '{"chat_id": "{chatId}", "username": "{username}", "clickid": "{tracker.clickid}", "geo": "{geo}", "deposit": "{deposit_amount}"}',
    '',
  ].join('\n');
}

/** The fields file and the template of a starter workspace; the template's local requests go to `receiverPort`. */
export function starterFiles(l10n: L10n, receiverPort: number): StarterFile[] {
  return [
    { name: FIELDS_FILE_NAME, text: fieldsFileText(l10n) },
    { name: STARTER_TEMPLATE_NAME, text: templateText(l10n, receiverPort) },
  ];
}

/** A fields file with every section empty, for a project that has templates already: the schema completes the rest. */
export function emptyFieldsFileText(): string {
  return JSON.stringify({ placeholderSyntax: 'braces', customFields: {}, trackerFields: {}, botVariables: {}, profiles: {} }, null, 2) + '\n';
}

/** An unsaved template with a misspelt tracker field and a key in the wrong case, for the tour's "see a mistake caught". */
export function mistakeExampleText(l10n: L10n): string {
  const texts = starterTexts(l10n);
  return [
    `### ${texts.mistakes}`,
    `# ${texts.mistakesHow}`,
    'GET https://tracker.example.com/abc123/postback?subid={tracker.clikid}&status=lead&sub_id_1={chatid}',
    '',
  ].join('\n');
}
