// Hover on a request line (the method, or the URL outside its placeholders): the request line exactly as it is sent.
//
// The facade expands the request with the active profile, secrets from `${env:…}` written `***`, and puts what a known
// receiver records and its parameter table after this (receivers/ sits above the rest of the core).
import type { ExpandedRequest, ExpansionIssue, ParsedTemplate, Span, TemplateRequest } from '../base/types';
import type { L10n } from '../base/l10n';
import { codeBlock, codeSpan } from '../base/markdown';

/** The request whose request line holds the offset: the method or URL of a `.webhook` request, a script step's `url:` value. */
export function requestLineAt(parsed: ParsedTemplate, offset: number): { request: TemplateRequest; span: Span } | undefined {
  for (const request of parsed.requests) {
    const url = request.url;
    if (!url || request.span.end < offset) continue;
    if (request.span.start > offset) return undefined;
    const start = parsed.kind === 'webhook' ? (request.methodSpan?.start ?? url.span.start) : url.span.start;
    if (start <= offset && offset <= url.span.end) return { request, span: { start, end: url.span.end } };
  }
  return undefined;
}

/** `**Sent as** (profile "lead")`, the method and URL in a code block, and what keeps it from being sent as it should. */
export function sentRequestMarkdown(sent: ExpandedRequest, l10n: L10n): string {
  const profile = sent.profile ? l10n.t('profile "{0}"', sent.profile) : l10n.t('no profile: examples and built-in samples');
  const parts = [`${l10n.t('**Sent as** ({0})', profile)}`, codeBlock(`${sent.method} ${sent.url}`)];
  if (sent.secrets.length) parts.push(l10n.t('Values read from environment variables are shown as `***`.'));
  parts.push(...issueLines(l10n.t('Not sendable, unresolved placeholders'), sent.unresolved), ...issueLines(l10n.t('Empty values (the receiver gets empty text)'), sent.empty));
  return parts.join('\n\n');
}

function issueLines(title: string, issues: readonly ExpansionIssue[]): string[] {
  return issues.length === 0 ? [] : [`${title}:\n${issues.map((issue) => `- ${codeSpan(issue.text)}: ${issue.reason}`).join('\n')}`];
}
