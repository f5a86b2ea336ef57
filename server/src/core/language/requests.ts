// Finds the request or webhook step at a line, and the CodeLenses that send or preview each one, and send all of a
// file or of a flow.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { toRange } from '../base/positions';
import type { ParsedTemplate, TemplateRequest } from '../base/types';
import type { L10n } from '../base/l10n';
import { listRequests } from './request-list';

export const SEND_COMMAND = 'webhookTemplates.sendTestWebhook';
export const PREVIEW_COMMAND = 'webhookTemplates.previewWebhook';
export const SEND_ALL_COMMAND = 'webhookTemplates.sendAllWebhooks';

/** The request whose lines include `line` (the innermost, should steps ever nest). */
export function requestAtLine(document: TextDocument, parsed: ParsedTemplate, line: number): TemplateRequest | undefined {
  return parsed.requests.find((request) => {
    const range = toRange(document, request.span);
    return range.start.line <= line && line <= range.end.line;
  });
}

export function requestLenses(document: TextDocument, parsed: ParsedTemplate, l10n: L10n): CodeLens[] {
  return sendAllLenses(document, parsed, l10n).concat(parsed.requests.flatMap((request) => {
    const range = toRange(document, { start: request.nameSpan.start, end: request.nameSpan.start });
    const target = { uri: document.uri, line: range.start.line };
    return [
      { range, command: { title: l10n.t('Send test webhook'), command: SEND_COMMAND, arguments: [target] } },
      { range, command: { title: l10n.t('Preview'), command: PREVIEW_COMMAND, arguments: [target] } },
    ];
  }));
}

/**
 * "Send all webhooks" where there is more than one to send: at the top of a `.webhook` file, and on each flow of a
 * script file (a flow is what a person runs through; the command asks which flow when started elsewhere).
 */
function sendAllLenses(document: TextDocument, parsed: ParsedTemplate, l10n: L10n): CodeLens[] {
  const lens = (line: number, title: string, flow?: string): CodeLens => {
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    return { range, command: { title, command: SEND_ALL_COMMAND, arguments: [{ uri: document.uri, ...(flow === undefined ? {} : { flow }) }] } };
  };
  if (parsed.kind === 'webhook') return parsed.requests.length > 1 ? [lens(0, l10n.t('Send all webhooks ({0})', parsed.requests.length))] : [];
  return listRequests(document, parsed)
    .flows.filter((flow) => flow.requests > 1)
    .map((flow) => lens(flow.startLine, l10n.t('Send all webhooks of this flow ({0})', flow.requests), flow.key));
}
