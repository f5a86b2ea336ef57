// When a diagnostic waits: the placeholder it is about is being typed. Free of the editor API, so it is tested alone.

export interface Spot {
  line: number;
  character: number;
}

export interface Span {
  start: Spot;
  end: Spot;
}

function before(a: Spot, b: Spot): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function within(spot: Spot, span: Span): boolean {
  return !before(spot, span.start) && !before(span.end, spot);
}

/**
 * A one-line diagnostic waits while the cursor stands in its range (after its first character) and the last edit
 * was there too: the placeholder is being typed. A range that ends at the cursor with its closing `}` typed is
 * finished and shows. `lastEdit` is where the last change left off, undefined once the cursor went elsewhere.
 */
export function isBeingTyped(range: Span, rangeText: string, cursor: Spot, lastEdit: Spot | undefined): boolean {
  if (!lastEdit || range.start.line !== range.end.line || !within(cursor, range) || !within(lastEdit, range)) return false;
  if (!before(range.start, cursor)) return false;
  const atEnd = !before(cursor, range.end);
  return !(atEnd && rangeText.endsWith('}'));
}
