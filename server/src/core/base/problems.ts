// The one table of problems: stable code, default severity and message template of each.
import { phrase, type Arg, type L10n, type Phrase } from './l10n';

export enum ProblemCode {
  // Placeholders in templates
  UnknownKey = 'unknown-key',
  WrongDialect = 'wrong-dialect',
  WrongSyntax = 'wrong-placeholder-syntax',
  FieldsNamespaceInWebhook = 'fields-namespace-in-webhook',
  BareFieldInMessage = 'bare-field-in-message',
  TrackerNamespaceOnCustomField = 'tracker-namespace-on-custom-field',
  MissingTrackerNamespace = 'missing-tracker-namespace',
  StepIdForStepKey = 'step-id-for-step-key',
  ChatTrackerPrefix = 'chat-tracker-prefix',
  UnknownNamespace = 'unknown-namespace',
  MessageOnlyKey = 'message-only-key',
  WebhookOnlyKey = 'webhook-only-key',
  InvalidKey = 'invalid-key',
  UnclosedPlaceholder = 'unclosed-placeholder',
  EmptyPlaceholder = 'empty-placeholder',
  WhitespaceInPlaceholder = 'whitespace-in-placeholder',
  // The fields file itself
  FieldsSyntaxError = 'fields-syntax-error',
  FieldsInvalidStructure = 'fields-invalid-structure',
  FieldsUnknownProperty = 'fields-unknown-property',
  FieldsDuplicateKey = 'fields-duplicate-key',
  FieldsKeyNotIdentifier = 'fields-key-not-identifier',
  FieldsUnknownType = 'fields-unknown-type',
  FieldsExampleMismatch = 'fields-example-mismatch',
  FieldsSelectWithoutItems = 'fields-select-without-items',
  FieldsUnused = 'fields-unused',
  FieldsSeverityUnknownCode = 'fields-severity-unknown-code',
  FieldsSeverityUnknownLevel = 'fields-severity-unknown-level',
  // Script files
  ScriptSyntaxError = 'script-syntax-error',
  // Request URLs, checked after expansion with sample values
  UrlInvalid = 'url-invalid',
  PlaceholderInHost = 'placeholder-in-host',
  RepeatedQueryParameter = 'repeated-query-parameter',
  InsecureHttp = 'insecure-http',
  // What the URL's receiver (a tracker, a Chatterfy inbound link) reads; tables in receivers/
  ReceiverMissingParameter = 'receiver-missing-parameter',
  ReceiverDefaultValue = 'receiver-default-value',
  ReceiverValueNotAllowed = 'receiver-value-not-allowed',
  ReceiverCustomValue = 'receiver-custom-value',
  ReceiverNotInteger = 'receiver-not-integer',
  ReceiverWrongType = 'receiver-wrong-type',
  ReceiverUnknownParameter = 'receiver-unknown-parameter',
  ReceiverUnknownField = 'receiver-unknown-field',
  // Files the server cannot or will not read
  FileTooLarge = 'file-too-large',
  FieldsFileNotFound = 'fields-file-not-found',
  NoFieldsFile = 'no-fields-file',
  // Suppression comments (# webhook-templates-disable-next-line CODE)
  SuppressionUnused = 'suppression-unused',
  SuppressionUnknownCode = 'suppression-unknown-code',
}

/** How strongly a problem is reported by default. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** How strongly a problem is reported as a project or a person chooses it: a severity, or `off` (not reported). */
export type SeverityLevel = 'error' | 'warning' | 'info' | 'hint' | 'off';

export const SEVERITY_LEVELS: readonly SeverityLevel[] = ['error', 'warning', 'info', 'hint', 'off'];

/**
 * Levels chosen by problem code: the fields file's `severity` (the project's), the setting `webhookTemplates.severity`
 * (one person's), the command line's `--severity` (one run's). Codes that are not problem codes change nothing.
 */
export type SeverityChoices = Readonly<Record<string, SeverityLevel>>;

export function isProblemCode(value: string): value is ProblemCode {
  return Object.prototype.hasOwnProperty.call(PROBLEMS, value);
}

export function isSeverityLevel(value: unknown): value is SeverityLevel {
  return typeof value === 'string' && (SEVERITY_LEVELS as readonly string[]).includes(value);
}

export interface ProblemInfo {
  /** What kind of problem it is, in a few words (rule names in SARIF, completion of codes, the documentation's headings). */
  summary: string;
  severity: Severity;
  /** English message; `{0}`, `{1}`… are replaced by the arguments in order. */
  message: string;
}

export const PROBLEMS: Readonly<Record<ProblemCode, ProblemInfo>> = {
  [ProblemCode.UnknownKey]: { severity: 'error', summary: 'Unknown placeholder key', message: 'Unknown key "{0}" (checked against {1}).' },
  [ProblemCode.WrongDialect]: { severity: 'error', summary: 'Placeholder in the other dialect than its place reads', message: '"{0}" is the {1} dialect; here write "{2}".' },
  [ProblemCode.WrongSyntax]: { severity: 'error', summary: "Placeholder not in the fields file's placeholderSyntax", message: '{1} sets placeholderSyntax "{2}": write "{3}" instead of "{0}".' },
  [ProblemCode.FieldsNamespaceInWebhook]: { severity: 'error', summary: '"fields." before a custom field in a webhook', message: 'Webhooks read custom fields by their bare key: write "{1}", not "{0}".' },
  [ProblemCode.BareFieldInMessage]: { severity: 'error', summary: 'Custom field without "fields." in a message', message: '"{0}" is a custom field in {2}: messages read it through "fields.", write "{1}".' },
  [ProblemCode.TrackerNamespaceOnCustomField]: { severity: 'error', summary: '"tracker." before a custom field', message: '"{0}" is a custom field in {2}, not a tracker field: write "{1}".' },
  [ProblemCode.MissingTrackerNamespace]: { severity: 'error', summary: 'Tracker field without "tracker."', message: '"{0}" is a tracker field in {2}: write "{1}".' },
  [ProblemCode.StepIdForStepKey]: { severity: 'error', summary: '"stepId" for the step key', message: 'There is no "{0}": the step is named by its key, "{1}".' },
  [ProblemCode.ChatTrackerPrefix]: { severity: 'error', summary: '"chat.tracker." for "tracker."', message: '"chat.tracker." is not a namespace: write "{1}".' },
  [ProblemCode.UnknownNamespace]: { severity: 'error', summary: 'Unknown namespace before a key', message: 'Unknown namespace "{0}." in "{1}"; known here: {2}.' },
  [ProblemCode.MessageOnlyKey]: { severity: 'error', summary: 'Key known only in messages, in a webhook', message: '"{0}" is only known in messages ({{{0}}}), not in webhooks.' },
  [ProblemCode.WebhookOnlyKey]: { severity: 'error', summary: 'Key known only in webhooks, in a message', message: '"{0}" is only known in webhooks ({{0}}), not in messages.' },
  [ProblemCode.InvalidKey]: { severity: 'error', summary: 'Brace expression that is not a placeholder', message: '"{0}" is not a placeholder, so Chatterfy sends it as literal text: {1}.' },
  [ProblemCode.UnclosedPlaceholder]: { severity: 'error', summary: 'Placeholder without its closing brace', message: 'Placeholder "{0}" is not closed, so Chatterfy sends it as literal text: add "{1}".' },
  [ProblemCode.EmptyPlaceholder]: { severity: 'error', summary: 'Empty placeholder', message: 'Empty placeholder "{0}": Chatterfy sends it as literal text; put a key inside or remove it.' },
  [ProblemCode.WhitespaceInPlaceholder]: { severity: 'error', summary: 'Whitespace inside a placeholder', message: 'Whitespace inside "{0}": a key has no blanks, so Chatterfy sends it as literal text.' },
  [ProblemCode.FieldsSyntaxError]: { severity: 'error', summary: 'Fields file that does not parse', message: '{0} (templates keep the last good definitions until this is fixed).' },
  [ProblemCode.FieldsInvalidStructure]: { severity: 'error', summary: 'Fields-file entry of the wrong shape', message: '{0}' },
  [ProblemCode.FieldsUnknownProperty]: { severity: 'warning', summary: 'Unknown property in the fields file', message: 'Unknown property "{0}" in {1} is ignored; known: {2}.' },
  [ProblemCode.FieldsDuplicateKey]: { severity: 'error', summary: 'Duplicate key in the fields file', message: 'Duplicate key "{0}" in {1}.' },
  [ProblemCode.FieldsKeyNotIdentifier]: { severity: 'warning', summary: 'Fields-file key that is not an identifier', message: 'Key "{0}" is not an identifier (letters, digits, "_"): placeholders cannot reach it safely.' },
  [ProblemCode.FieldsUnknownType]: { severity: 'error', summary: 'Unknown custom field type', message: 'Unknown field type "{0}"; expected one of: {1}.' },
  [ProblemCode.FieldsExampleMismatch]: { severity: 'warning', summary: "Example that does not fit its field's type", message: 'Example {0} does not fit type "{1}": {2}.' },
  [ProblemCode.FieldsUnused]: { severity: 'hint', summary: 'Field that no template uses', message: '"{0}" ({1}) is not used by any template in the workspace.' },
  [ProblemCode.FieldsSelectWithoutItems]: { severity: 'error', summary: 'Select field without items', message: 'A "{0}" field needs "items", the list of its choices.' },
  [ProblemCode.FieldsSeverityUnknownCode]: { severity: 'warning', summary: 'Unknown problem code in "severity"', message: '"{0}" is not a problem code, so its severity changes nothing.{1}' },
  [ProblemCode.FieldsSeverityUnknownLevel]: { severity: 'warning', summary: 'Unknown level in "severity"', message: '"{0}" is not a severity level: write error, warning, info, hint or off. "{1}" keeps its default.' },
  [ProblemCode.ScriptSyntaxError]: { severity: 'error', summary: 'Script file that does not parse', message: '{0}' },
  [ProblemCode.UrlInvalid]: { severity: 'error', summary: 'Request URL that is not an absolute http(s) URL', message: 'Not an absolute http(s) URL: {0}.' },
  [ProblemCode.PlaceholderInHost]: { severity: 'warning', summary: 'Placeholder in the scheme or host of a URL', message: '"{0}" stands in the scheme or host of the URL: the host is then decided at send time, but a tracker needs a fixed host.' },
  [ProblemCode.RepeatedQueryParameter]: { severity: 'warning', summary: 'Repeated query parameter', message: 'Query parameter "{0}" is repeated: receivers disagree on which one they read (some take the first, some the last). Keep one.' },
  [ProblemCode.InsecureHttp]: { severity: 'hint', summary: 'Plain http URL', message: 'Plain http: the values (click ids, usernames) travel unencrypted; use https.' },
  [ProblemCode.ReceiverMissingParameter]: { severity: 'error', summary: 'Parameter the receiver requires, missing or empty', message: 'Missing "{1}", which {0} requires. {2}' },
  [ProblemCode.ReceiverDefaultValue]: { severity: 'warning', summary: 'Missing parameter whose default the receiver records', message: 'No "{1}": {0} records this postback as a {2}.' },
  [ProblemCode.ReceiverValueNotAllowed]: { severity: 'error', summary: 'Value the receiver does not accept', message: '{0} does not accept {1}={2}; allowed: {3}.' },
  [ProblemCode.ReceiverCustomValue]: { severity: 'information', summary: 'Custom value for the receiver', message: '{1}={2} is a custom value for {0} (the standard ones: {3}).' },
  [ProblemCode.ReceiverNotInteger]: { severity: 'error', summary: 'Value the receiver reads as an integer, not an integer', message: '{0} reads "{1}" as an integer; "{2}" is not one.' },
  [ProblemCode.ReceiverWrongType]: { severity: 'error', summary: 'Value of another type than the receiver reads', message: '{0} reads "{1}" as {2}; {3}.' },
  [ProblemCode.ReceiverUnknownParameter]: { severity: 'information', summary: 'Parameter the receiver ignores', message: '{0} ignores the parameter "{1}".' },
  [ProblemCode.ReceiverUnknownField]: { severity: 'warning', summary: 'Custom field the call would create', message: '"{0}" is not a custom field in {1}: the call would create a new field.' },
  [ProblemCode.FileTooLarge]: { severity: 'information', summary: 'File over the size limit, not checked', message: '{0} is {1} MB, over the {2} MB limit, so it is not checked. To check it, raise the setting "webhookTemplates.maxFileSizeMB".' },
  [ProblemCode.FieldsFileNotFound]: { severity: 'information', summary: 'Fields file named by the setting is missing', message: 'The setting "webhookTemplates.fieldsFile" names {0}, which is not a file: only built-in keys are known. Create the file or correct the setting.' },
  [ProblemCode.NoFieldsFile]: { severity: 'information', summary: 'No fields file found for a template', message: 'No fields file found from this folder up to {0}: only the built-in keys username, chatId, stepKey and createdAt are known. Create webhook-fields.json to describe your custom fields, tracker fields and sample profiles.' },
  [ProblemCode.SuppressionUnused]: { severity: 'warning', summary: 'Suppression comment that suppresses nothing', message: '"{0}" suppresses nothing: {1}.' },
  [ProblemCode.SuppressionUnknownCode]: { severity: 'warning', summary: 'Unknown problem code in a suppression comment', message: '"{0}" is not a problem code, so it suppresses nothing.{1}' },
};

/** Where each problem code is explained, one section per code with a wrong and a right example (docs/problems.md). */
export const PROBLEM_DOCS = 'https://github.com/webhook-templates/vscode-webhook-templates/blob/main/docs/problems.md';

/** The documentation section of a problem code: its heading's anchor on the page. */
export function problemDocsUrl(code: ProblemCode): string {
  return `${PROBLEM_DOCS}#${code}`;
}

/** The problem's summary in the host's language. */
export function problemSummary(l10n: L10n, code: ProblemCode): string {
  return l10n.t(PROBLEMS[code].summary);
}

/** The problem's message, to be said in the host's language (the English table above is the source of every translation). */
export function problemPhrase(code: ProblemCode, args: readonly Arg[]): Phrase {
  return phrase(PROBLEMS[code].message, ...args);
}

/** The problem's message in the host's language. */
export function problemText(l10n: L10n, code: ProblemCode, args: readonly Arg[]): string {
  return l10n.say(problemPhrase(code, args));
}

/** Extra sentences added to messages (English templates, translated where they are used). */
export const HINTS = {
  didYouMean: ' Did you mean "{0}"?',
  noFieldsFile: 'no fields file (only built-in keys are known)',
} as const;
