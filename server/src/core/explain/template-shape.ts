// A template request read as the shape of what it sends: its host, path segments, query parameters and JSON body
// values as patterns, each placeholder a slot that captures what arrived in its place.
import type { DeliveredPlace } from '../base/explanation';
import type { Placeholder, Region, Span, TemplatePart, TemplateRequest } from '../base/types';
import { regionsOfPart } from '../resolve/partner-regions';
import { analyzePlaceholder, type PlaceholderAnalysis, type ResolveContext } from '../resolve/resolve-placeholder';
import { scanRegions } from '../resolve/scan-placeholders';
import { decoded } from './delivered';
import { templateLeaves, type TemplateLeaf } from './json-leaves';
import { anything, patternOf, type SlotSpan, type TextPattern } from './patterns';

/** One placeholder of the template, with what the checker makes of it (none for a partner network's macro). */
export interface Slot {
  placeholder: Placeholder;
  analysis?: PlaceholderAnalysis;
  place: DeliveredPlace;
  /** The query parameter or JSON key path it stands in; the segment's number (from 1) in a path; `host`. */
  parameter: string;
}

export interface TemplateParameter {
  /** The value as written, placeholders included. */
  written: string;
  pattern: TextPattern;
}

export interface TemplateShape {
  request: TemplateRequest;
  slots: Slot[];
  /** The host (case-insensitive); with no `scheme://`, the whole text before the path against the delivered origin. */
  host: TextPattern;
  hostIsOrigin: boolean;
  /** The host (or the text before the path) and the path as written, for messages. */
  hostWritten: string;
  pathWritten: string;
  segments: TextPattern[];
  /** Query parameters by name (the first of a repeated one). */
  parameters: Map<string, TemplateParameter>;
  /** A JSON body's values by key path; undefined when there is no body or it is not JSON. */
  body?: Map<string, TemplateLeaf>;
}

const SCHEME = /^\s*[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const HASH_MACRO = /#[A-Za-z0-9_.-]+#/y;
const queryDecode = (text: string) => decoded(text, true).value;
const pathDecode = (text: string) => decoded(text, false).value;

/** The shape of a request with a URL; undefined for one without. */
export function templateShape(request: TemplateRequest, context: ResolveContext): TemplateShape | undefined {
  const url = request.url;
  if (!url || url.value.trim() === '') return undefined;
  const value = url.value;
  const found = placeholdersOf(url, 'url', context);
  const spans: SlotSpan[] = found.map((item, index) => ({ start: item.placeholder.start, end: item.placeholder.end, index }));
  const layout = urlLayout(value, spans);
  // A placeholder in the scheme or fragment is lined up with nothing (its parameter stays empty).
  const slots: Slot[] = found.map((item) => ({ ...item, place: 'host', parameter: '' }));
  for (const slot of spans) if (slot.start >= layout.host.start && slot.end <= layout.host.end) slots[slot.index].parameter = 'host';
  const shape: TemplateShape = {
    request,
    slots,
    host: patternOf(value, layout.host.start, layout.host.end, spans, (text) => text, 'i'),
    hostIsOrigin: !layout.hasScheme,
    hostWritten: value.slice(layout.host.start, layout.host.end),
    pathWritten: value.slice(layout.path.start, layout.path.end),
    segments: segmentSpans(value, layout.path, spans).map((span, i) => {
      for (const slot of spans) if (slot.start >= span.start && slot.end <= span.end) Object.assign(slots[slot.index], { place: 'path', parameter: String(i + 1) });
      return patternOf(value, span.start, span.end, spans, pathDecode);
    }),
    parameters: new Map(),
  };
  for (const pair of pairSpans(value, layout.query, spans)) addParameter(shape, url, pair, spans);
  addBody(shape, request.body, context);
  return shape;
}

/** The placeholders of a part's value, and the checker's analysis of each (partner macros have none). */
function placeholdersOf(part: TemplatePart, place: Region['place'], context: ResolveContext): { placeholder: Placeholder; analysis?: PlaceholderAnalysis }[] {
  const region: Region = { start: 0, end: part.value.length, dialect: 'webhook', place };
  const regions = place === 'url' ? regionsOfPart(part, region) : [region];
  return scanRegions(part.value, regions, context.syntax).map((placeholder) => ({ placeholder, analysis: analyzePlaceholder(placeholder, context) }));
}

interface PairSpan {
  name: Span;
  value: Span;
}

function addParameter(shape: TemplateShape, url: TemplatePart, pair: PairSpan, spans: readonly SlotSpan[]): void {
  const value = url.value;
  const name = queryDecode(value.slice(pair.name.start, pair.name.end));
  const inside = spans.filter((slot) => slot.start >= pair.value.start && slot.end <= pair.value.end);
  for (const slot of inside) Object.assign(shape.slots[slot.index], { place: 'query', parameter: name });
  if (shape.parameters.has(name)) return;
  const written = value.slice(pair.value.start, pair.value.end);
  // A partner network's macros (`[subid]`, `#s2#`) in an inbound link: whatever the network put there fits.
  const partner = url.partnerMacros?.some((span) => span.start === pair.value.start) && inside.every((slot) => !shape.slots[slot.index].analysis);
  shape.parameters.set(name, { written, pattern: partner ? anything() : patternOf(value, pair.value.start, pair.value.end, spans, queryDecode) });
}

function addBody(shape: TemplateShape, body: TemplatePart | undefined, context: ResolveContext): void {
  if (!body) return;
  const found = placeholdersOf(body, 'body', context).filter((item) => item.analysis);
  const first = shape.slots.length;
  shape.slots.push(...found.map((item): Slot => ({ ...item, place: 'body', parameter: '' })));
  const spans = found.map((item, i) => ({ start: item.placeholder.start, end: item.placeholder.end, index: first + i, raw: item.placeholder.raw }));
  shape.body = templateLeaves(body.value, spans);
  for (const [path, leaf] of shape.body ?? []) for (const index of leaf.pattern.slots) shape.slots[index].parameter = path;
}

interface UrlLayout {
  hasScheme: boolean;
  host: Span;
  path: Span;
  query?: Span;
}

/** Where the host, path and query of a URL template stand; a `/`, `?` or `#` inside a placeholder counts for nothing. */
function urlLayout(value: string, spans: readonly SlotSpan[]): UrlLayout {
  const scheme = SCHEME.exec(value);
  const lead = value.length - value.trimStart().length;
  const authorityStart = scheme ? scheme[0].length : lead;
  const pathStart = firstOutside(value, '/?#', authorityStart, spans);
  const pathEnd = firstOutside(value, '?#', pathStart, spans);
  const query = value[pathEnd] === '?' ? { start: pathEnd + 1, end: queryEnd(value, pathEnd + 1, spans) } : undefined;
  const authority = value.slice(authorityStart, pathStart);
  const hostStart = scheme ? authorityStart + authority.lastIndexOf('@') + 1 : lead;
  const hostEnd = scheme ? authorityStart + authority.replace(/:\d*$/, '').length : pathStart;
  return { hasScheme: scheme !== null, host: { start: hostStart, end: Math.max(hostStart, hostEnd) }, path: { start: pathStart, end: pathEnd }, query };
}

function firstOutside(value: string, chars: string, from: number, spans: readonly SlotSpan[]): number {
  for (let i = from; i < value.length; i++) {
    const slot = spans.find((span) => span.start <= i && i < span.end);
    if (slot) i = slot.end - 1;
    else if (chars.includes(value[i])) return i;
  }
  return value.length;
}

/** The query ends at a `#` outside placeholders that does not start a `#word#` macro. */
function queryEnd(value: string, from: number, spans: readonly SlotSpan[]): number {
  for (let i = firstOutside(value, '#', from, spans); i < value.length; i = firstOutside(value, '#', i + 1, spans)) {
    HASH_MACRO.lastIndex = i;
    if (!HASH_MACRO.test(value)) return i;
    i = HASH_MACRO.lastIndex - 1;
  }
  return value.length;
}

/** The path's segments after its first `/`, a trailing empty one dropped (as for the delivered path). */
function segmentSpans(value: string, path: Span, spans: readonly SlotSpan[]): Span[] {
  const segments: Span[] = [];
  if (path.start >= path.end) return segments;
  for (let start = path.start + 1; start <= path.end; ) {
    const end = Math.min(firstOutside(value, '/', start, spans), path.end);
    segments.push({ start, end });
    start = end + 1;
  }
  const last = segments[segments.length - 1];
  if (last && last.start === last.end) segments.pop();
  return segments;
}

function pairSpans(value: string, query: Span | undefined, spans: readonly SlotSpan[]): PairSpan[] {
  const pairs: PairSpan[] = [];
  if (!query) return pairs;
  for (let start = query.start; start <= query.end; ) {
    const end = Math.min(firstOutside(value, '&', start, spans), query.end);
    const equals = Math.min(firstOutside(value, '=', start, spans), end);
    if (end > start) pairs.push({ name: { start, end: equals }, value: { start: Math.min(equals + 1, end), end } });
    start = end + 1;
  }
  return pairs;
}
