// Inlay hints: the value each placeholder takes in the active profile, when the setting shows them, as long as it allows.
import { fieldsContextOf, type ServerContext } from '../context';
import { runSafeAsync } from '../run-safe';

export function registerInlayHints(context: ServerContext): void {
  const { connection, service } = context;
  connection.languages.inlayHint.on((params, token) =>
    runSafeAsync(connection, 'inlayHint', [], token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      const settings = document && (await context.settings.forResource(document.uri));
      if (!document || !settings?.inlayHints) return [];
      const fields = await fieldsContextOf(context, document.uri);
      return service.inlayHints(document, params.range, fields, fields.profile, context.env, { maxLength: settings.inlayHintsMaxLength });
    }),
  );
}
