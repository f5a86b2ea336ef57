// Diagnostics of a fields file: its own problems, and the placeholders inside bot-variable values.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { placeholderDiagnostics, structureDiagnostics } from './diagnostics';
import type { FieldsParseResult } from './fields-file';
import type { L10n } from './l10n';
import type { FieldsModel, Region } from './types';

/** Bot-variable values are message text (DESIGN.md: "their values are themselves checked as message text"). */
export function botVariableRegions(model: FieldsModel): Region[] {
  const regions: Region[] = [];
  for (const variable of model.botVariables.values()) {
    if (variable.valueSpan) regions.push({ ...variable.valueSpan, dialect: 'message', place: 'text' });
  }
  return regions;
}

export function fieldsFileDiagnostics(document: TextDocument, result: FieldsParseResult, displayName: string, l10n: L10n): Diagnostic[] {
  const diagnostics = structureDiagnostics(document, result.problems, l10n);
  const model = result.model;
  if (!model) return diagnostics;
  const context = { model, fieldsName: displayName, syntax: model.placeholderSyntax };
  return [...diagnostics, ...placeholderDiagnostics(document, botVariableRegions(model), context, l10n)];
}
