// Quick fixes for the diagnostics the client sends back with a code-action request.
import { CodeActionKind } from 'vscode-languageserver';
import { fieldsContextOf, type ServerContext } from '../context';
import { runSafeAsync } from '../run-safe';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix];

export function registerCodeActions(context: ServerContext): void {
  const { connection, service } = context;
  connection.onCodeAction((params, token) =>
    runSafeAsync(connection, 'codeAction', [], token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      if (!document) return [];
      return service.codeActions(document, params.range, params.context.diagnostics, await fieldsContextOf(context, document.uri));
    }),
  );
}
