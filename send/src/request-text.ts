// The text of "Preview Expanded Webhook": the request as it would be sent, and what stops or worries the send.
import type { ExpandedRequest, ExpansionIssue, L10n } from '../../server/src/core';
import { redact } from './curl';
import { contentTypeFor } from './outgoing';
import { recordLines } from './record-text';
import { titleLine } from './response-text';
import { visibleValue } from './send-checks';

function issueLines(title: string, issues: readonly ExpansionIssue[]): string[] {
  return issues.length === 0 ? [] : [`# ${title}:`, ...issues.map((issue) => `#   ${issue.text}: ${issue.reason}`)];
}

export interface PreviewOptions {
  /** Say what the URL's receiver records (the editor's preview always does; the CLI with `--explain`). */
  explain?: boolean;
}

/** Secrets are shown as `***` here too: a preview is easily screenshotted or pasted. */
export function formatExpandedRequest(request: ExpandedRequest, l10n: L10n, options: PreviewOptions = { explain: true }): string {
  // The Content-Type the send would add is shown, since the receiver sees it.
  const contentType = contentTypeFor(request);
  const headers: [string, string][] = contentType ? [...request.headers, ['Content-Type', contentType]] : request.headers;
  const lines = [
    titleLine(request, l10n),
    ...issueLines(l10n.t('Not sendable, unresolved placeholders'), request.unresolved),
    ...issueLines(l10n.t('Empty values (the receiver gets empty text)'), request.empty),
    ...(options.explain ? recordLines(request.record, l10n) : []),
    `${request.method} ${request.url}`,
    // A control character is written out: a line break in a value must not draw as a header line of its own.
    ...headers.map(([name, value]) => `${name}: ${visibleValue(value, Infinity)}`),
    ...(request.body === undefined ? [] : ['', request.body]),
  ];
  return redact(lines.join('\n'), request.secrets) + '\n';
}
