// Go to definition: from a placeholder to its entry in the fields file.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position } from 'vscode-languageserver-types';
import { locationInFields } from './fields-document';
import { placeholderAt } from '../resolve/placeholder-at';
import { definitionOfTarget } from '../resolve/resolve-placeholder';
import type { FieldsContext, ParsedTemplate } from '../base/types';

export function findDefinition(document: TextDocument, position: Position, parsed: ParsedTemplate, fields: FieldsContext): Location[] {
  const target = placeholderAt(document, document.offsetAt(position), parsed, fields)?.target;
  const definition = target && definitionOfTarget(target);
  return definition && fields.source ? [locationInFields(fields.source, definition.keySpan)] : [];
}
