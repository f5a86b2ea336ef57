// Answers the server's questions about files with `vscode.workspace.fs`: in a browser the server has no file system,
// and a virtual workspace's folders are not on disk (file-requests.ts holds the answers, without `vscode`).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FileReadRequest, FileStatRequest, ReadDirectoryRequest } from '../../../server/src/protocol';
import { fileRequestHandlers } from './file-requests';

export function answerFileRequests(client: BaseLanguageClient): void {
  const parse = (uri: string) => vscode.Uri.parse(uri, true);
  const handlers = fileRequestHandlers({
    stat: (uri) => Promise.resolve(vscode.workspace.fs.stat(parse(uri))),
    readFile: (uri) => Promise.resolve(vscode.workspace.fs.readFile(parse(uri))),
    readDirectory: (uri) => Promise.resolve(vscode.workspace.fs.readDirectory(parse(uri))),
  });
  client.onRequest(FileStatRequest, handlers.stat);
  client.onRequest(FileReadRequest, handlers.read);
  client.onRequest(ReadDirectoryRequest, handlers.readDirectory);
}
