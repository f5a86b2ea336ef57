// Checks a recognised URL against its receiver's table: offsets into the URL value, fixes as plain text edits.
import { didYouMean } from '../base/did-you-mean';
import { isIdentifier } from '../base/identifier';
import { HINTS, ProblemCode } from '../base/problems';
import { phrase } from '../base/l10n';
import { tableText, type ReceiverFinding, type ReceiverFix, type ValueEdit } from './finding';
import { decodedValue, isLiteralValue, parameterOf, type QueryPair, type RecognisedUrl } from './index';
import { absentFindings, appendEdit, emptyRequiredPairs, fillEdit, isEmptyValue, present } from './required-findings';
import type { ReceiverParameter } from '../base/receiver-table';
import { typeFindings, type ValueScope } from './value-types';

export function receiverFindings(value: string, recognised: RecognisedUrl, scope: ValueScope): ReceiverFinding[] {
  const findings = [...absentFindings(value, recognised), ...recognised.url.pairs.flatMap((pair) => pairFindings(pair, recognised, scope))];
  // Most URLs have no finding the whole fix goes with: it is worked out only for those that have one.
  const carriers = findings.filter((finding) => WHOLE_FIX_CODES.includes(finding.code));
  const whole = carriers.length > 0 ? wholeFix(value, recognised) : undefined;
  if (whole) for (const finding of carriers) finding.fixes.push(whole);
  return findings;
}

const WHOLE_FIX_CODES: readonly ProblemCode[] = [ProblemCode.ReceiverMissingParameter, ProblemCode.ReceiverDefaultValue, ProblemCode.ReceiverUnknownParameter];

function pairFindings(pair: QueryPair, recognised: RecognisedUrl, scope: ValueScope): ReceiverFinding[] {
  const { receiver } = recognised;
  const parameter = parameterOf(receiver, pair.name);
  if (!parameter) return unknownFindings(pair, recognised);
  return [...valueFindings(pair, parameter, recognised), ...typeFindings(pair, parameter, receiver.name, scope), ...fieldFindings(pair, parameter, scope)];
}

function unknownFindings(pair: QueryPair, recognised: RecognisedUrl): ReceiverFinding[] {
  const { receiver } = recognised;
  if (receiver.unknownParameters !== 'ignored') return [];
  const slot = freeSlots(recognised, 1)[0];
  const fixes = slot === undefined ? [] : [{ title: phrase('Rename to {0}', slot), edits: [{ span: pair.nameSpan, newText: slot }] }];
  const hint = receiver.unknownHint ? tableText(receiver.unknownHint) : undefined;
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

/** A literal value outside the allowed ones (an empty required one is missing instead). */
function valueFindings(pair: QueryPair, parameter: ReceiverParameter, recognised: RecognisedUrl): ReceiverFinding[] {
  const { receiver } = recognised;
  if (!isLiteralValue(pair.value) || (parameter.required && isEmptyValue(pair.value))) return [];
  const value = decodedValue(pair.value);
  const allowed = allowedValues(parameter, recognised);
  if (!allowed?.length || allowed.includes(value)) return [];
  const fixes = allowed.map((choice) => ({ title: phrase('Change to {0}', `${pair.name}=${choice}`), edits: [{ span: pair.valueSpan, newText: choice }] }));
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
function fieldFindings(pair: QueryPair, parameter: ReceiverParameter, scope: ValueScope): ReceiverFinding[] {
  const { model, fieldsName } = scope;
  const prefix = parameter.customFieldPrefix;
  if (!prefix || !model || !pair.name.startsWith(prefix)) return [];
  const key = pair.name.slice(prefix.length);
  if (model.customFields.has(key)) return [];
  const suggestion = didYouMean(key, model.customFields.keys());
  const fixes = suggestion ? [{ title: phrase('Rename to {0}', prefix + suggestion), edits: [{ span: pair.nameSpan, newText: prefix + suggestion }], preferred: true }] : [];
  const missing = isIdentifier(key) && !suggestion ? { section: 'customFields' as const, key } : undefined;
  const hint = suggestion ? phrase(HINTS.didYouMean, prefix + suggestion) : undefined;
  return [{ code: ProblemCode.ReceiverUnknownField, args: [pair.name, fieldsName], span: pair.nameSpan, hint, fixes, missing }];
}

/** The one fix that makes the URL right for its receiver: what is missing or empty filled, unknown parameters moved to free slots. */
function wholeFix(value: string, recognised: RecognisedUrl): ReceiverFix | undefined {
  const { receiver } = recognised;
  if (!receiver.wholeFix) return undefined;
  const fills = emptyRequiredPairs(recognised).map(({ pair, suggested }) => fillEdit(pair, suggested));
  const added = addedPairs(recognised);
  const edits = [...slotRenames(recognised), ...fills, ...(added.length ? [appendEdit(value, recognised, added)] : [])];
  return edits.length ? { title: tableText(receiver.wholeFix), edits, preferred: true } : undefined;
}

/** Unknown parameters renamed to free slots, as far as there are slots. */
function slotRenames(recognised: RecognisedUrl): ValueEdit[] {
  const { receiver, url } = recognised;
  const unknown = receiver.unknownParameters === 'ignored' ? url.pairs.filter((pair) => !parameterOf(receiver, pair.name)) : [];
  const slots = freeSlots(recognised, unknown.length);
  return unknown.slice(0, slots.length).map((pair, index) => ({ span: pair.nameSpan, newText: slots[index] }));
}

/** `name=value` for each absent parameter the URL needs: the required ones, and a default's first fix. */
function addedPairs(recognised: RecognisedUrl): string[] {
  return recognised.receiver.parameters.flatMap((parameter) => {
    if (!parameter.name || present(recognised, parameter.name)) return [];
    const newValue = parameter.required ? parameter.suggestedValue : parameter.whenAbsent?.fixes[0];
    return newValue === undefined ? [] : [`${parameter.name}=${newValue}`];
  });
}
