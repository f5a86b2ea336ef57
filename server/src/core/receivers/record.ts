// What a known receiver records from a request as it is sent: the engine under Preview, the send confirmation, the
// response view, `expand --explain`, the explanation of a delivered webhook and the smoke test.
//
// It reads the expanded URL the way the receiver reads it and says, from the roles its table gives each parameter,
// what ends up recorded: Keitaro's conversion on a click with its status (`sale` when none is sent), payout and
// sub ids; Chatterfy's dialogue update; and so on. A receiver whose table gives no roles (a user's own), or a URL no
// table recognises, gets no record: nothing is invented.
import type { L10n } from '../base/l10n';
import type { ReceiverDefinition, ReceiverParameter, ReceiverRecord, RecordLine, RecordRole } from '../base/receiver-table';
import { decodedValue, type QueryPair } from '../read/read-url';
import { parameterOf, recogniseReceiver } from './index';

const ROLE_ORDER: readonly RecordRole[] = ['subject', 'status', 'amount', 'cost', 'currency', 'transaction', 'step', 'field', 'extra'];

interface Sent {
  parameter: ReceiverParameter;
  pair: QueryPair;
  value: string;
}

/** What the receiver of an expanded URL records; undefined for a URL no table with roles recognises. */
export function receiverRecord(url: string, userReceivers: readonly ReceiverDefinition[], l10n: L10n): ReceiverRecord | undefined {
  const recognised = recogniseReceiver(url, userReceivers);
  const receiver = recognised?.receiver;
  if (!recognised || !receiver?.recordsAs) return undefined;
  const sent = recognised.url.pairs.flatMap((pair): Sent[] => {
    const parameter = parameterOf(receiver, pair.name);
    return parameter?.records ? [{ parameter, pair, value: decodedValue(pair.value) }] : [];
  });
  const lines = recordLines(receiver, sent, recognised.url.pairs, l10n);
  const subject = lines.find((line) => roleOf(receiver, line.name) === 'subject');
  const problems = subject && subject.value.trim() !== '' ? [] : [noSubject(receiver, l10n)];
  return { receiver: receiver.name, summary: summaryOf(receiver, lines, l10n), lines, problems };
}

function roleOf(receiver: ReceiverDefinition, name: string): RecordRole | undefined {
  return parameterOf(receiver, name)?.records;
}

/** The lines in role order; a status not sent appears with the receiver's default. */
function recordLines(receiver: ReceiverDefinition, sent: readonly Sent[], pairs: readonly QueryPair[], l10n: L10n): RecordLine[] {
  const lines: RecordLine[] = [];
  for (const role of ROLE_ORDER) {
    const ofRole = sent.filter((item) => item.parameter.records === role);
    for (const item of ofRole) lines.push(lineOf(item, pairs, l10n));
    if (ofRole.length === 0) lines.push(...defaultLines(receiver, role, l10n));
  }
  return lines;
}

/** A parameter of this role that is not sent, but whose absence the receiver reads as a value. */
function defaultLines(receiver: ReceiverDefinition, role: RecordRole, l10n: L10n): RecordLine[] {
  const parameter = receiver.parameters.find((candidate) => candidate.records === role && candidate.name && candidate.whenAbsent);
  if (!parameter?.name || !parameter.whenAbsent) return [];
  return [{ name: parameter.name, value: parameter.whenAbsent.value, note: l10n.t("{0}'s default: no {1} was sent", receiver.name, parameter.name) }];
}

/** A sent value; Keitaro's `sale_status=approved` turns the partner's `status=approved` into `sale`. */
function lineOf(item: Sent, pairs: readonly QueryPair[], l10n: L10n): RecordLine {
  const line: RecordLine = { name: item.pair.name, value: item.value };
  const mapping = item.parameter.valuesMappedBy;
  if (!mapping || item.parameter.values?.includes(item.value)) return line;
  const mapper = pairs.find((pair) => mapping.test(pair.name) && decodedValue(pair.value).split(',').map((value) => value.trim()).includes(item.value));
  if (!mapper) return line;
  const recordedAs = mapper.name.replace(/_status$/, '');
  return { ...line, recordedAs, note: l10n.t('recorded as "{0}": {1} maps it', recordedAs, mapper.name) };
}

function noSubject(receiver: ReceiverDefinition, l10n: L10n): string {
  const name = receiver.parameters.find((parameter) => parameter.records === 'subject')?.name ?? '';
  return l10n.t('"{0}" is missing or empty: {1} cannot tell what to record it on, so it records nothing.', name, receiver.name);
}

function valueOf(receiver: ReceiverDefinition, lines: readonly RecordLine[], role: RecordRole): RecordLine | undefined {
  return lines.find((line) => roleOf(receiver, line.name) === role);
}

/** The one sentence of the record, in the words of its kind. */
function summaryOf(receiver: ReceiverDefinition, lines: readonly RecordLine[], l10n: L10n): string {
  const subject = valueOf(receiver, lines, 'subject')?.value ?? '';
  if (receiver.recordsAs === 'dialogue') return dialogueSummary(receiver, lines, subject, l10n);
  const status = valueOf(receiver, lines, 'status');
  const what = status ? statusText(status, l10n) : l10n.t('a conversion');
  const amount = amountText(receiver, lines, l10n);
  if (receiver.recordsAs === 'event') return l10n.t('{0} records the event {1}{2} for the user with click id {3}.', receiver.name, what, amount, subject);
  return l10n.t('{0} records {1}{2} on click {3}.', receiver.name, what, amount, subject);
}

/** `"sale"`, `"sale" (Keitaro's default: no status was sent)`. */
function statusText(status: RecordLine, l10n: L10n): string {
  const recorded = l10n.t('"{0}"', status.recordedAs ?? status.value);
  return status.note ? l10n.t('{0} ({1})', recorded, status.note) : recorded;
}

/** ` of 150 usd`, or nothing when no amount is sent. */
function amountText(receiver: ReceiverDefinition, lines: readonly RecordLine[], l10n: L10n): string {
  const amount = valueOf(receiver, lines, 'amount');
  if (!amount) return '';
  const currency = valueOf(receiver, lines, 'currency');
  return l10n.t(' of {0}', currency ? `${amount.value} ${currency.value}` : amount.value);
}

function dialogueSummary(receiver: ReceiverDefinition, lines: readonly RecordLine[], subject: string, l10n: L10n): string {
  const changes = lines.filter((line) => roleOf(receiver, line.name) !== 'subject').map((line) => `${line.name}=${line.value}`);
  if (changes.length === 0) return l10n.t('{0} finds the dialogue of chat {1} and changes nothing.', receiver.name, subject);
  return l10n.t('{0} updates the dialogue of chat {1}: {2}.', receiver.name, subject, changes.join(', '));
}
