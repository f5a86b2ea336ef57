// Reads a file that no editor has open into a TextDocument.
import { readFileSync, statSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isFileUri, uriToPath } from './file-uris';

let diskReads = 0;

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Disk reads get negative versions, so a parse cached for an editor's version of the file never answers for them.
 * A file larger than `maxBytes` is not read at all (undefined), so a huge file never sits in memory.
 */
export function readDocumentFromDisk(uri: string, maxBytes = Infinity): TextDocument | undefined {
  if (!isFileUri(uri)) return undefined;
  const path = uriToPath(uri);
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    return TextDocument.create(uri, 'plaintext', -++diskReads, readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The size of a file on disk in bytes, read without opening it; undefined when it is not a file. */
export function fileSize(uri: string): number | undefined {
  if (!isFileUri(uri)) return undefined;
  try {
    const stat = statSync(uriToPath(uri));
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}
