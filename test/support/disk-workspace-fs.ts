// A folder on disk as the editor's file system (`vscode.workspace.fs`'s shape, URIs as strings) for tests of what the
// extension answers the server. `scheme` names it as a browser would (vscode-vfs://…), so nothing may read it as a path.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import type { WorkspaceFileSystem } from '../../client/src/files/file-requests';

const FILE = 1;
const DIRECTORY = 2;
const SYMBOLIC_LINK = 64;

export interface MountedFolder {
  fs: WorkspaceFileSystem;
  /** The URI of a path under the folder (`''` for the folder itself). */
  uri(relative?: string): string;
}

/** `root` on disk seen as `scheme://authority/…` (the folder's own path kept, so relative paths match the disk's). */
export function mountFolder(root: string, scheme = 'vscode-test', authority = 'mount'): MountedFolder {
  const toPath = (uri: string) => {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== scheme) throw new Error(`not on ${scheme}: ${uri}`);
    return parsed.path;
  };
  const typeOf = async (path: string) => {
    const found = await stat(path);
    return found.isFile() ? FILE : found.isDirectory() ? DIRECTORY : 0;
  };
  const fs: WorkspaceFileSystem = {
    stat: async (uri) => {
      const found = await stat(toPath(uri));
      return { type: found.isFile() ? FILE : found.isDirectory() ? DIRECTORY : 0, size: found.size };
    },
    readFile: async (uri) => new Uint8Array(await readFile(toPath(uri))),
    readDirectory: async (uri) => {
      const dir = toPath(uri);
      const entries = await readdir(dir, { withFileTypes: true });
      return Promise.all(entries.map(async (entry): Promise<[string, number]> => {
        if (!entry.isSymbolicLink()) return [entry.name, entry.isFile() ? FILE : entry.isDirectory() ? DIRECTORY : 0];
        return [entry.name, (await typeOf(join(dir, entry.name)).catch(() => 0)) | SYMBOLIC_LINK];
      }));
    },
  };
  return { fs, uri: (relative = '') => URI.from({ scheme, authority, path: relative ? join(root, relative) : root }).toString() };
}
