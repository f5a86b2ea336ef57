// "Select Sample Profile": which profile of the fields file test webhooks take their values from.
import * as vscode from 'vscode';
import { ProfilesRequest } from '../../../server/src/protocol';
import { l10n } from '../l10n';
import { pickProfile } from './profile-picker';
import { runningClient } from './request-at-target';
import type { SendDeps } from './send-command';

export async function selectProfile(deps: SendDeps): Promise<void> {
  const client = runningClient(deps.handle());
  const uri = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const profiles = uri ? await client.sendRequest(ProfilesRequest, { uri: uri.toString() }) : [];
  if (profiles.length === 0) return void vscode.window.showInformationMessage(l10n.t('The fields file defines no profiles; examples and built-in samples are used.'));
  await pickProfile(profiles, deps.profiles, l10n.t('Sample profile for test webhooks'));
}
