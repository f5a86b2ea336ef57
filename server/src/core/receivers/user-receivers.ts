// Receiver tables a user writes in the setting `webhookTemplates.receivers` (JSON): read leniently, bad entries skipped.
import type { ReceiverDefinition, ReceiverParameter } from '../base/receiver-table';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const stringsOf = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;

function regexOf(source: unknown): RegExp | undefined {
  const text = stringOf(source);
  if (text === undefined) return undefined;
  try {
    return new RegExp(text);
  } catch {
    return undefined;
  }
}

/** The receivers of the setting; an entry without id, name or a valid path pattern is left out. */
export function receiversFromSettings(raw: unknown): ReceiverDefinition[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const receiver = isObject(entry) ? receiverOf(entry) : undefined;
    return receiver ? [receiver] : [];
  });
}

function receiverOf(entry: Json): ReceiverDefinition | undefined {
  const id = stringOf(entry.id);
  const path = regexOf(entry.path);
  if (!id || !path) return undefined;
  return {
    id,
    name: stringOf(entry.name) ?? id,
    host: regexOf(entry.host),
    path,
    signature: stringsOf(entry.signature),
    parameters: Array.isArray(entry.parameters) ? entry.parameters.flatMap((item) => (isObject(item) ? parameterOf(item) ?? [] : [])) : [],
    unknownParameters: entry.unknownParameters === 'ignored' ? 'ignored' : 'unchecked',
    unknownHint: stringOf(entry.unknownHint) && ` ${stringOf(entry.unknownHint)}`,
    source: 'webhookTemplates.receivers',
  };
}

function parameterOf(item: Json): ReceiverParameter | undefined {
  const name = stringOf(item.name);
  const pattern = regexOf(item.pattern);
  if (!name && !pattern) return undefined;
  const absent = isObject(item.whenAbsent) ? stringOf(item.whenAbsent.value) : undefined;
  return {
    name,
    pattern: name ? undefined : pattern,
    label: stringOf(item.label),
    meaning: stringOf(item.meaning) ?? '',
    required: item.required === true,
    values: stringsOf(item.values),
    openValues: item.openValues === true,
    number: item.number === true,
    integer: item.integer === true,
    whenAbsent: absent === undefined ? undefined : { value: absent, fixes: stringsOf((item.whenAbsent as Json).fixes) ?? [] },
    suggestedValue: stringOf(item.suggestedValue),
    example: stringOf(item.example),
  };
}
