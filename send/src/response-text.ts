// The text of the read-only response view: which request with which profile and when, what its receiver records,
// what was sent, the status, headers and the body (JSON pretty-printed).
import { applyEdits, format } from 'jsonc-parser';
import type { ExpandedRequest, L10n } from '../../server/src/core';
import { redact } from './curl';
import type { SendResult } from './http';
import { recordLines } from './record-text';

/**
 * A title (the request, its profile, when it was sent), what its receiver records, the request line, redirects, the
 * status line with time and size, headers, a blank line, the body and a note when it was cut. Secrets are hidden
 * everywhere, the body included, since a receiver may echo them back.
 */
export function formatResponse(result: SendResult, request: ExpandedRequest, l10n: L10n, sentAt?: string): string {
  const lines = [
    titleLine(request, l10n, sentAt),
    ...recordLines(request.record, l10n),
    ...(result.notes ?? []).map((note) => `# ${note}`),
    `${request.method.toUpperCase()} ${request.url}`,
    ...redirectLines(result, l10n),
    `HTTP ${result.status}${result.statusText ? ` ${result.statusText}` : ''} · ${result.timeMs} ms · ${sizeText(result.bytes)}`,
    ...result.headers.map(([name, value]) => `${name}: ${value}`),
    '',
    result.body === '' ? l10n.t('(empty body)') : prettyBody(result),
    ...truncationLines(result, l10n),
  ];
  return redact(lines.join('\n'), request.secrets) + '\n';
}

/**
 * The view of a send whose answer the browser may not show (the receiver's CORS policy): what was sent, and why there
 * is no answer, which says whether the receiver may have recorded it. Secrets are hidden.
 */
export function formatHiddenAnswer(request: ExpandedRequest, why: string, l10n: L10n, sentAt?: string): string {
  const lines = [titleLine(request, l10n, sentAt), ...recordLines(request.record, l10n), `${request.method.toUpperCase()} ${request.url}`, '', l10n.t('(No answer to show.)'), why];
  return redact(lines.join('\n'), request.secrets) + '\n';
}

/** `### Keitaro lead (profile lead) · 23:10:05`: what the view shows, with which values, from when. */
export function titleLine(request: Pick<ExpandedRequest, 'name' | 'profile'>, l10n: L10n, sentAt?: string): string {
  const profile = request.profile ? l10n.t('(profile {0})', request.profile) : l10n.t('(examples only)');
  return `### ${request.name} ${profile}${sentAt ? ` · ${sentAt}` : ''}`;
}

function redirectLines(result: SendResult, l10n: L10n): string[] {
  const count = result.redirects.length;
  if (count === 0) return [];
  const after = l10n.count('after {0} redirect|after {0} redirects', count);
  return [`→ ${after}: ${result.method} ${result.url}`];
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** JSON is re-indented by editing its text, so numbers beyond 2^53 and escapes stay exactly as received. */
function prettyBody(result: SendResult): string {
  if (result.truncated || !isJsonContainer(result.body)) return result.body;
  return applyEdits(result.body, format(result.body, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' }));
}

function isJsonContainer(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function truncationLines(result: SendResult, l10n: L10n): string[] {
  if (!result.truncated) return [];
  return ['', l10n.t('(Truncated: only the first {0} bytes of the body were received.)', result.bytes.toLocaleString('en-US'))];
}
