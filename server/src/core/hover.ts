// Hover on a placeholder: what it is, its type and example, caveats and where it is defined; elsewhere in a URL, its receiver.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { describeTarget } from './describe';
import { placeholderAt } from './placeholder-at';
import { toRange } from './positions';
import { receiverHover } from './receivers/receiver-hover';
import type { FieldsContext, ParsedTemplate } from './types';

export function doHover(document: TextDocument, position: Position, parsed: ParsedTemplate, fields: FieldsContext): Hover | null {
  const found = placeholderAt(document.getText(), document.offsetAt(position), parsed, fields);
  if (!found) return receiverHover(document, document.offsetAt(position), parsed, fields);
  if (!found.target) return null;
  const { placeholder, target } = found;
  return {
    contents: { kind: MarkupKind.Markdown, value: describeTarget(target, placeholder.region.dialect, placeholder.delimiter, fields.source) },
    range: toRange(document, placeholder),
  };
}
