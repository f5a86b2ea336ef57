// Diagnostics of a fields file: its own problems, and the placeholders inside bot-variable values.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { placeholderDiagnostics, structureDiagnostics } from './diagnostics';
import type { FieldsParseResult } from '../fields/fields-file';
import type { L10n } from '../base/l10n';
import { botVariableRegions } from '../fields/fields-file';

export function fieldsFileDiagnostics(document: TextDocument, result: FieldsParseResult, displayName: string, l10n: L10n): Diagnostic[] {
  const diagnostics = structureDiagnostics(document, result.problems, l10n);
  const model = result.model;
  if (!model) return diagnostics;
  const context = { model, fieldsName: displayName, syntax: model.placeholderSyntax };
  return [...diagnostics, ...placeholderDiagnostics(document, botVariableRegions(model), context, l10n)];
}
