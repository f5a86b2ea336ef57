// The analysis core's facade: one service object whose functions take a document and return LSP types.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Position, Range } from 'vscode-languageserver-types';
import { getCodeActions } from './code-actions';
import { doComplete } from './completion';
import { templateDiagnostics } from './diagnostics';
import { documentKindOf, isFieldsKind, isTemplateKind, WEBHOOK_LANGUAGE_ID } from './document-kind';
import { fieldsFileDiagnostics } from './fields-diagnostics';
import { parseFieldsFile, type FieldsParseResult } from './fields-file';
import { expandRequest } from './expand';
import { foldingRanges } from './folding';
import { doHover } from './hover';
import { documentLinks } from './links';
import { documentSymbols } from './symbols';
import { urlDiagnostics } from './url-checks';
import { sampleValueHints } from './inlay-hints';
import type { Environment } from './profiles';
import { fieldsFileUsages, templateUsages, type Usage } from './usages';
import { findDefinition } from './navigation';
import { profileNames } from './profiles';
import { requestAtLine, requestLenses } from './requests';
import { markPartnerMacros } from './receivers/partner-macros';
import { receiverDiagnostics } from './receivers/receiver-diagnostics';
import { composeChanges, composeStepUpdates, updateScriptParse, type TextChange } from './incremental';
import { parseScriptFile } from './script-file';
import { shareUrlReadings } from './url-reading';
import { diagnosticResults, usageResults, type StepSince } from './step-results';
import type { DocumentKind, DocumentReading, ExpandedRequest, FieldsContext, ParsedTemplate, Reading } from './types';
import { parseWebhookFile } from './webhook-file';

export * from './types';
export { ProblemCode, PROBLEMS, type Severity } from './problems';
export { isIdentifier } from './identifier';
export { isLoopbackHost, isLoopbackUrl } from './hosts';
export { t } from './l10n';
export { documentKindOf, FIELDS_FILE_NAMES, isFieldsFileName, isFieldsKind, isTemplateKind } from './document-kind';
export type { FieldsParseResult } from './fields-file';
export type { Environment } from './profiles';
export type { TextChange } from './incremental';
export { declarationsOf, fieldRefAt, refId, refOfTarget, sameRef, sectionOf, SECTION_OF, type FieldKind, type FieldRef, type Usage } from './usages';
export { countUses, definitionHover, unusedFieldDiagnostics, type UsageCounts } from './fields-hints';
export { BUILTIN_RECEIVERS, receiversFromSettings, recogniseReceiver, type ReceiverDefinition } from './receivers/index';

export interface TemplateServiceOptions {
  /** Globs of extra script files that apply to a document (the setting `webhookTemplates.scriptFiles`). */
  scriptGlobs?: (uri: string) => readonly string[];
}

export interface TemplateService {
  kindOf(document: TextDocument): DocumentKind | undefined;
  parseTemplate(document: TextDocument): ParsedTemplate | undefined;
  parseFields(document: TextDocument): FieldsParseResult | undefined;
  doValidation(document: TextDocument, fields: FieldsContext): Diagnostic[];
  validateFieldsFile(document: TextDocument, displayName: string): Diagnostic[];
  doComplete(document: TextDocument, position: Position, fields: FieldsContext): CompletionList;
  doHover(document: TextDocument, position: Position, fields: FieldsContext): Hover | null;
  findDefinition(document: TextDocument, position: Position, fields: FieldsContext): Location[];
  getCodeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], fields: FieldsContext): CodeAction[];
  codeLenses(document: TextDocument): CodeLens[];
  profileNames(fields: FieldsContext): string[];
  /** The request or webhook step at a zero-based line, expanded with a profile's values; undefined when there is none. */
  expandAt(document: TextDocument, line: number, fields: FieldsContext, profile: string | undefined, env: Readonly<Record<string, string | undefined>>): ExpandedRequest | undefined;
  /** The fields a template names, or (for a fields file) its bot-variable values name. */
  usages(document: TextDocument, fields: FieldsContext): Usage[];
  inlayHints(document: TextDocument, range: Range, fields: FieldsContext, profile: string | undefined, env: Environment): InlayHint[];
  documentSymbols(document: TextDocument): DocumentSymbol[];
  foldingRanges(document: TextDocument): FoldingRange[];
  documentLinks(document: TextDocument): DocumentLink[];
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
  forget(uri: string): void;
}

/** Keeps one parse per document version, so completion and hover never re-read an unchanged file. */
function versionCache<T>() {
  const entries = new Map<string, { version: number; value: T }>();
  return {
    get(document: TextDocument, compute: () => T): T {
      const hit = entries.get(document.uri);
      if (hit && hit.version === document.version) return hit.value;
      const value = compute();
      entries.set(document.uri, { version: document.version, value });
      return value;
    },
    delete: (uri: string) => entries.delete(uri),
  };
}

interface TemplateEntry {
  version: number;
  parsed: ParsedTemplate | undefined;
  /**
   * How this version was read from earlier ones when only one step was re-read: from the previous version, and
   * from the version before a run of updates of that one step (typing in it). Results kept for either carry over.
   */
  updates: StepSince[];
  /**
   * The run of updates of one step that this version ends, for the next version to extend. Usages are read when
   * typing pauses: a run starts again after a version whose usages were read, so it leads from their version.
   */
  run?: StepSince;
  usagesRead?: boolean;
  reading: Reading;
}

/** The edits made since a version, composed into one change (unknown when one of them could not be placed). */
interface PendingChange {
  fromVersion: number;
  toVersion: number;
  change?: TextChange;
}

function parseByKind(text: string, kind: DocumentKind): ParsedTemplate | undefined {
  if (kind === 'webhook') return markPartnerMacros(shareUrlReadings(parseWebhookFile(text)));
  if (kind === 'script-yaml') return markPartnerMacros(shareUrlReadings(parseScriptFile(text, 'yaml')));
  if (kind === 'script-json') return markPartnerMacros(shareUrlReadings(parseScriptFile(text, 'json')));
  return undefined;
}

const NOTHING: CompletionList = { isIncomplete: false, items: [] };
const FULL: Reading = { kind: 'full' };

/** The entry of a version made by re-reading one step of the previous one; undefined when the edit does not allow it. */
function readStep(previous: TemplateEntry | undefined, change: PendingChange | undefined, document: TextDocument): TemplateEntry | undefined {
  if (!previous?.parsed || !change?.change || change.fromVersion !== previous.version || change.toVersion !== document.version) return undefined;
  const step = updateScriptParse(previous.parsed, document.getText(), change.change);
  if (!step) return undefined;
  const update = { fromVersion: previous.version, step };
  const longer = previous.run && !previous.usagesRead && composeStepUpdates(previous.run.step, step);
  const run = longer && previous.run ? { fromVersion: previous.run.fromVersion, step: longer } : update;
  return { version: document.version, parsed: step.parsed, updates: [update, run], run, reading: { kind: 'step', reread: step.piece.steps[0].span } };
}

export function createTemplateService(options: TemplateServiceOptions = {}): TemplateService {
  const templates = new Map<string, TemplateEntry>();
  const pending = new Map<string, PendingChange>();
  const fieldsFiles = versionCache<FieldsParseResult | undefined>();
  const diagnostics = diagnosticResults();
  const usages = usageResults();
  // The name decides; a document whose name says nothing (untitled, or a file the user set the language of) is a
  // webhook file when the editor says so.
  const kindOf = (document: TextDocument) =>
    documentKindOf(document.uri, options.scriptGlobs?.(document.uri) ?? []) ?? (document.languageId === WEBHOOK_LANGUAGE_ID ? 'webhook' : undefined);
  const entryOf = (document: TextDocument): TemplateEntry | undefined => {
    const kind = kindOf(document);
    if (!isTemplateKind(kind)) return undefined;
    const previous = templates.get(document.uri);
    if (previous?.version === document.version) return previous;
    const entry = readStep(previous, pending.get(document.uri), document) ?? { version: document.version, parsed: parseByKind(document.getText(), kind!), updates: [], reading: FULL };
    templates.set(document.uri, entry);
    pending.delete(document.uri);
    return entry;
  };
  const parseTemplate = (document: TextDocument) => entryOf(document)?.parsed;
  /** A feature of templates: its answer for a template, `neutral` for any other document. */
  const withTemplate = <T>(document: TextDocument, neutral: T, feature: (parsed: ParsedTemplate) => T): T => {
    const parsed = parseTemplate(document);
    return parsed ? feature(parsed) : neutral;
  };
  const noteChange = (uri: string, fromVersion: number, toVersion: number, change: TextChange | undefined) => {
    const earlier = pending.get(uri);
    const chained = earlier && earlier.toVersion === fromVersion;
    const composed = chained && earlier.change && change ? composeChanges(earlier.change, change) : chained ? undefined : change;
    pending.set(uri, { fromVersion: chained ? earlier.fromVersion : fromVersion, toVersion, change: composed });
  };
  const readingOf = (uri: string): DocumentReading | undefined => {
    const entry = templates.get(uri);
    return entry && { version: entry.version, parse: entry.reading, diagnostics: diagnostics.originOf(uri, entry.version), usages: usages.originOf(uri, entry.version) };
  };
  const parseFields = (document: TextDocument) => {
    const kind = kindOf(document);
    return isFieldsKind(kind) ? fieldsFiles.get(document, () => parseFieldsFile(document.getText(), kind === 'fields-yaml' ? 'yaml' : 'json')) : undefined;
  };
  return {
    kindOf,
    parseTemplate,
    parseFields,
    noteChange,
    readingOf,
    doValidation: (document, fields) => {
      const entry = entryOf(document);
      if (!entry?.parsed) return [];
      const check = (parsed: ParsedTemplate) => templateDiagnostics(document, parsed, fields).concat(urlDiagnostics(document, parsed, fields), receiverDiagnostics(document, parsed, fields));
      return diagnostics.get(document, fields, entry.updates, (piece) => check(piece ?? entry.parsed!));
    },
    validateFieldsFile: (document, displayName) => {
      const result = parseFields(document);
      return result ? fieldsFileDiagnostics(document, result, displayName) : [];
    },
    doComplete: (document, position, fields) => withTemplate(document, NOTHING, (parsed) => doComplete(document, position, parsed, fields)),
    doHover: (document, position, fields) => withTemplate(document, null, (parsed) => doHover(document, position, parsed, fields)),
    findDefinition: (document, position, fields) => withTemplate(document, [], (parsed) => findDefinition(document, position, parsed, fields)),
    getCodeActions: (document, range, diagnostics, fields) => withTemplate(document, [], (parsed) => getCodeActions(document, range, diagnostics, parsed, fields)),
    codeLenses: (document) => withTemplate(document, [], (parsed) => requestLenses(document, parsed)),
    profileNames: (fields) => profileNames(fields.source?.model),
    expandAt: (document, line, fields, profile, env) => {
      const request = withTemplate(document, undefined, (parsed) => requestAtLine(document, parsed, line));
      return request && expandRequest(request, fields, profile, env);
    },
    usages: (document, fields) => {
      const entry = entryOf(document);
      if (entry?.parsed) {
        entry.usagesRead = true;
        return usages.get(document, fields, entry.updates, (piece) => templateUsages(document.getText(), piece ?? entry.parsed!, fields));
      }
      const model = parseFields(document)?.model;
      return model ? fieldsFileUsages(document.getText(), model, fields.source?.displayName ?? document.uri) : [];
    },
    inlayHints: (document, range, fields, profile, env) =>
      withTemplate(document, [], (parsed) => sampleValueHints(document, parsed, fields, profile, env, { start: document.offsetAt(range.start), end: document.offsetAt(range.end) })),
    documentSymbols: (document) => withTemplate(document, [], (parsed) => documentSymbols(document, parsed)),
    foldingRanges: (document) => withTemplate(document, [], (parsed) => foldingRanges(document, parsed)),
    documentLinks: (document) => withTemplate(document, [], (parsed) => documentLinks(document, parsed)),
    forget: (uri) => {
      templates.delete(uri);
      pending.delete(uri);
      fieldsFiles.delete(uri);
      diagnostics.forget(uri);
      usages.forget(uri);
    },
  };
}
