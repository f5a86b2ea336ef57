// Creates an empty fields file at a folder's root, never over an existing one, and opens it.
import * as vscode from 'vscode';
import { newFieldsFileUri } from './fields-file-location';
import { emptyFieldsFileText } from './starter-files';
import type { TourDeps } from './tour-deps';

/** Writes `webhook-fields.json` with empty sections at the folder's root (an existing file is an error, not overwritten). */
export async function createEmptyFieldsFile(folder: vscode.Uri, deps: TourDeps): Promise<vscode.Uri> {
  const uri = newFieldsFileUri(folder);
  await deps.writeNewFile(uri, emptyFieldsFileText());
  return uri;
}
