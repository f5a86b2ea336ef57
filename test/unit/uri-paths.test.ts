// Folder arithmetic on URIs of any scheme: the fields-file search and the workspace folders run on it, on disk and in a browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { childOf, isInside, parentOf, relativeTo, resolveFrom, shownLocation } from '../../server/src/documents/uri-paths';
import { WorkspaceFolders } from '../../server/src/workspace/workspace-folders';

const REPO = 'vscode-vfs://github/acme/bots';

test('parent and child of a file URI and of a browser file system URI', () => {
  assert.equal(parentOf('file:///ws/sub/a.webhook'), 'file:///ws/sub');
  assert.equal(childOf('file:///ws/sub', 'webhook-fields.json'), 'file:///ws/sub/webhook-fields.json');
  assert.equal(parentOf(`${REPO}/flows/lead.script.yaml`), `${REPO}/flows`);
  assert.equal(childOf(REPO, 'webhook-fields.json'), `${REPO}/webhook-fields.json`);
  assert.equal(parentOf('vscode-vfs://github/'), 'vscode-vfs://github/', 'the root stays the root');
});

test('a URI is inside a folder only on the same scheme and authority, and never by a shared name prefix', () => {
  assert.equal(relativeTo(REPO, `${REPO}/flows/lead.script.yaml`), 'flows/lead.script.yaml');
  assert.equal(relativeTo(`${REPO}/`, `${REPO}/a.webhook`), 'a.webhook', 'a folder URI ending in a slash');
  assert.equal(relativeTo(REPO, REPO), '');
  assert.equal(isInside('vscode-vfs://github/acme/bots2/a.webhook', REPO), false);
  assert.equal(isInside('vscode-vfs://gitlab/acme/bots/a.webhook', REPO), false);
  assert.equal(isInside('file:///acme/bots/a.webhook', 'vscode-vfs://github/acme/bots'), false);
  assert.equal(isInside('file:///ws/a%20b/x.webhook', 'file:///ws/a b'), true, 'paths compare decoded');
});

test('a setting path resolves against the folder: relative, with .. and backslashes, or absolute on the same file system', () => {
  assert.equal(resolveFrom('file:///ws', 'config/fields.json'), 'file:///ws/config/fields.json');
  assert.equal(resolveFrom('file:///ws/sub', '..\\shared\\fields.yaml'), 'file:///ws/shared/fields.yaml');
  assert.equal(resolveFrom('file:///ws', '/etc/fields.json'), 'file:///etc/fields.json');
  assert.equal(resolveFrom(REPO, 'config/fields.json'), `${REPO}/config/fields.json`);
  assert.equal(resolveFrom(REPO, '/acme/other/fields.json'), 'vscode-vfs://github/acme/other/fields.json');
  assert.equal(resolveFrom('file:///c%3A/ws', 'D:\\shared\\fields.json'), 'file:///d%3A/shared/fields.json');
});

test('outside every folder a file shows as its path on disk, another scheme as its URI', () => {
  assert.equal(shownLocation('file:///tmp/x/webhook-fields.json'), '/tmp/x/webhook-fields.json');
  assert.equal(shownLocation(`${REPO}/webhook-fields.json`), `${REPO}/webhook-fields.json`);
});

test('the innermost workspace folder holds a file, and only a folder\'s scheme (or file:) names files', () => {
  const folders = new WorkspaceFolders();
  folders.set([{ uri: REPO, name: 'bots' }, { uri: `${REPO}/flows`, name: 'flows' }, { uri: 'file:///ws', name: 'ws' }]);
  assert.equal(folders.containing(`${REPO}/flows/lead.script.yaml`)?.name, 'flows');
  assert.equal(folders.containing(`${REPO}/a.webhook`)?.name, 'bots');
  assert.equal(folders.containing('file:///ws/a.webhook')?.name, 'ws');
  assert.equal(folders.containing('file:///elsewhere/a.webhook'), undefined);
  assert.equal(folders.isFile(`${REPO}/a.webhook`), true);
  assert.equal(folders.isFile('file:///elsewhere/a.webhook'), true);
  assert.equal(folders.isFile('untitled:Untitled-1'), false);
});
