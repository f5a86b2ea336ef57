// Quick fixes that suppress a problem: a `disable-next-line` comment above its line (its indentation kept), or a
// `disable` comment for the whole file where no comment can stand above the line.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../check/diagnostics';
import { rangesMeet } from './code-actions';
import type { L10n } from '../base/l10n';
import { isProblemCode, ProblemCode } from '../base/problems';
import type { ParsedTemplate } from '../base/types';
import { DISABLE_FILE, DISABLE_NEXT_LINE, type SuppressionComment } from '../read/suppression-comments';

/** A kind of its own under quick fixes, so a client (or a test) can tell a suppression from a correction. */
export const SUPPRESS_ACTION_KIND = `${CodeActionKind.QuickFix}.suppress`;

const NOT_SUPPRESSIBLE = new Set<string>([ProblemCode.SuppressionUnused, ProblemCode.SuppressionUnknownCode]);

/** The actions for each problem of ours in the range the editor asks about (none in JSON scripts: no comments). */
export function suppressionActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], parsed: ParsedTemplate, comments: readonly SuppressionComment[], l10n: L10n): CodeAction[] {
  if (parsed.kind === 'script-json') return [];
  return diagnostics.flatMap((diagnostic) => {
    const code = String(diagnostic.code ?? '');
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isProblemCode(code) || NOT_SUPPRESSIBLE.has(code) || !rangesMeet(diagnostic.range, range)) return [];
    const line = diagnostic.range.start.line;
    const forLine = commentMayStandAbove(document, parsed, line) ? [action(l10n.t('Disable {0} for this line', code), document, diagnostic, nextLineEdit(document, comments, line, code))] : [];
    return [...forLine, action(l10n.t('Disable {0} for this file', code), document, diagnostic, fileEdit(document, comments, code))];
  });
}

function action(title: string, document: TextDocument, diagnostic: Diagnostic, edit: TextEdit): CodeAction {
  return { title, kind: SUPPRESS_ACTION_KIND, diagnostics: [diagnostic], edit: { changes: { [document.uri]: [edit] } } };
}

/** The line's text and where its first non-blank character stands. */
function lineAt(document: TextDocument, line: number): { text: string; start: number; indent: string } {
  const start = document.offsetAt({ line, character: 0 });
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
  return { text, start, indent: /^[ \t]*/.exec(text)![0] };
}

/**
 * Whether a comment line put above `line` is read as a comment and leaves the template's text as it is: in a
 * `.webhook` file above a request line (or the first line); in a YAML script above a line that does not start inside
 * a string (a block scalar's lines are its text).
 */
function commentMayStandAbove(document: TextDocument, parsed: ParsedTemplate, line: number): boolean {
  const { start, indent } = lineAt(document, line);
  const first = start + indent.length;
  if (parsed.kind === 'webhook') return line === 0 || parsed.requests.some((request) => (request.methodSpan?.start ?? request.url?.span.start) === first);
  return !parsed.regions.some((region) => first >= region.start && first < region.end);
}

function lineBreakOf(document: TextDocument): string {
  return document.getText().includes('\r\n') ? '\r\n' : '\n';
}

/** Adds the code to the comment's list (before its reason), unless it is listed already. */
function addTo(document: TextDocument, comment: SuppressionComment, code: string): TextEdit {
  const at = document.positionAt(comment.codesSpan.start + document.getText().slice(comment.codesSpan.start, comment.codesSpan.end).trimEnd().length);
  return { range: { start: at, end: at }, newText: comment.codes.some((named) => named.code === code) ? '' : `, ${code}` };
}

function nextLineEdit(document: TextDocument, comments: readonly SuppressionComment[], line: number, code: string): TextEdit {
  const above = comments.find((comment) => comment.kind === 'next-line' && !comment.inRequest && comment.line === line - 1 && comment.codes.length > 0);
  if (above) return addTo(document, above, code);
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${lineAt(document, line).indent}# ${DISABLE_NEXT_LINE} ${code}${lineBreakOf(document)}` };
}

function fileEdit(document: TextDocument, comments: readonly SuppressionComment[], code: string): TextEdit {
  const existing = comments.find((comment) => comment.kind === 'file' && !comment.inRequest && comment.codes.length > 0);
  if (existing) return addTo(document, existing, code);
  const at = { line: 0, character: 0 };
  return { range: { start: at, end: at }, newText: `# ${DISABLE_FILE} ${code}${lineBreakOf(document)}` };
}
