// The extension in two parts, as shipped: dist/extension.js activates without the on-demand part (dist/on-demand.js,
// sending with undici and the rest a command needs), which the first such command requires, once.
//
// The bundle runs here against a stand-in `vscode` module: the parts of the API activation touches are written out,
// anything else is a do-nothing stand-in. Its version is older than the language client accepts, so activation goes
// as far as constructing the client and stops there with a message: no server starts, and nothing of ours loads later
// in a real activation (the in-editor test `activation time @bench` checks that in VS Code).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { repoRoot } from '../support/paths';

const EXTENSION = join(repoRoot, 'dist', 'extension.js');
const ON_DEMAND = join(repoRoot, 'dist', 'on-demand.js');

type Listener = (...args: unknown[]) => unknown;
type Command = (argument?: unknown) => Promise<unknown>;

interface Editor {
  commands: Map<string, Command>;
  errors: string[];
  infos: string[];
}

const disposable = { dispose: () => undefined };

/** A function-like stand-in for whatever the language client's code touches when it loads (classes it extends...). */
function anything(): unknown {
  const stub: unknown = new Proxy(function stand() {}, {
    get: (_target, key) => (key === 'prototype' ? {} : key === Symbol.toPrimitive ? () => '' : stub),
    apply: () => stub,
    construct: () => ({}),
  });
  return stub;
}

class EventEmitter {
  private readonly listeners: Listener[] = [];
  readonly event = (listener: Listener) => {
    this.listeners.push(listener);
    return disposable;
  };
  fire(value: unknown): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {}
}

const event = () => disposable;

/** A namespace of the API: its members as given, any other `onDid…`/`onWill…` an event, anything else a stand-in. */
function namespace(members: Record<string, unknown>): unknown {
  const fallback = anything();
  return new Proxy(members, { get: (target, key) => (typeof key !== 'string' ? fallback : key in target ? target[key] : /^on(Did|Will)/.test(key) ? event : fallback) });
}

function fakeVscode(editor: Editor): unknown {
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined, show: () => undefined, appendLine: () => undefined, dispose: () => undefined };
  const api: Record<string, unknown> = {
    version: '1.0.0',
    env: { language: 'en' },
    EventEmitter,
    StatusBarAlignment: { Left: 1, Right: 2 },
    window: namespace({
      activeTextEditor: undefined,
      createOutputChannel: () => log,
      createStatusBarItem: () => ({ show: () => undefined, hide: () => undefined, dispose: () => undefined }),
      showErrorMessage: async (message: string) => void editor.errors.push(message),
      showInformationMessage: async (message: string) => void editor.infos.push(message),
    }),
    workspace: namespace({
      isTrusted: true,
      workspaceFolders: [],
      getConfiguration: () => ({ get: (_key: string, fallback: unknown) => fallback }),
      createFileSystemWatcher: () => disposable,
      registerTextDocumentContentProvider: () => disposable,
    }),
    commands: {
      registerCommand: (id: string, run: Command) => {
        editor.commands.set(id, run);
        return disposable;
      },
    },
  };
  return namespace(api);
}

function memento() {
  const values = new Map<string, unknown>();
  return { get: (key: string, fallback?: unknown) => (values.has(key) ? values.get(key) : fallback), update: async (key: string, value: unknown) => void values.set(key, value), keys: () => [...values.keys()] };
}

function fakeContext() {
  return {
    subscriptions: [] as { dispose(): unknown }[],
    workspaceState: memento(),
    globalState: memento(),
    extensionPath: repoRoot,
    extensionUri: { fsPath: repoRoot, path: repoRoot, scheme: 'file' },
    asAbsolutePath: (path: string) => join(repoRoot, path),
  };
}

type ModuleWithLoad = typeof Module & { _load(request: string, parent: unknown, isMain: boolean): unknown };
const loader = Module as ModuleWithLoad;
const originalLoad = loader._load;
let loads: string[] = [];
let editor: Editor;

beforeEach(() => {
  for (const path of [EXTENSION, ON_DEMAND]) delete require.cache[path];
  loads = [];
  editor = { commands: new Map(), errors: [], infos: [] };
  const fake = fakeVscode(editor);
  loader._load = function load(request: string, parent: unknown, isMain: boolean) {
    if (request === 'vscode') return fake;
    loads.push(request);
    return originalLoad.call(this, request, parent, isMain);
  };
});

afterEach(async () => {
  loader._load = originalLoad;
});

const loadedOnDemand = () => loads.filter((request) => request === ON_DEMAND).length;

async function activated(): Promise<ReturnType<typeof fakeContext>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the shipped bundle, loaded as the editor loads it
  const extension = require(EXTENSION) as { activate(context: unknown): Promise<void> };
  const context = fakeContext();
  await extension.activate(context);
  return context;
}

test('activation registers every command of package.json and requires nothing of the on-demand part', async () => {
  const context = await activated();
  assert.match(editor.errors[0] ?? '', /could not start its language server: .*requires VS Code version/, 'activation went as far as the language client');
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
  assert.deepEqual([...editor.commands.keys()].sort(), contributed);
  assert.equal(loadedOnDemand(), 0);
  assert.equal(require.cache[ON_DEMAND], undefined);
  assert.ok(context.subscriptions.length > 0);
});

test('activation returns at once, not waiting for the server: VS Code waits only for a promise activate() returns', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the shipped bundle, loaded as the editor loads it
  const extension = require(EXTENSION) as { activate(context: unknown): unknown };
  assert.equal(extension.activate(fakeContext()), undefined);
  assert.ok(editor.commands.size > 0);
});

test('the first command of the on-demand part requires its bundle, once; later commands use what it started', async () => {
  await activated();
  const showHistory = editor.commands.get('webhookTemplates.showHistory');
  assert.ok(showHistory);
  await showHistory();
  assert.equal(loadedOnDemand(), 1);
  assert.deepEqual(editor.infos, ['No test webhooks sent yet.']);
  await showHistory();
  await editor.commands.get('webhookTemplates.stopLocalReceiver')?.();
  assert.equal(loadedOnDemand(), 1);
  assert.equal(editor.infos.length, 3, `messages: ${editor.infos.join(' | ')}`);
});

test('a command of the activation part runs without the on-demand part', async () => {
  await activated();
  await editor.commands.get('webhookTemplates.showLog')?.();
  await editor.commands.get('webhookTemplates.restartServer')?.();
  assert.deepEqual(editor.errors.slice(1), ['The Webhook Templates language server is not running; see the log.']);
  assert.equal(loadedOnDemand(), 0);
});

/** What esbuild put in each bundle (out/bundle-inputs.json, written by the build). */
function bundleInputs(bundle: string): string[] {
  const inputs = JSON.parse(readFileSync(join(repoRoot, 'out', 'bundle-inputs.json'), 'utf8'));
  return inputs[bundle].inputs;
}

test('dist/extension.js holds no part of the send path; dist/on-demand.js holds it', () => {
  const sendPath = (input: string) => /node_modules\/undici\/|^send\/src\/|^client\/src\/(send|tour)\/|explain-command|import-profiles-command|l10n\.ru\.json/.test(input);
  assert.deepEqual(bundleInputs('dist/extension.js').filter(sendPath), []);
  const onDemand = bundleInputs('dist/on-demand.js');
  for (const expected of ['node_modules/undici/lib/dispatcher/agent.js', 'send/src/http.ts', 'send/src/send-agents.ts', 'client/src/send/send-command.ts', 'client/src/tour/tour.ts']) {
    assert.ok(onDemand.includes(expected), `${expected} is not in dist/on-demand.js`);
  }
});

// A request type is recognised by identity in the JSON-RPC library that made it: a second copy of the library in the
// on-demand part would make requests the client of dist/extension.js refuses ("Unknown parameter structure").
test('dist/on-demand.js holds no language client or JSON-RPC library of its own: it asks through the one that started', () => {
  const rpc = (input: string) => /node_modules\/(vscode-jsonrpc|vscode-languageserver-protocol|vscode-languageclient)\//.test(input);
  assert.deepEqual(bundleInputs('dist/on-demand.js').filter(rpc), []);
  assert.ok(bundleInputs('dist/extension.js').some(rpc));
});

test('both parts read the Russian texts from dist/l10n.ru.json, the table every host reads', () => {
  const table = readFileSync(join(repoRoot, 'server', 'src', 'core', 'base', 'l10n.ru.json'), 'utf8');
  assert.equal(readFileSync(join(repoRoot, 'dist', 'l10n.ru.json'), 'utf8'), table);
  for (const bundle of ['dist/extension.js', 'dist/on-demand.js']) assert.ok(!bundleInputs(bundle).some((input) => input.endsWith('l10n.ru.json')), `${bundle} holds a copy of the table`);
});

test('the extension\'s command bundles hold no CSV parser: a picked file is decoded there and read by the server', () => {
  for (const bundle of ['dist/on-demand.js', 'dist/web/extension.js']) {
    assert.deepEqual(bundleInputs(bundle).filter((input) => input.includes('node_modules/csv-parse/')), [], bundle);
    assert.ok(bundleInputs(bundle).includes('server/src/core/import/csv-bytes.ts'), `${bundle} does not decode CSV bytes`);
  }
});
