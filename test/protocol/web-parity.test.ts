// The shared table (test/support/parity-table.ts) against both builds of the server over LSP: dist/server.js in Node.js
// with its files on disk (file: URIs), and dist/web/server.js in a context holding only a web worker's globals, every
// file asked of the editor (here the extension's own answers, client/src/files/file-requests.ts, over a folder mounted
// as vscode-test://mount/…). Both must give the table's answers: the same results as the desktop, in one and two roots.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DefinitionRequest,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  InlayHintRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  RegistrationRequest,
  RenameRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  WorkspaceFoldersRequest,
  createProtocolConnection,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
  type LocationLink,
  type MarkupContent,
  type Position,
  type ProtocolConnection,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { fileRequestHandlers } from '../../client/src/files/file-requests';
import { FileReadRequest, FileStatRequest, ReadDirectoryRequest } from '../../server/src/protocol';
import { mountFolder } from '../support/disk-workspace-fs';
import { PARITY_TABLE, WORKSPACE_FOLDERS, type Cursor, type ParityCase, type ParityWorkspace } from '../support/parity-table';
import { repoRoot, serverBundle } from '../support/paths';
import { startWorkerSandbox } from '../support/worker-sandbox';

const WEB_SERVER_BUNDLE = join(repoRoot, 'dist', 'web', 'server.js');
const SETTLE_MS = 15_000;

interface Session {
  connection: ProtocolConnection;
  /** The URI of a table file (`bots/flows/x.yaml`, or relative to the one folder). */
  uriOf(file: string): string;
  /** The table's name of a URI the server answered with. */
  fileOf(uri: string): string;
  latest: Map<string, Diagnostic[]>;
  problems: string[];
  stop(): Promise<void>;
}

type Host = 'desktop' | 'browser';

/** The folders as the host names them: file: URIs, or the mounted scheme a browser's file system would have. */
function folderUris(host: Host, workspace: ParityWorkspace): { uri: string; name: string }[] {
  const mounted = mountFolder(repoRoot);
  return WORKSPACE_FOLDERS[workspace].map((path) => ({
    uri: host === 'desktop' ? pathToFileURL(join(repoRoot, path)).href : mounted.uri(path),
    name: path.split('/').pop()!,
  }));
}

function naming(folders: { uri: string; name: string }[], single: boolean) {
  const uriOf = (file: string) => {
    if (single) return `${folders[0].uri}/${encodeURI(file)}`;
    const [name, ...rest] = file.split('/');
    const folder = folders.find((candidate) => candidate.name === name);
    if (!folder) throw new Error(`no workspace folder ${name}`);
    return `${folder.uri}/${encodeURI(rest.join('/'))}`;
  };
  const fileOf = (uri: string) => {
    const folder = folders.find((candidate) => uri.startsWith(`${candidate.uri}/`));
    if (!folder) return uri;
    const rest = decodeURI(uri.slice(folder.uri.length + 1));
    return single ? rest : `${folder.name}/${rest}`;
  };
  return { uriOf, fileOf };
}

async function startSession(host: Host, workspace: ParityWorkspace): Promise<Session> {
  const problems: string[] = [];
  let connection: ProtocolConnection;
  let stopHost: () => void;
  if (host === 'desktop') {
    const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => problems.push(chunk.toString()));
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    stopHost = () => child.kill();
  } else {
    const sandbox = startWorkerSandbox(WEB_SERVER_BUNDLE);
    connection = sandbox.connection;
    problems.push(...sandbox.errors);
    stopHost = () => sandbox.terminate();
    // The extension's answers, over the folder as a browser's file system would show it.
    const answers = fileRequestHandlers(mountFolder(repoRoot).fs);
    connection.onRequest(FileStatRequest, answers.stat);
    connection.onRequest(FileReadRequest, answers.read);
    connection.onRequest(ReadDirectoryRequest, answers.readDirectory);
  }
  const folders = folderUris(host, workspace);
  const latest = new Map<string, Diagnostic[]>();
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
  connection.onRequest(RegistrationRequest.type, () => null);
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
  connection.onRequest(WorkspaceFoldersRequest.type, () => folders);
  connection.onNotification(LogMessageNotification.type, ({ type, message }) => type === MessageType.Error && problems.push(message));
  connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => latest.set(uri, diagnostics));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: folders[0].uri,
    workspaceFolders: folders,
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: false } },
      window: { workDoneProgress: true },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
        hover: { contentFormat: ['markdown'] },
        publishDiagnostics: { versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const stop = async () => {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(ExitNotification.type).catch(() => undefined);
    connection.dispose();
    stopHost();
  };
  return { connection, ...naming(folders, folders.length === 1), latest, problems, stop };
}

/** Opens a table file as an editor would (once per session), with its text on disk. */
async function openIn(session: Session, opened: Set<string>, file: string): Promise<string> {
  const uri = session.uriOf(file);
  if (opened.has(uri)) return uri;
  opened.add(uri);
  const path = join(repoRoot, pathOf(session, file));
  const languageId = file.endsWith('.webhook') ? 'webhook-template' : file.endsWith('.json') ? 'json' : 'yaml';
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text: readFileSync(path, 'utf8') } });
  return uri;
}

function pathOf(session: Session, file: string): string {
  return decodeURIComponent(new URL(session.uriOf(file)).pathname).slice(repoRoot.length + 1);
}

function positionOf(text: string, cursor: Cursor): Position {
  const at = cursor.text.indexOf('|');
  const needle = cursor.text.replace('|', '');
  let offset = -1;
  for (let i = 0; i <= (cursor.occurrence ?? 0); i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`"${needle}" is not in the file`);
  const before = text.slice(0, offset + at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line !== range.end.line) return lines[range.start.line].slice(range.start.character);
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

const where = (session: Session, uri: string, position: Position) => `${session.fileOf(uri)} ${position.line + 1}:${position.character}`;
const span = (range: Range) => `${range.start.line + 1}:${range.start.character}-${range.end.line + 1}:${range.end.character}`;

function describeDiagnostics(diagnostics: Diagnostic[], text: string): string[] {
  return diagnostics
    .filter((diagnostic) => diagnostic.source === 'webhook-templates')
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character} ${textAt(text, diagnostic.range)}`);
}

function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.name}`, ...outline(symbol.children ?? [], depth + 1)]);
}

/** Everything an answer held when the table checks only parts of it (for PARITY_PRINT, which helps write the table). */
let seen: string[] = [];

/** Runs one case on a session; answers the lines the table compares. */
async function run(session: Session, opened: Set<string>, parity: ParityCase): Promise<string[]> {
  const { connection } = session;
  const { run: operation } = parity;
  const text = readFileSync(join(repoRoot, pathOf(session, parity.file)), 'utf8');
  const textDocument = { uri: session.uriOf(parity.file) };
  if (operation.kind === 'diagnostics') {
    if (operation.open) await openIn(session, opened, parity.file);
    return settledDiagnostics(session, textDocument.uri, text, parity.expect);
  }
  await openIn(session, opened, parity.file);
  const position = 'at' in operation ? positionOf(text, operation.at) : { line: 0, character: 0 };
  switch (operation.kind) {
    case 'completion': {
      const answer = await connection.sendRequest(CompletionRequest.type, { textDocument, position });
      const labels = (Array.isArray(answer) ? answer : (answer?.items ?? [])).map((item) => item.label);
      seen = labels;
      const leaked = (operation.absent ?? []).filter((label) => labels.includes(label));
      assert.deepEqual(leaked, [], `offered ${leaked.join(', ')}`);
      return parity.expect.filter((label) => labels.includes(label));
    }
    case 'hover': {
      const hover = await connection.sendRequest(HoverRequest.type, { textDocument, position });
      const shown = (hover?.contents as MarkupContent | undefined)?.value ?? '';
      seen = [shown];
      return parity.expect.filter((part) => shown.includes(part)).concat(shown ? [] : ['(no hover)']);
    }
    case 'definition': {
      const answer = await connection.sendRequest(DefinitionRequest.type, { textDocument, position });
      const targets = (Array.isArray(answer) ? answer : answer ? [answer] : []) as (Location | LocationLink)[];
      return targets.map((target) => ('targetUri' in target ? where(session, target.targetUri, target.targetSelectionRange.start) : where(session, target.uri, target.range.start)));
    }
    case 'quickFixes': {
      const diagnostics = (await settledCodes(session, textDocument.uri, operation.code)).filter((diagnostic) => diagnostic.code === operation.code);
      const here = diagnostics.filter((diagnostic) => diagnostic.range.start.line === position.line && diagnostic.range.start.character <= position.character && position.character <= diagnostic.range.end.character);
      const actions = await connection.sendRequest(CodeActionRequest.type, { textDocument, range: here[0]?.range ?? { start: position, end: position }, context: { diagnostics: here, only: ['quickfix'] } });
      const titles = (actions ?? []).map((action) => action.title);
      seen = titles;
      return parity.expect.filter((title) => titles.includes(title));
    }
    case 'references': {
      const locations = (await connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })) ?? [];
      return locations.map((location) => where(session, location.uri, location.range.start)).sort();
    }
    case 'rename': {
      const edit: WorkspaceEdit | null = await connection.sendRequest(RenameRequest.type, { textDocument, position, newName: operation.newName });
      return Object.entries(edit?.changes ?? {}).flatMap(([uri, edits]) => edits.map((one) => `${session.fileOf(uri)} ${span(one.range)} ${one.newText}`)).sort();
    }
    case 'symbols': {
      const symbols = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument })) as DocumentSymbol[] | null;
      return outline(symbols ?? []);
    }
    case 'inlayHints': {
      const end = text.split('\n').length;
      const hints = (await connection.sendRequest(InlayHintRequest.type, { textDocument, range: { start: { line: 0, character: 0 }, end: { line: end, character: 0 } } })) ?? [];
      return hints.map((hint) => `${hint.position.line + 1}:${hint.position.character} ${typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')}`);
    }
  }
}

/** The newest publication for the file once it equals what the table expects, or the last one seen after a while. */
async function settledDiagnostics(session: Session, uri: string, text: string, expected: string[]): Promise<string[]> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const published = session.latest.get(uri);
    // A file first checked without problems is sent nothing (the editor shows none for it already).
    const described = published ? describeDiagnostics(published, text) : [];
    if (JSON.stringify(described) === JSON.stringify(expected) || Date.now() > deadline) return described;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function settledCodes(session: Session, uri: string, code: string): Promise<Diagnostic[]> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const published = session.latest.get(uri) ?? [];
    if (published.some((diagnostic) => diagnostic.code === code) || Date.now() > deadline) return published;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const workspaces = [...new Set(PARITY_TABLE.map((parity) => parity.workspace))];

for (const host of ['desktop', 'browser'] as const) {
  for (const workspace of workspaces) {
    describe(`${host} build (${host === 'desktop' ? 'dist/server.js, files on disk' : 'dist/web/server.js in a web worker, files from the editor'}): ${workspace}`, () => {
      let session: Session;
      const opened = new Set<string>();
      before(async () => {
        session = await startSession(host, workspace);
      });
      after(async () => {
        await session?.stop();
      });
      for (const parity of PARITY_TABLE.filter((candidate) => candidate.workspace === workspace)) {
        test(parity.name, async () => {
          const answer = await run(session, opened, parity);
          if (process.env.PARITY_PRINT) appendFileSync(process.env.PARITY_PRINT, `${JSON.stringify({ name: parity.name, host, answer, seen })}\n`);
          seen = [];
          assert.deepEqual(answer, parity.expect);
          assert.deepEqual(session.problems, [], 'the server logged no error');
        });
      }
    });
  }
}

// In a browser a closed file is read back through the editor, a round trip: an untitled name closed and opened again
// at once (as VS Code reuses Untitled-1) must keep the open document's problems, not get the closed file's none.
for (const host of ['desktop', 'browser'] as const) {
  test(`${host} build: an untitled document closed and opened again at once keeps its problems`, async () => {
    const session = await startSession(host, 'examples');
    try {
      const textDocument = { uri: 'untitled:Untitled-1', languageId: 'webhook-template', version: 1, text: '### Lead\nGET https://api.example.com/lead?c={chatid}\n' };
      const problems = () => (session.latest.get(textDocument.uri) ?? []).map((diagnostic) => String(diagnostic.code));
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument });
      assert.deepEqual(await settledCodesOf(problems, ['unknown-key']), ['unknown-key']);
      await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: textDocument.uri } });
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument });
      // Long enough for the closed file's read to come back through the editor.
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(problems(), ['unknown-key']);
    } finally {
      await session.stop();
    }
  });
}

async function settledCodesOf(read: () => string[], expected: string[]): Promise<string[]> {
  const deadline = Date.now() + SETTLE_MS;
  while (JSON.stringify(read()) !== JSON.stringify(expected) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return read();
}
