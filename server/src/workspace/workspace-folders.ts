// The workspace folders the client gave us, and which one holds a file.
import type { WorkspaceFolder } from 'vscode-languageserver';
import { uriToPath } from '../documents/file-uris';

export class WorkspaceFolders {
  private folders: { uri: string; path: string; name: string }[] = [];

  set(folders: readonly WorkspaceFolder[] | null | undefined): void {
    this.folders = (folders ?? []).map((folder) => ({ uri: folder.uri, path: uriToPath(folder.uri), name: folder.name }));
  }

  add(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((folder) => folder.uri));
    const kept = this.folders.filter((folder) => !gone.has(folder.uri));
    this.set([...kept, ...added]);
  }

  all(): readonly { uri: string; path: string; name: string }[] {
    return this.folders;
  }

  /** The innermost folder containing the path. */
  containing(path: string): { uri: string; path: string; name: string } | undefined {
    const inside = this.folders.filter((folder) => path === folder.path || path.startsWith(folder.path.endsWith('/') || folder.path.endsWith('\\') ? folder.path : folder.path + sep(folder.path)));
    return inside.sort((a, b) => b.path.length - a.path.length)[0];
  }
}

function sep(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}
