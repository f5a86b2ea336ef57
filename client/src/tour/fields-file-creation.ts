// Creates an empty fields file at a folder's root, never over an existing one, and opens it.
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { newFieldsFileUri } from './fields-file-location';
import { emptyFieldsFileText } from './starter-files';

/** Writes `webhook-fields.json` with empty sections at the folder's root ('wx': an existing file is an error, not overwritten). */
export async function createEmptyFieldsFile(folder: vscode.Uri): Promise<vscode.Uri> {
  const uri = newFieldsFileUri(folder);
  if (uri.scheme !== 'file') throw new Error(l10n.t('A fields file can only be created in a folder on disk.'));
  try {
    await writeFile(uri.fsPath, emptyFieldsFileText(), { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(l10n.t('{0} already exists; it was left as it is.', uri.fsPath));
    throw error;
  }
  return uri;
}
