// The file access of the Node.js server: `file:` URIs from the disk, every other scheme (a virtual workspace's
// `vscode-vfs:`) from the editor, as the browser's server reads all of them.
import type { ExcludeTest, FileAccess } from './file-access';

export class FilesByScheme implements FileAccess {
  constructor(
    private readonly disk: FileAccess,
    private readonly editor: FileAccess,
  ) {}

  private of(uri: string): FileAccess {
    return uri.startsWith('file:') ? this.disk : this.editor;
  }

  exists(uri: string): boolean {
    return this.of(uri).exists(uri);
  }

  size(uri: string): number | undefined {
    return this.of(uri).size(uri);
  }

  read(uri: string, maxBytes?: number) {
    return this.of(uri).read(uri, maxBytes);
  }

  list(folderUri: string, scriptGlobs: readonly string[], excluded: ExcludeTest): Promise<string[]> {
    return this.of(folderUri).list(folderUri, scriptGlobs, excluded);
  }

  /** The disk never misses: only the editor's files are waited for. */
  settled<T>(compute: () => T): Promise<T> {
    return this.editor.settled(compute);
  }

  changed(uris: readonly string[]): void {
    this.disk.changed(uris);
    this.editor.changed(uris);
  }

  onDidArrive(listener: (uris: readonly string[]) => void): void {
    this.editor.onDidArrive(listener);
  }
}
