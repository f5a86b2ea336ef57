// "Create Starter Workspace": a fields file and a template in an empty folder; it never writes over a file that exists.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { TourDeps } from './tour-deps';
import { STARTER_FILE_NAMES, STARTER_TEMPLATE_NAME, starterFiles } from './starter-files';
import { tourArgument } from './tour-arguments';

export interface StarterOutcome {
  /** The files written, in order; none when it refused. */
  created: vscode.Uri[];
  /** Why nothing was written. */
  refused?: string;
}

async function isEmptyFolder(folder: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder)).length === 0;
  } catch {
    return false;
  }
}

/** The folder to write into: the argument's, the only workspace folder when it is empty, else the one the user picks. */
async function targetFolder(argument: vscode.Uri | undefined, interactive: boolean): Promise<vscode.Uri | undefined> {
  if (argument) return argument;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1 && (await isEmptyFolder(folders[0].uri))) return folders[0].uri;
  if (!interactive) return undefined;
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    defaultUri: folders[0]?.uri,
    openLabel: l10n.t('Create Starter Here'),
    title: l10n.t('Choose an empty folder for the starter workspace'),
  });
  return picked?.[0];
}

async function existing(folder: vscode.Uri): Promise<string[]> {
  const found: string[] = [];
  for (const name of STARTER_FILE_NAMES) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, name));
      found.push(name);
    } catch {
      // Absent: the starter may write it.
    }
  }
  return found;
}

/** Writes each file only if it does not exist ('wx'): a file made meanwhile stops the starter instead of being replaced. */
async function writeNew(folder: vscode.Uri, port: number, deps: TourDeps): Promise<vscode.Uri[]> {
  const written: vscode.Uri[] = [];
  for (const file of starterFiles(l10n, port)) {
    const uri = vscode.Uri.joinPath(folder, file.name);
    await deps.writeNewFile(uri, file.text);
    written.push(uri);
  }
  return written;
}

async function openResult(folder: vscode.Uri): Promise<void> {
  if (vscode.workspace.getWorkspaceFolder(folder)) {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, STARTER_TEMPLATE_NAME), { preview: false });
    return;
  }
  const open = l10n.t('Open Folder');
  const answer = await vscode.window.showInformationMessage(l10n.t('Starter workspace created in {0}.', folder.fsPath), open);
  if (answer === open) await vscode.commands.executeCommand('vscode.openFolder', folder);
}

export async function createStarterWorkspace(argument: unknown, deps: TourDeps): Promise<StarterOutcome | undefined> {
  const { folder: given, confirm } = tourArgument(argument);
  const interactive = confirm !== false;
  // Its template sends to the local receiver, which a browser tab cannot run.
  if (!deps.receiver) throw new Error(l10n.t('The starter workspace needs VS Code on the desktop: its template sends to the local receiver, and a browser tab cannot listen for requests.'));
  const folder = await targetFolder(given, interactive);
  if (!folder) return interactive ? undefined : { created: [], refused: l10n.t('No folder given.') };
  if (folder.scheme !== 'file') throw new Error(l10n.t('The starter workspace can only be created in a folder on disk.'));
  const taken = await existing(folder);
  if (taken.length > 0) {
    const refused = l10n.t('Nothing was created: {0} already has {1}. The starter never writes over files; choose an empty folder.', folder.fsPath, taken.join(', '));
    if (interactive) void vscode.window.showWarningMessage(refused);
    return { created: [], refused };
  }
  const created = await writeNew(folder, await deps.receiver.reservePort(), deps);
  deps.log.info(`Starter workspace created in ${folder.fsPath}: ${created.map((uri) => uri.path.split('/').pop()).join(', ')}.`);
  if (interactive) await openResult(folder);
  return { created };
}
