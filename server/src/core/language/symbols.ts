// Document symbols (outline, breadcrumbs): the requests of a `.webhook` file, the flows and steps of a script file.
//
// Kinds are chosen for the icon a reader recognises, not for a programming-language meaning:
// - a request, and a webhook step, is an Event (the lightning bolt): it fires a call at a receiver when the dialogue
//   reaches it, and a postback reports an event (a lead, a sale) to a tracker;
// - a flow is a Namespace: a named group holding the steps;
// - a message step is a String: it says a text to the user;
// - any other step (change_flow, change_tag, note, ...) is an Object: a step with fields of its own.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { toRange } from '../base/positions';
import type { ParsedTemplate, ScriptFlow, ScriptStep, Span, TemplateRequest } from '../base/types';

const DETAIL_LENGTH = 80;
const WEBHOOK_STEP_TYPES: readonly string[] = ['webhook', 'send_webhook'];
const MESSAGE_STEP_TYPE = 'message';

export function documentSymbols(document: TextDocument, parsed: ParsedTemplate): DocumentSymbol[] {
  if (parsed.kind === 'webhook') return parsed.requests.map((request) => requestSymbol(document, request));
  return scriptSymbols(document, parsed.flows ?? [], parsed.steps);
}

function requestSymbol(document: TextDocument, request: TemplateRequest): DocumentSymbol {
  return {
    name: request.name,
    detail: cut(`${request.method} ${request.url?.value ?? ''}`.trim()),
    kind: SymbolKind.Event,
    range: toRange(document, request.span),
    selectionRange: toRange(document, request.nameSpan),
  };
}

/** Flows with the steps inside their spans as children; steps outside every flow at the top. */
function scriptSymbols(document: TextDocument, flows: readonly ScriptFlow[], steps: readonly ScriptStep[]): DocumentSymbol[] {
  const children = flows.map((): ScriptStep[] => []);
  const loose: ScriptStep[] = [];
  for (const step of steps) {
    const index = flowHolding(flows, step.span);
    if (index === undefined) loose.push(step);
    else children[index].push(step);
  }
  const flowSymbols = flows.map((flow, index) => flowSymbol(document, flow, index, children[index].map((step, n) => stepSymbol(document, step, n))));
  return [...flowSymbols, ...loose.map((step, n) => stepSymbol(document, step, n))];
}

/** A flow's name as the outline shows it: its key, or `flow N` for a flow without one. */
export function flowKeyOf(flow: ScriptFlow, index: number): string {
  return flow.key || `flow ${index + 1}`;
}

/** The flow holding a span, by binary search: flows follow each other in document order without nesting. */
export function flowHolding(flows: readonly ScriptFlow[], span: Span): number | undefined {
  let low = 0;
  let high = flows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (flows[middle].span.start <= span.start) low = middle + 1;
    else high = middle;
  }
  return low > 0 && within(span, flows[low - 1].span) ? low - 1 : undefined;
}

function flowSymbol(document: TextDocument, flow: ScriptFlow, index: number, children: DocumentSymbol[]): DocumentSymbol {
  return {
    name: flowKeyOf(flow, index),
    ...(flow.title ? { detail: flow.title } : {}),
    kind: SymbolKind.Namespace,
    range: toRange(document, flow.span),
    selectionRange: toRange(document, selectionOf(flow.keySpan, flow.span)),
    children,
  };
}

/** The icon of a step: what it does (see the header). */
function stepKind(type: string | undefined): SymbolKind {
  if (type !== undefined && WEBHOOK_STEP_TYPES.includes(type)) return SymbolKind.Event;
  return type === MESSAGE_STEP_TYPE ? SymbolKind.String : SymbolKind.Object;
}

function stepSymbol(document: TextDocument, step: ScriptStep, index: number): DocumentSymbol {
  return {
    name: step.key || `step ${index + 1}`,
    ...(step.type ? { detail: step.type } : {}),
    kind: stepKind(step.type),
    range: toRange(document, step.span),
    selectionRange: toRange(document, selectionOf(step.keySpan, step.span)),
  };
}

/** The key when it lies inside the range (an editor rejects a selection outside it), else the range's start. */
function selectionOf(keySpan: Span | undefined, span: Span): Span {
  return keySpan && within(keySpan, span) ? keySpan : { start: span.start, end: span.start };
}

function within(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function cut(text: string): string {
  return text.length <= DETAIL_LENGTH ? text : `${text.slice(0, DETAIL_LENGTH - 1)}…`;
}
