// The neutral tree both script readers (YAML, JSON) produce, with the source spans the analysis needs.
import { ProblemCode } from '../base/problems';
import type { Span, StructureProblem } from '../base/types';
import type { Arg } from '../base/l10n';

/** A string value; `span` is its content in the source (inside quotes, after a block scalar's header). */
export interface ScriptString {
  kind: 'string';
  span: Span;
  value: string;
}

/** A number, boolean, null or alias: never template text. */
export interface ScriptOther {
  kind: 'other';
  span: Span;
  value: unknown;
}

export interface ScriptEntry {
  /** The key as text ('' for a key that is not a scalar). */
  key: string;
  keySpan: Span;
  value?: ScriptNode;
}

export interface ScriptMap {
  kind: 'map';
  span: Span;
  entries: ScriptEntry[];
}

export interface ScriptSeq {
  kind: 'seq';
  span: Span;
  items: ScriptNode[];
}

export type ScriptNode = ScriptMap | ScriptSeq | ScriptString | ScriptOther;

/** What a reader found: one root per document (YAML may hold several) and the syntax errors. */
export interface ScriptTree {
  roots: ScriptNode[];
  problems: StructureProblem[];
}

/** Deeper collections are read as opaque values, so walking the tree cannot exhaust the stack. */
export const MAX_DEPTH = 400;

/** Reports stop here: one broken bracket can make a parser report an error on every later line. */
export const MAX_PROBLEMS = 100;

export function syntaxProblem(text: string, start: number, end: number, message: Arg): StructureProblem {
  const clampedStart = Math.min(Math.max(start, 0), text.length);
  const clampedEnd = Math.min(Math.max(end, clampedStart), text.length);
  return { code: ProblemCode.ScriptSyntaxError, span: { start: clampedStart, end: clampedEnd }, args: [message] };
}

/** `end` moved back over trailing whitespace, not before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text[trimmed - 1])) trimmed--;
  return trimmed;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
