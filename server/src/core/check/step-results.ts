// Results derived from a parse (diagnostics, usages) kept per document version and carried over a step update.
//
// Everything these results hold is local to one region or one request, so after an edit inside one step
// the results of the other steps stay valid: those before it as they are, those after it moved by the edit.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { toRange, toSpan } from '../base/positions';
import type { StepUpdate } from '../read/incremental';
import type { FieldsContext, ResultOrigin, Span } from '../base/types';
import type { Usage } from '../resolve/usages';

/** A step update and the version it was made from. */
export interface StepSince {
  fromVersion: number;
  step: StepUpdate;
}

interface Kept<T> {
  version: number;
  fields: FieldsContext;
  items: T[];
  spans: Span[];
  origin: ResultOrigin;
}

/** Whether two fields contexts give the same answers: the same loaded fields file, receiver tables and active profile. */
function sameFields(a: FieldsContext, b: FieldsContext): boolean {
  return a.source === b.source && a.receivers === b.receivers && a.suggestedUri === b.suggestedUri && a.profile === b.profile;
}

/** Where results of the previous version go after the update: dropped (inside the step), kept, or moved. */
function carry(span: Span, update: StepUpdate): Span | undefined {
  const { replaced, delta } = update;
  if (span.start >= replaced.start && span.end <= replaced.end) return undefined;
  return span.start >= replaced.end ? { start: span.start + delta, end: span.end + delta } : span;
}

export class StepResults<T> {
  private readonly kept = new Map<string, Kept<T>>();

  constructor(
    private readonly spanOf: (item: T, document: TextDocument) => Span,
    private readonly moved: (item: T, span: Span, document: TextDocument) => T,
  ) {}

  /** The results for this version: cached, carried over an update from the version they were kept for, or computed. */
  get(document: TextDocument, fields: FieldsContext, updates: readonly StepSince[], compute: (piece?: StepUpdate['piece']) => T[]): T[] {
    const previous = this.kept.get(document.uri);
    if (previous && previous.version === document.version && sameFields(previous.fields, fields)) return previous.items;
    const update = previous && sameFields(previous.fields, fields) ? updates.find((candidate) => candidate.fromVersion === previous.version) : undefined;
    const result = update ? this.carryOver(previous!, update.step, document, compute) : this.fresh(compute(), document);
    this.kept.set(document.uri, { version: document.version, fields, ...result, origin: update ? 'carried' : 'computed' });
    return result.items;
  }

  /** How the results kept for this version were made; undefined when none are kept for it. Reads nothing. */
  originOf(uri: string, version: number): ResultOrigin | undefined {
    const kept = this.kept.get(uri);
    return kept?.version === version ? kept.origin : undefined;
  }

  private fresh(items: T[], document: TextDocument): { items: T[]; spans: Span[] } {
    return { items, spans: items.map((item) => this.spanOf(item, document)) };
  }

  /**
   * The previous results outside the step (moved by the edit where they follow it) and the step's own computed again,
   * in document order: kept results come first among those starting at one offset. Kept results are in order
   * after their first carry-over, so the step's are merged in without sorting the whole.
   */
  private carryOver(previous: Kept<T>, step: StepUpdate, document: TextDocument, compute: (piece?: StepUpdate['piece']) => T[]): { items: T[]; spans: Span[] } {
    const kept: T[] = [];
    const keptSpans: Span[] = [];
    previous.items.forEach((item, index) => {
      const span = carry(previous.spans[index], step);
      if (!span) return;
      kept.push(span === previous.spans[index] ? item : this.moved(item, span, document));
      keptSpans.push(span);
    });
    const computed = this.fresh(compute(step.piece), document);
    if (!inOrder(keptSpans)) return inDocumentOrder(kept.concat(computed.items), keptSpans.concat(computed.spans));
    const own = inOrder(computed.spans) ? computed : inDocumentOrder(computed.items, computed.spans);
    return merged({ items: kept, spans: keptSpans }, own);
  }

  forget(uri: string): void {
    this.kept.delete(uri);
  }
}

function inOrder(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) return false;
  return true;
}

/** The items sorted by where they start, those starting at one offset in the order given. */
function inDocumentOrder<T>(items: readonly T[], spans: readonly Span[]): { items: T[]; spans: Span[] } {
  const order = Array.from(items.keys()).sort((a, b) => spans[a].start - spans[b].start || a - b);
  return { items: order.map((i) => items[i]), spans: order.map((i) => spans[i]) };
}

/** Two lists in document order as one, the first's first among those starting at one offset. */
function merged<T>(first: { items: T[]; spans: Span[] }, second: { items: T[]; spans: Span[] }): { items: T[]; spans: Span[] } {
  const items: T[] = [];
  const spans: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < first.items.length || j < second.items.length) {
    const takeFirst = j >= second.items.length || (i < first.items.length && first.spans[i].start <= second.spans[j].start);
    items.push(takeFirst ? first.items[i] : second.items[j]);
    spans.push(takeFirst ? first.spans[i++] : second.spans[j++]);
  }
  return { items, spans };
}

export function usageResults(): StepResults<Usage> {
  return new StepResults<Usage>(
    (usage) => usage.placeholderSpan,
    (usage, span) => {
      const by = span.start - usage.placeholderSpan.start;
      return { kind: usage.kind, key: usage.key, nameSpan: { start: usage.nameSpan.start + by, end: usage.nameSpan.end + by }, placeholderSpan: span };
    },
  );
}

export function diagnosticResults(): StepResults<Diagnostic> {
  return new StepResults<Diagnostic>(
    (diagnostic, document) => toSpan(document, diagnostic.range),
    (diagnostic, span, document) => {
      // Typing within a line moves the offsets after it but not their lines: most moved diagnostics stay as they are.
      const range = toRange(document, span);
      return sameRange(range, diagnostic.range) ? diagnostic : { ...diagnostic, range };
    },
  );
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
