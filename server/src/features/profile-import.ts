// "Import Sample Profiles from CSV" on the server side: the fields file it writes into, and the plan and edit the
// extension shows and applies.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import { ImportProfilesRequest, type ImportProfilesParams, type ImportProfilesResult } from '../protocol';
import { runSafeAsync } from '../run-safe';
import { importTargetFor } from '../workspace/import-target';

export function registerProfileImport(context: ServerContext): void {
  const { connection, service } = context;
  const failed: ImportProfilesResult = { error: service.l10n.t('The server failed to read the CSV; see the log.') };
  connection.onRequest(ImportProfilesRequest, (params, token) => runSafeAsync(connection, 'importProfiles', failed, token, () => importProfiles(context, params)));
}

async function importProfiles(context: ServerContext, params: ImportProfilesParams): Promise<ImportProfilesResult> {
  const settings = await context.settings.forResource(params.uri);
  const found = await context.files.settled(() => importTargetFor(context.registry, params.uri, settings, context.service.l10n));
  if ('error' in found) return found;
  const { text, edit, ...plan } = context.service.planProfileImport(params.csv, found.target, params.options);
  const answer: ImportProfilesResult = { plan, fieldsUri: found.uri, fieldsFile: found.target.displayName, creates: found.creates, error: plan.error };
  if (!edit || text === undefined) return answer;
  const before = TextDocument.create(found.uri, 'plaintext', 0, found.target.text);
  return { ...answer, edit: { range: { start: before.positionAt(edit.start), end: before.positionAt(edit.end) }, newText: edit.text } };
}
