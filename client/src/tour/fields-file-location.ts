// Where a workspace's fields file is: the one the setting names, the one a template's folder walks up to, or any in a folder.
import * as vscode from 'vscode';
import { resourceSetting } from '../config';
import { FIELDS_FILE_NAMES } from '../../../server/src/core';
import { FIELDS_FILE_GLOB } from '../document-selector';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function parentOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

/** The file `webhookTemplates.fieldsFile` names for a folder (absolute, or relative to it); undefined when the setting is empty. */
export function settingFieldsFile(folder: vscode.Uri): vscode.Uri | undefined {
  const setting = resourceSetting('fieldsFile', folder);
  if (!setting) return undefined;
  return /^([a-z]:[\\/]|[\\/])/i.test(setting) ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder, setting);
}

/** The root a template's fields file is searched up to, as the server does: its workspace folder, else its own folder. */
export function searchRootOf(template: vscode.Uri): vscode.Uri {
  return vscode.workspace.getWorkspaceFolder(template)?.uri ?? parentOf(template);
}

/** The nearest fields file from a template's folder up to its search root, as the server finds it; undefined when there is none. */
export async function nearestFieldsFile(template: vscode.Uri): Promise<vscode.Uri | undefined> {
  const root = searchRootOf(template).toString();
  for (let dir = parentOf(template); ; dir = parentOf(dir)) {
    for (const name of FIELDS_FILE_NAMES) {
      const candidate = vscode.Uri.joinPath(dir, name);
      if (await exists(candidate)) return candidate;
    }
    if (dir.toString() === root || parentOf(dir).toString() === dir.toString()) return undefined;
  }
}

/** The fields files of a folder, shallowest first (at most a few: the first is the one to open). */
async function fieldsFilesIn(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, FIELDS_FILE_GLOB), '**/node_modules/**', 20);
  const depth = (uri: vscode.Uri) => uri.path.split('/').length;
  return found.sort((a, b) => depth(a) - depth(b) || a.path.localeCompare(b.path));
}

/** The fields file of a folder: the setting's file when it exists, else the shallowest one in it. */
export async function fieldsFileOfFolder(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
  const fromSetting = settingFieldsFile(folder);
  if (fromSetting) return (await exists(fromSetting)) ? fromSetting : undefined;
  return (await fieldsFilesIn(folder))[0];
}

/** Where a fields file is created for a folder: its root, under the first name (as the server's quick fix does). */
export function newFieldsFileUri(folder: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(folder, FIELDS_FILE_NAMES[0]);
}

/** The fields file of the workspace when no editor says which folder: the first folder's (asking the server for its profiles). */
export async function workspaceFieldsFile(): Promise<vscode.Uri | undefined> {
  const [first] = vscode.workspace.workspaceFolders ?? [];
  return first && (await fieldsFileOfFolder(first.uri));
}
