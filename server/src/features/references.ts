// Find All References and rename: one-line adapters from LSP requests to the service's workspace features.
import { ResponseError } from 'vscode-languageserver';
import { fieldsAtCursor, indexedNow, workspaceTexts, type ServerContext } from '../context';
import { runSafeAsync } from '../run-safe';

export function registerReferences(context: ServerContext): void {
  const { connection, service } = context;
  const { l10n } = service;
  connection.onReferences((params, token) =>
    runSafeAsync(connection, 'references', [], token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      if (!document) return [];
      const fields = await fieldsAtCursor(context, document);
      await indexedNow(context);
      return context.files.settled(() => service.references(document, params.position, fields, workspaceTexts(context), params.context.includeDeclaration));
    }),
  );
  connection.onPrepareRename((params, token) =>
    runSafeAsync(connection, 'prepareRename', null, token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      const start = document && service.renameStart(document, params.position, await fieldsAtCursor(context, document));
      if (!start) return new ResponseError(0, l10n.t('Put the cursor on a placeholder or on a field of the fields file to rename it.'));
      return 'refusal' in start ? new ResponseError(0, start.refusal) : start;
    }),
  );
  connection.onRenameRequest((params, token) =>
    runSafeAsync(connection, 'rename', null, token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      if (!document) return new ResponseError(0, l10n.t('Nothing to rename here.'));
      const fields = await fieldsAtCursor(context, document);
      await indexedNow(context);
      const edits = await context.files.settled(() => service.renameEdits(document, params.position, params.newName, fields, workspaceTexts(context)));
      return 'refusal' in edits ? new ResponseError(0, edits.refusal) : edits;
    }),
  );
}
