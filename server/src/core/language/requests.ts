// Finds the request or webhook step at a line, and the CodeLenses that send or preview each one.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { toRange } from '../base/positions';
import type { ParsedTemplate, TemplateRequest } from '../base/types';
import type { L10n } from '../base/l10n';

export const SEND_COMMAND = 'webhookTemplates.sendTestWebhook';
export const PREVIEW_COMMAND = 'webhookTemplates.previewWebhook';

/** The request whose lines include `line` (the innermost, should steps ever nest). */
export function requestAtLine(document: TextDocument, parsed: ParsedTemplate, line: number): TemplateRequest | undefined {
  return parsed.requests.find((request) => {
    const range = toRange(document, request.span);
    return range.start.line <= line && line <= range.end.line;
  });
}

export function requestLenses(document: TextDocument, parsed: ParsedTemplate, l10n: L10n): CodeLens[] {
  return parsed.requests.flatMap((request) => {
    const range = toRange(document, { start: request.nameSpan.start, end: request.nameSpan.start });
    const target = { uri: document.uri, line: range.start.line };
    return [
      { range, command: { title: l10n.t('Send test webhook'), command: SEND_COMMAND, arguments: [target] } },
      { range, command: { title: l10n.t('Preview'), command: PREVIEW_COMMAND, arguments: [target] } },
    ];
  });
}
