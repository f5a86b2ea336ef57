// Shared shapes of the analysis core: offsets into document text, never LSP positions.
import type { ProblemCode, SeverityChoices, SeverityLevel } from './problems';
import type { ReceiverDefinition, ReceiverRecord } from './receiver-table';
import type { Arg } from './l10n';

/** A half-open range of UTF-16 offsets into a document's text. */
export interface Span {
  start: number;
  end: number;
}

/** Which placeholder dialect a piece of text uses (see DESIGN.md, "The template language"). */
export type Dialect = 'webhook' | 'message';

/** Where a piece of template text stands; decides encoding and which problems apply. */
export type Place = 'url' | 'header' | 'body' | 'text';

/** How the webhook dialect writes a placeholder: `{KEY}` or `<KEY>`. */
export type PlaceholderSyntax = 'braces' | 'angle';

/** A stretch of a document whose text is template text in one dialect. */
export interface Region extends Span {
  dialect: Dialect;
  place: Place;
  /** A query value of a Chatterfy inbound link: tokens that name nothing Chatterfy knows are the partner network's macros. */
  partnerMacros?: boolean;
}

/** The delimiter a placeholder was written with. */
export type Delimiter = '{' | '{{' | '<';

/** One placeholder found by the scanner. */
export interface Placeholder extends Span {
  /** The placeholder exactly as written in the text, delimiters included. */
  raw: string;
  /** The key as written, without delimiters or surrounding whitespace, e.g. `tracker.clickid`. */
  key: string;
  keyStart: number;
  keyEnd: number;
  delimiter: Delimiter;
  /** False when the closing delimiter is missing (then `end` is the end of the key). */
  closed: boolean;
  /** True when whitespace stands between a delimiter and the key. */
  padded: boolean;
  region: Region;
}

export type FieldType = 'text' | 'long-text' | 'link' | 'number' | 'date' | 'select' | 'multiselect';

export const FIELD_TYPES: readonly FieldType[] = ['text', 'long-text', 'link', 'number', 'date', 'select', 'multiselect'];

/** Something defined in the fields file, with where it is written. */
export interface Definition {
  key: string;
  /** Span of the key in the fields file (the property name). */
  keySpan: Span;
  /** Span of the whole entry (key and value). */
  span: Span;
  description?: string;
  example?: unknown;
}

/** A field the platform shows under a name of its own (Chatterfy's "Name" of a custom field). */
export interface NamedField extends Definition {
  /** The field's name in Chatterfy, which heads its column in a CSV export of users. */
  name?: string;
}

export interface CustomField extends NamedField {
  type?: FieldType;
  /** The `type` as written, kept when it is not a known type. */
  rawType?: string;
  items?: string[];
}

export type TrackerField = NamedField;

export interface BotVariable extends Definition {
  value?: string;
  /** Span of the value's text in the fields file, so its placeholders can be checked in place. */
  valueSpan?: Span;
}

export interface Profile {
  name: string;
  span: Span;
  /** Values by key as written in the file (`tracker.clickid`, `deposit_amount`, ...). */
  values: Map<string, unknown>;
  /** Where each key is written (inside its quotes), so a rename can follow it. */
  keySpans: Map<string, Span>;
}

/** The definitions a fields file holds. */
export interface FieldsModel {
  placeholderSyntax: PlaceholderSyntax;
  customFields: Map<string, CustomField>;
  trackerFields: Map<string, TrackerField>;
  botVariables: Map<string, BotVariable>;
  profiles: Map<string, Profile>;
  /** The project's severities by problem code (the file's `severity`; codes and levels that are not known left out). */
  severity: Map<ProblemCode, SeverityLevel>;
}

/** The fields file a template is checked against, as the host found it. */
export interface FieldsSource {
  /** URI of the fields file. */
  uri: string;
  /** How to name the file to the user (workspace-relative path). */
  displayName: string;
  model: FieldsModel;
  /** The file's text the model was read from, to place definitions and edits. */
  text: string;
  format: 'json' | 'yaml';
}

/** What the host tells the core about fields for one template. */
export interface FieldsContext {
  /** The fields file in force, or undefined when there is none (built-in keys only). */
  source?: FieldsSource;
  /** Where a new fields file would be created when there is none. */
  suggestedUri?: string;
  /** Receiver tables from the user's settings (`webhookTemplates.receivers`), tried before the built-in ones. */
  receivers?: readonly ReceiverDefinition[];
  /**
   * The profile chosen in the editor, when the fields file has it: the receiver checks judge a text field's value
   * from it (else from the field's example). None in the CLI.
   */
  profile?: string;
  /**
   * The host's choice of severities: a person's setting, a run's command-line options. They win over the fields
   * file's, which win over each code's default.
   */
  severity?: SeverityChoices;
  /** Why no fields file is in force, when the host wants it said on the template's first line (the editor does). */
  absence?: FieldsAbsence;
}

/** Why a template has no fields file: the file the setting names is not there, or the search up to a folder found none. */
export type FieldsAbsence = { settingNames: string } | { searchedUpTo: string };

/** What a document is, decided by its file name (see document-kind.ts). */
export type DocumentKind = 'webhook' | 'script-yaml' | 'script-json' | 'fields-json' | 'fields-yaml';

/** A piece of template text: where it is written and what it says once its quoting is undone. */
export interface TemplatePart {
  span: Span;
  /** The text as the platform sees it (YAML/JSON escapes undone); equals the source slice in `.webhook` files. */
  value: string;
  /**
   * Stretches of the value (offsets into it) in a partner network's macro language: the query values of a Chatterfy
   * inbound link, which the network fills in before it calls the link (set by receivers/partner-macros.ts).
   */
  partnerMacros?: readonly Span[];
}

export interface RequestHeader {
  name: string;
  nameSpan: Span;
  value: TemplatePart;
}

/** One sendable request: a `###` block of a `.webhook` file or a webhook step of a script file. */
export interface TemplateRequest {
  /** The `###` title, else the request line; the step key for script steps. */
  name: string;
  /** The whole request or step. */
  span: Span;
  /** What names it: the `###` line, else the request line; the step's `key` value. */
  nameSpan: Span;
  /** Upper-cased method as written, default GET. */
  method: string;
  methodSpan?: Span;
  url?: TemplatePart;
  headers: RequestHeader[];
  body?: TemplatePart;
  /** The enclosing step's key (script files), which `{stepKey}` expands to. */
  stepKey?: string;
}

/** A step of a script file, for symbols and navigation. */
export interface ScriptStep {
  key?: string;
  keySpan?: Span;
  type?: string;
  flowKey?: string;
  span: Span;
}

/** A flow of a script file, for symbols: its steps are the steps whose spans lie inside its span. */
export interface ScriptFlow {
  key?: string;
  keySpan?: Span;
  title?: string;
  span: Span;
}

/** A problem found while reading a document's structure (not a placeholder problem). */
export interface StructureProblem {
  code: ProblemCode;
  span: Span;
  args: Arg[];
}

/** A template document read into the parts the analysis needs. */
export interface ParsedTemplate {
  kind: DocumentKind;
  /** Every stretch of template text, in document order, with its dialect and place. */
  regions: Region[];
  requests: TemplateRequest[];
  steps: ScriptStep[];
  /** The flows of a script file, in document order (absent for `.webhook` files). */
  flows?: ScriptFlow[];
  problems: StructureProblem[];
}

/** How a version of a template was read: its whole text, or one step (`reread`, in its text) into the previous parse. */
export type Reading = { kind: 'full' } | { kind: 'step'; reread: Span };

/** How results of a version were made: from the whole parse, or carried over with only the re-read step's computed. */
export type ResultOrigin = 'computed' | 'carried';

/** How the service read a template's latest version and made its results; a result not yet asked for is absent. */
export interface DocumentReading {
  version: number;
  parse: Reading;
  diagnostics?: ResultOrigin;
  usages?: ResultOrigin;
}

/** A placeholder of a request that the sample context could not fill, or filled with nothing. */
export interface ExpansionIssue {
  /** The placeholder as written, e.g. `{tracker.clikid}`. */
  text: string;
  /** Where it is written in the template document. */
  span: Span;
  /** Why: "unknown key", "no value in profile "lead" and no example", "environment variable X is not set"... */
  reason: string;
}

/** A request with every placeholder replaced, encoded for where it stands; ready to send. */
export interface ExpandedRequest {
  name: string;
  method: string;
  url: string;
  headers: [name: string, value: string][];
  body?: string;
  /** The profile the values came from, if any. */
  profile?: string;
  /** Placeholders left unresolved: the send must stop and list them. */
  unresolved: ExpansionIssue[];
  /** Placeholders that resolved to an empty value: the user is asked before sending. */
  empty: ExpansionIssue[];
  /** Values read from `${env:…}`: never shown in logs, history or cURL unless asked. */
  secrets: string[];
  /** What the URL's receiver records from it, when a known receiver's (it holds values: hide `secrets` in it too). */
  record?: ReceiverRecord;
}
