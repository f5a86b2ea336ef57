// What the fields file learns from the templates: unused fields, and how often a definition is used.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticTag, MarkupKind, type Diagnostic, type Hover, type Position } from 'vscode-languageserver-types';
import { makeDiagnostic } from './diagnostics';
import { toRange } from './positions';
import { ProblemCode, problemMessage } from './problems';
import { SECTION_OF, fieldRefAt, refId, sectionOf, type FieldKind } from './usages';
import type { FieldsModel } from './types';
import { t } from './l10n';

/** How often each field (by refId) is used: places, and the templates they stand in. */
export type UsageCounts = ReadonlyMap<string, { places: number; files: number }>;

/** A hint, faded in the editor, on every field no template uses. */
export function unusedFieldDiagnostics(document: TextDocument, model: FieldsModel, counts: UsageCounts): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const kind of ['custom', 'tracker', 'variable'] as FieldKind[]) {
    for (const definition of sectionOf(model, kind).values()) {
      if (counts.has(refId({ kind, key: definition.key }))) continue;
      const diagnostic = makeDiagnostic(document, definition.keySpan, ProblemCode.FieldsUnused, problemMessage(ProblemCode.FieldsUnused, [definition.key, SECTION_OF[kind]]));
      diagnostics.push({ ...diagnostic, tags: [DiagnosticTag.Unnecessary] });
    }
  }
  return diagnostics;
}

/** Hover on a definition in the fields file: where it is used. */
export function definitionHover(document: TextDocument, position: Position, model: FieldsModel, counts: UsageCounts): Hover | null {
  const found = fieldRefAt(model, document.offsetAt(position));
  if (!found) return null;
  const count = counts.get(refId(found.ref));
  const text = count
    ? t('`{0}` is used {1} time(s) in {2} template file(s). Find All References lists them.', found.ref.key, count.places, count.files)
    : t('`{0}` is not used by any template in the workspace.', found.ref.key);
  return { contents: { kind: MarkupKind.Markdown, value: text }, range: toRange(document, found.span) };
}
