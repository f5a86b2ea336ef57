// Folding ranges of a `.webhook` file: each request, and the objects and arrays of a JSON body.
//
// Script files get none: the editor's own YAML and JSON folding already covers them.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { ParsedTemplate, TemplatePart, TemplateRequest } from '../base/types';

export function foldingRanges(document: TextDocument, parsed: ParsedTemplate): FoldingRange[] {
  if (parsed.kind !== 'webhook') return [];
  return parsed.requests.flatMap((request) => [
    ...requestRange(document, request),
    ...(request.body ? bodyRanges(document, request.body) : []),
  ]);
}

/** From the request's first non-blank line to its last content line. */
function requestRange(document: TextDocument, request: TemplateRequest): FoldingRange[] {
  const text = document.getText().slice(request.span.start, request.span.end);
  const leading = text.length - text.trimStart().length;
  const startLine = document.positionAt(request.span.start + leading).line;
  const endLine = document.positionAt(request.span.end).line;
  return endLine > startLine ? [{ startLine, endLine }] : [];
}

/** One range per bracket pair spanning lines, ending before the closing line so `}` stays in sight (as VS Code's JSON does). */
function bodyRanges(document: TextDocument, body: TemplatePart): FoldingRange[] {
  const trimmed = body.value.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return [];
  const lineAt = (offset: number) => document.positionAt(body.span.start + offset).line;
  const ranges = new Map<number, FoldingRange>();
  for (const pair of bracketPairs(body.value)) {
    const startLine = lineAt(pair.open);
    const endLine = lineAt(pair.close) - 1;
    // Brackets opened on one line (`[{`) fold once, as the outer pair (which closes last).
    if (endLine > startLine) ranges.set(startLine, { startLine, endLine });
  }
  return [...ranges.values()].sort((a, b) => a.startLine - b.startLine);
}

/** Offsets of matching `{}` and `[]` outside strings, in closing order; unmatched ones are left out. */
function bracketPairs(json: string): { open: number; close: number }[] {
  const scanner = createScanner(json, true);
  const opened: number[] = [];
  const pairs: { open: number; close: number }[] = [];
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) opened.push(scanner.getTokenOffset());
    const open = token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken ? opened.pop() : undefined;
    if (open !== undefined) pairs.push({ open, close: scanner.getTokenOffset() });
  }
  return pairs;
}
