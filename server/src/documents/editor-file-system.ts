// The editor's file system over the connection: the requests of protocol.ts, which the extension answers with
// `vscode.workspace.fs`.
import type { Connection } from 'vscode-languageserver';
import { FileReadRequest, FileStatRequest, ReadDirectoryRequest } from '../protocol';
import type { EditorFileSystem } from './client-files';

export function editorFileSystem(connection: Connection): EditorFileSystem {
  return {
    stat: (uris) => connection.sendRequest(FileStatRequest, { uris }),
    read: (files) => connection.sendRequest(FileReadRequest, { files }),
    readDirectory: (uri) => connection.sendRequest(ReadDirectoryRequest, { uri }),
  };
}
