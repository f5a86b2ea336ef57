// Files asked of the editor (a browser's server has no file system): misses answered "nothing there" and fetched
// together, computations run again once they arrive, listings answering absence, changes forgetting, the size limit;
// and the walk over the editor's file system finds what the disk walk finds.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileRequestHandlers } from '../../client/src/files/file-requests';
import { ClientFiles, type EditorFileSystem } from '../../server/src/documents/client-files';
import { DiskFiles } from '../../server/src/documents/disk-files';
import { pathToUri } from '../../server/src/documents/file-uris';
import { mountFolder } from '../support/disk-workspace-fs';

const ROOT = 'vscode-vfs://github/acme/bots';

/** An editor answering from a map of texts (absent names are not there), logging every request. */
function memoryEditor(texts: Record<string, string>) {
  const asked: string[] = [];
  const bytes = (text: string) => new TextEncoder().encode(text).byteLength;
  const editor: EditorFileSystem = {
    stat: async (uris) => (asked.push(`stat ${uris.map(short).join(' ')}`), uris.map((uri) => (uri in texts ? bytes(texts[uri]) : null))),
    read: async (files) => {
      asked.push(`read ${files.map(({ uri }) => short(uri)).join(' ')}`);
      return files.map(({ uri, maxBytes }) => (uri in texts ? (maxBytes !== undefined && bytes(texts[uri]) > maxBytes ? { size: bytes(texts[uri]) } : { size: bytes(texts[uri]), text: texts[uri] }) : null));
    },
    readDirectory: async (uri) => {
      asked.push(`list ${short(uri) || '/'}`);
      const prefix = `${uri}/`;
      const names = Object.keys(texts).filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length));
      const entries = new Map<string, 'file' | 'directory'>(names.map((name) => (name.includes('/') ? [name.split('/')[0], 'directory'] : [name, 'file'])));
      return [...entries];
    },
  };
  return { editor, asked };
}

function short(uri: string): string {
  return uri.slice(ROOT.length + 1);
}

test('a file not known yet reads as absent, and `settled` runs the computation again once it has arrived', async () => {
  const { editor, asked } = memoryEditor({ [`${ROOT}/a.webhook`]: 'GET https://x.example/{chatId}' });
  const files = new ClientFiles(editor);
  const runs: (string | undefined)[] = [];
  const text = await files.settled(() => {
    const document = files.read(`${ROOT}/a.webhook`);
    runs.push(document?.getText());
    return document?.getText();
  });
  assert.equal(text, 'GET https://x.example/{chatId}');
  assert.deepEqual(runs, [undefined, 'GET https://x.example/{chatId}']);
  assert.deepEqual(asked, ['read a.webhook']);
  assert.equal(files.read(`${ROOT}/a.webhook`)?.getText(), text, 'kept: read again without asking');
  assert.equal(asked.length, 1);
  assert.ok(files.read(`${ROOT}/a.webhook`)!.version < 0, 'a negative version, never an editor\'s');
});

test('the misses of one computation go out in one request, and listeners hear which files arrived', async () => {
  const { editor, asked } = memoryEditor({ [`${ROOT}/sub/webhook-fields.json`]: '{}' });
  const files = new ClientFiles(editor);
  const arrived: string[][] = [];
  files.onDidArrive((uris) => arrived.push([...uris]));
  const found = await files.settled(() => ['sub', ''].flatMap((dir) => ['webhook-fields.json', 'webhook-fields.yaml'].map((name) => `${ROOT}/${dir ? `${dir}/` : ''}${name}`)).filter((uri) => files.exists(uri)));
  assert.deepEqual(found.map(short), ['sub/webhook-fields.json']);
  assert.deepEqual(asked, ['stat sub/webhook-fields.json sub/webhook-fields.yaml webhook-fields.json webhook-fields.yaml']);
  assert.deepEqual(arrived.map((uris) => uris.map(short)), [['sub/webhook-fields.json', 'sub/webhook-fields.yaml', 'webhook-fields.json', 'webhook-fields.yaml']]);
});

test('after the workspace is listed, a name not in its folder is absent without asking', async () => {
  const { editor, asked } = memoryEditor({ [`${ROOT}/flows/lead.script.yaml`]: 'flows: []', [`${ROOT}/webhook-fields.json`]: '{}' });
  const files = new ClientFiles(editor);
  const listed = await files.list(ROOT, [], () => false);
  assert.deepEqual(listed.map(short), ['flows/lead.script.yaml', 'webhook-fields.json']);
  asked.length = 0;
  const exists = await files.settled(() => [`${ROOT}/flows/webhook-fields.json`, `${ROOT}/webhook-fields.json`, `${ROOT}/flows`].map((uri) => files.exists(uri)));
  assert.deepEqual(exists, [false, true, false], 'a folder is no file');
  assert.deepEqual(asked, []);
});

test('a file over the size limit is measured, not read; a larger limit reads it', async () => {
  const { editor, asked } = memoryEditor({ [`${ROOT}/big.webhook`]: 'x'.repeat(100) });
  const files = new ClientFiles(editor);
  assert.equal(await files.settled(() => files.read(`${ROOT}/big.webhook`, 50)), undefined);
  assert.equal(files.size(`${ROOT}/big.webhook`), 100);
  assert.equal((await files.settled(() => files.read(`${ROOT}/big.webhook`, 100)))?.getText().length, 100);
  assert.deepEqual(asked, ['read big.webhook', 'read big.webhook']);
});

test('a changed file is asked again, and an answer asked for before the change is dropped', async () => {
  const texts = { [`${ROOT}/a.webhook`]: 'old' };
  const { editor } = memoryEditor(texts);
  const files = new ClientFiles(editor);
  assert.equal((await files.settled(() => files.read(`${ROOT}/a.webhook`)))?.getText(), 'old');
  texts[`${ROOT}/a.webhook`] = 'new';
  assert.equal(files.read(`${ROOT}/a.webhook`)?.getText(), 'old', 'nothing said it changed yet');
  files.changed([`${ROOT}/a.webhook`]);
  assert.equal((await files.settled(() => files.read(`${ROOT}/a.webhook`)))?.getText(), 'new');

  // A change reported while the answer is on its way: the stale answer is not kept, and the computation asks again.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const reads: string[] = [];
  const slow: EditorFileSystem = { ...editor, read: async (asked) => (await gate, reads.push(texts[`${ROOT}/a.webhook`]), editor.read(asked)) };
  const racing = new ClientFiles(slow);
  const first = racing.settled(() => racing.read(`${ROOT}/a.webhook`)?.getText());
  await new Promise((resolve) => setImmediate(resolve));
  racing.changed([`${ROOT}/a.webhook`]);
  texts[`${ROOT}/a.webhook`] = 'newer';
  release();
  assert.equal(await first, 'newer');
  assert.equal(reads.length, 2, 'the answer from before the change was dropped and the file asked again');
});

test('an editor that cannot answer leaves files absent instead of asking forever', async () => {
  const failing: EditorFileSystem = { stat: () => Promise.reject(new Error('no handler')), read: () => Promise.reject(new Error('no handler')), readDirectory: () => Promise.reject(new Error('no handler')) };
  const files = new ClientFiles(failing);
  let runs = 0;
  assert.equal(await files.settled(() => (runs++, files.read(`${ROOT}/a.webhook`))), undefined);
  assert.equal(runs, 2);
  assert.deepEqual(await files.list(ROOT, [], () => false), []);
});

test('the walk over the editor\'s file system finds what the disk walk finds: skipped and excluded folders, script globs, links', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'client-files-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'webhook-fields.json': '{}', 'a.webhook': '', 'B.WEBHOOK': '', 'notes.txt': '', 'flows/lead.script.yaml': '', 'flows/bot.yaml': '',
    'flows/deep/x.script.json': '', 'node_modules/p/y.webhook': '', '.git/z.webhook': '', 'dist/d.webhook': '', 'skip/s.webhook': '',
    'with space/ü.webhook': '', 'extra/custom.yml': '',
  };
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(join(root, relative, '..'), { recursive: true });
    writeFileSync(join(root, relative), text);
  }
  symlinkSync(join(root, 'flows'), join(root, 'linked'));
  const excluded = (relative: string) => relative === 'skip';
  const globs = ['extra/*.yml'];
  const onDisk = await new DiskFiles().list(pathToUri(root), globs, excluded);
  const mounted = mountFolder(root);
  const viaEditor = await new ClientFiles(fileRequestHandlersAsEditor(mounted.fs)).list(mounted.uri(), globs, excluded);
  const relativeOf = (uri: string, base: string) => decodeURIComponent(uri.slice(base.length + 1));
  assert.deepEqual(viaEditor.map((uri) => relativeOf(uri, mounted.uri())).sort(), onDisk.map((uri) => relativeOf(uri, pathToUri(root))).sort());
  assert.ok(onDisk.length >= 8, `found ${onDisk.length}`);
});

/** The extension's own answers (client/src/files/file-requests.ts) as the editor the server asks. */
function fileRequestHandlersAsEditor(fs: Parameters<typeof fileRequestHandlers>[0]): EditorFileSystem {
  const handlers = fileRequestHandlers(fs);
  return { stat: (uris) => handlers.stat({ uris }), read: (asked) => handlers.read({ files: asked }), readDirectory: (uri) => handlers.readDirectory({ uri }) };
}
