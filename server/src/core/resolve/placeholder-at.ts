// Finds the placeholder under an offset and what it means, for hover, definition and other point queries.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveContextOf } from './fields-context';
import { textWindow } from '../base/text-window';
import { regionsAround } from '../read/incremental';
import { regionsAt } from './regions-at';
import { analyzePlaceholder, type PlaceholderAnalysis } from './resolve-placeholder';
import { scanPlaceholders } from './scan-placeholders';
import type { FieldsContext, ParsedTemplate } from '../base/types';

/** The placeholder at an offset of the document, reading only the regions there. */
export function placeholderAt(document: TextDocument, offset: number, parsed: ParsedTemplate, fields: FieldsContext): PlaceholderAnalysis | undefined {
  const context = resolveContextOf(fields);
  for (const region of regionsAt(regionsAround(parsed, offset), offset)) {
    const { text, base } = textWindow(document, region.start, region.end);
    const placeholder = scanPlaceholders(text, region, context.syntax, base).find((found) => found.start <= offset && offset < found.end);
    if (placeholder) return analyzePlaceholder(placeholder, context);
  }
  return undefined;
}
