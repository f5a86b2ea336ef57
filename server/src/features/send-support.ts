// What sending needs from the server: the expanded request at a line, the profiles, and a CodeLens per request.
import { currentDocument, fieldsContextOf, type ServerContext } from '../context';
import { ExpandRequest, ProfilesRequest, type ExpandParams, type ExpandResult } from '../protocol';
import { runSafeAsync } from '../run-safe';

export function registerSendSupport(context: ServerContext): void {
  const { connection, service } = context;
  const { l10n } = service;
  connection.onRequest(ExpandRequest, (params, token) =>
    runSafeAsync(connection, 'expand', { profiles: [], error: l10n.t('The server failed to expand the request; see the log.') }, token, () => expandAt(context, params)),
  );
  connection.onRequest(ProfilesRequest, (params, token) =>
    runSafeAsync(connection, 'profiles', [], token, async () => service.profileSummaries(await fieldsContextOf(context, params.uri))),
  );
  connection.onCodeLens((params, token) =>
    runSafeAsync(connection, 'codeLens', [], token, async () => {
      const document = context.openDocument(params.textDocument.uri);
      return document ? service.codeLenses(document) : [];
    }),
  );
}

async function expandAt(context: ServerContext, params: ExpandParams): Promise<ExpandResult> {
  const { l10n } = context.service;
  const document = await currentDocument(context, params.uri);
  if (!document) return { profiles: [], error: l10n.t('Cannot read {0}.', params.uri) };
  const fields = await fieldsContextOf(context, params.uri);
  const profiles = context.service.profileNames(fields);
  const fieldsFile = fields.source?.displayName;
  if (params.profile !== undefined && !profiles.includes(params.profile)) {
    const known = profiles.length > 0 ? profiles.join(', ') : l10n.t('none');
    return { profiles, fieldsFile, error: l10n.t('There is no profile "{0}" in {1} (profiles: {2}).', params.profile, fieldsFile ?? l10n.t('the fields file'), known) };
  }
  const request = context.service.expandedRequest(document, params.line, fields, params.profile, context.env);
  if (!request) return { profiles, fieldsFile, error: l10n.t('No request or webhook step at line {0} of {1}.', params.line + 1, params.uri) };
  return { request, profiles, fieldsFile };
}
