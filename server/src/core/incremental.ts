// Re-reads only the step an edit falls in, so typing in a large script file costs one step, not the file.
//
// Safe cases only: the previous read had no problems, the edit lies inside one keyed step, the step's
// new text reads on its own as exactly one mapping, and (YAML) none of its lines moved left of the step's
// own indentation, which would change what belongs to it. Anything else answers undefined: read it all.
import { markPartnerMacros } from './receivers/partner-macros';
import { parseStepSlice } from './script-file';
import { shiftFlow, shiftParsed, shiftRegion, shiftRequest, shiftStep } from './shift-spans';
import type { ParsedTemplate, ScriptStep, Span } from './types';

/** One replacement in the previous text: `[start, oldEnd)` became text `delta` characters longer. */
export interface TextChange {
  start: number;
  oldEnd: number;
  delta: number;
}

export interface StepUpdate {
  parsed: ParsedTemplate;
  /** The re-read step on its own, in the new text's offsets. */
  piece: ParsedTemplate;
  /** The step's extent in the previous text, replaced by the piece. */
  replaced: Span;
  delta: number;
}

/** Two changes in a row as one change of the first text (what happened between two checks). */
export function composeChanges(first: TextChange, second: TextChange): TextChange {
  const insertedEnd = first.oldEnd + first.delta;
  const back = (offset: number, side: 'start' | 'end') =>
    offset < first.start ? offset : offset <= insertedEnd ? (side === 'start' ? first.start : first.oldEnd) : offset - first.delta;
  return {
    start: Math.min(first.start, back(second.start, 'start')),
    oldEnd: Math.max(first.oldEnd, back(second.oldEnd, 'end')),
    delta: first.delta + second.delta,
  };
}

function stepAround(steps: readonly ScriptStep[], change: TextChange, strict: boolean): number {
  return steps.findIndex(({ span }) => (strict ? change.start > span.start && change.oldEnd < span.end : change.start >= span.start && change.oldEnd <= span.end));
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

/** A YAML step's lines with its list marker blanked, or undefined when a line moved left of the step. */
function yamlSlice(text: string, start: number, end: number): { text: string; base: number } | undefined {
  const base = text.lastIndexOf('\n', start - 1) + 1;
  const column = start - base;
  const body = text.slice(start, lineEnd(text, end));
  for (const line of body.split('\n').slice(1)) {
    const indent = line.length - line.trimStart().length;
    if (line.trim() !== '' && indent < column) return undefined;
  }
  return { text: ' '.repeat(column) + body, base };
}

function lowerBound<T>(items: readonly T[], offset: number, spanOf: (item: T) => Span): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spanOf(items[middle]).start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `items` sorted by start: those inside `replaced` give way to `inserted`, those after move by `delta`. */
function splice<T>(items: readonly T[], spanOf: (item: T) => Span, replaced: Span, inserted: readonly T[], delta: number, move: (item: T, by: number) => T): T[] {
  const from = lowerBound(items, replaced.start, spanOf);
  const to = lowerBound(items, replaced.end + 1, spanOf);
  return [...items.slice(0, from), ...inserted, ...items.slice(to).map((item) => move(item, delta))];
}

const ownSpan = (span: Span) => span;
const requestSpan = (request: { span: Span }) => request.span;

export function updateScriptParse(previous: ParsedTemplate, text: string, change: TextChange): StepUpdate | undefined {
  if ((previous.kind !== 'script-yaml' && previous.kind !== 'script-json') || previous.problems.length > 0) return undefined;
  const yaml = previous.kind === 'script-yaml';
  const index = stepAround(previous.steps, change, !yaml);
  const step = previous.steps[index];
  if (!step?.key) return undefined;
  const newEnd = step.span.end + change.delta;
  const slice = yaml ? yamlSlice(text, step.span.start, newEnd) : { text: text.slice(step.span.start, newEnd), base: step.span.start };
  const read = slice && parseStepSlice(slice.text, yaml ? 'yaml' : 'json', step.flowKey);
  if (!read || read.steps.length !== 1) return undefined;
  const piece = markPartnerMacros(shiftParsed(read, slice.base));
  // A step without a key is named by its place in the flow, which a piece read alone does not know.
  if (piece.steps[0].span.start !== step.span.start || !piece.steps[0].key) return undefined;
  const replaced = step.span;
  const delta = change.delta;
  const steps = [...previous.steps.slice(0, index), piece.steps[0], ...previous.steps.slice(index + 1).map((later) => shiftStep(later, delta))];
  return { parsed: spliced(previous, { replaced, piece, delta, steps }), piece, replaced, delta };
}

/** How many updates may stack up unread before the whole arrays are built (each read goes through every layer). */
const MAX_LAZY_DEPTH = 16;
const depths = new WeakMap<ParsedTemplate, number>();

function lazy<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) [value, done] = [compute(), true];
    return value as T;
  };
}

/**
 * The previous parse with the step replaced. Keystrokes only need the new step (its diagnostics are all that
 * change), so the whole region and request arrays are built when something asks for them, not on every edit.
 */
function spliced(previous: ParsedTemplate, update: { replaced: Span; piece: ParsedTemplate; delta: number; steps: ScriptStep[] }): ParsedTemplate {
  const { replaced, piece, delta, steps } = update;
  const regions = lazy(() => splice(previous.regions, ownSpan, replaced, piece.regions, delta, shiftRegion));
  const requests = lazy(() => splice(previous.requests, requestSpan, replaced, piece.requests, delta, shiftRequest));
  const flows = lazy(() => previous.flows?.map((flow) => (flow.span.start > replaced.end ? shiftFlow(flow, delta) : flow.span.end >= replaced.start ? { ...flow, span: { start: flow.span.start, end: flow.span.end + delta } } : flow)));
  const parsed: ParsedTemplate = {
    kind: previous.kind,
    problems: previous.problems,
    steps,
    get regions() {
      return regions();
    },
    get requests() {
      return requests();
    },
    get flows() {
      return flows();
    },
  };
  const depth = (depths.get(previous) ?? 0) + 1;
  if (depth < MAX_LAZY_DEPTH) depths.set(parsed, depth);
  else void [parsed.regions, parsed.requests, parsed.flows];
  return parsed;
}
