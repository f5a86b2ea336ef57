// "Open Fields File": opens the workspace folder's fields file, or offers to create one at its root.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { createEmptyFieldsFile } from './fields-file-creation';
import { fieldsFileOfFolder, nearestFieldsFile } from './fields-file-location';
import { currentWorkspaceFolder, tourArgument } from './tour-arguments';
import type { TourDeps } from './tour-deps';

export interface FieldsFileOutcome {
  uri: vscode.Uri;
  created: boolean;
}

/** The fields file in force for the active template when it is in the folder, else the folder's own. */
async function fieldsFileFor(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const inFolder = active !== undefined && active.toString().startsWith(`${folder.toString()}/`);
  return (inFolder ? await nearestFieldsFile(active) : undefined) ?? (await fieldsFileOfFolder(folder));
}

async function offerToCreate(folder: vscode.Uri, create: boolean | undefined, interactive: boolean): Promise<boolean> {
  if (create !== undefined || !interactive) return create ?? false;
  const yes = l10n.t('Create webhook-fields.json');
  const name = vscode.workspace.getWorkspaceFolder(folder)?.name ?? folder.toString(true);
  const answer = await vscode.window.showInformationMessage(
    l10n.t('{0} has no fields file: templates are checked against the built-in keys only. Create one at its root?', name),
    yes,
  );
  return answer === yes;
}

async function offerStarter(interactive: boolean): Promise<undefined> {
  if (!interactive) return undefined;
  const starter = l10n.t('Create Starter Workspace');
  const answer = await vscode.window.showInformationMessage(l10n.t('Open a folder first, or create a starter workspace.'), starter);
  if (answer === starter) await vscode.commands.executeCommand('webhookTemplates.createStarterWorkspace');
  return undefined;
}

async function show(outcome: FieldsFileOutcome): Promise<FieldsFileOutcome> {
  await vscode.window.showTextDocument(outcome.uri, { preview: false });
  return outcome;
}

export async function openFieldsFile(argument: unknown, deps: TourDeps): Promise<FieldsFileOutcome | undefined> {
  const { folder: given, confirm, create } = tourArgument(argument);
  const interactive = confirm !== false;
  const folder = given ?? (await currentWorkspaceFolder(interactive))?.uri;
  if (!folder) return offerStarter(interactive);
  const found = await fieldsFileFor(folder);
  if (found) return show({ uri: found, created: false });
  if (!(await offerToCreate(folder, create, interactive))) return undefined;
  const uri = await createEmptyFieldsFile(folder, deps);
  deps.log.info(`Created ${uri.toString(true)}.`);
  return show({ uri, created: true });
}
