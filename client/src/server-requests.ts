// The custom requests the commands make of the language server (protocol.ts), sent through the running client.
//
// They live with the client, in dist/extension.js: a request type is checked by identity against the JSON-RPC
// library that made it, so the on-demand part (another bundle, with no copy of that library) asks through these.
import type { DeliveredInput, Explanation, ProfileSummary } from '../../server/src/core';
import {
  ExpandAllRequest,
  ExpandRequest,
  ExplainDeliveredRequest,
  ImportProfilesRequest,
  ProfilesRequest,
  type ExpandAllParams,
  type ExpandAllResult,
  type ExpandParams,
  type ExpandResult,
  type ImportProfilesParams,
  type ImportProfilesResult,
  type ProfilesParams,
} from '../../server/src/protocol';
import type { ClientHandle } from './client';
import { l10n } from './l10n';

export interface ServerRequests {
  /** The request or webhook step at a line, expanded with a profile. */
  expand(params: ExpandParams): Promise<ExpandResult>;
  /** Every request of a file (or of one flow of a script), expanded with a profile. */
  expandAll(params: ExpandAllParams): Promise<ExpandAllResult>;
  /** The profiles of the fields file a template uses. */
  profiles(params: ProfilesParams): Promise<ProfileSummary[]>;
  /** A delivered request matched back to its template. */
  explainDelivered(params: DeliveredInput): Promise<Explanation>;
  /** What importing rows of a CSV as profiles writes into the fields file. */
  importProfiles(params: ImportProfilesParams): Promise<ImportProfilesResult>;
}

function notRunning(): Error {
  return new Error(l10n.t('The Webhook Templates language server is not running; see the log.'));
}

/**
 * The server's requests, each sent once the server is up (a command run while it still starts waits for it), or an
 * error that says why there is no server to ask.
 */
export function runningServer(handle: ClientHandle | undefined): ServerRequests {
  if (!handle) throw notRunning();
  const running = async () => {
    await handle.ready.catch(() => undefined);
    if (!handle.client.isRunning()) throw notRunning();
    return handle.client;
  };
  return {
    expand: async (params) => (await running()).sendRequest(ExpandRequest, params),
    expandAll: async (params) => (await running()).sendRequest(ExpandAllRequest, params),
    profiles: async (params) => (await running()).sendRequest(ProfilesRequest, params),
    explainDelivered: async (params) => (await running()).sendRequest(ExplainDeliveredRequest, params),
    importProfiles: async (params) => (await running()).sendRequest(ImportProfilesRequest, params),
  };
}
