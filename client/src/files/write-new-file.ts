// Writes a file that is not there yet through the editor's file system (any scheme: a browser's vscode-vfs:, a
// virtual workspace). The check and the write are two steps; on disk the Node.js host writes with 'wx' instead.
import * as vscode from 'vscode';
import { l10n } from '../l10n';

export async function writeNewFileThroughEditor(uri: vscode.Uri, text: string): Promise<void> {
  const there = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
  if (there) throw new FileExistsError(uri);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** The file a new file was to be written as is there already: nothing was written. */
export class FileExistsError extends Error {
  constructor(readonly uri: vscode.Uri) {
    super(l10n.t('{0} already exists; it was left as it is.', uri.scheme === 'file' ? uri.fsPath : uri.toString(true)));
  }
}

