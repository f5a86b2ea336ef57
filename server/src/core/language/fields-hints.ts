// What the fields file learns from the templates: unused fields (and their removal), and how often a definition is used.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, DiagnosticTag, MarkupKind, type CodeAction, type Diagnostic, type Hover, type Position } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, makeDiagnostic } from '../check/diagnostics';
import { toRange } from '../base/positions';
import { ProblemCode, problemText } from '../base/problems';
import { builtinKey } from '../resolve/builtins';
import { removeKeysFromJson, removeKeysFromYaml } from './fields-edits';
import type { UsageCounts } from './usage-index';
import { SECTION_OF, declarationsOf, fieldRefAt, refId, sectionOf, type FieldKind, type FieldRef } from '../resolve/usages';
import type { FieldsModel } from '../base/types';
import type { L10n } from '../base/l10n';

/** A hint, faded in the editor, on every field no template uses. */
export function unusedFieldDiagnostics(document: TextDocument, model: FieldsModel, counts: UsageCounts, l10n: L10n): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const kind of ['custom', 'tracker', 'variable'] as FieldKind[]) {
    for (const definition of sectionOf(model, kind).values()) {
      if (counts.has(refId({ kind, key: definition.key }))) continue;
      const diagnostic = makeDiagnostic(document, definition.keySpan, ProblemCode.FieldsUnused, problemText(l10n, ProblemCode.FieldsUnused, [definition.key, SECTION_OF[kind]]));
      // The field travels with the hint, so its quick fix need not read the message.
      const field: FieldRef = { kind, key: definition.key };
      diagnostics.push({ ...diagnostic, tags: [DiagnosticTag.Unnecessary], data: { field } });
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

/**
 * Hover on a definition (or a profile key) in the fields file: where the field is used, and set. On the definition of
 * an unused field the fields-unused hint already says it is unused (the editor shows it in the same hover), so this
 * says only which profiles set it, or nothing.
 */
export function definitionHover(document: TextDocument, position: Position, model: FieldsModel, counts: UsageCounts, l10n: L10n): Hover | null {
  const found = fieldRefAt(model, document.offsetAt(position));
  if (!found) return null;
  const count = counts.get(refId(found.ref));
  const onDefinition = sectionOf(model, found.ref.kind).get(found.ref.key)?.keySpan.start === found.span.start;
  const value = !count && onDefinition ? settersText(found.ref.key, profilesSetting(model, found.ref), l10n) : usageText(found.ref.key, count, declarationsOf(model, found.ref).profiles.length, l10n);
  return value === undefined ? null : { contents: { kind: MarkupKind.Markdown, value }, range: toRange(document, found.span) };
}

/** `` `spare` is set in 2 profiles: `lead`, `sale`. ``; nothing when no profile sets it. */
function settersText(key: string, profiles: readonly string[], l10n: L10n): string | undefined {
  if (profiles.length === 0) return undefined;
  return l10n.t('`{0}` is set {1}: {2}.', key, l10n.count('in {0} profile|in {0} profiles', profiles.length), profiles.map((name) => `\`${name}\``).join(', '));
}

/** How a profile names a field: `geo`, `tracker.clickid`, `variables.regLink`. */
function profileKeyOf(ref: FieldRef): string {
  return ref.kind === 'custom' ? ref.key : ref.kind === 'tracker' ? `tracker.${ref.key}` : `variables.${ref.key}`;
}

/** The profiles that set a field; a custom field named like a built-in key shares that key with the built-in, so none. */
function profilesSetting(model: FieldsModel, ref: FieldRef): string[] {
  if (ref.kind === 'custom' && builtinKey(ref.key)) return [];
  const key = profileKeyOf(ref);
  return [...model.profiles.values()].filter((profile) => profile.values.has(key)).map((profile) => profile.name);
}

/**
 * "Remove field" on a fields-unused hint: the definition and its value in every profile go, in one edit of the fields
 * file (JSON or YAML), the rest of the file as written.
 */
export function removeUnusedFieldActions(document: TextDocument, diagnostics: readonly Diagnostic[], model: FieldsModel, format: 'json' | 'yaml', l10n: L10n): CodeAction[] {
  return diagnostics.flatMap((diagnostic) => {
    const field = (diagnostic.data as { field?: FieldRef } | undefined)?.field;
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || diagnostic.code !== ProblemCode.FieldsUnused || !field || !sectionOf(model, field.kind).has(field.key)) return [];
    const profiles = profilesSetting(model, field);
    const paths = [[SECTION_OF[field.kind], field.key], ...profiles.map((profile) => ['profiles', profile, profileKeyOf(field)])];
    const text = document.getText();
    const edits = (format === 'yaml' ? removeKeysFromYaml(text, paths) : removeKeysFromJson(text, paths)).map((edit) => ({
      range: toRange(document, { start: edit.offset, end: edit.offset + edit.length }),
      newText: edit.content,
    }));
    const title = profiles.length
      ? l10n.t('Remove field "{0}" and its value {1}', field.key, l10n.count('in {0} profile|in {0} profiles', profiles.length))
      : l10n.t('Remove field "{0}"', field.key);
    return [{ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: edits } } }];
  });
}
