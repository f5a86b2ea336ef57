// "Select Sample Profile": which profile of the fields file test webhooks take their values from.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { profileArgument, setKnownProfile } from '../tour/profile-argument';
import { workspaceFieldsFile } from '../tour/fields-file-location';
import { pickProfile } from './profile-picker';
import type { SendDeps } from '../command-deps';

/** Chooses the active profile; `{ profile }` (a test, a keybinding) sets it without asking when the fields file has it. */
export async function selectProfile(deps: SendDeps, argument?: unknown): Promise<void> {
  const server = deps.server();
  // Without a template in front (the walkthrough's button), the profiles of the workspace's fields file.
  const uri = vscode.window.activeTextEditor?.document.uri ?? (await workspaceFieldsFile());
  const profiles = uri ? await server.profiles({ uri: uri.toString() }) : [];
  const given = profileArgument(argument);
  if (given !== undefined) return setKnownProfile(deps, given, profiles.map((profile) => profile.name));
  if (profiles.length === 0) return void vscode.window.showInformationMessage(l10n.t('The fields file defines no profiles; examples and built-in samples are used.'));
  await pickProfile(profiles, deps.profiles, l10n.t('Sample profile for test webhooks'));
}
