// Find All References and rename of a field, from a placeholder or from its entry in the fields file, across files.
//
// The host hands in the workspace's texts on demand (`WorkspaceTexts`): the usage index says which files name the
// field, and only those are read again to place each use. With the declaration, the definition's key and the
// profile keys that set the field are added (the fields-file hover counts the uses, and names the profiles apart).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { locationInFields } from './fields-document';
import { isIdentifier } from '../base/identifier';
import type { L10n } from '../base/l10n';
import { placeholderAt } from '../resolve/placeholder-at';
import { toRange } from '../base/positions';
import type { UsageIndex } from './usage-index';
import { SECTION_OF, declarationsOf, fieldRefAt, refOfTarget, sameRef, sectionOf, type FieldRef, type Usage } from '../resolve/usages';
import type { FieldsContext, FieldsSource, ParsedTemplate } from '../base/types';

/** The workspace's files as the host reads them: the open editor's text, else the disk's; undefined when unreadable. */
export interface WorkspaceTexts {
  document(uri: string): TextDocument | undefined;
}

export interface FieldAtCursor {
  ref: FieldRef;
  source: FieldsSource;
  /** What the cursor stands on: the key inside a placeholder, or the definition's key. */
  range: Range;
}

export type CursorField = FieldAtCursor | { refusal: string } | undefined;

/**
 * The field under the cursor: in a template (`parsed`), the one its placeholder names; in the fields file (no
 * `parsed`; `fields.source` is that file's last good reading), the definition or profile key under the cursor.
 */
export function fieldAtCursor(document: TextDocument, position: Position, parsed: ParsedTemplate | undefined, fields: FieldsContext, l10n: L10n): CursorField {
  const offset = document.offsetAt(position);
  const source = fields.source;
  if (!parsed) {
    const found = source && fieldRefAt(source.model, offset);
    return found && source && { ref: found.ref, source, range: toRange(document, found.span) };
  }
  const found = placeholderAt(document, offset, parsed, fields);
  if (!found?.target) return undefined;
  const ref = refOfTarget(found.target);
  if (!ref) return { refusal: l10n.t('"{0}" is built in; only fields of the fields file can be renamed.', found.placeholder.key) };
  const { keyEnd } = found.placeholder;
  return source && { ref, source, range: toRange(document, { start: keyEnd - ref.key.length, end: keyEnd }) };
}

/** How the service reads the uses a file holds (cached for an open document, read afresh for one from disk). */
export type UsesOf = (document: TextDocument, source: FieldsSource) => readonly Usage[];

/** Every place the field's key is written: its uses, and with the declaration its definition and profile keys. */
export function referenceLocations(field: FieldAtCursor, index: UsageIndex, workspace: WorkspaceTexts, usesOf: UsesOf, withDeclaration: boolean): Location[] {
  const { ref, source } = field;
  const uses = index.filesNaming(source.uri, ref).flatMap((uri) => {
    const document = workspace.document(uri);
    if (!document) return [];
    return usesOf(document, source).filter((use) => sameRef(use, ref)).map((use) => ({ uri, range: toRange(document, use.nameSpan) }));
  });
  if (!withDeclaration) return uses;
  const { definition, profiles } = declarationsOf(source.model, ref);
  const declarations = [...(definition ? [definition] : []), ...profiles].map((span) => locationInFields(source, span));
  return [...declarations, ...uses];
}

/** Why a new name cannot be taken, or undefined when it can. */
export function renameRefusal(field: FieldAtCursor, newName: string, l10n: L10n): string | undefined {
  const { ref, source } = field;
  if (!isIdentifier(newName)) return l10n.t('"{0}" is not a valid key: use letters, digits and "_", not starting with a digit.', newName);
  if (newName === ref.key || !sectionOf(source.model, ref.kind).has(newName)) return undefined;
  return l10n.t('{0} already has "{1}" in {2}.', SECTION_OF[ref.kind], newName, source.displayName);
}

export function renameEdit(locations: readonly Location[], newName: string): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const { uri, range } of locations) (changes[uri] ??= []).push({ range, newText: newName });
  return { changes };
}
