// Quick fixes: the correction a diagnostic carries, and adding an unknown key to the fields file (or creating it).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData, type QuickFixData } from '../check/diagnostics';
import { resolveContextOf } from '../resolve/fields-context';
import { fieldsDocumentOf } from './fields-document';
import { addKeyToJson, addKeyToYaml, newFieldsFileText, type MissingKey } from './fields-edits';
import { toRange } from '../base/positions';
import { analyzePlaceholder } from '../resolve/resolve-placeholder';
import { scanRegions } from '../resolve/scan-placeholders';
import type { FieldsContext, FieldsSource, ParsedTemplate } from '../base/types';
import type { L10n } from '../base/l10n';
import { ProblemCode } from '../base/problems';

function baseName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function replaceAction(document: TextDocument, diagnostic: Diagnostic, fix: string, l10n: L10n): CodeAction {
  return {
    title: l10n.t('Change to {0}', fix),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [document.uri]: [{ range: diagnostic.range, newText: fix }] } },
  };
}

/** A fix the diagnostic carries written out (receiver checks). */
function writtenFixAction(document: TextDocument, diagnostic: Diagnostic, fix: QuickFixData): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(fix.preferred ? { isPreferred: true } : {}),
    edit: { changes: { [document.uri]: fix.edits } },
  };
}

/** One action per distinct fix: a whole-URL fix carried by several diagnostics is offered once. */
function distinct(actions: CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((action) => {
    const key = action.title + JSON.stringify(action.edit);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fieldsEdits(source: FieldsSource, missing: MissingKey): TextEdit[] {
  const fieldsDocument = fieldsDocumentOf(source);
  const edits = source.format === 'yaml' ? addKeyToYaml(source.text, missing) : addKeyToJson(source.text, missing);
  return edits.map((edit) => ({ range: toRange(fieldsDocument, { start: edit.offset, end: edit.offset + edit.length }), newText: edit.content }));
}

function addKeyAction(diagnostic: Diagnostic, source: FieldsSource, missing: MissingKey, l10n: L10n): CodeAction {
  return {
    title: l10n.t('Add "{0}" to {1} in {2}', missing.key, missing.section, source.displayName),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [source.uri]: fieldsEdits(source, missing) } },
  };
}

/** Every key the template uses that a new fields file should define. */
export function missingKeysOf(text: string, parsed: ParsedTemplate, fields: FieldsContext): MissingKey[] {
  const context = resolveContextOf(fields);
  const seen = new Map<string, MissingKey>();
  for (const placeholder of scanRegions(text, parsed.regions, context.syntax)) {
    const missing = analyzePlaceholder(placeholder, context)?.finding?.missing;
    if (missing) seen.set(`${missing.section}/${missing.key}`, missing);
  }
  return [...seen.values()];
}

function createFileAction(diagnostic: Diagnostic, uri: string, keys: MissingKey[], l10n: L10n): CodeAction {
  const start = { line: 0, character: 0 };
  const edit: WorkspaceEdit = {
    documentChanges: [
      // No ignoreIfExists: should the file exist after all, the edit fails rather than writing into it.
      { kind: 'create', uri },
      { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: newFieldsFileText(keys) }] },
    ],
  };
  return { title: l10n.t('Create {0} with the keys this template uses', baseName(uri)), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
}

export function rangesMeet(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

export function getCodeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], parsed: ParsedTemplate, fields: FieldsContext, l10n: L10n): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !rangesMeet(diagnostic.range, range)) continue;
    const data = (diagnostic.data ?? {}) as DiagnosticData;
    if (data.fix) actions.push(replaceAction(document, diagnostic, data.fix, l10n));
    for (const fix of data.fixes ?? []) actions.push(writtenFixAction(document, diagnostic, fix));
    if (data.missing && fields.source) actions.push(addKeyAction(diagnostic, fields.source, data.missing, l10n));
    const createsFile = data.missing !== undefined || diagnostic.code === ProblemCode.NoFieldsFile;
    if (createsFile && !fields.source && fields.suggestedUri) {
      actions.push(createFileAction(diagnostic, fields.suggestedUri, missingKeysOf(document.getText(), parsed, fields), l10n));
    }
  }
  return distinct(actions);
}
