// The workspace folders the client gave us, and which one holds a file (compared as URIs, whatever their scheme).
import type { WorkspaceFolder } from 'vscode-languageserver';
import { isInside, relativeTo } from '../documents/uri-paths';

export class WorkspaceFolders {
  private folders: { uri: string; name: string }[] = [];

  set(folders: readonly WorkspaceFolder[] | null | undefined): void {
    this.folders = (folders ?? []).map((folder) => ({ uri: folder.uri, name: folder.name }));
  }

  add(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((folder) => folder.uri));
    const kept = this.folders.filter((folder) => !gone.has(folder.uri));
    this.set([...kept, ...added]);
  }

  all(): readonly { uri: string; name: string }[] {
    return this.folders;
  }

  /** The innermost folder containing the URI. */
  containing(uri: string): { uri: string; name: string } | undefined {
    const inside = this.folders.filter((folder) => isInside(uri, folder.uri));
    return inside.sort((a, b) => (relativeTo(a.uri, uri) ?? '').length - (relativeTo(b.uri, uri) ?? '').length)[0];
  }

  /**
   * Whether the URI names a file of the workspace's file systems: `file:`, or the scheme of a workspace folder (a
   * browser's `vscode-vfs:`), unlike an untitled editor.
   */
  isFile(uri: string): boolean {
    const scheme = uri.slice(0, uri.indexOf(':'));
    return scheme === 'file' || this.folders.some((folder) => folder.uri.startsWith(`${scheme}:`));
  }
}
