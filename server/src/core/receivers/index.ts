// The registry of receivers: the built-in tables, the receiver of a URL (user tables first), and user tables from settings.
//
// Recognition weighs what identifies each receiver (recognise.ts). User tables are tried before the built-in ones,
// so a user may redefine a receiver.
import { BINOM } from './binom';
import { CHATTERFY_TRACKER_POSTBACK } from './chatterfy-tracker-postback';
import { CHATTERFY_UPDATE_DIALOG } from './chatterfy-update-dialog';
import { KEITARO } from './keitaro';
import { readReceiverUrl, type ReceiverUrl } from '../read/read-url';
import { pickReceiver } from './recognise';
import { REDTRACK } from './redtrack';
import type { ReceiverDefinition, ReceiverParameter } from '../base/receiver-table';
import { VOLUUM } from './voluum';
import type { TemplatePart } from '../base/types';
import { urlReadingOf, type UrlReading } from '../read/url-reading';

export type { ReceiverDefinition, ReceiverParameter, UnknownParameterPolicy } from '../base/receiver-table';
export { readReceiverUrl, decodedValue, isLiteralValue, type QueryPair, type ReceiverUrl } from '../read/read-url';
export { receiversFromSettings } from './user-receivers';

export const BUILTIN_RECEIVERS: readonly ReceiverDefinition[] = [
  KEITARO,
  BINOM,
  VOLUUM,
  REDTRACK,
  CHATTERFY_UPDATE_DIALOG,
  CHATTERFY_TRACKER_POSTBACK,
];

export interface RecognisedUrl {
  receiver: ReceiverDefinition;
  url: ReceiverUrl;
}

/** The receiver of a URL template, trying the user's tables first; undefined when none or no single one fits. */
export function recogniseReceiver(value: string, userReceivers: readonly ReceiverDefinition[] = []): RecognisedUrl | undefined {
  return recogniseUrl(readReceiverUrl(value), userReceivers);
}

/** The receiver of a URL already read (see url-reading.ts). */
export function recogniseUrl(url: ReceiverUrl | undefined, userReceivers: readonly ReceiverDefinition[]): RecognisedUrl | undefined {
  if (!url) return undefined;
  const receiver = pickReceiver(userReceivers, url) ?? pickReceiver(BUILTIN_RECEIVERS, url);
  return receiver && { receiver, url };
}

const NO_RECEIVERS: readonly ReceiverDefinition[] = [];
/** Per shared URL reading and per receiver tables of the settings: URLs written alike are recognised once. */
const recognitions = new WeakMap<UrlReading, Map<readonly ReceiverDefinition[], RecognisedUrl | undefined>>();

/** The receiver of a URL part, the user's tables tried first. */
export function recognisedUrlOf(part: TemplatePart, userReceivers: readonly ReceiverDefinition[] = NO_RECEIVERS): RecognisedUrl | undefined {
  const reading = urlReadingOf(part);
  let byTables = recognitions.get(reading);
  if (!byTables) recognitions.set(reading, (byTables = new Map()));
  if (!byTables.has(userReceivers)) byTables.set(userReceivers, recogniseUrl(reading.receiverUrl, userReceivers));
  return byTables.get(userReceivers);
}

/** The table entry that reads a parameter name, if any. */
export function parameterOf(receiver: ReceiverDefinition, name: string): ReceiverParameter | undefined {
  return receiver.parameters.find((parameter) => parameter.name === name) ?? receiver.parameters.find((parameter) => parameter.pattern?.test(name));
}

/** How a parameter is named to the user: its name, or its family's label. */
export function parameterLabel(parameter: ReceiverParameter): string {
  return parameter.name ?? parameter.label ?? String(parameter.pattern);
}

/** Every English text of the built-in tables (meanings, hints, fix titles), for translation. */
export function receiverTexts(): string[] {
  return BUILTIN_RECEIVERS.flatMap((receiver) => [
    ...receiver.parameters.map((parameter) => parameter.meaning),
    ...(receiver.unknownHint ? [receiver.unknownHint] : []),
    ...(receiver.wholeFix ? [receiver.wholeFix] : []),
  ]);
}
