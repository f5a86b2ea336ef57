// Lines up each placeholder of the chosen template with what arrived in its place, and says what went wrong on the
// way: a placeholder that arrived empty (and why that happens), one that arrived as written (with the checker's own
// problem code for it), parameters only one side has, values the receiver cannot read.
import type { ArrivalState, DeliveredPlace, ExplainFindingKind, LinedUpPlaceholder } from '../base/explanation';
import { isKeyPath } from '../base/identifier';
import { phrase, type Arg, type Phrase } from '../base/l10n';
import { PROBLEMS, ProblemCode, problemPhrase, type Severity } from '../base/problems';
import type { Placeholder, PlaceholderSyntax } from '../base/types';
import { isLiteralValue } from '../read/read-url';
import { tableText } from '../receivers/finding';
import { parameterOf, type RecognisedUrl } from '../receivers/index';
import { absentFindings } from '../receivers/required-findings';
import { typeFindings, type ValueScope } from '../receivers/value-types';
import { TRACKER_EMPTY_NOTE } from '../resolve/builtins';
import { analyzePlaceholder, findingPhrase, type ResolveContext } from '../resolve/resolve-placeholder';
import { scanPlaceholders } from '../resolve/scan-placeholders';
import type { DeliveredRequest } from './delivered';
import type { JsonLeaf } from './json-leaves';
import { capturesOf } from './patterns';
import type { Slot, TemplateShape } from './template-shape';

export interface LineUpInput {
  shape: TemplateShape;
  context: ResolveContext;
  delivered: DeliveredRequest;
  /** The delivered body's values, when it is JSON. */
  leaves?: Map<string, JsonLeaf>;
  /** The receiver of the delivered URL, when a table recognises it. */
  recognised?: RecognisedUrl;
  scope: ValueScope;
}

/** A finding whose message is said once the explanation is done. */
export interface PendingFinding {
  kind: ExplainFindingKind;
  severity: Severity;
  code?: ProblemCode;
  place?: DeliveredPlace;
  parameter?: string;
  message: Phrase;
}

/** What arrived for one placeholder; `raw` is the parameter's value as written in the URL. */
interface Arrival {
  state: ArrivalState;
  value?: string;
  raw?: string;
}

/** The lined-up placeholders and what went wrong, errors first. */
export function lineUp(input: LineUpInput): { placeholders: LinedUpPlaceholder[]; findings: PendingFinding[] } {
  const arrivals = new Map<number, Arrival>();
  const findings: PendingFinding[] = [];
  const take = (captures: Map<number, string> | undefined, raw?: string) => {
    for (const [index, value] of captures ?? []) arrivals.set(index, arrivalOf(input.shape.slots[index], value, raw, input.context.syntax));
  };
  lineUpHost(input, take, arrivals, findings);
  lineUpPath(input, take, arrivals, findings);
  lineUpQuery(input, take, arrivals, findings);
  lineUpBody(input, take, arrivals, findings);
  const placeholders: LinedUpPlaceholder[] = [];
  input.shape.slots.forEach((slot, index) => {
    // A partner network's macro is not Chatterfy's to fill; a placeholder outside host, path, query and JSON is not lined up.
    if (!slot.analysis || slot.parameter === '') return;
    const arrival = arrivals.get(index) ?? { state: 'missing' };
    placeholders.push({ placeholder: slot.placeholder.raw, place: slot.place, parameter: slot.parameter, state: arrival.state, ...(arrival.value === undefined ? {} : { value: arrival.value }) });
    findings.push(...slotFindings(slot, arrival, input));
  });
  findings.push(...undecodable(input.delivered), ...receiverFindings(input, findings));
  return { placeholders, findings: findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]) };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

type Take = (captures: Map<number, string> | undefined, raw?: string) => void;

function slotsAt(shape: TemplateShape, place: DeliveredPlace, parameter?: string): number[] {
  return shape.slots.flatMap((slot, index) => (slot.place === place && (parameter === undefined || slot.parameter === parameter) ? [index] : []));
}

function unmatched(arrivals: Map<number, Arrival>, indexes: readonly number[], value?: string): void {
  for (const index of indexes) arrivals.set(index, { state: 'unmatched', value });
}

function lineUpHost({ shape, delivered }: LineUpInput, take: Take, arrivals: Map<number, Arrival>, findings: PendingFinding[]): void {
  const arrived = shape.hostIsOrigin ? delivered.origin : delivered.host;
  const captures = capturesOf(shape.host, arrived);
  if (captures) return take(captures);
  unmatched(arrivals, slotsAt(shape, 'host', 'host'), arrived);
  findings.push({ kind: 'host-differs', severity: 'information', place: 'host', message: phrase('The host {0} is not the template\'s ({1}).', arrived, shape.hostWritten) });
}

function lineUpPath({ shape, delivered }: LineUpInput, take: Take, arrivals: Map<number, Arrival>, findings: PendingFinding[]): void {
  const arrived = delivered.segments;
  const fitting = shape.segments.length === arrived.length ? shape.segments.map((pattern, i) => capturesOf(pattern, arrived[i])) : [];
  fitting.forEach((captures) => take(captures));
  if (shape.segments.length === arrived.length && fitting.every((captures) => captures)) return;
  shape.segments.forEach((_, i) => {
    if (!fitting[i]) unmatched(arrivals, slotsAt(shape, 'path', String(i + 1)), arrived[i]);
  });
  const path = `/${arrived.join('/')}`;
  findings.push({ kind: 'path-differs', severity: 'information', place: 'path', message: phrase('The path {0} is not the template\'s ({1}).', path, shape.pathWritten || '/') });
}

function lineUpQuery(input: LineUpInput, take: Take, arrivals: Map<number, Arrival>, findings: PendingFinding[]): void {
  const { shape, delivered } = input;
  const byName = new Map<string, DeliveredRequest['pairs'][number]>();
  for (const pair of delivered.pairs) if (!byName.has(pair.name)) byName.set(pair.name, pair);
  for (const [name, parameter] of shape.parameters) {
    const pair = byName.get(name);
    if (!pair) {
      findings.push(notDelivered(input, name));
      continue;
    }
    const captures = capturesOf(parameter.pattern, pair.value);
    if (captures) take(captures, pair.raw);
    else {
      unmatched(arrivals, slotsAt(shape, 'query', name), pair.value);
      findings.push(valueDiffers('query', name, pair.value, parameter.written));
    }
  }
  for (const name of byName.keys()) if (!shape.parameters.has(name)) findings.push(notInTemplate('query', name));
}

function lineUpBody(input: LineUpInput, take: Take, arrivals: Map<number, Arrival>, findings: PendingFinding[]): void {
  const { shape, delivered, leaves } = input;
  if (!shape.body) return;
  if (delivered.body === undefined) {
    findings.push({ kind: 'not-delivered', severity: 'information', place: 'body', message: phrase('The template sends a JSON body; none came with the request, so its placeholders are not lined up (paste the body after a blank line).') });
    return;
  }
  if (!leaves) {
    findings.push({ kind: 'body-not-json', severity: 'warning', place: 'body', message: phrase('The body that arrived is not JSON, so its values are not lined up with the template\'s (an empty value where the template has no quotes breaks JSON).') });
    return;
  }
  for (const [path, leaf] of shape.body) {
    const arrived = leaves.get(path);
    const captures = arrived && capturesOf(leaf.pattern, arrived.text);
    if (captures) take(captures);
    else if (!arrived) findings.push({ kind: 'not-delivered', severity: 'information', place: 'body', parameter: path, message: phrase('The body\'s "{0}" did not arrive: the request came from another version of the template.', path) });
    else {
      unmatched(arrivals, slotsAt(shape, 'body', path), arrived.text);
      findings.push(valueDiffers('body', path, arrived.text, leaf.written));
    }
  }
  for (const path of leaves.keys()) if (!shape.body.has(path)) findings.push(notInTemplate('body', path));
}

/** A template parameter that did not arrive: lost for the receiver when it requires it. */
function notDelivered({ recognised }: LineUpInput, name: string): PendingFinding {
  const parameter = recognised && parameterOf(recognised.receiver, name);
  if (recognised && parameter?.required) {
    const code = ProblemCode.ReceiverMissingParameter;
    return { kind: 'not-delivered', severity: 'error', code, place: 'query', parameter: name, message: problemPhrase(code, [recognised.receiver.name, name, tableText(parameter.meaning)]) };
  }
  return { kind: 'not-delivered', severity: 'information', place: 'query', parameter: name, message: phrase('"{0}" did not arrive: the request came from another version of the template, or the log cut it short.', name) };
}

function notInTemplate(place: DeliveredPlace, name: string): PendingFinding {
  const message = place === 'body'
    ? phrase('The body\'s "{0}" arrived, but the template does not have it: the request came from another version of the template.', name)
    : phrase('"{0}" arrived, but the template does not have it: the request came from another version of the template.', name);
  return { kind: 'not-in-template', severity: 'information', place, parameter: name, message };
}

function valueDiffers(place: DeliveredPlace, name: string, arrived: string, written: string): PendingFinding {
  return { kind: 'value-differs', severity: 'information', place, parameter: name, message: phrase('{0} arrived as "{1}" where the template has "{2}".', placeLabel(place, name), arrived, written) };
}

/** Query values whose percent-encoding does not decode. */
export function undecodable(delivered: DeliveredRequest): PendingFinding[] {
  return delivered.pairs
    .filter((pair) => pair.undecodable)
    .map((pair): PendingFinding => ({
      kind: 'undecodable',
      severity: 'warning',
      place: 'query',
      parameter: pair.name,
      message: phrase('The value of "{0}" does not decode ({1}): its percent-encoding is cut short or not UTF-8, so it is shown as written.', pair.name, pair.raw),
    }));
}

/** How a place is named in a sentence: `"subid"`, `the body's "chat_id"`, `path segment 2`, `the host`. */
function placeLabel(place: DeliveredPlace, parameter: string): Phrase {
  if (place === 'query') return phrase('"{0}"', parameter);
  if (place === 'body') return phrase('the body\'s "{0}"', parameter);
  return place === 'path' ? phrase('path segment {0}', parameter) : phrase('the host');
}

// ---- One placeholder ------------------------------------------------------------------------------

/** A value is empty, holds a placeholder as written (the template's own, or one of an earlier version), or is a value. */
function arrivalOf(slot: Slot, value: string, raw: string | undefined, syntax: PlaceholderSyntax): Arrival {
  if (value === '') return { state: 'empty', value, raw };
  if (value.includes(slot.placeholder.raw) || literalTokens(value, syntax).length > 0) return { state: 'literal', value, raw };
  return { state: 'value', value, raw };
}

/** Placeholders written in an arrived value: closed, around a key (braces in ordinary data are not one). */
function literalTokens(value: string, syntax: PlaceholderSyntax): Placeholder[] {
  const region = { start: 0, end: value.length, dialect: 'webhook' as const, place: 'url' as const };
  return scanPlaceholders(value, region, syntax).filter((token) => token.closed && isKeyPath(token.key));
}

function slotFindings(slot: Slot, arrival: Arrival, input: LineUpInput): PendingFinding[] {
  if (arrival.state === 'empty') return [emptyFinding(slot, input)];
  if (arrival.state === 'literal') return [literalFinding(slot, arrival, input.context)];
  return [];
}

function emptyFinding(slot: Slot, { recognised }: LineUpInput): PendingFinding {
  const finding = slot.analysis?.finding;
  const required = slot.place === 'query' && recognised && parameterOf(recognised.receiver, slot.parameter)?.required ? recognised.receiver.name : undefined;
  const code = finding?.code ?? (required ? ProblemCode.ReceiverMissingParameter : undefined);
  const consequence: Arg = required ? phrase(' {0} requires it, so it records nothing.', required) : '';
  return {
    kind: 'empty',
    severity: code ? 'error' : 'warning',
    code,
    place: slot.place,
    parameter: slot.parameter,
    message: phrase('{0} arrived empty in {1}: {2}{3}', slot.placeholder.raw, placeLabel(slot.place, slot.parameter), emptyReason(slot), consequence),
  };
}

/** Why a placeholder arrives empty: the template's mistake, else what its key holds for some users. */
function emptyReason(slot: Slot): Phrase {
  const finding = slot.analysis?.finding;
  if (finding) return findingPhrase(finding);
  const target = slot.analysis?.target;
  if (target?.kind === 'builtin' && target.builtin.mayBeEmpty) return phrase(target.builtin.mayBeEmpty);
  if (target?.kind === 'tracker') return phrase(TRACKER_EMPTY_NOTE);
  if (target?.kind === 'custom') return phrase('the custom field "{0}" had no value for this user when the step ran.', target.field.key);
  return phrase('Chatterfy sent no value for it.');
}

/** The placeholder that arrived as written, named with the checker's problem code for it. */
function literalFinding(slot: Slot, arrival: Arrival, context: ResolveContext): PendingFinding {
  const value = arrival.value ?? '';
  const own = value.includes(slot.placeholder.raw);
  const token = own ? slot.placeholder : literalTokens(value, context.syntax)[0];
  const analysis = own ? slot.analysis : analyzePlaceholder(token, context);
  const finding = analysis?.finding;
  const form = arrival.raw !== undefined && /%7B|%3C/i.test(arrival.raw) ? phrase('percent-encoded: {0}', arrival.raw) : phrase('not encoded');
  const where = placeLabel(slot.place, slot.parameter);
  const message = own
    ? phrase('{0} arrived as written in {1} ({2}): Chatterfy did not replace it. {3}', token.raw, where, form, literalReason(analysis))
    : phrase('{0} arrived as written in {1} ({2}) where the template now has {3}: the request came from an earlier version of it. {4}', token.raw, where, form, slot.placeholder.raw, literalReason(analysis));
  return { kind: 'literal', severity: 'error', code: finding?.code, place: slot.place, parameter: slot.parameter, message };
}

function literalReason(analysis: ReturnType<typeof analyzePlaceholder>): Phrase {
  if (analysis?.finding) return findingPhrase(analysis.finding);
  if (analysis?.target?.kind === 'builtin') return phrase('It is a built-in key, which Chatterfy always fills: the request may not come from a Chatterfy webhook step.');
  return phrase('The fields file defines this key, but the bot may have no such field.');
}

// ---- What the receiver reads --------------------------------------------------------------------

/** Required parameters missing from the request (unless said already) and values the receiver cannot read as numbers. */
function receiverFindings({ recognised, delivered, scope }: LineUpInput, already: readonly PendingFinding[]): PendingFinding[] {
  if (!recognised) return [];
  const { receiver } = recognised;
  const said = new Set(already.filter((finding) => finding.place === 'query').map((finding) => finding.parameter));
  const missing = absentFindings(delivered.url, recognised)
    .filter((finding) => finding.code === ProblemCode.ReceiverMissingParameter && !said.has(String(finding.args[1])))
    .map((finding): PendingFinding => ({
      kind: 'missing-required',
      severity: 'error',
      code: finding.code,
      place: 'query',
      parameter: String(finding.args[1]),
      message: finding.hint ? phrase('{0}{1}', problemPhrase(finding.code, finding.args), finding.hint) : problemPhrase(finding.code, finding.args),
    }));
  const types = recognised.url.pairs.flatMap((pair) => {
    const parameter = parameterOf(receiver, pair.name);
    if (!parameter || pair.value === '' || !isLiteralValue(pair.value)) return [];
    return typeFindings(pair, parameter, receiver.name, scope).map((finding): PendingFinding => ({
      kind: 'wrong-type',
      severity: PROBLEMS[finding.code].severity,
      code: finding.code,
      place: 'query',
      parameter: pair.name,
      message: problemPhrase(finding.code, finding.args),
    }));
  });
  return [...missing, ...types];
}
