// Entry of dist/server.js: makes the connection (stdio, IPC or socket, from the command line) and starts the server.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { ClientFiles } from './documents/client-files';
import { DiskFiles } from './documents/disk-files';
import { editorFileSystem } from './documents/editor-file-system';
import { FilesByScheme } from './documents/files-by-scheme';
import { MemoryAfterReads } from './documents/memory-after-reads';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
// The process must outlive any one fault: an error nobody caught is logged, and the server goes on.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error}`));
// Without this handler Node ends the process on a rejected promise nobody awaited (a background scan, a refresh).
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
// Files on disk are read directly; a virtual workspace's are asked of the editor.
const files = new FilesByScheme(new DiskFiles(), new ClientFiles(editorFileSystem(connection)));
startServer(connection, { files, env: process.env, memoryAfterReads: (trace) => new MemoryAfterReads(trace) });
