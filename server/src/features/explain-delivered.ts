// "Explain Delivered Webhook": the service explains a pasted request against the workspace's templates, which the
// server hands it with their fields: the open ones and every file the workspace scan indexed.
import { isTemplateKind, type Explanation, type WorkspaceTemplate } from '../core';
import { currentDocument, fieldsContextOf, indexedNow, type ServerContext } from '../context';
import { ExplainDeliveredRequest } from '../protocol';
import { runSafeAsync } from '../run-safe';

export function registerExplainDelivered(context: ServerContext): void {
  const { connection, service } = context;
  const failed: Explanation = { error: service.l10n.t('The server failed to explain the request; see the log.'), others: [], ambiguous: false, placeholders: [], findings: [], lost: false };
  connection.onRequest(ExplainDeliveredRequest, (params, token) =>
    runSafeAsync(connection, 'explainDelivered', failed, token, async () => {
      await indexedNow(context);
      const body = typeof params.body === 'string' ? params.body : undefined;
      return service.explainDelivered({ text: String(params.text ?? ''), body }, await workspaceTemplates(context));
    }),
  );
}

/** Every template of the workspace, open or on disk (within the size limit), in URI order, with its fields. */
async function workspaceTemplates(context: ServerContext): Promise<WorkspaceTemplate[]> {
  const uris = new Set([...context.documents.all().map((document) => document.uri), ...context.service.indexedFiles()]);
  const templates: WorkspaceTemplate[] = [];
  for (const uri of [...uris].sort()) {
    const document = await currentDocument(context, uri);
    if (document && isTemplateKind(context.service.kindOf(document))) templates.push({ document, fields: await fieldsContextOf(context, uri) });
  }
  return templates;
}
