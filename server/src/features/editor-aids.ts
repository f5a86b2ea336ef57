// Inlay hints (the value each placeholder takes in the active profile), outline symbols, folding and links.
import { fieldsContextOf, type ServerContext } from '../context';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runSafe, runSafeAsync } from '../run-safe';

export function registerEditorAids(context: ServerContext): void {
  const { connection, service } = context;
  connection.languages.inlayHint.on((params, token) =>
    runSafeAsync(connection, 'inlayHint', [], token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      if (!document || !(await context.settings.forResource(document.uri)).inlayHints) return [];
      const fields = await fieldsContextOf(context, document.uri);
      return service.inlayHints(document, params.range, fields, fields.profile, process.env);
    }),
  );
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
