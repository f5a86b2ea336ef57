// What stands in the way of a send, said once and short: placeholders without a value or empty (each named once,
// however often it stands), header values HTTP cannot carry (a line break) or that most receivers misread (non-ASCII).
import type { ExpandedRequest, ExpansionIssue, L10n } from '../../server/src/core';

/** How many placeholders a message names before it says how many more there are. */
const LISTED = 5;

/** Each placeholder once (the first reason given for it), in the order they stand. */
export function uniqueIssues(issues: readonly ExpansionIssue[]): ExpansionIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => !seen.has(issue.text) && seen.add(issue.text));
}

/** `{a} (why), {b} (why) and 3 more`: short enough for a message box. */
export function issueSummary(issues: readonly ExpansionIssue[], l10n: L10n, withReasons = true): string {
  const unique = uniqueIssues(issues);
  const named = unique.slice(0, LISTED).map((issue) => (withReasons ? `${issue.text} (${issue.reason})` : issue.text)).join(', ');
  const more = unique.length - LISTED;
  return more > 0 ? l10n.t('{0} and {1} more', named, more) : named;
}

export interface HeaderProblem {
  name: string;
  kind: 'line-break' | 'non-ascii';
  /** The value with control characters written out (`\r\n`), for the message. */
  shown: string;
}

const LINE_BREAK = /[\r\n]/;
const NON_ASCII = /[^\t\x20-\x7e]/;

/** A header value as a person can read it in a message: control characters escaped, long values cut. */
export function visibleValue(value: string, maxLength = 60): string {
  const escaped = value.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => {
    if (char === '\r') return '\\r';
    if (char === '\n') return '\\n';
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return escaped.length > maxLength ? `${escaped.slice(0, maxLength - 3)}…` : escaped;
}

/** Header values that cannot be sent (a line break) or reach most receivers garbled (non-ASCII bytes). */
export function headerProblems(request: ExpandedRequest): HeaderProblem[] {
  return request.headers.flatMap(([name, value]): HeaderProblem[] => {
    if (LINE_BREAK.test(value)) return [{ name, kind: 'line-break', shown: visibleValue(value) }];
    return NON_ASCII.test(value) ? [{ name, kind: 'non-ascii', shown: visibleValue(value) }] : [];
  });
}

/** The message for header problems of one kind, naming each header and its value. */
export function headerProblemText(problems: readonly HeaderProblem[], l10n: L10n): string {
  const list = problems.map((problem) => `${problem.name}: ${problem.shown}`).join('; ');
  return problems[0]?.kind === 'line-break'
    ? l10n.t('A header value holds a line break, which HTTP cannot send (nothing is stripped): {0}. Change the value in the profile.', list)
    : l10n.t('A header value holds characters outside ASCII, which most receivers read garbled: {0}.', list);
}
