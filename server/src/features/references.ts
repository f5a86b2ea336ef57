// Find references and rename of a field, from a placeholder or from its definition, across the workspace.
import { ResponseError, type Location, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fieldsContextOf, type ServerContext } from '../context';
import { isIdentifier, declarationsOf, fieldRefAt, sectionOf, SECTION_OF, type FieldRef, type FieldsSource } from '../core';
import { locationInFields } from '../core/fields-document';
import { placeholderAt } from '../core/placeholder-at';
import { refOfTarget } from '../core/usages';
import { runSafeAsync } from '../run-safe';
import { t } from '../core/l10n';

interface FieldAtCursor {
  ref: FieldRef;
  source: FieldsSource;
  /** What the cursor stands on: the key inside a placeholder, or the definition's key. */
  range: Range;
}

/** The field under the cursor, in a template or in the fields file itself. */
async function fieldAt(context: ServerContext, document: TextDocument, offset: number): Promise<FieldAtCursor | { refusal: string } | undefined> {
  const fields = await fieldsContextOf(context, document.uri);
  const parsed = context.service.parseTemplate(document);
  if (parsed) {
    const found = placeholderAt(document.getText(), offset, parsed, fields);
    if (!found?.target) return undefined;
    const ref = refOfTarget(found.target);
    if (!ref) return { refusal: t('"{0}" is built in; only fields of the fields file can be renamed.', found.placeholder.key) };
    if (!fields.source) return undefined;
    const { keyEnd } = found.placeholder;
    return { ref, source: fields.source, range: { start: document.positionAt(keyEnd - ref.key.length), end: document.positionAt(keyEnd) } };
  }
  const source = context.registry.load(document.uri)?.lastGood;
  const found = source && fieldRefAt(source.model, offset);
  return found && { ref: found.ref, source, range: { start: document.positionAt(found.span.start), end: document.positionAt(found.span.end) } };
}

/**
 * Every place the field's key is written: its uses (what the definition hover counts), and with the declaration
 * also its definition and the profile keys that set it (the hover names those profiles apart).
 */
function allLocations(context: ServerContext, source: FieldsSource, ref: FieldRef, withDeclaration: boolean): Location[] {
  const uses = context.index.locationsOf(source.uri, ref);
  if (!withDeclaration) return uses;
  const { definition, profiles } = declarationsOf(source.model, ref);
  const declarations = [...(definition ? [definition] : []), ...profiles].map((span) => locationInFields(source, span));
  return [...declarations, ...uses];
}

function renameEdit(locations: readonly Location[], newName: string): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const { uri, range } of locations) (changes[uri] ??= []).push({ range, newText: newName });
  return { changes };
}

function checkNewName(source: FieldsSource, ref: FieldRef, newName: string): void {
  if (!isIdentifier(newName)) throw new ResponseError(0, t('"{0}" is not a valid key: use letters, digits and "_", not starting with a digit.', newName));
  if (newName !== ref.key && sectionOf(source.model, ref.kind).has(newName)) {
    throw new ResponseError(0, t('{0} already has "{1}" in {2}.', SECTION_OF[ref.kind], newName, source.displayName));
  }
}

export function registerReferences(context: ServerContext): void {
  const { connection } = context;
  const documentOf = (uri: string) => context.openDocument(uri);
  connection.onReferences((params, token) =>
    runSafeAsync(connection, 'references', [], token, async () => {
      const document = documentOf(params.textDocument.uri);
      const found = document && (await fieldAt(context, document, document.offsetAt(params.position)));
      if (!found || 'refusal' in found) return [];
      await context.indexed();
      return allLocations(context, found.source, found.ref, params.context.includeDeclaration);
    }),
  );
  connection.onPrepareRename(async (params) => {
    const document = documentOf(params.textDocument.uri);
    const found = document && (await fieldAt(context, document, document.offsetAt(params.position)));
    if (!found) throw new ResponseError(0, t('Put the cursor on a placeholder or on a field of the fields file to rename it.'));
    if ('refusal' in found) throw new ResponseError(0, found.refusal);
    return { range: found.range, placeholder: found.ref.key };
  });
  connection.onRenameRequest(async (params) => {
    const document = documentOf(params.textDocument.uri);
    const found = document && (await fieldAt(context, document, document.offsetAt(params.position)));
    if (!found || 'refusal' in found) throw new ResponseError(0, found && 'refusal' in found ? found.refusal : t('Nothing to rename here.'));
    checkNewName(found.source, found.ref, params.newName);
    await context.indexed();
    return renameEdit(allLocations(context, found.source, found.ref, true), params.newName);
  });
}
