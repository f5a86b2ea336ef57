// Checks one document (template or fields file) and records its field usages in the index.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { withActiveProfile, type ServerContext } from './context';
import { isFieldsKind, isTemplateKind, unusedFieldDiagnostics, type FieldsContext } from './core';
import { fileNote } from './core/diagnostics';
import { fieldsFileDiagnostics } from './core/fields-diagnostics';
import { ProblemCode } from './core/problems';
import type { IndexedUsage } from './workspace-index';

function indexUsages(context: ServerContext, document: TextDocument, fields: FieldsContext, fieldsUri: string | undefined): void {
  const usages = context.service.usages(document, fields);
  const version = document.version;
  // An open document changes in place: by the time references ask, the usages are read again if it moved on.
  const locate = (): IndexedUsage[] => (document.version === version ? usages : context.service.usages(document, fields)).map((usage) => ({
    ref: { kind: usage.kind, key: usage.key },
    range: { start: document.positionAt(usage.nameSpan.start), end: document.positionAt(usage.nameSpan.end) },
  }));
  context.index.set(document.uri, fieldsUri, usages, locate);
}

/**
 * A template's diagnostics, the fields file it uses, and `index` to record the fields it names (the caller runs it
 * now, or later for a document being typed in). When the setting `webhookTemplates.fieldsFile` names a file that
 * is not there, a note on the first line says so: otherwise the user would only see every custom key reported unknown.
 */
export async function checkTemplate(context: ServerContext, document: TextDocument): Promise<{ diagnostics: Diagnostic[]; fieldsUri?: string; index: () => void }> {
  const settings = await context.settings.forResource(document.uri);
  const fields = withActiveProfile(context, context.registry.contextFor(document.uri, settings));
  const diagnostics = context.service.doValidation(document, fields);
  const missing = context.registry.missingSettingFile(document.uri, settings);
  return {
    diagnostics: missing ? [missingFieldsFileNote(missing), ...diagnostics] : diagnostics,
    fieldsUri: fields.source?.uri,
    index: () => indexUsages(context, document, fields, fields.source?.uri),
  };
}

function missingFieldsFileNote(displayName: string): Diagnostic {
  return fileNote(ProblemCode.FieldsFileNotFound, [displayName]);
}

/** A fields file's own problems and, once the workspace is indexed, a hint on every field nobody uses. */
export function checkFieldsFile(context: ServerContext, uri: string, withUnused: boolean): Diagnostic[] | undefined {
  const loaded = context.registry.load(uri);
  if (!loaded) return undefined;
  const displayName = context.registry.displayName(uri);
  const diagnostics = fieldsFileDiagnostics(loaded.document, loaded.result, displayName);
  const model = loaded.result.model ?? loaded.lastGood?.model;
  if (!loaded.result.model || !model) return diagnostics;
  indexUsages(context, loaded.document, { source: loaded.lastGood }, uri);
  return withUnused ? [...diagnostics, ...unusedFieldDiagnostics(loaded.document, model, context.index.countsSoFar(uri))] : diagnostics;
}

export function kindOfDocument(context: ServerContext, document: TextDocument): 'template' | 'fields' | undefined {
  const kind = context.service.kindOf(document);
  return isTemplateKind(kind) ? 'template' : isFieldsKind(kind) ? 'fields' : undefined;
}
