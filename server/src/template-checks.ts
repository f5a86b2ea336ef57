// Checks one document (template or fields file) and records its field usages in the index.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fieldsContextOf, type ServerContext } from './context';
import { isFieldsKind, isTemplateKind, unusedFieldDiagnostics, type FieldsContext } from './core';
import { fieldsFileDiagnostics } from './core/fields-diagnostics';
import type { IndexedUsage } from './workspace-index';

function indexUsages(context: ServerContext, document: TextDocument, fields: FieldsContext, fieldsUri: string | undefined): void {
  const usages: IndexedUsage[] = context.service.usages(document, fields).map((usage) => ({
    ref: { kind: usage.kind, key: usage.key },
    range: { start: document.positionAt(usage.nameSpan.start), end: document.positionAt(usage.nameSpan.end) },
  }));
  context.index.set(document.uri, fieldsUri, usages);
}

/** A template's diagnostics, indexing the fields it uses on the way; the fields file it uses is returned too. */
export async function checkTemplate(context: ServerContext, document: TextDocument): Promise<{ diagnostics: Diagnostic[]; fieldsUri?: string }> {
  const fields = await fieldsContextOf(context, document.uri);
  indexUsages(context, document, fields, fields.source?.uri);
  return { diagnostics: context.service.doValidation(document, fields), fieldsUri: fields.source?.uri };
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
  return withUnused ? [...diagnostics, ...unusedFieldDiagnostics(loaded.document, model, context.index.countsFor(uri))] : diagnostics;
}

export function kindOfDocument(context: ServerContext, document: TextDocument): 'template' | 'fields' | undefined {
  const kind = context.service.kindOf(document);
  return isTemplateKind(kind) ? 'template' : isFieldsKind(kind) ? 'fields' : undefined;
}
