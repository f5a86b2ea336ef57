// The argument the tour's commands take from a test or a keybinding, and the workspace folder a command is about.
import * as vscode from 'vscode';
import { l10n } from '../l10n';

export interface TourArgument {
  /** The folder to act in (a Uri or a URI string). */
  folder?: vscode.Uri;
  /** false: ask nothing, answer with the outcome instead of messages. */
  confirm?: boolean;
  /** For "Open Fields File": create the file when there is none (true) or do nothing (false) instead of asking. */
  create?: boolean;
}

/** Reads `{ folder, confirm, create }`; anything else (a walkthrough's click passes nothing) gives an empty argument. */
export function tourArgument(argument: unknown): TourArgument {
  if (typeof argument !== 'object' || argument === null) return {};
  const { folder, confirm, create } = argument as Record<string, unknown>;
  return {
    folder: folder instanceof vscode.Uri ? folder : typeof folder === 'string' ? vscode.Uri.parse(folder) : undefined,
    confirm: typeof confirm === 'boolean' ? confirm : undefined,
    create: typeof create === 'boolean' ? create : undefined,
  };
}

/** The workspace folder a command is about: the active editor's, the only one, or the one the user picks. */
export async function currentWorkspaceFolder(interactive: boolean): Promise<vscode.WorkspaceFolder | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const ofActive = active && vscode.workspace.getWorkspaceFolder(active);
  if (ofActive) return ofActive;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1 || !interactive) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: l10n.t('Workspace folder') });
}
