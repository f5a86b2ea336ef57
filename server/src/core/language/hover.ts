// Hover on a placeholder: what it is, its type and example, caveats and where it is defined.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { describeTarget } from './describe';
import type { L10n } from '../base/l10n';
import { placeholderAt } from '../resolve/placeholder-at';
import { toRange } from '../base/positions';
import type { FieldsContext, ParsedTemplate } from '../base/types';

/** The hover of the placeholder under the cursor (null when it names nothing); undefined when there is no placeholder. */
export function placeholderHover(document: TextDocument, position: Position, parsed: ParsedTemplate, fields: FieldsContext, l10n: L10n): Hover | null | undefined {
  const found = placeholderAt(document, document.offsetAt(position), parsed, fields);
  if (!found?.target) return found && null;
  const { placeholder, target } = found;
  return {
    contents: { kind: MarkupKind.Markdown, value: describeTarget(target, placeholder.region.dialect, placeholder.delimiter, fields.source, l10n) },
    range: toRange(document, placeholder),
  };
}
