// Applies a template's suppression comments to its problems, and reports the suppressions that suppress nothing.
//
// A problem is suppressed by a `disable-next-line` comment on the line above the line it starts on, or by a
// `disable` comment anywhere in the file, when the comment names its code or names none. Suppressions are applied
// before severities: whether one is used does not depend on a person's setting. The two codes about suppressions
// cannot be suppressed by a comment (a severity can turn them off).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { didYouMean } from '../base/did-you-mean';
import { phrase, type L10n, type Phrase } from '../base/l10n';
import { HINTS, isProblemCode, ProblemCode, problemText } from '../base/problems';
import type { Span } from '../base/types';
import { DIAGNOSTIC_SOURCE, makeDiagnostic } from './diagnostics';
import type { SuppressedCode, SuppressionComment } from '../read/suppression-comments';

const UNSUPPRESSIBLE = new Set<string>([ProblemCode.SuppressionUnused, ProblemCode.SuppressionUnknownCode]);

/** Each comment's codes (or the comment itself, when it names none) that suppressed a problem. */
type Used = Set<SuppressedCode | SuppressionComment>;

function suppressor(comment: SuppressionComment, code: string, line: number): SuppressedCode | SuppressionComment | undefined {
  if (comment.inRequest || (comment.kind === 'next-line' && comment.line + 1 !== line)) return undefined;
  return comment.codes.length === 0 ? comment : comment.codes.find((named) => named.code === code);
}

function isSuppressed(diagnostic: Diagnostic, comments: readonly SuppressionComment[], used: Used): boolean {
  const code = String(diagnostic.code ?? '');
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || UNSUPPRESSIBLE.has(code)) return false;
  let suppressed = false;
  for (const comment of comments) {
    const by = suppressor(comment, code, diagnostic.range.start.line);
    if (!by) continue;
    used.add(by);
    suppressed = true;
  }
  return suppressed;
}

/** The problems the comments leave, followed by a report of each suppression that suppressed nothing. */
export function applySuppressions(document: TextDocument, diagnostics: readonly Diagnostic[], comments: readonly SuppressionComment[], l10n: L10n): Diagnostic[] {
  if (comments.length === 0) return [...diagnostics];
  const used: Used = new Set();
  const kept = diagnostics.filter((diagnostic) => !isSuppressed(diagnostic, comments, used));
  return kept.concat(comments.flatMap((comment) => reportsOf(document, comment, used, l10n)));
}

function reportsOf(document: TextDocument, comment: SuppressionComment, used: Used, l10n: L10n): Diagnostic[] {
  if (comment.inRequest) return [unused(document, comment.keyword, keywordOf(document, comment), phrase('this line is not a comment but part of the request or string it stands in, sent as written; put the suppression on a comment line (in a .webhook file, before the request line)'), l10n)];
  if (comment.codes.length === 0) return used.has(comment) ? [] : [unused(document, comment.keyword, keywordOf(document, comment), whereNothing(comment), l10n)];
  return comment.codes.flatMap((named) => {
    if (!isProblemCode(named.code)) return [unknownCode(document, named, l10n)];
    return used.has(named) ? [] : [unused(document, named.span, named.code, whereNothing(comment, named.code), l10n)];
  });
}

function keywordOf(document: TextDocument, comment: SuppressionComment): string {
  return document.getText().slice(comment.keyword.start, comment.keyword.end);
}

function whereNothing(comment: SuppressionComment, code?: string): Phrase {
  if (comment.kind === 'next-line') return code ? phrase('no "{0}" problem starts on the next line', code) : phrase('no problem starts on the next line');
  return code ? phrase('this file has no "{0}" problem', code) : phrase('this file has no problem');
}

function unused(document: TextDocument, span: Span, what: string, why: Phrase, l10n: L10n): Diagnostic {
  return makeDiagnostic(document, span, ProblemCode.SuppressionUnused, problemText(l10n, ProblemCode.SuppressionUnused, [what, why]));
}

function unknownCode(document: TextDocument, named: SuppressedCode, l10n: L10n): Diagnostic {
  const suggestion = didYouMean(named.code, Object.values(ProblemCode));
  const args = [named.code, suggestion ? phrase(HINTS.didYouMean, suggestion) : ''];
  return makeDiagnostic(document, named.span, ProblemCode.SuppressionUnknownCode, problemText(l10n, ProblemCode.SuppressionUnknownCode, args), suggestion ? { fix: suggestion } : undefined);
}
