// Re-reads only the step an edit falls in, so typing in a large script file costs one step, not the file.
//
// Safe cases only: the previous read had no problems, the edit lies inside one keyed step, the step's
// new text reads on its own as exactly one mapping, and (YAML) none of its lines moved left of the step's
// own indentation, which would change what belongs to it. Anything else answers undefined: read it all.
import { parseStepSlice } from './script-file';
import { lineEnd, lineStart, type TextSource } from './text-source';
import { shiftFlow, shiftParsed, shiftRegion, shiftRequest, shiftStep } from './shift-spans';
import type { ParsedTemplate, Region, ScriptStep, Span } from '../base/types';

/** One replacement in the previous text: `[start, oldEnd)` became text `delta` characters longer. */
export interface TextChange {
  start: number;
  oldEnd: number;
  delta: number;
}

/** One step update: `replaced` (in the text before it) became `piece`, the step re-read alone (in the text after it). */
export interface StepReplacement {
  replaced: Span;
  piece: ParsedTemplate;
  delta: number;
}

/** A step update and the whole parse it made. */
export interface StepUpdate extends StepReplacement {
  parsed: ParsedTemplate;
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

function contains(span: Span, change: TextChange, strict: boolean): boolean {
  return strict ? change.start > span.start && change.oldEnd < span.end : change.start >= span.start && change.oldEnd <= span.end;
}

/** A YAML step's lines with its list marker blanked, or undefined when a line moved left of the step. */
function yamlSlice(text: TextSource, start: number, end: number): { text: string; base: number } | undefined {
  const base = lineStart(text, start);
  const column = start - base;
  // With its line break: `yaml` does not report a quote left open at the very end of its input.
  const body = text.slice(start, lineEnd(text, end) + 1);
  for (const line of body.split('\n').slice(1)) {
    const indent = line.length - line.trimStart().length;
    if (line.trim() !== '' && indent < column) return undefined;
  }
  return { text: ' '.repeat(column) + body, base };
}

const ownSpan = (span: Span) => span;
const spanOfItem = (item: { span: Span }) => item.span;

/** The step an edit falls in: first the one the previous edit re-read (typing stays in one step), else a search. */
function stepOf(previous: ParsedTemplate, change: TextChange, strict: boolean): ScriptStep | undefined {
  const hot = lastRead.get(previous)?.steps[0];
  if (hot && contains(hot.span, change, strict)) return hot;
  return previous.steps.find(({ span }) => contains(span, change, strict));
}

/**
 * The parse after an edit that falls in one step, that step alone re-read; `finish` completes a piece read alone as
 * a whole read is completed (the facade's partner-macro marking). Undefined when the edit does not allow it.
 */
export function updateScriptParse(previous: ParsedTemplate, text: TextSource, change: TextChange, finish: (piece: ParsedTemplate) => ParsedTemplate): StepUpdate | undefined {
  if ((previous.kind !== 'script-yaml' && previous.kind !== 'script-json') || previous.problems.length > 0) return undefined;
  const yaml = previous.kind === 'script-yaml';
  const step = stepOf(previous, change, !yaml);
  if (!step?.key) return undefined;
  const newEnd = step.span.end + change.delta;
  const slice = yaml ? yamlSlice(text, step.span.start, newEnd) : { text: text.slice(step.span.start, newEnd), base: step.span.start };
  const read = slice && parseStepSlice(slice.text, yaml ? 'yaml' : 'json', step.flowKey);
  if (!read || read.steps.length !== 1) return undefined;
  const piece = finish(shiftParsed(read, slice.base));
  // A step without a key is named by its place in the flow, which a piece read alone does not know.
  if (piece.steps[0].span.start !== step.span.start || !piece.steps[0].key) return undefined;
  const replaced = step.span;
  const delta = change.delta;
  const parsed = spliced(previous, { replaced, piece, delta });
  lastRead.set(parsed, piece);
  return { parsed, piece, replaced, delta };
}

/**
 * Two step updates in a row as one update of the first one's text, when the later re-read the step the earlier
 * one made (typing on in one step); undefined otherwise. The earlier piece lies wholly inside what the later
 * replaced, so the pair replaced the earlier's extent with the later's piece.
 */
export function composeStepUpdates<T extends StepReplacement>(earlier: StepReplacement, later: T): T | undefined {
  const made = earlier.piece.steps[0].span;
  if (made.start !== later.replaced.start || made.end !== later.replaced.end) return undefined;
  return { ...later, replaced: earlier.replaced, delta: earlier.delta + later.delta };
}

/** How many updates may wait unapplied before the whole arrays are built in one pass. */
const MAX_PENDING = 64;

/** A parse whose region and request arrays are the base's with these updates still to apply. */
interface Pending {
  base: ParsedTemplate;
  ops: StepReplacement[];
  built: () => boolean;
}

const pendingOf = new WeakMap<ParsedTemplate, Pending>();
/** The step an update re-read, read alone, in the offsets of the parse it made. */
const lastRead = new WeakMap<ParsedTemplate, ParsedTemplate>();

/**
 * The regions of a parse that can hold an offset. Inside the step the last edit re-read (where the user is
 * typing) they are that step's own, so completion and hover while typing do not build the whole arrays.
 */
export function regionsAround(parsed: ParsedTemplate, offset: number): readonly Region[] {
  const piece = lastRead.get(parsed);
  const span = piece?.steps[0].span;
  return piece && span && span.start < offset && offset < span.end ? piece.regions : parsed.regions;
}

/**
 * Applies updates to a sorted array in one pass: each item follows every later update (dropped when it
 * replaced it, moved when it came after it), so k updates cost one copy of the array, not k.
 */
function replay<T>(pending: Omit<Pending, 'built'>, itemsOf: (parsed: ParsedTemplate) => readonly T[], spanOf: (item: T) => Span, move: (item: T, by: number) => T): T[] {
  if (pending.ops.length === 1) return replayOne(itemsOf(pending.base), pending.ops[0], itemsOf, spanOf, move);
  const out: { start: number; item: T }[] = [];
  const follow = (item: T, fromReplacement: number): void => {
    const span = spanOf(item);
    let by = 0;
    for (let i = fromReplacement; i < pending.ops.length; i++) {
      const { replaced, delta } = pending.ops[i];
      if (span.start + by >= replaced.start && span.end + by <= replaced.end) return;
      if (span.start + by >= replaced.end) by += delta;
    }
    out.push({ start: span.start + by, item: by === 0 ? item : move(item, by) });
  };
  for (const item of itemsOf(pending.base)) follow(item, 0);
  pending.ops.forEach((op, index) => itemsOf(op.piece).forEach((item) => follow(item, index + 1)));
  // Nearly sorted already (runs in order): the sort is close to linear.
  out.sort((a, b) => a.start - b.start);
  return out.map((entry) => entry.item);
}

/** One update (typing in one step): the items before it, the step's own, then the items after it moved. No sort. */
function replayOne<T>(base: readonly T[], op: StepReplacement, itemsOf: (parsed: ParsedTemplate) => readonly T[], spanOf: (item: T) => Span, move: (item: T, by: number) => T): T[] {
  const { replaced, delta } = op;
  const before: T[] = [];
  const after: T[] = [];
  for (const item of base) {
    const span = spanOf(item);
    if (span.start >= replaced.start && span.end <= replaced.end) continue;
    if (span.start >= replaced.end) after.push(delta === 0 ? item : move(item, delta));
    else before.push(item);
  }
  return before.concat(itemsOf(op.piece), after);
}

/** The waiting updates followed by `op`: typing on in one step keeps a single update waiting. */
function withReplacement(ops: readonly StepReplacement[], op: StepReplacement): StepReplacement[] {
  const merged = composeStepUpdates(ops[ops.length - 1], op);
  return merged ? [...ops.slice(0, -1), merged] : [...ops, op];
}

function lazy<T>(compute: () => T): { get: () => T; done: () => boolean } {
  let value: T | undefined;
  let done = false;
  return {
    get: () => {
      if (!done) [value, done] = [compute(), true];
      return value as T;
    },
    done: () => done,
  };
}

function moveFlows(flows: ParsedTemplate['flows'], { replaced, delta }: StepReplacement): ParsedTemplate['flows'] {
  return flows?.map((flow) => (flow.span.start > replaced.end ? shiftFlow(flow, delta) : flow.span.end >= replaced.start ? { ...flow, span: { start: flow.span.start, end: flow.span.end + delta } } : flow));
}

/**
 * The previous parse with the step replaced. Keystrokes only need the new step (its diagnostics are all that
 * change), so the whole step, region and request arrays are built when something asks for them, all waiting
 * updates in one pass, or at the latest every MAX_PENDING updates.
 */
function spliced(previous: ParsedTemplate, op: StepReplacement): ParsedTemplate {
  const earlier = pendingOf.get(previous);
  const waiting = earlier && !earlier.built() ? { base: earlier.base, ops: withReplacement(earlier.ops, op) } : { base: previous, ops: [op] };
  const steps = lazy(() => replay(waiting, (parsed) => parsed.steps, spanOfItem, shiftStep));
  const regions = lazy(() => replay(waiting, (parsed) => parsed.regions, ownSpan, shiftRegion));
  const requests = lazy(() => replay(waiting, (parsed) => parsed.requests, spanOfItem, shiftRequest));
  const flows = moveFlows(previous.flows, op);
  const parsed: ParsedTemplate = {
    kind: previous.kind,
    problems: previous.problems,
    flows,
    get steps() {
      return steps.get();
    },
    get regions() {
      return regions.get();
    },
    get requests() {
      return requests.get();
    },
  };
  pendingOf.set(parsed, { ...waiting, built: () => steps.done() && regions.done() && requests.done() });
  if (waiting.ops.length >= MAX_PENDING) void [parsed.steps, parsed.regions, parsed.requests];
  return parsed;
}
