// Moves the spans of a parsed template by a distance: what an edit does to everything after it.
//
// Regions, steps and flows are copied field by field: V8 makes `{ ...region, start, end }` about ten times slower
// than a literal, and a large script moves a hundred thousand of them when typing pauses.
import type { ParsedTemplate, Region, ScriptFlow, ScriptStep, Span, TemplatePart, TemplateRequest } from '../base/types';

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

function shiftOptional(span: Span | undefined, by: number): Span | undefined {
  return span && shift(span, by);
}

/** A part's partner macros are offsets into its value, which an edit elsewhere does not move. */
function shiftPart(part: TemplatePart | undefined, by: number): TemplatePart | undefined {
  if (!part) return undefined;
  return part.partnerMacros ? { span: shift(part.span, by), value: part.value, partnerMacros: part.partnerMacros } : { span: shift(part.span, by), value: part.value };
}

export function shiftRegion(region: Region, by: number): Region {
  const { start, end, dialect, place } = region;
  return region.partnerMacros
    ? { start: start + by, end: end + by, dialect, place, partnerMacros: true }
    : { start: start + by, end: end + by, dialect, place };
}

export function shiftRequest(request: TemplateRequest, by: number): TemplateRequest {
  return {
    ...request,
    span: shift(request.span, by),
    nameSpan: shift(request.nameSpan, by),
    methodSpan: shiftOptional(request.methodSpan, by),
    url: shiftPart(request.url, by),
    headers: request.headers.map((header) => ({ name: header.name, nameSpan: shift(header.nameSpan, by), value: shiftPart(header.value, by)! })),
    body: shiftPart(request.body, by),
  };
}

export function shiftStep(step: ScriptStep, by: number): ScriptStep {
  return { key: step.key, keySpan: shiftOptional(step.keySpan, by), type: step.type, flowKey: step.flowKey, span: shift(step.span, by) };
}

export function shiftFlow(flow: ScriptFlow, by: number): ScriptFlow {
  return { key: flow.key, keySpan: shiftOptional(flow.keySpan, by), title: flow.title, span: shift(flow.span, by) };
}

/** Every span of a parsed piece moved by `by`. */
export function shiftParsed(parsed: ParsedTemplate, by: number): ParsedTemplate {
  return {
    ...parsed,
    regions: parsed.regions.map((region) => shiftRegion(region, by)),
    requests: parsed.requests.map((request) => shiftRequest(request, by)),
    steps: parsed.steps.map((step) => shiftStep(step, by)),
    flows: parsed.flows?.map((flow) => shiftFlow(flow, by)),
  };
}
