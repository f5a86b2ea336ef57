// Checks a recognised URL against its receiver's table: offsets into the URL value, fixes as plain text edits.
import { didYouMean } from '../did-you-mean';
import type { FieldsSection, ResolveContext } from '../resolve-placeholder';
import { HINTS, ProblemCode } from '../problems';
import type { Span } from '../types';
import { t } from '../l10n';
import { isLiteralValue, parameterOf, type QueryPair, type RecognisedUrl } from './index';
import type { ReceiverParameter } from './types';

export interface ValueEdit {
  span: Span;
  newText: string;
}

export interface ReceiverFix {
  title: string;
  edits: ValueEdit[];
  preferred?: boolean;
}

export interface ReceiverFinding {
  code: ProblemCode;
  args: string[];
  /** Where in the URL value: a parameter's name or value, or the path for what is missing. */
  span: Span;
  /** Said after the message (translated). */
  hint?: string;
  fixes: ReceiverFix[];
  missing?: { section: FieldsSection; key: string };
}

/** Translates a text of a receiver table (one route, so the translation test knows every text it can get). */
export function tableText(text: string): string {
  return text === '' ? '' : t(text);
}

export function receiverFindings(value: string, recognised: RecognisedUrl, context: ResolveContext): ReceiverFinding[] {
  const findings = [...absentFindings(value, recognised), ...recognised.url.pairs.flatMap((pair) => pairFindings(pair, recognised, context))];
  // Most URLs have no finding the whole fix goes with: it is worked out only for those that have one.
  const carriers = findings.filter((finding) => WHOLE_FIX_CODES.includes(finding.code));
  const whole = carriers.length > 0 ? wholeFix(value, recognised) : undefined;
  if (whole) for (const finding of carriers) finding.fixes.push(whole);
  return findings;
}

const WHOLE_FIX_CODES: readonly ProblemCode[] = [ProblemCode.ReceiverMissingParameter, ProblemCode.ReceiverDefaultValue, ProblemCode.ReceiverUnknownParameter];

function present(recognised: RecognisedUrl, name: string): boolean {
  return recognised.url.pairs.some((pair) => pair.name === name);
}

/** Required parameters that are missing, and parameters whose absence the receiver reads as a default. */
function absentFindings(value: string, recognised: RecognisedUrl): ReceiverFinding[] {
  const { receiver, url } = recognised;
  return receiver.parameters.flatMap((parameter): ReceiverFinding[] => {
    if (!parameter.name || present(recognised, parameter.name)) return [];
    const add = (newValue: string): ReceiverFix => ({ title: t('Add {0}', `${parameter.name}=${newValue}`), edits: [appendEdit(value, recognised, [`${parameter.name}=${newValue}`])] });
    if (parameter.required) {
      const fixes = parameter.suggestedValue === undefined ? [] : [add(parameter.suggestedValue)];
      return [{ code: ProblemCode.ReceiverMissingParameter, args: [receiver.name, parameter.name, tableText(parameter.meaning)], span: url.pathSpan, fixes }];
    }
    if (!parameter.whenAbsent) return [];
    const args = [receiver.name, parameter.name, parameter.whenAbsent.value];
    return [{ code: ProblemCode.ReceiverDefaultValue, args, span: url.pathSpan, fixes: parameter.whenAbsent.fixes.map(add) }];
  });
}

/** Adds `name=value` pairs at the end of the query (or starts one). */
function appendEdit(value: string, recognised: RecognisedUrl, pairs: string[]): ValueEdit {
  const { query, appendAt } = recognised.url;
  const before = value.slice(0, appendAt);
  const separator = !query ? '?' : before.endsWith('?') || before.endsWith('&') ? '' : '&';
  return { span: { start: appendAt, end: appendAt }, newText: separator + pairs.join('&') };
}

function pairFindings(pair: QueryPair, recognised: RecognisedUrl, context: ResolveContext): ReceiverFinding[] {
  const { receiver } = recognised;
  const parameter = parameterOf(receiver, pair.name);
  if (!parameter) return unknownFindings(pair, recognised);
  return [...valueFindings(pair, parameter, recognised), ...fieldFindings(pair, parameter, context)];
}

function unknownFindings(pair: QueryPair, recognised: RecognisedUrl): ReceiverFinding[] {
  const { receiver } = recognised;
  if (receiver.unknownParameters !== 'ignored') return [];
  const slot = freeSlots(recognised, 1)[0];
  const fixes = slot === undefined ? [] : [{ title: t('Rename to {0}', slot), edits: [{ span: pair.nameSpan, newText: slot }] }];
  const hint = receiver.unknownHint && tableText(receiver.unknownHint);
  return [{ code: ProblemCode.ReceiverUnknownParameter, args: [receiver.name, pair.name], span: pair.nameSpan, hint, fixes }];
}

/** The first `count` slot names (`sub_id_N`) no parameter of the URL uses yet. */
function freeSlots(recognised: RecognisedUrl, count: number): string[] {
  const slots = recognised.receiver.extraSlots;
  if (!slots) return [];
  const free: string[] = [];
  for (let n = slots.from; n <= slots.to && free.length < count; n++) {
    const name = slots.template.replace('{n}', String(n));
    if (!present(recognised, name)) free.push(name);
  }
  return free;
}

function decodedValue(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** A literal value outside the allowed ones, or not an integer where one is read. */
function valueFindings(pair: QueryPair, parameter: ReceiverParameter, recognised: RecognisedUrl): ReceiverFinding[] {
  const { receiver } = recognised;
  if (!isLiteralValue(pair.value)) return [];
  const value = decodedValue(pair.value);
  if (parameter.integer && !/^-?\d+$/.test(value)) {
    return [{ code: ProblemCode.ReceiverNotInteger, args: [receiver.name, pair.name, value], span: pair.valueSpan, fixes: [] }];
  }
  const allowed = allowedValues(parameter, recognised);
  if (!allowed?.length || allowed.includes(value)) return [];
  const fixes = allowed.map((choice) => ({ title: t('Change to {0}', `${pair.name}=${choice}`), edits: [{ span: pair.valueSpan, newText: choice }] }));
  const code = parameter.openValues ? ProblemCode.ReceiverCustomValue : ProblemCode.ReceiverValueNotAllowed;
  return [{ code, args: [receiver.name, pair.name, value, allowed.join(', ')], span: pair.valueSpan, fixes }];
}

/**
 * The values a parameter accepts in this URL: its own, and those other parameters map to it (Keitaro's
 * `sale_status=approved,paid`); undefined when a mapping is a placeholder, since it may then map anything.
 */
function allowedValues(parameter: ReceiverParameter, recognised: RecognisedUrl): readonly string[] | undefined {
  const { values, valuesMappedBy } = parameter;
  if (!valuesMappedBy || !values) return values;
  const mappings = recognised.url.pairs.filter((pair) => valuesMappedBy.test(pair.name));
  if (mappings.some((pair) => !isLiteralValue(pair.value))) return undefined;
  const mapped = mappings.flatMap((pair) => decodedValue(pair.value).split(',').map((item) => item.trim()));
  return [...new Set([...values, ...mapped.filter((item) => item !== '')])];
}

/** `fields.KEY` names a custom field of the fields file (checked only when there is one). */
function fieldFindings(pair: QueryPair, parameter: ReceiverParameter, context: ResolveContext): ReceiverFinding[] {
  const { model, fieldsName } = context;
  const prefix = parameter.customFieldPrefix;
  if (!prefix || !model || !pair.name.startsWith(prefix)) return [];
  const key = pair.name.slice(prefix.length);
  if (model.customFields.has(key)) return [];
  const suggestion = didYouMean(key, model.customFields.keys());
  const fixes = suggestion ? [{ title: t('Rename to {0}', prefix + suggestion), edits: [{ span: pair.nameSpan, newText: prefix + suggestion }], preferred: true }] : [];
  const missing = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !suggestion ? { section: 'customFields' as const, key } : undefined;
  const hint = suggestion && t(HINTS.didYouMean, prefix + suggestion);
  return [{ code: ProblemCode.ReceiverUnknownField, args: [pair.name, fieldsName], span: pair.nameSpan, hint, fixes, missing }];
}

/** The one fix that makes the URL right for its receiver: what is missing added, unknown parameters moved to free slots. */
function wholeFix(value: string, recognised: RecognisedUrl): ReceiverFix | undefined {
  const { receiver, url } = recognised;
  if (!receiver.wholeFix) return undefined;
  const unknown = receiver.unknownParameters === 'ignored' ? url.pairs.filter((pair) => !parameterOf(receiver, pair.name)) : [];
  const slots = freeSlots(recognised, unknown.length);
  const renames = unknown.slice(0, slots.length).map((pair, index) => ({ span: pair.nameSpan, newText: slots[index] }));
  const added = receiver.parameters.flatMap((parameter) => {
    if (!parameter.name || present(recognised, parameter.name)) return [];
    const newValue = parameter.required ? parameter.suggestedValue : parameter.whenAbsent?.fixes[0];
    return newValue === undefined ? [] : [`${parameter.name}=${newValue}`];
  });
  if (renames.length === 0 && added.length === 0) return undefined;
  const edits = added.length ? [...renames, appendEdit(value, recognised, added)] : renames;
  return { title: tableText(receiver.wholeFix), edits, preferred: true };
}

