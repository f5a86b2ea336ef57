// Finds the placeholder under an offset and what it means, for hover, definition and other point queries.
import { resolveContextOf } from './fields-context';
import { regionsAround } from '../read/incremental';
import { regionsAt } from './regions-at';
import { analyzePlaceholder, type PlaceholderAnalysis } from './resolve-placeholder';
import { scanPlaceholders } from './scan-placeholders';
import type { FieldsContext, ParsedTemplate } from '../base/types';

export function placeholderAt(text: string, offset: number, parsed: ParsedTemplate, fields: FieldsContext): PlaceholderAnalysis | undefined {
  const context = resolveContextOf(fields);
  for (const region of regionsAt(regionsAround(parsed, offset), offset)) {
    const placeholder = scanPlaceholders(text, region, context.syntax).find((found) => found.start <= offset && offset < found.end);
    if (placeholder) return analyzePlaceholder(placeholder, context);
  }
  return undefined;
}
