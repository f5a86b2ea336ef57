// Completion, hover and go to definition: one-line adapters from LSP requests to the core service.
import { fieldsAtCursor, fieldsContextOf, indexedNow, type ServerContext } from '../context';
import { isFieldsFileName } from '../core';
import { runSafeAsync } from '../run-safe';

/**
 * `{`, `.`, `<` open a placeholder or a namespace; a space after `GET`, `POST` or `url:` and an opening quote of a
 * script's url start a URL, where receiver snippets are offered (VS Code never sends a line break as a trigger).
 */
export const COMPLETION_TRIGGERS = ['{', '.', '<', ' ', '"', "'"];

export function registerLanguageFeatures(context: ServerContext): void {
  const { connection, service } = context;
  connection.onCompletion((params, token) =>
    runSafeAsync(connection, 'completion', null, token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      if (!document) return null;
      return service.completions(document, params.position, await fieldsContextOf(context, document.uri), params.context?.triggerCharacter);
    }),
  );
  connection.onHover((params, token) =>
    runSafeAsync(connection, 'hover', null, token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      if (!document) return null;
      // The fields file's hover counts uses, as Find All References lists them: both wait for every file.
      if (isFieldsFileName(document.uri)) await indexedNow(context);
      // A request line's hover shows it as sent: `${env:…}` values are read (and shown as ***) as the send would.
      return service.hover(document, params.position, await fieldsAtCursor(context, document), context.env);
    }),
  );
  connection.onDefinition((params, token) =>
    runSafeAsync(connection, 'definition', [], token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      return document ? service.definitions(document, params.position, await fieldsContextOf(context, document.uri)) : [];
    }),
  );
}
