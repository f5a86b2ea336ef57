// Entry of dist/web/server.js: the same language server in a browser's web worker (vscode.dev, github.dev), speaking
// LSP over postMessage. Every file no editor has open is asked of the extension (vscode.workspace.fs); a browser
// has no environment variables, so `${env:…}` profile values stay unresolved and the send says so.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { ClientFiles } from '../documents/client-files';
import { editorFileSystem } from '../documents/editor-file-system';
import { startServer } from '../server';
import { installSetImmediate } from './set-immediate';

/** The worker's own scope: what it is sent arrives there, and what it posts goes to the extension. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

installSetImmediate();
const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
startServer(connection, { files: new ClientFiles(editorFileSystem(connection)), env: {} });
