// File URIs and paths: the one place they are converted, for every reader of documents on disk.
import { URI } from 'vscode-uri';

export function uriToPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

/** Whether the URI names a file on disk (`file:`), unlike an untitled editor or another scheme. */
export function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

export function pathToUri(path: string): string {
  return URI.file(path).toString();
}
