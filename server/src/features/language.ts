// Completion, hover and go to definition: one-line adapters from LSP requests to the core service.
import { fieldsContextOf, type ServerContext } from '../context';
import { definitionHover, isFieldsFileName, type UsageCounts } from '../core';
import { runSafeAsync } from '../run-safe';

export const COMPLETION_TRIGGERS = ['{', '.', '<'];

/** Counts once the workspace is indexed, as Find All References waits for it: both then see every file. */
async function usageCounts(context: ServerContext, fieldsUri: string): Promise<UsageCounts> {
  await context.indexed();
  return context.index.countsFor(fieldsUri);
}

export function registerLanguageFeatures(context: ServerContext): void {
  const { connection, service } = context;
  connection.onCompletion((params, token) =>
    runSafeAsync(connection, 'completion', null, token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      return document ? service.doComplete(document, params.position, await fieldsContextOf(context, document.uri)) : null;
    }),
  );
  connection.onHover((params, token) =>
    runSafeAsync(connection, 'hover', null, token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      if (!document) return null;
      const fieldsModel = isFieldsFileName(document.uri) ? context.registry.load(document.uri)?.lastGood?.model : undefined;
      if (fieldsModel) return definitionHover(document, params.position, fieldsModel, await usageCounts(context, document.uri));
      return service.doHover(document, params.position, await fieldsContextOf(context, document.uri));
    }),
  );
  connection.onDefinition((params, token) =>
    runSafeAsync(connection, 'definition', [], token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      return document ? service.findDefinition(document, params.position, await fieldsContextOf(context, document.uri)) : [];
    }),
  );
}
