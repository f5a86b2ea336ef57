// What a URL lacks for its receiver: a required parameter missing or empty, a parameter whose absence means a default.
import { ProblemCode } from '../base/problems';
import { phrase } from '../base/l10n';
import { tableText, type ReceiverFinding, type ReceiverFix, type ValueEdit } from './finding';
import { decodedValue, isLiteralValue, type QueryPair, type RecognisedUrl } from './index';
import type { ReceiverDefinition, ReceiverParameter } from '../base/receiver-table';

export function present(recognised: RecognisedUrl, name: string): boolean {
  return recognised.url.pairs.some((pair) => pair.name === name);
}

/** Required parameters that are missing or empty, and parameters whose absence the receiver reads as a default. */
export function absentFindings(value: string, recognised: RecognisedUrl): ReceiverFinding[] {
  return recognised.receiver.parameters.flatMap((parameter): ReceiverFinding[] => {
    if (!parameter.name) return [];
    const pair = recognised.url.pairs.find((candidate) => candidate.name === parameter.name);
    if (!pair) return missingFindings(value, recognised, parameter, parameter.name);
    return parameter.required && isEmptyValue(pair.value) ? [emptyFinding(pair, parameter, recognised.receiver)] : [];
  });
}

function missingFindings(value: string, recognised: RecognisedUrl, parameter: ReceiverParameter, name: string): ReceiverFinding[] {
  const { receiver, url } = recognised;
  const add = (newValue: string): ReceiverFix => ({ title: phrase('Add {0}', `${name}=${newValue}`), edits: [appendEdit(value, recognised, [`${name}=${newValue}`])] });
  if (parameter.required) {
    const fixes = parameter.suggestedValue === undefined ? [] : [add(parameter.suggestedValue)];
    return [{ code: ProblemCode.ReceiverMissingParameter, args: [receiver.name, name, tableText(parameter.meaning)], span: url.pathSpan, fixes }];
  }
  if (!parameter.whenAbsent) return [];
  const args = [receiver.name, name, parameter.whenAbsent.value];
  return [{ code: ProblemCode.ReceiverDefaultValue, args, span: url.pathSpan, fixes: parameter.whenAbsent.fixes.map(add) }];
}

/** `cid=` (or a bare `cid`): the receiver gets no value, which loses the conversion as surely as no `cid` at all. */
function emptyFinding(pair: QueryPair, parameter: ReceiverParameter, receiver: ReceiverDefinition): ReceiverFinding {
  const suggested = parameter.suggestedValue;
  const fixes = suggested === undefined ? [] : [{ title: phrase('Change to {0}', `${pair.name}=${suggested}`), edits: [fillEdit(pair, suggested)] }];
  const hint = phrase(' "{0}=" is empty: {1} gets no value.', pair.name, receiver.name);
  const args = [receiver.name, pair.name, tableText(parameter.meaning)];
  return { code: ProblemCode.ReceiverMissingParameter, args, span: { start: pair.nameSpan.start, end: pair.valueSpan.end }, hint, fixes };
}

/** A value written out as nothing (`cid=`, `cid=%20`); a placeholder that may expand empty is another matter. */
export function isEmptyValue(value: string): boolean {
  return isLiteralValue(value) && decodedValue(value).trim() === '';
}

/** The pairs of required parameters written with an empty value, and the value a fix fills in. */
export function emptyRequiredPairs(recognised: RecognisedUrl): { pair: QueryPair; suggested: string }[] {
  return recognised.receiver.parameters.flatMap((parameter) => {
    const pair = recognised.url.pairs.find((candidate) => candidate.name === parameter.name);
    const suggested = parameter.suggestedValue;
    return parameter.required && pair && suggested !== undefined && isEmptyValue(pair.value) ? [{ pair, suggested }] : [];
  });
}

/** Writes a value into an empty pair, adding the `=` a bare name lacks. */
export function fillEdit(pair: QueryPair, newValue: string): ValueEdit {
  return { span: pair.valueSpan, newText: (pair.hasEquals ? '' : '=') + newValue };
}

/** Adds `name=value` pairs at the end of the query (or starts one). */
export function appendEdit(value: string, recognised: RecognisedUrl, pairs: string[]): ValueEdit {
  const { query, appendAt } = recognised.url;
  const before = value.slice(0, appendAt);
  const separator = !query ? '?' : before.endsWith('?') || before.endsWith('&') ? '' : '&';
  return { span: { start: appendAt, end: appendAt }, newText: separator + pairs.join('&') };
}
