// Whether a query value fits the number or integer its receiver reads: a literal by its text, a placeholder by what it holds.
//
// A placeholder is judged by its type where it has one (built-ins; number, date, select and multiselect fields) and
// by its sample value where its type is text (text, long-text and link fields, tracker fields): the active profile's
// value, else the field's example (profiles.ts). What cannot be told is never reported: a guess would flag good templates.
import { resolveContextOf } from '../resolve/fields-context';
import { phrase, type Arg, type Phrase } from '../base/l10n';
import { isNamespacedKey } from '../base/identifier';
import { ProblemCode } from '../base/problems';
import { createSampleContext, type SampleLookup } from '../expand/profiles';
import { delimiterFor, resolveKey, type ResolveContext, type Target } from '../resolve/resolve-placeholder';
import { closerOf } from '../resolve/scan-placeholders';
import type { CustomField, FieldsContext, FieldType } from '../base/types';
import type { ReceiverFinding } from './finding';
import { decodedValue, isLiteralValue, type QueryPair } from '../read/read-url';
import type { ReceiverParameter } from '../base/receiver-table';

type Reading = 'number' | 'integer';

/** What judging a placeholder needs: the fields, and each target's sample value. */
export interface ValueScope extends ResolveContext {
  /** The profile whose values are judged (the editor's active one); none in the CLI. */
  profile?: string;
  sampleOf: (target: Target) => SampleLookup;
}

/** No environment: a `${env:…}` value then comes back missing, so a secret is never judged (nor shown in a message). */
const NO_ENVIRONMENT = {};

export function valueScopeOf(fields: FieldsContext): ValueScope {
  const context = resolveContextOf(fields);
  const sampleOf = createSampleContext(context.model, fields.profile, NO_ENVIRONMENT, undefined, context.fieldsName);
  return { ...context, profile: fields.profile, sampleOf };
}

/** A value that is not the number or integer the parameter is read as. */
export function typeFindings(pair: QueryPair, parameter: ReceiverParameter, receiverName: string, scope: ValueScope): ReceiverFinding[] {
  const reading: Reading | undefined = parameter.integer ? 'integer' : parameter.number ? 'number' : undefined;
  if (!reading) return [];
  if (isLiteralValue(pair.value)) return literalFindings(pair, reading, receiverName);
  const target = placeholderTarget(pair.value, scope);
  const reason = target && targetMismatch(target, pair.value, reading, scope);
  return reason ? [wrongType(pair, receiverName, reading, reason)] : [];
}

const FORMS: Record<Reading, RegExp> = { number: /^[-+]?(\d+\.?\d*|\.\d+)$/, integer: /^-?\d+$/ };

function fits(text: string, reading: Reading): boolean {
  return FORMS[reading].test(text);
}

function readingText(reading: Reading): Phrase {
  return reading === 'integer' ? phrase('an integer') : phrase('a number');
}

/** An empty value is not judged: a required one is missing (required-findings.ts), an optional one just absent. */
function literalFindings(pair: QueryPair, reading: Reading, receiverName: string): ReceiverFinding[] {
  const value = decodedValue(pair.value);
  if (value === '' || fits(value, reading)) return [];
  if (reading === 'integer') return [{ code: ProblemCode.ReceiverNotInteger, args: [receiverName, pair.name, value], span: pair.valueSpan, fixes: [] }];
  return [wrongType(pair, receiverName, reading, phrase('"{0}" is not {1}', value, readingText(reading)))];
}

function wrongType(pair: QueryPair, receiverName: string, reading: Reading, reason: Phrase): ReceiverFinding {
  return { code: ProblemCode.ReceiverWrongType, args: [receiverName, pair.name, readingText(reading), reason], span: pair.valueSpan, fixes: [] };
}

/** What a value that is exactly one correct placeholder (`{username}`) names; undefined for anything else. */
function placeholderTarget(value: string, scope: ValueScope): Target | undefined {
  const open = delimiterFor('webhook', scope.syntax);
  const close = closerOf(open);
  if (!value.startsWith(open) || !value.endsWith(close)) return undefined;
  const key = value.slice(open.length, value.length - close.length);
  return isNamespacedKey(key) ? resolveKey(key, 'webhook', scope.model) : undefined;
}

const TYPED_FIELDS: readonly FieldType[] = ['number', 'date', 'select', 'multiselect'];

/** Why what the target holds does not fit the reading; undefined when it fits or cannot be told. */
function targetMismatch(target: Target, written: string, reading: Reading, scope: ValueScope): Phrase | undefined {
  if (target.kind === 'builtin') return builtinMismatch(target, written);
  if (target.kind === 'custom' && target.field.type && TYPED_FIELDS.includes(target.field.type)) return typedFieldMismatch(target.field, written, reading, scope.fieldsName);
  return sampleMismatch(target, written, reading, scope);
}

/** `{chatId}` is an integer, so it fits both readings; text and a date-time fit neither. */
function builtinMismatch(target: Extract<Target, { kind: 'builtin' }>, written: string): Phrase | undefined {
  const what = phrase(target.builtin.noun);
  if (target.builtin.type === 'text') return phrase('{0} is text ({1})', written, what);
  return target.builtin.type === 'date-time' ? phrase('{0} is a date and time ({1})', written, what) : undefined;
}

/** A number field fits an integer too (its values cannot be told); a select fits when every choice does. */
function typedFieldMismatch(field: CustomField, written: string, reading: Reading, fieldsName: Arg): Phrase | undefined {
  if (field.type === 'date') return phrase('{0} is a date field in {1}', written, fieldsName);
  if (field.type === 'number') return undefined;
  const odd = field.items?.find((item) => !fits(item, reading));
  return odd === undefined ? undefined : phrase('{0} is a "{1}" field in {2}, and its choice "{3}" is not {4}', written, field.type ?? '', fieldsName, odd, readingText(reading));
}

/** A text-like field judged by the value it would send: the profile's, else its example; nothing to judge, nothing said. */
function sampleMismatch(target: Target, written: string, reading: Reading, scope: ValueScope): Phrase | undefined {
  const lookup = scope.sampleOf(target);
  if (!('value' in lookup) || lookup.value.secret) return undefined;
  const { value, source } = lookup.value;
  if (value === '' || fits(value, reading)) return undefined;
  if (source === 'profile') return phrase('{0} has the value "{1}" in profile "{2}", which is not {3}', written, value, scope.profile ?? '', readingText(reading));
  return source === 'example' ? phrase('{0} has the example "{1}" in {2}, which is not {3}', written, value, scope.fieldsName, readingText(reading)) : undefined;
}
