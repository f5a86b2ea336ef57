// Reads a JSON script file into the neutral script tree, keeping each string's content span.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Span } from '../base/types';
import {
  MAX_DEPTH, MAX_PROBLEMS, errorText, syntaxProblem,
  type ScriptEntry, type ScriptNode, type ScriptTree,
} from './script-file-tree';
import { phrase } from '../base/l10n';
import { visitJsonTree } from './script-file-json-visit';

/** English templates, translated where the problem is made. */
export const MESSAGES: Record<ReturnType<typeof printParseErrorCode>, string> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number format',
  PropertyNameExpected: 'Property name expected',
  ValueExpected: 'Value expected',
  ColonExpected: 'Colon expected',
  CommaExpected: 'Comma expected',
  CloseBraceExpected: 'Closing brace "}" expected',
  CloseBracketExpected: 'Closing bracket "]" expected',
  EndOfFileExpected: 'End of file expected',
  InvalidCommentToken: 'Comments are not allowed',
  UnexpectedEndOfComment: 'Unexpected end of comment',
  UnexpectedEndOfString: 'Unexpected end of string: a closing quote is missing',
  UnexpectedEndOfNumber: 'Unexpected end of number',
  InvalidUnicode: 'Invalid unicode sequence in string',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string',
  '<unknown ParseErrorCode>': 'Syntax error',
};

/**
 * Comments and trailing commas are read without complaint, as VS Code's own JSON support reports those.
 * Error-free text is read from the visitor's events; text with errors by `parseTree`, whose error list is reported.
 */
export function readJsonTree(text: string): ScriptTree {
  const errors: ParseError[] = [];
  try {
    const read = visitJsonTree(text);
    if (read) return { roots: [read.root], problems: [] };
    const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    // A file with no value yet (new, or comments only) is empty, not broken.
    const reported = root ? errors : errors.filter((error) => printParseErrorCode(error.error) !== 'ValueExpected');
    const problems = reported.slice(0, MAX_PROBLEMS).map((error) =>
      syntaxProblem(text, error.offset, error.offset + error.length, phrase(MESSAGES[printParseErrorCode(error.error)])));
    return { roots: root ? [toScriptNode(root, text, 0)] : [], problems };
  } catch (error) {
    // jsonc-parser recurses per nesting level: thousands of `[` exhaust the stack.
    const message = error instanceof RangeError ? phrase('The document is nested too deeply to read') : errorText(error);
    return { roots: [], problems: [syntaxProblem(text, 0, 0, message)] };
  }
}

function toScriptNode(node: Node, text: string, depth: number): ScriptNode {
  const span = { start: node.offset, end: node.offset + node.length };
  const children = node.children ?? [];
  if (depth >= MAX_DEPTH) return { kind: 'other', span, value: undefined };
  switch (node.type) {
    case 'object':
      return { kind: 'map', span, entries: children.map((property) => toEntry(property, text, depth)) };
    case 'array':
      return { kind: 'seq', span, items: children.map((item) => toScriptNode(item, text, depth + 1)) };
    case 'string':
      return { kind: 'string', span: insideQuotes(node, text), value: String(node.value) };
    default:
      return { kind: 'other', span, value: node.value };
  }
}

function toEntry(property: Node, text: string, depth: number): ScriptEntry {
  const [key, value] = property.children ?? [];
  return {
    key: key ? String(key.value) : '',
    keySpan: key ? insideQuotes(key, text) : { start: property.offset, end: property.offset },
    value: value ? toScriptNode(value, text, depth + 1) : undefined,
  };
}

/** An unterminated string (already a syntax error) has no closing quote to leave out. */
function insideQuotes(node: Node, text: string): Span {
  const end = node.offset + node.length;
  return { start: Math.min(node.offset + 1, end), end: isClosed(text, node.offset, end) ? end - 1 : end };
}

/** True when the string ends in a quote that no backslash escapes. */
function isClosed(text: string, start: number, end: number): boolean {
  if (end - start < 2 || text[end - 1] !== '"') return false;
  let backslashes = 0;
  while (end - 2 - backslashes > start && text[end - 2 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 0;
}
