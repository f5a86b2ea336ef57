// What sending needs from the server: the expanded request at a line, every request of a file or flow expanded, the
// profiles, and the CodeLenses.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FieldsContext } from '../core';
import { currentDocument, fieldsContextOf, type ServerContext } from '../context';
import { ExpandAllRequest, ExpandRequest, ProfilesRequest, type ExpandAllParams, type ExpandAllResult, type ExpandParams, type ExpandResult } from '../protocol';
import { runSafeAsync } from '../run-safe';

export function registerSendSupport(context: ServerContext): void {
  const { connection, service } = context;
  const { l10n } = service;
  connection.onRequest(ExpandRequest, (params, token) =>
    runSafeAsync(connection, 'expand', { profiles: [], error: l10n.t('The server failed to expand the request; see the log.') }, token, () => expandAt(context, params)),
  );
  connection.onRequest(ExpandAllRequest, (params, token) =>
    runSafeAsync(connection, 'expandAll', { requests: [], flows: [], profiles: [], error: l10n.t('The server failed to expand the requests; see the log.') }, token, () => expandAll(context, params)),
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

interface Source {
  document: TextDocument;
  fields: FieldsContext;
  profiles: string[];
  fieldsFile?: string;
}

/** The document (open, else from disk) and its fields, with the profile checked; else what to answer instead. */
async function sourceOf(context: ServerContext, uri: string, profile: string | undefined): Promise<Source | { profiles: string[]; fieldsFile?: string; error: string }> {
  const { l10n } = context.service;
  const document = await currentDocument(context, uri);
  if (!document) return { profiles: [], error: l10n.t('Cannot read {0}.', uri) };
  const fields = await fieldsContextOf(context, uri);
  const profiles = context.service.profileNames(fields);
  const fieldsFile = fields.source?.displayName;
  if (profile !== undefined && !profiles.includes(profile)) {
    const known = profiles.length > 0 ? profiles.join(', ') : l10n.t('none');
    return { profiles, fieldsFile, error: l10n.t('There is no profile "{0}" in {1} (profiles: {2}).', profile, fieldsFile ?? l10n.t('the fields file'), known) };
  }
  return { document, fields, profiles, fieldsFile };
}

async function expandAt(context: ServerContext, params: ExpandParams): Promise<ExpandResult> {
  const source = await sourceOf(context, params.uri, params.profile);
  if ('error' in source) return source;
  const { document, fields, profiles, fieldsFile } = source;
  const request = context.service.expandedRequest(document, params.line, fields, params.profile, context.env);
  if (!request) return { profiles, fieldsFile, error: context.service.l10n.t('No request or webhook step at line {0} of {1}.', params.line + 1, params.uri) };
  return { request, profiles, fieldsFile };
}

async function expandAll(context: ServerContext, params: ExpandAllParams): Promise<ExpandAllResult> {
  const { l10n } = context.service;
  const source = await sourceOf(context, params.uri, params.profile);
  if ('error' in source) return { requests: [], flows: [], ...source };
  const { document, fields, profiles, fieldsFile } = source;
  const list = context.service.requestList(document);
  if (!list) return { requests: [], flows: [], profiles, fieldsFile, error: l10n.t('{0} is not a template: expected a .webhook or script file.', params.uri) };
  if (params.flow !== undefined && !list.flows.some((flow) => flow.key === params.flow)) {
    const known = list.flows.map((flow) => flow.key).join(', ') || l10n.t('none');
    return { requests: [], flows: list.flows, profiles, fieldsFile, error: l10n.t('No flow "{0}" with webhook steps in {1} (flows: {2}).', params.flow, params.uri, known) };
  }
  const requests = list.requests
    .filter((listed) => params.flow === undefined || listed.flow === params.flow)
    .map(({ request, line, flow }) => ({ line, ...(flow === undefined ? {} : { flow }), request: context.service.expandedRequestOf(request, fields, params.profile, context.env) }));
  return { requests, flows: list.flows, profiles, fieldsFile };
}
