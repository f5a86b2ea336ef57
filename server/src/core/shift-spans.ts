// Moves the spans of a parsed template by a distance: what an edit does to everything after it.
import type { ParsedTemplate, Region, ScriptFlow, ScriptStep, Span, TemplatePart, TemplateRequest } from './types';

function shift<T extends Span>(span: T, by: number): T {
  return { ...span, start: span.start + by, end: span.end + by };
}

function shiftOptional(span: Span | undefined, by: number): Span | undefined {
  return span && shift(span, by);
}

function shiftPart(part: TemplatePart | undefined, by: number): TemplatePart | undefined {
  return part && { span: shift(part.span, by), value: part.value };
}

export function shiftRegion(region: Region, by: number): Region {
  return shift(region, by);
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
  return { ...step, span: shift(step.span, by), keySpan: shiftOptional(step.keySpan, by) };
}

export function shiftFlow(flow: ScriptFlow, by: number): ScriptFlow {
  return { ...flow, span: shift(flow.span, by), keySpan: shiftOptional(flow.keySpan, by) };
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
