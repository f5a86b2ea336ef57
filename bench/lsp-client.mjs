// A minimal LSP client for the bench: spawns dist/server.js --stdio, answers what the server asks, waits for diagnostics and progress.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  LogTraceNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  WorkspaceFoldersRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node.js';
import { repoRoot } from './core-check.mjs';
import { now } from './stats.mjs';

export const fileUri = (path) => pathToFileURL(path).href;

const SETTINGS = { fieldsFile: '', scriptFiles: [] };

/** The server's trace of a check whose diagnostics equal those already sent (server/src/diagnostics-publisher.ts). */
const UNCHANGED_TRACE = /^Diagnostics of (\S+)(?: v(\d+))? unchanged: not sent again\.$/;

export class BenchClient {
  /** Every publication: { at, uri, version, count }. */
  published = [];
  /**
   * Every check of an open document the server finished: its publication, or (with `trace`) the trace line of a
   * check whose diagnostics equal those the editor already has, which the server does not send again.
   */
  checked = [];
  /** The diagnostics last published for each URI: what an editor shows. */
  latest = new Map();
  progressEnded = [];
  waiters = new Set();

  constructor(child, connection, spawnedAt) {
    this.process = child;
    this.connection = connection;
    this.spawnedAt = spawnedAt;
    this.versions = new Map();
    this.stderr = '';
  }

  /**
   * Spawns the server (with extra node flags, e.g. --cpu-prof) and completes the initialize handshake; with `trace`,
   * asks for the server's trace, which marks a check whose unchanged diagnostics were not sent again.
   */
  static async start({ folders = [], nodeFlags = [], trace = false } = {}) {
    const spawnedAt = now();
    const child = spawn(process.execPath, [...nodeFlags, join(repoRoot, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new BenchClient(child, connection, spawnedAt);
    client.wire(folders);
    connection.listen();
    await client.initialize(folders, trace);
    return client;
  }

  wire(folders) {
    const { connection } = this;
    this.process.stderr.on('data', (chunk) => (this.stderr += chunk));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => SETTINGS));
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.onRequest(WorkspaceFoldersRequest.type, () => foldersOf(folders));
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    connection.onNotification('$/progress', (params) => params.value?.kind === 'end' && this.progressEnded.push(now()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.onDiagnostics(params));
    connection.onNotification(LogTraceNotification.type, (params) => this.onTrace(params.message));
  }

  async initialize(folders, trace) {
    const workspaceFolders = foldersOf(folders);
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: workspaceFolders[0]?.uri ?? null,
      workspaceFolders,
      ...(trace ? { trace: 'messages' } : {}),
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  onDiagnostics(params) {
    const entry = { at: now(), uri: params.uri, version: params.version, count: params.diagnostics.length };
    this.published.push(entry);
    this.latest.set(params.uri, params.diagnostics);
    this.onChecked({ ...entry, sent: true });
  }

  onTrace(message) {
    const match = UNCHANGED_TRACE.exec(message);
    if (match) this.onChecked({ at: now(), uri: match[1], version: match[2] === undefined ? undefined : Number(match[2]), sent: false });
  }

  onChecked(entry) {
    this.checked.push(entry);
    for (const waiter of this.waiters) {
      if (waiter.test(entry)) {
        this.waiters.delete(waiter);
        waiter.resolve(entry);
      }
    }
  }

  /** Resolves with the first finished check (already received or next) that passes `test`. */
  waitFor(test, timeoutMs = 60000) {
    const seen = this.checked.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics within ${timeoutMs} ms\n${this.stderr}`)), timeoutMs);
      this.waiters.add({ test, resolve: (entry) => (clearTimeout(timer), resolve(entry)) });
    });
  }

  waitForVersion(uri, version, timeoutMs) {
    return this.waitFor((entry) => entry.uri === uri && entry.version === version, timeoutMs);
  }

  /** Resident memory of the server now (VmRSS), in MB. */
  rssMB() {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${this.process.pid}/status`, 'utf8'))?.[1]) / 1024;
    } catch {
      return undefined;
    }
  }

  /** Forgets the peak so far (VmHWM), so the next `peakRssMB` is the peak of what follows; false where /proc is missing. */
  resetPeakRss() {
    try {
      writeFileSync(`/proc/${this.process.pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  }

  open(uri, text, languageId = 'yaml') {
    this.versions.set(uri, 1);
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends one incremental change and returns the new version. */
  async change(uri, range, text) {
    const version = this.versions.get(uri) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  completion(uri, position) {
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  }

  hover(uri, position) {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** Peak resident memory of the server so far (VmHWM), in MB; undefined where /proc is missing. */
  peakRssMB() {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
      return kb / 1024;
    } catch {
      return undefined;
    }
  }

  /** shutdown + exit, so a --cpu-prof server writes its profile; killed if it does not end. */
  async stop() {
    const ended = new Promise((resolve) => this.process.once('exit', resolve));
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 10000);
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.process.kill('SIGKILL');
    }
    await ended;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

function foldersOf(paths) {
  return paths.map((path, index) => ({ uri: fileUri(path), name: `folder${index}` }));
}
