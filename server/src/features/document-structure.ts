// The shape of a template document: outline symbols (requests, flows, steps), folding ranges and links to hosts.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import { runSafe } from '../run-safe';

export function registerDocumentStructure(context: ServerContext): void {
  const { connection, service } = context;
  connection.onDocumentSymbol((params, token) =>
    runSafe(connection, 'documentSymbol', [], token, () => withDocument(params.textDocument.uri, service.documentSymbols)),
  );
  connection.onFoldingRanges((params, token) =>
    runSafe(connection, 'foldingRange', [], token, () => withDocument(params.textDocument.uri, service.foldingRanges)),
  );
  connection.onDocumentLinks((params, token) =>
    runSafe(connection, 'documentLink', [], token, () => withDocument(params.textDocument.uri, service.documentLinks)),
  );

  function withDocument<T>(uri: string, feature: (document: TextDocument) => T[]): T[] {
    const document = context.openDocument(uri);
    return document ? feature(document) : [];
  }
}
