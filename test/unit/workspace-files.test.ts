// The workspace listing: templates and fields files by name, skipped folders not entered, symbolic links followed.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findWorkspaceFiles } from '../../server/src/documents/workspace-files';

function write(path: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'GET https://t.test/\n');
}

test('templates and fields files are listed in order, through linked folders and files; skipped folders, broken links and other files are not', () => {
  const base = mkdtempSync(join(tmpdir(), 'wt-workspace-files-'));
  try {
    const root = join(base, 'root');
    const elsewhere = join(base, 'elsewhere');
    for (const path of ['a.webhook', 'sub/b.script.yaml', 'sub/webhook-fields.json', 'notes.txt', 'node_modules/c.webhook', '.git/d.webhook', 'out/e.webhook']) write(join(root, path));
    write(join(elsewhere, 'linked.webhook'));
    write(join(elsewhere, 'folder/f.webhook'));
    symlinkSync(join(elsewhere, 'folder'), join(root, 'linked-folder'));
    symlinkSync(join(elsewhere, 'linked.webhook'), join(root, 'link.webhook'));
    symlinkSync(join(elsewhere, 'missing.webhook'), join(root, 'broken.webhook'));
    const found = findWorkspaceFiles(root).map((path) => path.slice(root.length + 1));
    assert.deepEqual(found, ['a.webhook', 'link.webhook', 'linked-folder/f.webhook', 'sub/b.script.yaml', 'sub/webhook-fields.json']);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('an excluded folder is not entered and an excluded file not listed', () => {
  const root = mkdtempSync(join(tmpdir(), 'wt-workspace-files-'));
  try {
    for (const path of ['keep/a.webhook', 'drop/b.webhook', 'keep/c.webhook']) write(join(root, path));
    const found = findWorkspaceFiles(root, [], (relative) => relative === 'drop' || relative === 'keep/c.webhook').map((path) => path.slice(root.length + 1));
    assert.deepEqual(found, ['keep/a.webhook']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
