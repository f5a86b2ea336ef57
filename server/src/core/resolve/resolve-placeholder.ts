// Decides what a placeholder refers to in its dialect, or which problem it has and how to fix it.
import { builtinKey, builtinsOf, type BuiltinKey } from './builtins';
import { didYouMean } from '../base/did-you-mean';
import { HINTS, ProblemCode, problemPhrase } from '../base/problems';
import { closerOf, scanPlaceholders } from './scan-placeholders';
import { phrase, type Arg, type Phrase } from '../base/l10n';
import { isIdentifier, isKeyPath, keyPrefixOf } from '../base/identifier';
import type { BotVariable, CustomField, Definition, Delimiter, Dialect, FieldsModel, Placeholder, PlaceholderSyntax, Region, TrackerField } from '../base/types';

export type Target =
  | { kind: 'builtin'; builtin: BuiltinKey }
  | { kind: 'custom'; field: CustomField }
  | { kind: 'tracker'; field: TrackerField }
  | { kind: 'variable'; variable: BotVariable };

export type FieldsSection = 'customFields' | 'trackerFields' | 'botVariables';

export interface Finding {
  code: ProblemCode;
  args: Arg[];
  /** Text that replaces the whole placeholder to fix it. */
  fix?: string;
  /**
   * The fix cannot change what the template means, so `check --fix` may apply it without a person: the other
   * dialect's or syntax's delimiters around a key that resolves, blanks inside braces, a namespace put right, a
   * case-only typo. Not a guess at another key, nor dropping what follows a key (`{username|friend}`).
   */
  safe?: boolean;
  /** An unknown key that a quick fix may add to the fields file. */
  missing?: { section: FieldsSection; key: string };
}

/** What a finding says: its problem's message, and the suggestion when it is a likely typo's. */
export function findingPhrase(finding: Finding): Phrase {
  const message = problemPhrase(finding.code, finding.args);
  const suggests = finding.fix && (finding.code === ProblemCode.UnknownKey || finding.code === ProblemCode.InvalidKey);
  return suggests ? phrase('{0}{1}', message, phrase(HINTS.didYouMean, finding.fix!)) : message;
}

export interface PlaceholderAnalysis {
  placeholder: Placeholder;
  target?: Target;
  finding?: Finding;
}

export interface ResolveContext {
  model: FieldsModel | undefined;
  /** How the fields file is named in messages. */
  fieldsName: Arg;
  syntax: PlaceholderSyntax;
}

export function wrapKey(key: string, delimiter: Delimiter): string {
  return delimiter + key + closerOf(delimiter);
}

/** The delimiter a dialect expects in this project. */
export function delimiterFor(dialect: Dialect, syntax: PlaceholderSyntax): Delimiter {
  return dialect === 'message' ? '{{' : syntax === 'angle' ? '<' : '{';
}

/** How a target is written inside the delimiters of a dialect. */
export function keyFormOf(target: Target, dialect: Dialect): string {
  switch (target.kind) {
    case 'builtin':
      return target.builtin.key;
    case 'custom':
      return dialect === 'webhook' ? target.field.key : `fields.${target.field.key}`;
    case 'tracker':
      return `tracker.${target.field.key}`;
    case 'variable':
      return `variables.${target.variable.key}`;
  }
}

/** The fields-file entry behind a target; built-ins have none. */
export function definitionOfTarget(target: Target): Definition | undefined {
  if (target.kind === 'custom' || target.kind === 'tracker') return target.field;
  return target.kind === 'variable' ? target.variable : undefined;
}

/** Every target a correct placeholder of this dialect may name. */
export function targetsOf(dialect: Dialect, model: FieldsModel | undefined): Target[] {
  const targets: Target[] = builtinsOf(dialect).map((builtin) => ({ kind: 'builtin', builtin }));
  if (!model) return targets;
  for (const field of model.customFields.values()) targets.push({ kind: 'custom', field });
  for (const field of model.trackerFields.values()) targets.push({ kind: 'tracker', field });
  if (dialect === 'message') for (const variable of model.botVariables.values()) targets.push({ kind: 'variable', variable });
  return targets;
}

/** The target a key names when written correctly in a dialect. */
export function resolveKey(key: string, dialect: Dialect, model: FieldsModel | undefined): Target | undefined {
  const dot = key.indexOf('.');
  const namespace = dot < 0 ? '' : key.slice(0, dot);
  const name = key.slice(dot + 1);
  const custom = model?.customFields.get(name);
  const tracker = model?.trackerFields.get(name);
  const variable = model?.botVariables.get(name);
  const builtin = builtinKey(key);
  if (namespace === '' && builtin?.dialects.includes(dialect)) return { kind: 'builtin', builtin };
  if (namespace === 'tracker' && tracker) return { kind: 'tracker', field: tracker };
  if (dialect === 'webhook' && namespace === '' && custom) return { kind: 'custom', field: custom };
  if (dialect === 'message' && namespace === 'fields' && custom) return { kind: 'custom', field: custom };
  if (dialect === 'message' && namespace === 'variables' && variable) return { kind: 'variable', variable };
  return undefined;
}

/** What a placeholder means, or its problem; undefined when it is not a placeholder in its place (JSON `{}`, prose). */
export function analyzePlaceholder(placeholder: Placeholder, context: ResolveContext): PlaceholderAnalysis | undefined {
  const analysis = analyzeAsWritten(placeholder, context);
  if (!analysis?.finding?.fix) return analysis;
  const cleaned = cleanFix(analysis.finding.fix, placeholder.region, context);
  const safe = analysis.finding.safe === true && cleaned?.safe === true;
  return { ...analysis, finding: { ...analysis.finding, fix: cleaned?.fix, safe: safe || undefined } };
}

function analyzeAsWritten(placeholder: Placeholder, context: ResolveContext): PlaceholderAnalysis | undefined {
  if (placeholder.region.partnerMacros && isPartnerMacro(placeholder, context)) return undefined;
  const finding = shapeFinding(placeholder, context);
  if (finding === 'ignore') return undefined;
  if (finding) return { placeholder, finding };
  const { dialect } = placeholder.region;
  const target = resolveKey(placeholder.key, dialect, context.model);
  if (target) return { placeholder, target };
  return { placeholder, finding: keyFinding(placeholder.key, dialect, context) };
}

/**
 * A fix is offered only when the text it writes holds no problem of its own where it stands, so a fix never makes
 * a template worse. One step further is tried: `{ chat-id }` → `{chat-id}` is itself fixed to `{chatId}`.
 */
function cleanFix(fix: string, region: Region, context: ResolveContext, retry = true): { fix: string; safe: boolean } | undefined {
  const written = scanPlaceholders(fix, { start: 0, end: fix.length, dialect: region.dialect, place: region.place }, context.syntax);
  const findings = written.map((placeholder) => analyzeAsWritten(placeholder, context)?.finding);
  if (written.length > 0 && findings.every((finding) => !finding)) return { fix, safe: true };
  const whole = written.length === 1 && written[0].start === 0 && written[0].end === fix.length;
  const further = whole && retry ? findings[0] : undefined;
  const cleaned = further?.fix === undefined ? undefined : cleanFix(further.fix, region, context, false);
  // Two steps are as safe as the less safe of them.
  return cleaned && { fix: cleaned.fix, safe: cleaned.safe && further?.safe === true };
}

/**
 * In an inbound link's query value (receivers/partner-macros.ts), a token is the partner network's macro unless
 * it names something Chatterfy knows, has a namespace, or is a case-only typo of a known key.
 */
function isPartnerMacro(placeholder: Placeholder, context: ResolveContext): boolean {
  const { key, region } = placeholder;
  if (key.includes('.') || resolveKey(key, region.dialect, context.model)) return false;
  return suggestedKey(key, region.dialect, context.model)?.toLowerCase() !== key.toLowerCase();
}

/** Problems of form rather than of meaning: delimiters, emptiness, whitespace, characters. */
function shapeFinding(placeholder: Placeholder, context: ResolveContext): Finding | 'ignore' | undefined {
  const { key, delimiter, region } = placeholder;
  const expected = delimiterFor(region.dialect, context.syntax);
  if (delimiter !== expected) return foreignDelimiterFinding(placeholder, context);
  if (key === '') return region.place === 'body' && delimiter !== '{{' ? 'ignore' : { code: ProblemCode.EmptyPlaceholder, args: [placeholder.raw] };
  if (!placeholder.closed) return unclosedFinding(placeholder);
  if (placeholder.padded || BLANK.test(key)) return whitespaceFinding(placeholder, context);
  if (!isKeyPath(key)) return invalidKeyFinding(placeholder, context);
  if (isMarkup(placeholder, context)) return 'ignore';
  return undefined;
}

const BLANK = /[ \t]/;

/** In a body, `<lead>` (XML) is the body's own language unless it names something we know or nearly so. */
function isMarkup(placeholder: Placeholder, context: ResolveContext): boolean {
  const { delimiter, region, key } = placeholder;
  if (delimiter !== '<' || region.place !== 'body' || resolveKey(key, region.dialect, context.model)) return false;
  return suggestedKey(key, 'webhook', context.model) === undefined;
}

/**
 * `{ chatId }`, `{tracker.click id}`: blanks inside braces. In a body, `{ id }` (GraphQL) is the body's own language.
 * Without its blanks the key may still be no key (`{username | friend}`): then that is the problem named.
 */
function whitespaceFinding(placeholder: Placeholder, context: ResolveContext): Finding | 'ignore' {
  const compact = placeholder.key.replace(/[ \t]+/g, '');
  if (placeholder.padded && placeholder.region.place === 'body' && !resolveKey(compact, placeholder.region.dialect, context.model)) return 'ignore';
  if (!isKeyPath(compact)) return invalidKeyFinding({ ...placeholder, key: compact }, context);
  return { code: ProblemCode.WhitespaceInPlaceholder, args: [placeholder.raw], fix: wrapKey(compact, placeholder.delimiter), safe: true };
}

function unclosedFinding(placeholder: Placeholder): Finding | 'ignore' {
  const { raw, delimiter, key, region } = placeholder;
  // `<br/` in an XML body is markup, not a placeholder that lost its `>`.
  if (delimiter === '<' && region.place === 'body') return 'ignore';
  const closer = closerOf(delimiter);
  const present = raw.length - delimiter.length - key.length;
  return { code: ProblemCode.UnclosedPlaceholder, args: [raw, closer.slice(present)], fix: wrapKey(key, delimiter) };
}

/** A placeholder written with the other dialect's delimiters, or the other syntax's. */
function foreignDelimiterFinding(placeholder: Placeholder, context: ResolveContext): Finding | 'ignore' {
  const { key, delimiter, region } = placeholder;
  // `{{username|friend}}` in a webhook is a template expression gone wrong; a single-brace one in a message is prose.
  if (delimiter === '{{' && placeholder.closed && !placeholder.padded && !isKeyPath(key)) return invalidKeyFinding(placeholder, context);
  if (!placeholder.closed || placeholder.padded || !isKeyPath(key)) return 'ignore';
  if (region.dialect === 'message') return webhookPlaceholderInMessage(placeholder, context);
  if (delimiter === '{{') return messagePlaceholderInWebhook(placeholder, context);
  const fix = wrapKey(key, delimiterFor('webhook', context.syntax));
  if (region.place === 'body' && !resolveKey(key, 'webhook', context.model)) return 'ignore';
  return { code: ProblemCode.WrongSyntax, args: [placeholder.raw, context.fieldsName, context.syntax, fix], fix, safe: true };
}

/** `{username}` in a message. A single-brace word there is prose unless it names something a webhook knows. */
function webhookPlaceholderInMessage(placeholder: Placeholder, context: ResolveContext): Finding | 'ignore' {
  const target = resolveKey(placeholder.key, 'webhook', context.model);
  if (!target) return 'ignore';
  if (!resolveKey(keyFormOf(target, 'message'), 'message', context.model)) return { code: ProblemCode.WebhookOnlyKey, args: [placeholder.key] };
  const fix = wrapKey(keyFormOf(target, 'message'), '{{');
  return { code: ProblemCode.WrongDialect, args: [placeholder.raw, 'webhook', fix], fix, safe: true };
}

/** `{{tracker.clickid}}` in a webhook: offer the webhook form only when the webhook knows it. */
function messagePlaceholderInWebhook(placeholder: Placeholder, context: ResolveContext): Finding {
  const { key } = placeholder;
  const target = resolveKey(key, 'message', context.model);
  const webhookKey = target ? keyFormOf(target, 'webhook') : key.replace(/^fields\./, '');
  const expected = delimiterFor('webhook', context.syntax);
  if (target?.kind === 'builtin' && !target.builtin.dialects.includes('webhook')) return { code: ProblemCode.MessageOnlyKey, args: [key] };
  if (target?.kind === 'variable') return { code: ProblemCode.UnknownNamespace, args: ['variables', key, namespaceList('webhook')] };
  const fix = resolveKey(webhookKey, 'webhook', context.model) ? wrapKey(webhookKey, expected) : undefined;
  return { code: ProblemCode.WrongDialect, args: [placeholder.raw, 'message', wrapKey(webhookKey, expected)], fix, safe: true };
}

/**
 * A closed expression that is no key: why Chatterfy sends it as literal text, and a fix when what the user meant is
 * plain (the key before a default, modifier or operator; the key before a forgotten `}`; a close typo).
 */
function invalidKeyFinding(placeholder: Placeholder, context: ResolveContext): Finding {
  const { key, delimiter, region } = placeholder;
  const fix = expressionFix(key, delimiter) ?? suggestedKey(key, region.dialect, context.model);
  const suggestion = fix && (fix.startsWith(delimiter) ? fix : wrapKey(fix, delimiterFor(region.dialect, context.syntax)));
  return { code: ProblemCode.InvalidKey, args: [placeholder.raw, invalidKeyReason(key, delimiter)], fix: suggestion };
}

const URI_TEMPLATE_OPERATOR = /^[+#./;?&=,!@|%]/;

function invalidKeyReason(key: string, delimiter: Delimiter): Phrase {
  if (delimiter === '{' && (URI_TEMPLATE_OPERATOR.test(key) || key.includes(',') || key.endsWith('*'))) {
    return phrase('URI-template operators and lists ({+x}, {?x,y}, {x*}) are not Chatterfy syntax');
  }
  if (key.includes('|')) return phrase('Chatterfy has no default values or filters ("|")');
  if (key.includes(':')) return phrase('Chatterfy has no modifiers or formats (":")');
  return phrase('a key is letters, digits and "_", not starting with a digit, with a dot only after a namespace');
}

/**
 * What the expression most plainly meant: `{username}` for `{username|friend}` or `{+username}`. A forgotten `}`
 * (`{tracker.clickid&x=1}`) gets no fix: closing it early adds query parameters, which may collide with others.
 */
function expressionFix(key: string, delimiter: Delimiter): string | undefined {
  const bare = delimiter === '{' ? key.replace(/^[+#./;?&=]/, '').replace(/\*$/, '') : key;
  const prefix = keyPrefixOf(bare);
  if (!prefix) return undefined;
  const rest = bare.slice(prefix.length);
  if (rest === '') return bare === key ? undefined : wrapKey(prefix, delimiter);
  return /^[|:]/.test(rest) ? wrapKey(prefix, delimiter) : undefined;
}

function candidateKeys(dialect: Dialect, model: FieldsModel | undefined): string[] {
  return targetsOf(dialect, model).map((target) => keyFormOf(target, dialect));
}

/** Suggestions made so far, per fields model (a model is never changed: an edited fields file gives a new one). */
const suggestions = new WeakMap<FieldsModel | typeof NO_MODEL, Map<string, string | undefined>>();
const NO_MODEL = {};
/** Keys remembered per model at most: typing a key letter by letter asks for each prefix. */
const MAX_SUGGESTIONS = 5000;

/**
 * The known key a mistyped one most likely meant in a dialect (didYouMean over every key the dialect may name). The
 * same mistake is met again and again (in a file, and at every keystroke while typing), so each answer is kept.
 */
/** How many suggestions are kept for a fields model (tests see the same mistake answered from memory). */
export function suggestionsKept(model: FieldsModel | undefined): number {
  return suggestions.get(model ?? NO_MODEL)?.size ?? 0;
}

function suggestedKey(key: string, dialect: Dialect, model: FieldsModel | undefined): string | undefined {
  let known = suggestions.get(model ?? NO_MODEL);
  if (!known) suggestions.set(model ?? NO_MODEL, (known = new Map()));
  const id = `${dialect}:${key}`;
  if (known.has(id)) return known.get(id);
  if (known.size >= MAX_SUGGESTIONS) known.clear();
  const suggestion = didYouMean(key, candidateKeys(dialect, model));
  known.set(id, suggestion);
  return suggestion;
}

/** A well-formed key that names nothing as written: a known mistake, or unknown with a suggestion. */
function keyFinding(key: string, dialect: Dialect, context: ResolveContext): Finding {
  const delimiter = delimiterFor(dialect, context.syntax);
  const mistake = knownMistake(key, dialect, context);
  if (mistake?.code === ProblemCode.MessageOnlyKey || mistake?.code === ProblemCode.WebhookOnlyKey) return { code: mistake.code, args: [key] };
  // A known mistake names the field meant: the fix keeps what the template reads.
  if (mistake) return { ...mistake, fix: wrapKey(mistake.fix, delimiter), args: [wrapKey(key, delimiter), wrapKey(mistake.fix, delimiter), context.fieldsName], safe: true };
  const suggestion = suggestedKey(key, dialect, context.model);
  const dot = key.indexOf('.');
  const namespace = dot < 0 ? '' : key.slice(0, dot);
  if (!suggestion && namespace !== '' && !KNOWN_NAMESPACES[dialect].includes(namespace)) {
    return { code: ProblemCode.UnknownNamespace, args: [namespace, key, namespaceList(dialect)] };
  }
  const caseOnly = suggestion !== undefined && suggestion.toLowerCase() === key.toLowerCase();
  return {
    code: ProblemCode.UnknownKey,
    args: [key, context.fieldsName],
    fix: suggestion && wrapKey(suggestion, delimiter),
    // `{chatid}` is a typo of `{chatId}`, not a field to define; any other guess is a person's to take.
    missing: caseOnly ? undefined : missingDefinition(key, dialect),
    safe: caseOnly || undefined,
  };
}

const KNOWN_NAMESPACES: Record<Dialect, string[]> = { webhook: ['tracker'], message: ['fields', 'tracker', 'variables'] };

function namespaceList(dialect: Dialect): string {
  return KNOWN_NAMESPACES[dialect].map((namespace) => `"${namespace}."`).join(', ');
}

/** Where an unknown key would be defined, when the quick fix "add it to the fields file" makes sense. */
function missingDefinition(key: string, dialect: Dialect): Finding['missing'] {
  const [namespace, name, ...rest] = key.includes('.') ? key.split('.') : ['', key];
  if (rest.length > 0 || !isIdentifier(name) || builtinKey(name)) return undefined;
  if (namespace === 'tracker') return { section: 'trackerFields', key: name };
  if (namespace === 'variables' && dialect === 'message') return { section: 'botVariables', key: name };
  if ((namespace === '' && dialect === 'webhook') || (namespace === 'fields' && dialect === 'message')) return { section: 'customFields', key: name };
  return undefined;
}

interface Mistake {
  code: ProblemCode;
  /** The corrected key, without delimiters. */
  fix: string;
}

/** Mistakes seen in real scripts and in Chatterfy's own documentation. */
function knownMistake(key: string, dialect: Dialect, context: ResolveContext): Mistake | undefined {
  const { model } = context;
  const dot = key.indexOf('.');
  const namespace = dot < 0 ? '' : key.slice(0, dot);
  const name = key.slice(dot + 1);
  const isCustom = model?.customFields.has(name) ?? false;
  const isTracker = model?.trackerFields.has(name) ?? false;
  const customForm = dialect === 'webhook' ? name : `fields.${name}`;
  if (key.startsWith('chat.tracker.')) return { code: ProblemCode.ChatTrackerPrefix, fix: `tracker.${key.slice('chat.tracker.'.length)}` };
  if (key === 'stepId' && dialect === 'webhook') return { code: ProblemCode.StepIdForStepKey, fix: 'stepKey' };
  if (namespace === 'fields' && dialect === 'webhook') return { code: ProblemCode.FieldsNamespaceInWebhook, fix: name };
  if (namespace === 'tracker' && isCustom) return { code: ProblemCode.TrackerNamespaceOnCustomField, fix: customForm };
  if ((namespace === '' || namespace === 'fields') && isTracker) return { code: ProblemCode.MissingTrackerNamespace, fix: `tracker.${name}` };
  if (namespace === '' && isCustom && dialect === 'message') return { code: ProblemCode.BareFieldInMessage, fix: customForm };
  const builtin = builtinKey(key);
  if (builtin && dialect === 'webhook') return { code: ProblemCode.MessageOnlyKey, fix: key };
  if (builtin && dialect === 'message') return { code: ProblemCode.WebhookOnlyKey, fix: key };
  return undefined;
}
