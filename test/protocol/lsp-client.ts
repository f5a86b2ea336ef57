// A small LSP client for protocol tests: starts dist/server.js over stdio and talks to it as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  LogTraceNotification,
  MessageType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceFoldersRequest,
  createProtocolConnection,
  type CodeAction,
  type Command,
  type CompletionContext,
  type CompletionItem,
  type CompletionList,
  type Definition,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type LocationLink,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type TextDocumentContentChangeEvent,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import { serverBundle } from '../support/paths';

/** What the test answers to `workspace/configuration` for the section `webhookTemplates`. */
export interface TestSettings {
  fieldsFile: string;
  scriptFiles: string[];
}

export const DEFAULT_TEST_SETTINGS: TestSettings = { fieldsFile: '', scriptFiles: [] };

export interface StartOptions {
  /** Absolute paths of the workspace folders; the first is also the root. */
  folders: string[];
  /** Settings per resource URI; the default answers DEFAULT_TEST_SETTINGS for every resource. */
  settings?: (scopeUri: string | undefined) => TestSettings;
}

/**
 * One check of a document the server finished, numbered in order of arrival (from 1): a publishDiagnostics
 * notification (`sent`), or the server's trace of a check whose diagnostics equal those it last sent, which it does
 * not send again (`sent` false; `params` then hold the diagnostics the editor already shows).
 */
export interface Published {
  seq: number;
  params: PublishDiagnosticsParams;
  sent: boolean;
}

/** The server's trace of diagnostics not sent again (server/src/diagnostics-publisher.ts). */
const UNCHANGED_TRACE = /^Diagnostics of (\S+)(?: v(\d+))? unchanged: not sent again\.$/;

export type DiagnosticsPredicate = (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean;

interface Waiter {
  uri: string;
  since: number;
  predicate: DiagnosticsPredicate;
  resolve: (published: Published) => void;
}

const STOP_TIMEOUT_MS = 3000;
const START_TIMEOUT_MS = 10000;

/** The bundle under test: dist/server.js, or WT_SERVER_BUNDLE to try another build of it. */
export const bundleUnderTest = process.env.WT_SERVER_BUNDLE || serverBundle;

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export class LspClient {
  /** Every publication, and every check found unchanged and not sent again, oldest first. */
  readonly published: Published[] = [];
  /** What the server traced ($/logTrace), oldest first. */
  readonly traces: string[] = [];
  /** Messages the server logged with window/logMessage (errors and warnings included). */
  readonly logs: { type: MessageType; message: string }[] = [];
  readonly registrations: Registration[] = [];
  stderr = '';
  initializeResult: InitializeResult | undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly versions = new Map<string, number>();
  private exited = false;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly options: StartOptions,
  ) {}

  /** Spawns the server, wires the client side of the protocol and completes the initialize handshake. */
  static async start(options: StartOptions): Promise<LspClient> {
    const child = spawn(process.execPath, [bundleUnderTest, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options);
    client.wire();
    connection.listen();
    try {
      await Promise.race([withTimeout(client.initialize(), START_TIMEOUT_MS, 'initialize'), client.exitedEarly()]);
    } catch (error) {
      child.kill('SIGKILL');
      connection.dispose();
      throw new Error(`${bundleUnderTest} did not start: ${(error as Error).message}\nstderr: ${client.stderr}`);
    }
    return client;
  }

  /** Rejects when the process ends; it must not while a test talks to it. */
  private exitedEarly(): Promise<never> {
    return new Promise((_resolve, reject) => this.process.once('exit', (code, signal) => reject(new Error(`the server exited (code ${code}, signal ${signal})`))));
  }

  private wire(): void {
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.process.on('exit', () => (this.exited = true));
    const settings = this.options.settings ?? (() => DEFAULT_TEST_SETTINGS);
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => settings(item.scopeUri)));
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest(WorkspaceFoldersRequest.type, () => this.workspaceFolders());
    this.connection.onNotification(LogMessageNotification.type, (params) => this.logs.push(params));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.onDiagnostics(params, true));
    this.connection.onNotification(LogTraceNotification.type, (params) => this.onTrace(params.message));
  }

  private workspaceFolders(): WorkspaceFolder[] {
    return this.options.folders.map((path, index) => ({ uri: fileUri(path), name: `folder${index}` }));
  }

  private async initialize(): Promise<void> {
    const folders = this.workspaceFolders();
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      // The trace says when a check found the diagnostics unchanged and did not send them again.
      trace: 'messages',
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  private onTrace(message: string): void {
    this.traces.push(message);
    const unchanged = UNCHANGED_TRACE.exec(message);
    if (!unchanged) return;
    const [, uri, version] = unchanged;
    this.onDiagnostics({ uri, version: version === undefined ? undefined : Number(version), diagnostics: this.latestSent(uri)?.params.diagnostics ?? [] }, false);
  }

  private onDiagnostics(params: PublishDiagnosticsParams, sent: boolean): void {
    const published = { seq: this.published.length + 1, params, sent };
    this.published.push(published);
    for (const waiter of this.waiters) {
      if (waiter.uri === params.uri && published.seq > waiter.since && waiter.predicate(params.diagnostics, params)) {
        this.waiters.delete(waiter);
        waiter.resolve(published);
      }
    }
  }

  /** The number of the newest publication so far: pass it as `since` to wait for a newer one. */
  mark(): number {
    return this.published.length;
  }

  /** The newest publication (or unchanged check) for a document, if any. */
  latest(uri: string): Published | undefined {
    for (let index = this.published.length - 1; index >= 0; index--) if (this.published[index].params.uri === uri) return this.published[index];
    return undefined;
  }

  /** The newest publication the server sent for a document: what the editor shows. */
  latestSent(uri: string): Published | undefined {
    for (let index = this.published.length - 1; index >= 0; index--) if (this.published[index].sent && this.published[index].params.uri === uri) return this.published[index];
    return undefined;
  }

  /**
   * Resolves with the diagnostics of the newest publication for `uri` (after `since`) that satisfies `predicate`:
   * the newest one already received if it does, else the next one that does. Fails after `timeoutMs`.
   */
  waitForDiagnostics(uri: string, predicate: DiagnosticsPredicate = () => true, timeoutMs = 5000, since = 0): Promise<Diagnostic[]> {
    return this.waitForPublication(uri, predicate, timeoutMs, since).then((published) => published.params.diagnostics);
  }

  waitForPublication(uri: string, predicate: DiagnosticsPredicate, timeoutMs = 5000, since = 0): Promise<Published> {
    const newest = this.latest(uri);
    if (newest && newest.seq > since && predicate(newest.params.diagnostics, newest.params)) return Promise.resolve(newest);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { uri, since, predicate, resolve: (published) => (clearTimeout(timer), resolve(published)) };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`No matching publishDiagnostics for ${uri} within ${timeoutMs} ms; newest was: ${describe(this.latest(uri))}${this.problemsNote()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private problemsNote(): string {
    const errors = this.logs.filter((log) => log.type === MessageType.Error).map((log) => log.message);
    const exit = this.exited ? '\nThe server process has exited.' : '';
    return (errors.length ? `\nServer errors:\n${errors.join('\n')}` : '') + (this.stderr ? `\nstderr: ${this.stderr}` : '') + exit;
  }

  /** Messages the server logged as errors (a crash in a handler shows here). */
  errorLogs(): string[] {
    return this.logs.filter((log) => log.type === MessageType.Error).map((log) => log.message);
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends didChange and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async fileChanged(uri: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type }] });
  }

  /** A completion request; `context` says how the editor came to ask (invoked, or a trigger character typed). */
  completion(uri: string, position: Position, context?: CompletionContext): Promise<CompletionList | CompletionItem[] | null> {
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position, ...(context ? { context } : {}) });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  definition(uri: string, position: Position): Promise<Definition | LocationLink[] | null> {
    return this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<(Command | CodeAction)[] | null> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } });
  }

  /** shutdown + exit; kills the process if it does not end in time. */
  async stop(): Promise<void> {
    if (this.exited) return this.connection.dispose();
    const ended = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), STOP_TIMEOUT_MS, 'shutdown');
      await this.connection.sendNotification(ExitNotification.type);
      await withTimeout(ended, STOP_TIMEOUT_MS, 'exit');
    } catch {
      this.process.kill('SIGKILL');
      await ended;
    } finally {
      this.connection.dispose();
    }
  }

  get hasExited(): boolean {
    return this.exited;
  }
}

function describe(published: Published | undefined): string {
  if (!published) return 'none';
  const list = published.params.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
  return `#${published.seq} v${published.params.version ?? '-'} [${list.join('; ')}]`;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** The items of a completion answer, whichever shape it has. */
export function itemsOf(answer: CompletionList | CompletionItem[] | null): CompletionItem[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : answer.items;
}
