// The server's questions about files (protocol.ts: stat, read, readDirectory), answered from the editor's file system:
// a browser's server has none of its own, and a virtual workspace's folders are not on disk. No `vscode` here, so
// tests answer them from a real folder with the same code.
import type { FileKind, FileReadAnswer, FileReadParams, FileStatParams, ReadDirectoryParams } from '../../../server/src/protocol';

/** The part of `vscode.workspace.fs` the answers use, with URIs as strings. */
export interface WorkspaceFileSystem {
  stat(uri: string): Promise<{ type: number; size: number }>;
  readFile(uri: string): Promise<Uint8Array>;
  readDirectory(uri: string): Promise<[string, number][]>;
}

/** `vscode.FileType`'s bits (a symbolic link adds 64 to what it points at). */
const FILE = 1;
const DIRECTORY = 2;

export interface FileRequestHandlers {
  stat(params: FileStatParams): Promise<(number | null)[]>;
  read(params: FileReadParams): Promise<(FileReadAnswer | null)[]>;
  readDirectory(params: ReadDirectoryParams): Promise<[string, FileKind][] | null>;
}

export function fileRequestHandlers(fs: WorkspaceFileSystem): FileRequestHandlers {
  const sizeOf = async (uri: string): Promise<number | null> => {
    try {
      const stat = await fs.stat(uri);
      return stat.type & FILE ? stat.size : null;
    } catch {
      return null;
    }
  };
  const readOne = async ({ uri, maxBytes }: { uri: string; maxBytes?: number }): Promise<FileReadAnswer | null> => {
    const size = await sizeOf(uri);
    if (size === null) return null;
    if (maxBytes !== undefined && size > maxBytes) return { size };
    try {
      const bytes = await fs.readFile(uri);
      // As Node.js reads 'utf8': a byte order mark stays in the text (U+FEFF), invalid bytes become U+FFFD.
      return { size: bytes.byteLength, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
    } catch {
      return null;
    }
  };
  return {
    stat: ({ uris }) => Promise.all(uris.map(sizeOf)),
    read: ({ files }) => Promise.all(files.map(readOne)),
    readDirectory: async ({ uri }) => {
      try {
        const entries = await fs.readDirectory(uri);
        return entries.flatMap(([name, type]): [string, FileKind][] => (type & DIRECTORY ? [[name, 'directory']] : type & FILE ? [[name, 'file']] : []));
      } catch {
        return null;
      }
    },
  };
}
