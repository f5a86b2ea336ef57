// The shape of an explained delivered webhook (made by explain/): the template it came from, each placeholder lined
// up with the value that arrived, what went wrong on the way, and what the receiver recorded.
import type { Severity } from './problems';
import type { ReceiverRecord } from './receiver-table';

/** What the host pastes: a request as Chatterfy's Logs → Webhooks or a tracker's log shows it, and its body apart. */
export interface DeliveredInput {
  /** A URL, or a request line (`POST https://…`, `GET /path HTTP/1.1` with a `Host:` header), headers and a body. */
  text: string;
  /** The body, when the host has it apart from the text (the CLI's `--body FILE`). */
  body?: string;
}

/** A request of the workspace that may have sent the delivered one, and how well it fits (0…1). */
export interface ExplainedTemplate {
  uri: string;
  /** The request's name: the `###` title or request line, a step's key. */
  request: string;
  /** The zero-based line of its URL. */
  line: number;
  method: string;
  /** The URL template as written. */
  url: string;
  score: number;
}

/** Where a placeholder stands in the request: the host, a path segment, a query parameter, a JSON body value. */
export type DeliveredPlace = 'host' | 'path' | 'query' | 'body';

/**
 * What arrived for a placeholder: a `value`; nothing (`empty`); the placeholder itself (`literal`, Chatterfy did not
 * replace it); no parameter at all (`missing`); or a value without the template's literal text around it (`unmatched`).
 */
export type ArrivalState = 'value' | 'empty' | 'literal' | 'missing' | 'unmatched';

export interface LinedUpPlaceholder {
  /** As written in the template, e.g. `{tracker.clickid}`. */
  placeholder: string;
  place: DeliveredPlace;
  /** The query parameter or JSON key path it stands in (`subid`, `user.chat_id`); the segment's number in a path. */
  parameter: string;
  state: ArrivalState;
  /** The value that arrived, decoded as the receiver reads it (for `value`, `literal` and `unmatched`). */
  value?: string;
}

export type ExplainFindingKind =
  | 'empty' // a placeholder arrived empty
  | 'literal' // a placeholder arrived as written
  | 'wrong-type' // a value the receiver cannot read as the number it expects
  | 'missing-required' // a parameter the receiver requires did not arrive
  | 'not-delivered' // a parameter of the template did not arrive
  | 'not-in-template' // a parameter arrived that the template does not have
  | 'value-differs' // a literal value differs from the template's
  | 'undecodable' // percent-encoding that does not decode
  | 'method-differs'
  | 'host-differs'
  | 'path-differs'
  | 'body-not-json';

export interface ExplainFinding {
  kind: ExplainFindingKind;
  severity: Severity;
  /** The checker's problem code when one applies (`unknown-key`, `receiver-wrong-type`…). */
  code?: string;
  /** Where in the request it is about, and the query parameter or JSON key path there. */
  place?: DeliveredPlace;
  parameter?: string;
  /** Said in the service's language. */
  message: string;
}

/** A delivered request explained against the workspace's templates. */
export interface Explanation {
  /** Why the text could not be read as a request (then nothing else is set); said in the service's language. */
  error?: string;
  delivered?: { method: string; url: string; body?: string };
  /** The template it most likely came from. */
  template?: ExplainedTemplate;
  /** Other templates that fit nearly or exactly as well, best first. */
  others: ExplainedTemplate[];
  /** True when another template fits exactly as well as the chosen one (then the first in workspace order is taken). */
  ambiguous: boolean;
  /** Why no template was chosen: none in the workspace, or none fits; said in the service's language. */
  noMatch?: string;
  /** The template's placeholders, each with what arrived for it, in template order. */
  placeholders: LinedUpPlaceholder[];
  findings: ExplainFinding[];
  /** What the URL's receiver recorded from the request as it arrived (a known receiver's only). */
  record?: ReceiverRecord;
  /** Something was lost on the way: a placeholder arrived empty or as written, a wrong type, a required parameter missing. */
  lost: boolean;
}
