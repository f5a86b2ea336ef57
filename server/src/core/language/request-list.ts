// Every request of a template in document order, each with the line it is named on and (script files) its flow: what
// "Send All Webhooks" sends, and the flows it lets the user choose among.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedTemplate, TemplateRequest } from '../base/types';
import { flowHolding, flowKeyOf } from './symbols';

/** A request of a file: the line its name stands on (what a send's target is) and, in a script file, its flow's key. */
export interface ListedRequest {
  request: TemplateRequest;
  line: number;
  flow?: string;
}

/** A flow of a script file that holds webhook steps. */
export interface RequestFlow {
  /** The flow's `key`, or `flow N` (as the outline names it) for a flow without one. */
  key: string;
  title?: string;
  /** The zero-based lines the flow spans, to find the flow at the cursor. */
  startLine: number;
  endLine: number;
  /** How many of the file's requests (webhook steps) it holds. */
  requests: number;
}

export interface RequestList {
  requests: ListedRequest[];
  /** Script files: the flows holding at least one request, in document order (none for `.webhook` files). */
  flows: RequestFlow[];
}

export function listRequests(document: TextDocument, parsed: ParsedTemplate): RequestList {
  const flows = parsed.flows ?? [];
  const counts = flows.map(() => 0);
  const requests = parsed.requests.map((request): ListedRequest => {
    const line = document.positionAt(request.nameSpan.start).line;
    const index = flows.length > 0 ? flowHolding(flows, request.span) : undefined;
    if (index === undefined) return { request, line };
    counts[index]++;
    return { request, line, flow: flowKeyOf(flows[index], index) };
  });
  const held = flows.flatMap((flow, index): RequestFlow[] =>
    counts[index] === 0
      ? []
      : [{ key: flowKeyOf(flow, index), title: flow.title, startLine: document.positionAt(flow.span.start).line, endLine: document.positionAt(flow.span.end).line, requests: counts[index] }],
  );
  return { requests, flows: held };
}
