// The analysis core's facade: one service object whose functions take a document and return LSP types.
//
// Hosts (the language server, the command line, the extension's send commands) reach the core only through this
// file: `createTemplateService` and the types and helpers exported below.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  MarkupKind,
  type CodeAction, type CodeLens, type CompletionList, type Diagnostic, type DocumentLink, type DocumentSymbol, type FoldingRange, type Hover, type InlayHint,
  type Location, type Position, type Range, type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { getCodeActions } from './language/code-actions';
import { keyCompletions } from './language/completion';
import { absenceNotes, fileNote, templateDiagnostics } from './check/diagnostics';
import { applySeverities } from './check/severity';
import { applySuppressions } from './check/suppressions';
import { suppressionComments, type SuppressionComment } from './read/suppression-comments';
import { suppressionActions } from './language/suppression-actions';
import { safeFixes, type SafeFix } from './language/safe-fixes';
import { suppressionCompletions } from './language/suppression-completion';
import { isFieldsKind } from './read/document-kind';
import { fieldsFileDiagnostics } from './check/fields-diagnostics';
import { fieldsFormatOf, type FieldsParseResult } from './fields/fields-file';
import { definitionHover, removeUnusedFieldActions, unusedFieldDiagnostics } from './language/fields-hints';
import { expandRequest, type ExpandOptions } from './expand/expand';
import { foldingRanges } from './language/folding';
import { placeholderHover } from './language/hover';
import { sampleValueHints, type InlayHintOptions } from './language/inlay-hints';
import { documentLinks } from './language/links';
import { findDefinition } from './language/navigation';
import { ProblemCode, type SeverityChoices } from './base/problems';
import { profileNames, profileSummaries, type Environment, type ProfileSummary } from './expand/profiles';
import { receiverDiagnostics } from './receivers/receiver-diagnostics';
import { receiverTableMarkdown, receiverTokenHover, recordMarkdown } from './receivers/receiver-hover';
import { requestLineAt, sentRequestMarkdown } from './language/request-hover';
import { receiverRecord } from './receivers/record';
import { snippetCompletions } from './receivers/snippets';
import { fieldAtCursor, referenceLocations, renameEdit, renameRefusal, type UsesOf, type WorkspaceTexts } from './language/references';
import { requestAtLine, requestLenses } from './language/requests';
import { listRequests, type RequestList } from './language/request-list';
import { documentSymbols } from './language/symbols';
import { createTemplateDocuments, parseByKind } from './template-documents';
import type { DocumentKind, DocumentReading, ExpandedRequest, FieldsContext, ParsedTemplate, TemplateRequest } from './base/types';
import type { ReceiverRecord } from './base/receiver-table';
import { urlDiagnostics } from './check/url-checks';
import { UsageIndex, type UsageCounts } from './language/usage-index';
import { fieldsFileUsages, templateUsages, type Usage } from './resolve/usages';
import type { TextChange } from './read/incremental';
import { createL10n, type L10n } from './base/l10n';
import { toRange } from './base/positions';
import type { DeliveredInput, Explanation } from './base/explanation';
import { explainDelivered, type TemplateCandidate } from './explain/explain';
import { planProfileImport, type ImportTarget, type ProfileImportOptions, type ProfileImportPlan } from './import/profile-import';

export * from './base/types';
export {
  isProblemCode, isSeverityLevel, PROBLEM_DOCS, ProblemCode, PROBLEMS, problemDocsUrl, problemSummary, SEVERITY_LEVELS,
  type Severity, type SeverityChoices, type SeverityLevel,
} from './base/problems';
export { isIdentifier } from './base/identifier';
export { documentLength, type TextWindow, type WindowedDocument } from './base/text-window';
export { isLoopbackHost, isLoopbackUrl } from './base/hosts';
export { createL10n, type L10n } from './base/l10n';
export { documentKindOf, FIELDS_FILE_NAMES, globMatches, isFieldsFileName, isFieldsKind, isTemplateKind } from './read/document-kind';
export { PREVIEW_COMMAND, SEND_ALL_COMMAND, SEND_COMMAND } from './language/requests';
export type { ListedRequest, RequestFlow, RequestList } from './language/request-list';
export { SUPPRESS_ACTION_KIND } from './language/suppression-actions';
export type { SafeFix } from './language/safe-fixes';
export type { FieldsParseResult } from './fields/fields-file';
export type { Environment, ProfileSummary } from './expand/profiles';
export type { TextChange } from './read/incremental';
export type { WorkspaceTexts } from './language/references';
export type { FieldKind, FieldRef, Usage } from './resolve/usages';
export type { UsageCounts } from './language/usage-index';
export { DEFAULT_HINT_LENGTH, MIN_HINT_LENGTH, type InlayHintOptions } from './language/inlay-hints';
export type { ReceiverRecord, RecordLine } from './base/receiver-table';
export type * from './base/explanation';
export { BUILTIN_RECEIVERS, receiversFromSettings, recogniseReceiver, type ReceiverDefinition } from './receivers/index';
export { decodeCsvBytes } from './import/csv-bytes';
export type { ImportTarget, ImportedProfile, LineEdit, ProfileImportOptions, ProfileImportPlan, RowPreview } from './import/profile-import';
export type { ColumnKey, MatchedBy, NewField, NewFieldSection } from './import/column-keys';

export interface TemplateServiceOptions {
  /** The locale user-facing text is written in, as the host names it (`ru`, `ru-RU`, `en`); English by default. */
  locale?: string;
  /** Globs of extra script files that apply to a document (the setting `webhookTemplates.scriptFiles`). */
  scriptGlobs?: (uri: string) => readonly string[];
}

/** A template document the host hands to `explainDelivered`, with the fields it is checked against. */
export interface WorkspaceTemplate {
  document: TextDocument;
  fields: FieldsContext;
}

/** Where the cursor may start a rename: the range to rename and its text, or why nothing can be renamed there. */
export type RenameStart = { range: Range; placeholder: string } | { refusal: string };

export interface TemplateService {
  /** The language the service writes in, for the host's own texts around its answers. */
  readonly l10n: L10n;
  kindOf(document: TextDocument): DocumentKind | undefined;
  parseTemplate(document: TextDocument): ParsedTemplate | undefined;
  /** A fields file's definitions; `asFields` reads a document of any name as one (the file `webhookTemplates.fieldsFile` names). */
  parseFields(document: TextDocument, asFields?: boolean): FieldsParseResult | undefined;

  // Problems, each with the severity chosen for its code (the fields file's, then the host's `severity`); `off` left out
  /**
   * A template's problems checked against its fields, and the note on its first line when `fields.absence` says why
   * there is no fields file.
   */
  templateDiagnostics(document: TextDocument, fields: FieldsContext): Diagnostic[];
  /** A fields file's own problems and, with `withUnused`, a hint on every field the usage index has no use of. */
  fieldsFileDiagnostics(document: TextDocument, displayName: string, withUnused?: boolean, severity?: SeverityChoices): Diagnostic[];
  /** The note on a file over the size limit, in place of its problems (it is not read); none when its code is off. */
  tooLargeNote(displayName: string, bytes: number, limitMB: number, severity?: SeverityChoices): Diagnostic[];

  // Language features
  /**
   * Keys inside a placeholder; elsewhere receiver snippets where a URL or a body is still empty. `triggerCharacter`: the
   * character that made the editor ask, if any (after a space or a quote only an empty URL is answered).
   */
  completions(document: TextDocument, position: Position, fields: FieldsContext, triggerCharacter?: string): CompletionList;
  /**
   * On a placeholder of a template, what it is; on a request line (the method, or the URL outside placeholders), the
   * request as sent with the active profile (`fields.profile`; `env` for `${env:…}` values, shown as `***`), what its
   * receiver records and the receiver's table, or the meaning of a receiver's parameter under its name; on a field of
   * the fields file (`fields.source` being that file), its usage counts.
   */
  hover(document: TextDocument, position: Position, fields: FieldsContext, env?: Environment): Hover | null;
  definitions(document: TextDocument, position: Position, fields: FieldsContext): Location[];
  /** Quick fixes of a template's diagnostics; in the fields file, "Remove field" on an unused field's hint. */
  codeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], fields: FieldsContext): CodeAction[];
  /**
   * What `check --fix` applies without a person: for each of the given problems that has exactly one fix, that fix
   * when it is safe (it cannot change what the template means); non-overlapping, in document order.
   */
  safeFixes(document: TextDocument, diagnostics: readonly Diagnostic[], fields: FieldsContext): SafeFix[];
  codeLenses(document: TextDocument): CodeLens[];
  /** The value each placeholder takes in a profile (`options.maxLength`: the longest value a hint shows). */
  inlayHints(document: TextDocument, range: Range, fields: FieldsContext, profile: string | undefined, env: Environment, options?: InlayHintOptions): InlayHint[];
  documentSymbols(document: TextDocument): DocumentSymbol[];
  foldingRanges(document: TextDocument): FoldingRange[];
  documentLinks(document: TextDocument): DocumentLink[];

  // The workspace: usages indexed as files are checked, references and rename read files on demand
  /** The fields a template names, or (for a fields file) its bot-variable values name. */
  usages(document: TextDocument, fields: FieldsContext): Usage[];
  /** Records in the usage index what the document names (its fields: `fields.source`; a fields file names itself). */
  indexUsages(document: TextDocument, fields: FieldsContext): void;
  /** Takes a file out of the usage index (deleted, over the size limit). */
  dropUsages(uri: string): void;
  /** Every file in the usage index. */
  indexedFiles(): string[];
  /** The files checked against a fields file (undefined: those that found none). */
  filesUsing(fieldsUri: string | undefined): string[];
  usageCounts(fieldsUri: string): UsageCounts;
  references(document: TextDocument, position: Position, fields: FieldsContext, workspace: WorkspaceTexts, includeDeclaration: boolean): Location[];
  renameStart(document: TextDocument, position: Position, fields: FieldsContext): RenameStart | undefined;
  renameEdits(document: TextDocument, position: Position, newName: string, fields: FieldsContext, workspace: WorkspaceTexts): WorkspaceEdit | { refusal: string };

  // Sending
  profileNames(fields: FieldsContext): string[];
  /** The profiles with what each sets, secrets shown as `***`: what a picker shows. */
  profileSummaries(fields: FieldsContext): ProfileSummary[];
  /** The request or webhook step at a zero-based line, expanded with a profile's values; undefined when there is none. */
  expandedRequest(document: TextDocument, line: number, fields: FieldsContext, profile: string | undefined, env: Environment): ExpandedRequest | undefined;
  /**
   * What a known receiver records from a URL as it is sent (an expanded request's, or one delivered): the user's
   * receiver tables (`fields.receivers`) first. Undefined when no table that says what it records fits.
   */
  receiverRecord(url: string, fields: FieldsContext): ReceiverRecord | undefined;
  /** One request of a parsed template, expanded with a profile's values. */
  expandedRequestOf(request: TemplateRequest, fields: FieldsContext, profile: string | undefined, env: Environment): ExpandedRequest;
  /** Every request of a template in document order, with its line and flow, and the flows holding any; undefined for other documents. */
  requestList(document: TextDocument): RequestList | undefined;

  // From the funnel back to the template
  /**
   * A request as it was delivered (pasted from Chatterfy's Logs → Webhooks or a tracker's log) explained against the
   * workspace's templates: the one it came from (by host, path and parameter names; others that fit nearly as well
   * listed), each placeholder lined up with what arrived, what was lost and what the receiver recorded. Never throws:
   * text that is no request gets `error`. Documents the service does not keep are read for this call only.
   */
  explainDelivered(delivered: DeliveredInput, templates: readonly WorkspaceTemplate[]): Explanation;
  // Sample profiles from real users
  /**
   * Reads a CSV export of users (Chatterfy's Users → Export CSV) and says what importing rows of it as profiles
   * writes into the fields file whose current text `target` holds: the mapping of columns to keys, the profiles,
   * the new fields, the summary to show, and the text and edit to write (absent when there is an `error`).
   */
  planProfileImport(csv: string, target: ImportTarget, options: ProfileImportOptions): ProfileImportPlan;

  // Documents the service keeps
  /**
   * Tells the service what an edit did (offsets in the text of `fromVersion`), so the next read of the document
   * can re-read only the step it falls in; undefined when the edit was not one plain replacement.
   */
  noteChange(uri: string, fromVersion: number, toVersion: number, change: TextChange | undefined): void;
  /**
   * How the latest version of a template read so far was read (whole, or one step re-read) and how its
   * diagnostics and usages were made: lets tests and traces see the incremental path taken. Reads nothing.
   */
  readingOf(uri: string): DocumentReading | undefined;
  /** Forgets what the service keeps of a document (its usages stay indexed). */
  forget(uri: string): void;
}

const NOTHING: CompletionList = { isIncomplete: false, items: [] };

export function createTemplateService(options: TemplateServiceOptions = {}): TemplateService {
  const l10n = createL10n(options.locale ?? 'en');
  const documents = createTemplateDocuments(options.scriptGlobs ?? (() => []));
  const index = new UsageIndex();
  const parseTemplate = (document: TextDocument) => documents.entryOf(document)?.parsed;
  /** A feature of templates: its answer for a template, `neutral` for any other document. */
  const withTemplate = <T>(document: TextDocument, neutral: T, feature: (parsed: ParsedTemplate) => T): T => {
    const parsed = parseTemplate(document);
    return parsed ? feature(parsed) : neutral;
  };
  const usages = (document: TextDocument, fields: FieldsContext): Usage[] => {
    const entry = documents.entryOf(document);
    if (entry?.parsed) {
      entry.usagesRead = true;
      return documents.usages.get(document, fields, entry.updates, (piece) => templateUsages(document.getText(), piece ?? entry.parsed!, fields));
    }
    const model = documents.parseFields(document)?.model;
    return model ? fieldsFileUsages(document.getText(), model, fields.source?.displayName ?? document.uri) : [];
  };
  // A document read from disk for references is read afresh and not kept: the index holds what closed files name.
  const usesOf: UsesOf = (document, source) => {
    const fields = { source };
    if (documents.isKept(document) || isFieldsKind(documents.kindOf(document))) return usages(document, fields);
    const kind = documents.kindOf(document);
    const parsed = kind && parseByKind(document.getText(), kind);
    return parsed ? templateUsages(document.getText(), parsed, fields) : [];
  };
  /** A template as read: the kept parse of a document the service keeps, else a parse for this call only. */
  const readOnce = (document: TextDocument): ParsedTemplate | undefined => {
    if (documents.isKept(document)) return parseTemplate(document);
    const kind = documents.kindOf(document);
    return kind && parseByKind(document.getText(), kind);
  };
  /** A template's suppression comments, read once per version. */
  const suppressionsOf = (document: TextDocument): SuppressionComment[] => {
    const entry = documents.entryOf(document);
    return entry?.parsed ? (entry.suppressions ??= suppressionComments(document.getText(), entry.parsed)) : [];
  };
  /** The request expanded, with what its receiver records from it. */
  const expanded = (request: TemplateRequest, fields: FieldsContext, profile: string | undefined, env: Environment, options?: ExpandOptions): ExpandedRequest => {
    const result = expandRequest(request, fields, profile, env, l10n, options);
    const record = receiverRecord(result.url, fields.receivers ?? [], l10n);
    return record ? { ...result, record } : result;
  };
  /**
   * The hover of a request line: a receiver's parameter or macro explains itself; anywhere else on the line, the request
   * as sent (secrets masked), then what its receiver records, then the receiver's table.
   */
  const requestHover = (document: TextDocument, offset: number, parsed: ParsedTemplate, fields: FieldsContext, env: Environment): Hover | null => {
    const line = requestLineAt(parsed, offset);
    if (!line) return null;
    const token = receiverTokenHover(document, offset, line.request, fields, l10n);
    if (token) return token;
    const sent = expanded(line.request, fields, fields.profile, env, { maskSecrets: true });
    const table = receiverTableMarkdown(line.request, sent.url, fields, l10n);
    const sections = [sentRequestMarkdown(sent, l10n), ...(sent.record ? [recordMarkdown(sent.record, l10n)] : []), ...(table ? [table] : [])];
    return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: toRange(document, line.span) };
  };
  const cursorField = (document: TextDocument, position: Position, fields: FieldsContext) => fieldAtCursor(document, position, parseTemplate(document), fields, l10n);
  return {
    l10n,
    kindOf: documents.kindOf,
    parseTemplate,
    parseFields: documents.parseFields,
    templateDiagnostics: (document, fields) => {
      const entry = documents.entryOf(document);
      if (!entry?.parsed) return [];
      const check = (parsed: ParsedTemplate) =>
        templateDiagnostics(document, parsed, fields, l10n).concat(urlDiagnostics(document, parsed, fields, l10n), receiverDiagnostics(document, parsed, fields, l10n));
      // Kept per version as found; suppressions and severities are applied on every answer, so a changed choice is
      // never served stale.
      const found = documents.diagnostics.get(document, fields, entry.updates, (piece) => check(piece ?? entry.parsed!));
      const left = applySuppressions(document, absenceNotes(fields.absence, l10n).concat(found), suppressionsOf(document), l10n);
      return applySeverities(left, [fields.source?.model.severity, fields.severity]);
    },
    fieldsFileDiagnostics: (document, displayName, withUnused = false, severity) => {
      const result = documents.parseFields(document);
      if (!result) return [];
      const own = fieldsFileDiagnostics(document, result, displayName, l10n);
      const all = withUnused && result.model ? own.concat(unusedFieldDiagnostics(document, result.model, index.counts(document.uri), l10n)) : own;
      return applySeverities(all, [result.model?.severity, severity]);
    },
    tooLargeNote: (displayName, bytes, limitMB, severity) =>
      applySeverities([fileNote(l10n, ProblemCode.FileTooLarge, [displayName, (bytes / (1024 * 1024)).toFixed(1), limitMB])], [severity]),
    completions: (document, position, fields, triggerCharacter) =>
      withTemplate(document, NOTHING, (parsed) => {
        const counts = () => (fields.source ? index.counts(fields.source.uri) : new Map());
        const keys = suppressionCompletions(document, position, suppressionsOf(document), l10n) ?? keyCompletions(document, position, parsed, fields, l10n, counts);
        return keys ?? { isIncomplete: false, items: snippetCompletions(document, position, parsed, l10n, triggerCharacter) };
      }),
    hover: (document, position, fields, env = {}) => {
      const parsed = parseTemplate(document);
      if (parsed) {
        const onPlaceholder = placeholderHover(document, position, parsed, fields, l10n);
        return onPlaceholder !== undefined ? onPlaceholder : requestHover(document, document.offsetAt(position), parsed, fields, env);
      }
      const model = isFieldsKind(documents.kindOf(document)) ? fields.source?.model : undefined;
      return model ? definitionHover(document, position, model, index.counts(document.uri), l10n) : null;
    },
    definitions: (document, position, fields) => withTemplate(document, [], (parsed) => findDefinition(document, position, parsed, fields)),
    codeActions: (document, range, diagnostics, fields) => {
      const parsed = parseTemplate(document);
      if (parsed) return getCodeActions(document, range, diagnostics, parsed, fields, l10n).concat(suppressionActions(document, range, diagnostics, parsed, suppressionsOf(document), l10n));
      // A fields file is edited as it stands in the editor, not as its last good reading.
      const model = isFieldsKind(documents.kindOf(document)) ? documents.parseFields(document)?.model : undefined;
      return model ? removeUnusedFieldActions(document, diagnostics, model, fieldsFormatOf(document.uri), l10n) : [];
    },
    safeFixes: (document, diagnostics, fields) => withTemplate(document, [], (parsed) => safeFixes(document, diagnostics, parsed, fields, l10n)),
    codeLenses: (document) => withTemplate(document, [], (parsed) => requestLenses(document, parsed, l10n)),
    inlayHints: (document, range, fields, profile, env, options) =>
      withTemplate(document, [], (parsed) => sampleValueHints(document, parsed, fields, profile, env, { start: document.offsetAt(range.start), end: document.offsetAt(range.end) }, l10n, options)),
    documentSymbols: (document) => withTemplate(document, [], (parsed) => documentSymbols(document, parsed)),
    foldingRanges: (document) => withTemplate(document, [], (parsed) => foldingRanges(document, parsed)),
    documentLinks: (document) => withTemplate(document, [], (parsed) => documentLinks(document, parsed, l10n)),
    usages,
    indexUsages: (document, fields) => {
      const fieldsUri = isFieldsKind(documents.kindOf(document)) ? document.uri : fields.source?.uri;
      index.record(document.uri, fieldsUri, usages(document, fields).map((use) => ({ kind: use.kind, key: use.key })));
    },
    dropUsages: (uri) => index.drop(uri),
    indexedFiles: () => index.uris(),
    filesUsing: (fieldsUri) => index.filesUsing(fieldsUri),
    usageCounts: (fieldsUri) => index.counts(fieldsUri),
    references: (document, position, fields, workspace, includeDeclaration) => {
      const field = cursorField(document, position, fields);
      return field && !('refusal' in field) ? referenceLocations(field, index, workspace, usesOf, includeDeclaration) : [];
    },
    renameStart: (document, position, fields) => {
      const field = cursorField(document, position, fields);
      return field && ('refusal' in field ? field : { range: field.range, placeholder: field.ref.key });
    },
    renameEdits: (document, position, newName, fields, workspace) => {
      const field = cursorField(document, position, fields);
      if (!field) return { refusal: l10n.t('Nothing to rename here.') };
      if ('refusal' in field) return field;
      const refusal = renameRefusal(field, newName, l10n);
      return refusal ? { refusal } : renameEdit(referenceLocations(field, index, workspace, usesOf, true), newName);
    },
    profileNames: (fields) => profileNames(fields.source?.model),
    profileSummaries: (fields) => profileSummaries(fields.source?.model),
    expandedRequest: (document, line, fields, profile, env) => {
      const request = withTemplate(document, undefined, (parsed) => requestAtLine(document, parsed, line));
      return request && expanded(request, fields, profile, env);
    },
    expandedRequestOf: expanded,
    requestList: (document) => withTemplate(document, undefined, (parsed) => listRequests(document, parsed)),
    receiverRecord: (url, fields) => receiverRecord(url, fields.receivers ?? [], l10n),
    explainDelivered: (delivered, templates) => {
      const candidates = templates.flatMap(({ document, fields }): TemplateCandidate[] => {
        const parsed = readOnce(document);
        return parsed ? [{ document, parsed, fields }] : [];
      });
      return explainDelivered(delivered, candidates, l10n);
    },
    planProfileImport: (csv, target, options) => planProfileImport(csv, target, options, l10n),
    noteChange: documents.noteChange,
    readingOf: documents.readingOf,
    forget: documents.forget,
  };
}
