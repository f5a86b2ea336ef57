// Helpers for CLI tests: run dist/cli.js as a child process, make temp workspaces, and a real HTTP receiver on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { examplesDir, repoRoot } from '../support/paths';

/** The bundle under test: dist/cli.js, or WT_CLI_BUNDLE to try another build of it. */
export const cliBundle = resolve(repoRoot, process.env.WT_CLI_BUNDLE || join('dist', 'cli.js'));

const RUN_TIMEOUT_MS = 15000;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Added to (or, when undefined, removed from) the child's environment. */
  env?: Record<string, string | undefined>;
  /** Written to the child's standard input (else it reads an empty one). */
  input?: string;
  /** Given the child once it runs (to signal it, say). */
  started?: (child: ChildProcess) => void;
}

/** Runs `node dist/cli.js ...args` asynchronously (a receiver in this process must keep answering); killed after a bound. */
export function runCli(args: readonly string[], options: RunOptions): Promise<CliRun> {
  const child = spawn(process.execPath, [cliBundle, ...args], { cwd: options.cwd, env: childEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(options.input ?? '');
  options.started?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cli ${args.join(' ')} did not end within ${RUN_TIMEOUT_MS} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, RUN_TIMEOUT_MS);
    child.on('error', (error) => (clearTimeout(timer), reject(error)));
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}

function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** A message that shows what the CLI printed, for assertion failures. */
export function shown(run: CliRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

export function newTempDir(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'wt-cli-')));
}

/** A temp folder holding a copy of examples/ as `examples/`. */
export function copyExamplesInto(): string {
  const dir = newTempDir();
  cpSync(examplesDir, join(dir, 'examples'), { recursive: true });
  return dir;
}

export function makeWorkspace(files: Record<string, string>): string {
  const dir = newTempDir();
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** One request the receiver got. */
export interface Received {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Responder = (request: Received, response: ServerResponse) => void;

export interface Receiver {
  port: number;
  received: Received[];
  /** Connections opened to it so far. */
  connections(): number;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 and a free port; it records every request and answers with `respond`. */
export async function startReceiver(respond: Responder): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const record = { method: request.method ?? '', url: new URL(request.url ?? '/', 'http://127.0.0.1'), headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(record);
      respond(record, response);
    });
  });
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, received, connections: () => connections, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await closeServer(server);
  return port;
}
