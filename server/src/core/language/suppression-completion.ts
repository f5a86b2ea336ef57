// Completion of problem codes in a suppression comment, after its keyword: each code with its summary and its section.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import type { L10n } from '../base/l10n';
import { textBetween } from '../base/text-window';
import { ProblemCode, problemDocsUrl, problemSummary } from '../base/problems';
import type { SuppressionComment } from '../read/suppression-comments';

/** The codes to complete where the cursor stands in a suppression comment's list of codes; undefined elsewhere. */
export function suppressionCompletions(document: TextDocument, position: Position, comments: readonly SuppressionComment[], l10n: L10n): CompletionList | undefined {
  const offset = document.offsetAt(position);
  const comment = comments.find((candidate) => !candidate.inRequest && candidate.line === position.line && offset > candidate.keyword.end && offset <= candidate.codesSpan.end);
  if (!comment || !/[ \t]/.test(textBetween(document, comment.keyword.end, comment.keyword.end + 1))) return undefined;
  const typed = comment.codes.find((named) => offset >= named.span.start && offset <= named.span.end);
  const range = typed ? { start: document.positionAt(typed.span.start), end: document.positionAt(typed.span.end) } : { start: position, end: position };
  const listed = new Set(comment.codes.filter((named) => named !== typed).map((named) => named.code));
  const items = Object.values(ProblemCode)
    .filter((code) => !listed.has(code))
    .map((code): CompletionItem => ({
      label: code,
      kind: CompletionItemKind.EnumMember,
      detail: problemSummary(l10n, code),
      documentation: { kind: MarkupKind.Markdown, value: `[${l10n.t('What it means, with a wrong and a right example')}](${problemDocsUrl(code)})` },
      textEdit: { range, newText: code },
    }));
  return { isIncomplete: false, items };
}
