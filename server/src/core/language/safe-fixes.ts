// The fixes `webhook-templates check --fix` applies without a person: of each problem that has exactly one fix, that
// fix when it is marked safe where it was made (Finding.safe: it cannot change what the template means).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../check/diagnostics';
import type { L10n } from '../base/l10n';
import type { FieldsContext, ParsedTemplate } from '../base/types';
import { getCodeActions } from './code-actions';

export interface SafeFix {
  /** The problem it fixes. */
  diagnostic: Diagnostic;
  /** The quick fix's title, as the editor offers it. */
  title: string;
  /** Edits of the document itself, never of another file. */
  edits: TextEdit[];
}

/** The problem's only fix when it is safe; none when it has no fix, several (a person chooses) or an unsafe one. */
function safeFixOf(document: TextDocument, diagnostic: Diagnostic, parsed: ParsedTemplate, fields: FieldsContext, l10n: L10n): SafeFix | undefined {
  const data = (diagnostic.data ?? {}) as DiagnosticData;
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || data.fix === undefined) return undefined;
  const offered = getCodeActions(document, diagnostic.range, [diagnostic], parsed, fields, l10n);
  const [only] = offered;
  const edits = only?.edit?.changes?.[document.uri];
  if (offered.length !== 1 || !data.safe || !edits || Object.keys(only.edit?.changes ?? {}).length !== 1) return undefined;
  return { diagnostic, title: only.title, edits };
}

function startsBefore(a: Range, b: Range): boolean {
  return a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character <= b.start.character);
}

/** The safe fixes of a template's problems, in document order, none of whose edits overlap another's. */
export function safeFixes(document: TextDocument, diagnostics: readonly Diagnostic[], parsed: ParsedTemplate, fields: FieldsContext, l10n: L10n): SafeFix[] {
  const fixes = diagnostics.flatMap((diagnostic) => safeFixOf(document, diagnostic, parsed, fields, l10n) ?? []);
  fixes.sort((a, b) => document.offsetAt(a.edits[0].range.start) - document.offsetAt(b.edits[0].range.start));
  const kept: SafeFix[] = [];
  for (const fix of fixes) {
    const last = kept[kept.length - 1];
    if (!last || fix.edits.every((edit) => last.edits.every((before) => startsBefore(before.range, edit.range)))) kept.push(fix);
  }
  return kept;
}
