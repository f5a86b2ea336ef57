// The file access of the language server under Node.js: `file:` URIs read from the disk, at once.
import type { ExcludeTest, FileAccess } from './file-access';
import { fileSize, readDocumentFromDisk } from './disk-documents';
import { pathToUri, uriToPath } from './file-uris';
import { findWorkspaceFiles } from './workspace-files';

export class DiskFiles implements FileAccess {
  exists(uri: string): boolean {
    return fileSize(uri) !== undefined;
  }

  size(uri: string): number | undefined {
    return fileSize(uri);
  }

  read(uri: string, maxBytes = Infinity) {
    return readDocumentFromDisk(uri, maxBytes);
  }

  async list(folderUri: string, scriptGlobs: readonly string[], excluded: ExcludeTest): Promise<string[]> {
    return findWorkspaceFiles(uriToPath(folderUri), scriptGlobs, excluded).map(pathToUri);
  }

  /** The disk answers every read at once: nothing is ever missed. */
  async settled<T>(compute: () => T): Promise<T> {
    return compute();
  }

  /** Nothing is kept: every read goes to the disk. */
  changed(): void {}

  onDidArrive(): void {}
}
