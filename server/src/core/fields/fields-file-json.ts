// Reads a JSON (with comments) fields file into the format-neutral tree, or its syntax errors.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { syntaxError, treeNode, type TreeNode, type TreeProperty, type TreeResult } from './fields-file-tree';
import { phrase, type Arg } from '../base/l10n';

/** Readable words for jsonc-parser's error codes (by `printParseErrorCode` name). */
export const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected symbol',
  InvalidNumberFormat: 'Invalid number format',
  PropertyNameExpected: 'Expected a property name',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected a colon',
  CommaExpected: 'Expected a comma',
  CloseBraceExpected: 'Expected a closing brace "}"',
  CloseBracketExpected: 'Expected a closing bracket "]"',
  EndOfFileExpected: 'Expected the end of the file',
  InvalidCommentToken: 'Invalid comment',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string',
};

export function readJsonTree(text: string): TreeResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const syntaxErrors = errors.map((error) => syntaxError(text, errorMessage(error), error.offset, error.length));
    return { root: undefined, syntaxErrors };
  }
  return { root: root && toTree(root), syntaxErrors: [] };
}

function errorMessage(error: ParseError): Arg {
  const name = printParseErrorCode(error.error);
  return name in ERROR_MESSAGES ? phrase(ERROR_MESSAGES[name]) : name.replace(/([a-z])([A-Z])/g, '$1 $2');
}

function toTree(node: Node): TreeNode {
  const span = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case 'object':
      return { ...treeNode('object', span), properties: (node.children ?? []).flatMap(toProperty) };
    case 'array':
      return { ...treeNode('array', span), items: (node.children ?? []).map(toTree) };
    case 'string':
      return treeNode('string', span, node.value as string, { start: span.start + 1, end: span.end - 1 });
    case 'number':
    case 'boolean':
    case 'null':
      return treeNode(node.type, span, node.value as number | boolean | null);
    default:
      return treeNode('other', span);
  }
}

/** parseTree keeps every property, duplicates included, so the model can report them. */
function toProperty(node: Node): TreeProperty[] {
  const [keyNode, valueNode] = node.children ?? [];
  if (!keyNode || !valueNode) return [];
  const keySpan = { start: keyNode.offset + 1, end: keyNode.offset + keyNode.length - 1 };
  const span = { start: node.offset, end: node.offset + node.length };
  return [{ key: String(keyNode.value), keySpan, span, value: toTree(valueNode) }];
}
