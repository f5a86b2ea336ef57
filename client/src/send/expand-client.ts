// Asks the server for the expanded request at a target, choosing the profile the way the user expects.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExpandRequest, ProfilesRequest, type ExpandResult, type RequestTarget } from '../../../server/src/protocol';
import type { ProfileState } from '../profile-state';
import { l10n } from '../l10n';

/** The profile to use: the command's, else the active one if it still exists, else the only one, else ask. */
export async function chooseProfile(client: LanguageClient, target: RequestTarget, state: ProfileState): Promise<string | undefined | null> {
  if (target.profile !== undefined) return target.profile;
  const profiles = await client.sendRequest(ProfilesRequest, { uri: target.uri });
  if (state.active && profiles.includes(state.active)) return state.active;
  if (profiles.length <= 1 || target.confirm === false) return profiles[0];
  const picked = await vscode.window.showQuickPick(profiles, { placeHolder: l10n.t('Sample profile for this webhook') });
  if (picked === undefined) return null;
  await state.set(picked);
  return picked;
}

export async function expandTarget(client: LanguageClient, target: RequestTarget, profile: string | undefined): Promise<ExpandResult> {
  return client.sendRequest(ExpandRequest, { uri: target.uri, line: target.line, profile });
}
