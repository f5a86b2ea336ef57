// What the fields file learns from the templates: unused fields, and how often a definition is used.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticTag, MarkupKind, type Diagnostic, type Hover, type Position } from 'vscode-languageserver-types';
import { makeDiagnostic } from '../check/diagnostics';
import { toRange } from '../base/positions';
import { ProblemCode, problemText } from '../base/problems';
import type { UsageCounts } from './usage-index';
import { SECTION_OF, declarationsOf, fieldRefAt, refId, sectionOf, type FieldKind } from '../resolve/usages';
import type { FieldsModel } from '../base/types';
import type { L10n } from '../base/l10n';

/** A hint, faded in the editor, on every field no template uses. */
export function unusedFieldDiagnostics(document: TextDocument, model: FieldsModel, counts: UsageCounts, l10n: L10n): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const kind of ['custom', 'tracker', 'variable'] as FieldKind[]) {
    for (const definition of sectionOf(model, kind).values()) {
      if (counts.has(refId({ kind, key: definition.key }))) continue;
      const diagnostic = makeDiagnostic(document, definition.keySpan, ProblemCode.FieldsUnused, problemText(l10n, ProblemCode.FieldsUnused, [definition.key, SECTION_OF[kind]]));
      diagnostics.push({ ...diagnostic, tags: [DiagnosticTag.Unnecessary] });
    }
  }
  return diagnostics;
}

/** What the definition hover says: the uses, and the profiles setting the field apart (they are not uses). */
function usageText(key: string, count: { places: number; files: number } | undefined, profiles: number, l10n: L10n): string {
  const profilesText = l10n.count('in {0} profile|in {0} profiles', profiles);
  if (!count && !profiles) return l10n.t('`{0}` is not used in any template or bot variable.', key);
  if (!count) return l10n.t('`{0}` is not used in any template or bot variable, only set {1}.', key, profilesText);
  const times = l10n.count('{0} time|{0} times', count.places);
  const files = l10n.count('in {0} file|in {0} files', count.files);
  return profiles
    ? l10n.t('`{0}` is used {1} {2}, and set {3}. Find All References lists them.', key, times, files, profilesText)
    : l10n.t('`{0}` is used {1} {2}. Find All References lists them.', key, times, files);
}

/** Hover on a definition (or a profile key) in the fields file: where the field is used, and set. */
export function definitionHover(document: TextDocument, position: Position, model: FieldsModel, counts: UsageCounts, l10n: L10n): Hover | null {
  const found = fieldRefAt(model, document.offsetAt(position));
  if (!found) return null;
  const profiles = declarationsOf(model, found.ref).profiles.length;
  const value = usageText(found.ref.key, counts.get(refId(found.ref)), profiles, l10n);
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(document, found.span) };
}
