// Which template a delivered request came from: every request of the workspace weighed by its host, its path, the
// names of its parameters (and JSON keys) and whether its values have the template's form.
//
// A placeholder in the template's host or path matches any text there. The names weigh as the share of names the
// two have in common (of all the names either has), so a request from an older version of a template (one parameter
// more or less) still finds it; the values tell apart templates that differ only in a literal (`status=lead` and
// `status=sale`). A template that shares neither host nor path is not taken, however its parameters look. Between
// templates that score alike, the one whose placeholders arrived verbatim (not replaced) is the one that sent it.
import type { DeliveredRequest } from './delivered';
import type { JsonLeaf } from './json-leaves';
import { fits } from './patterns';
import type { TemplateShape } from './template-shape';

export interface Fit {
  host: boolean;
  path: boolean;
  /** Names in common of all names, 0…1. */
  names: number;
  /** Of the names in common, the share whose values have the template's form, 0…1. */
  values: number;
  score: number;
  /**
   * How many of the template's placeholders arrived verbatim (`{tracker.clikid}` left as written): only this text
   * sends them, so among templates that score alike it tells which one sent the request.
   */
  verbatim: number;
}

const WEIGHTS = { host: 0.35, path: 0.25, names: 0.25, values: 0.15 };
/** The least score a template is taken with. */
export const LEAST_SCORE = 0.5;
/** Other templates this close to the best one are listed beside it. */
export const NEAR = 0.1;

export function fitOf(shape: TemplateShape, delivered: DeliveredRequest, leaves: Map<string, JsonLeaf> | undefined): Fit {
  const host = fits(shape.host, shape.hostIsOrigin ? delivered.origin : delivered.host);
  const path = shape.segments.length === delivered.segments.length && shape.segments.every((pattern, i) => fits(pattern, delivered.segments[i]));
  const template = templateValues(shape);
  const arrived = deliveredValues(delivered, leaves);
  const common = [...template.keys()].filter((name) => arrived.has(name));
  const union = new Set([...template.keys(), ...arrived.keys()]).size;
  const names = union === 0 ? 1 : common.length / union;
  const values = common.length === 0 ? 1 : common.filter((name) => template.get(name)!(arrived.get(name)!)).length / common.length;
  const score = WEIGHTS.host * Number(host) + WEIGHTS.path * Number(path) + WEIGHTS.names * names + WEIGHTS.values * values;
  const verbatim = shape.slots.filter((slot) => slot.analysis && [...arrived.values()].some((value) => value.includes(slot.placeholder.raw))).length;
  return { host, path, names, values, score: Math.round(score * 1000) / 1000, verbatim };
}

/** Best first: the higher score, then more placeholders that arrived verbatim. */
export function byFit(a: Fit, b: Fit): number {
  return b.score - a.score || b.verbatim - a.verbatim;
}

/** Whether a template with this fit is taken at all. */
export function isTaken(fit: Fit): boolean {
  return fit.score >= LEAST_SCORE && (fit.host || fit.path);
}

/** Each name (`subid`, `body:chat_id`) and a test of the value that arrived for it. */
function templateValues(shape: TemplateShape): Map<string, (value: string) => boolean> {
  const tests = new Map<string, (value: string) => boolean>();
  for (const [name, parameter] of shape.parameters) tests.set(name, (value) => fits(parameter.pattern, value));
  for (const [path, leaf] of shape.body ?? []) tests.set(`body:${path}`, (value) => fits(leaf.pattern, value));
  return tests;
}

function deliveredValues(delivered: DeliveredRequest, leaves: Map<string, JsonLeaf> | undefined): Map<string, string> {
  const values = new Map<string, string>();
  for (const pair of delivered.pairs) if (!values.has(pair.name)) values.set(pair.name, pair.value);
  for (const [path, leaf] of leaves ?? []) values.set(`body:${path}`, leaf.text);
  return values;
}
