// The expanded request a command works on: the server running, the profile chosen the way the user expects, the
// request or step at the target expanded with it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExpandRequest, ProfilesRequest, type ExpandResult, type RequestTarget } from '../../../server/src/protocol';
import type { ClientHandle } from '../client';
import { l10n } from '../l10n';
import type { ProfileState } from '../profile-state';

/** The profile a command goes on with (undefined: examples and built-in samples only), or the user's cancel. */
export type ProfileChoice = { profile: string | undefined } | 'cancelled';

/** The running language client, or an error that says why there is none. */
export function runningClient(handle: ClientHandle | undefined): LanguageClient {
  const client = handle?.client;
  if (!client?.isRunning()) throw new Error(l10n.t('The Webhook Templates language server is not running; see the log.'));
  return client;
}

/** The profile to use: the command's, else the active one if it still exists, else the only one, else ask. */
export async function chooseProfile(client: LanguageClient, target: RequestTarget, state: ProfileState): Promise<ProfileChoice> {
  if (target.profile !== undefined) return { profile: target.profile };
  const profiles = await client.sendRequest(ProfilesRequest, { uri: target.uri });
  if (state.active && profiles.includes(state.active)) return { profile: state.active };
  if (profiles.length <= 1 || target.confirm === false) return { profile: profiles[0] };
  const picked = await vscode.window.showQuickPick(profiles, { placeHolder: l10n.t('Sample profile for this webhook') });
  if (picked === undefined) return 'cancelled';
  await state.set(picked);
  return { profile: picked };
}

/** The expanded request at the target with the chosen profile; undefined when the user cancelled the choice. */
export async function requestAtTarget(client: LanguageClient, target: RequestTarget, state: ProfileState): Promise<ExpandResult | undefined> {
  const choice = await chooseProfile(client, target, state);
  if (choice === 'cancelled') return undefined;
  return client.sendRequest(ExpandRequest, { uri: target.uri, line: target.line, profile: choice.profile });
}
