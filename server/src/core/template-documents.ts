// The service's memory of documents: one parse per version, re-read a step at a time while typing, and the
// diagnostics and usages kept for each version (carried over a step update instead of computed again).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKindOf, isFieldsKind, isTemplateKind, WEBHOOK_LANGUAGE_ID } from './read/document-kind';
import { fieldsFormatOf, parseFieldsFile, type FieldsParseResult } from './fields/fields-file';
import { composeChanges, composeStepUpdates, updateScriptParse, type TextChange } from './read/incremental';
import type { TextSource } from './read/text-source';
import { documentLength, textBetween } from './base/text-window';
import { markPartnerMacros } from './receivers/partner-macros';
import { parseScriptFile } from './read/script-file';
import { diagnosticResults, usageResults, type StepSince } from './check/step-results';
import type { DocumentKind, DocumentReading, ParsedTemplate, Reading } from './base/types';
import { shareUrlReadings } from './read/url-reading';
import { parseWebhookFile } from './read/webhook-file';
import { suppressionsAfterEdit, type SuppressionComment } from './read/suppression-comments';

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

export interface TemplateEntry {
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
  /** The suppression comments of this version, read when its diagnostics are first asked for. */
  suppressions?: SuppressionComment[];
}

/** The edits made since a version, composed into one change (unknown when one of them could not be placed). */
interface PendingChange {
  fromVersion: number;
  toVersion: number;
  change?: TextChange;
}

/** What every reading of a template gets once read, whole or a step at a time: shared URL readings, partner macros. */
function finished(parsed: ParsedTemplate): ParsedTemplate {
  return markPartnerMacros(shareUrlReadings(parsed));
}

export function parseByKind(text: string, kind: DocumentKind): ParsedTemplate | undefined {
  if (kind === 'webhook') return finished(parseWebhookFile(text));
  if (kind === 'script-yaml') return finished(parseScriptFile(text, 'yaml'));
  if (kind === 'script-json') return finished(parseScriptFile(text, 'json'));
  return undefined;
}

const FULL: Reading = { kind: 'full' };

/** The document's text read in parts (an open document keeps it in pieces: typing should not copy it whole). */
function textSourceOf(document: TextDocument): TextSource {
  return { length: documentLength(document), slice: (start, end) => textBetween(document, start, end) };
}

/** The entry of a version made by re-reading one step of the previous one; undefined when the edit does not allow it. */
function readStep(previous: TemplateEntry | undefined, change: PendingChange | undefined, document: TextDocument): TemplateEntry | undefined {
  if (!previous?.parsed || !change?.change || change.fromVersion !== previous.version || change.toVersion !== document.version) return undefined;
  const text = textSourceOf(document);
  const step = updateScriptParse(previous.parsed, text, change.change, finished);
  if (!step) return undefined;
  const update = { fromVersion: previous.version, step };
  const longer = previous.run && !previous.usagesRead && composeStepUpdates(previous.run.step, step);
  const run = longer && previous.run ? { fromVersion: previous.run.fromVersion, step: longer } : update;
  const suppressions = suppressionsAfterEdit(previous.suppressions, step.parsed, text, change.change);
  return { version: document.version, parsed: step.parsed, updates: [update, run], run, reading: { kind: 'step', reread: step.piece.steps[0].span }, suppressions };
}

/** The documents the service has read, by URI, and what it keeps of each. */
export function createTemplateDocuments(scriptGlobs: (uri: string) => readonly string[]) {
  const templates = new Map<string, TemplateEntry>();
  const pending = new Map<string, PendingChange>();
  const fieldsFiles = versionCache<FieldsParseResult | undefined>();
  const diagnostics = diagnosticResults();
  const usages = usageResults();
  // The name decides; a document whose name says nothing (untitled, or a file the user set the language of) is a
  // webhook file when the editor says so.
  const kindOf = (document: TextDocument) =>
    documentKindOf(document.uri, scriptGlobs(document.uri)) ?? (document.languageId === WEBHOOK_LANGUAGE_ID ? 'webhook' : undefined);
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
  return {
    kindOf,
    entryOf,
    diagnostics,
    usages,
    /** Whether this version of the document is the one kept (read by an earlier request). */
    isKept: (document: TextDocument) => templates.get(document.uri)?.version === document.version,
    /** A fields file by its name; `asFields` reads any document as one (the file the setting `fieldsFile` names). */
    parseFields: (document: TextDocument, asFields = false) => {
      if (!asFields && !isFieldsKind(kindOf(document))) return undefined;
      return fieldsFiles.get(document, () => parseFieldsFile(document.getText(), fieldsFormatOf(document.uri)));
    },
    noteChange: (uri: string, fromVersion: number, toVersion: number, change: TextChange | undefined) => {
      const earlier = pending.get(uri);
      const chained = earlier && earlier.toVersion === fromVersion;
      const composed = chained && earlier.change && change ? composeChanges(earlier.change, change) : chained ? undefined : change;
      pending.set(uri, { fromVersion: chained ? earlier.fromVersion : fromVersion, toVersion, change: composed });
    },
    readingOf: (uri: string): DocumentReading | undefined => {
      const entry = templates.get(uri);
      return entry && { version: entry.version, parse: entry.reading, diagnostics: diagnostics.originOf(uri, entry.version), usages: usages.originOf(uri, entry.version) };
    },
    forget: (uri: string) => {
      templates.delete(uri);
      pending.delete(uri);
      fieldsFiles.delete(uri);
      diagnostics.forget(uri);
      usages.forget(uri);
    },
  };
}
