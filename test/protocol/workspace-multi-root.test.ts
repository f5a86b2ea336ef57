// Protocol tests of a multi-root workspace: each folder's templates are checked, found and renamed against its own fields file.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, type LspClient } from './lsp-client';
import { makeWorkspace, positionOf, removeWorkspace } from './workspace';
import { editsByUri, references, rename, startSession, waitForAllPublished, where } from './workspace-helpers';

const TEMPLATES_PER_FOLDER = 250;

function fieldsText(onlyHere: string): string {
  return JSON.stringify({ customFields: { [onlyHere]: { type: 'text', example: onlyHere.toUpperCase() } }, trackerFields: { clickid: { example: 'c1' }, sub9: { example: 's9' } } }, null, 2) + '\n';
}

const template = (index: number) => `### Hook ${index}\nGET https://tracker.example.com/p?c={tracker.clickid}&n=${index}\n`;
const BOTH = 'GET https://tracker.example.com/p?a={alpha_only}&b={beta_only}\n';
/** Only folder B's templates use `sub9`, which both fields files define. */
const SUB9 = 'GET https://tracker.example.com/p?s={tracker.sub9}\n';

/** A folder with its own fields file, 250 templates and one template naming a key of each folder. */
function folder(onlyHere: string, usesSub9: boolean): string {
  const files: Record<string, string> = { 'webhook-fields.json': fieldsText(onlyHere), 'both.webhook': BOTH, ...(usesSub9 ? { 'sub9.webhook': SUB9 } : {}) };
  for (let index = 0; index < TEMPLATES_PER_FOLDER; index++) files[`hooks/hook-${index}.webhook`] = template(index);
  return makeWorkspace(files);
}

const unknownKeys = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'unknown-key').map((d) => d.message);

describe('multi-root workspace: each folder uses its own fields file', () => {
  let folderA: string;
  let folderB: string;
  let client: LspClient;
  const uriIn = (root: string, path: string) => fileUri(join(root, path));

  before(async () => {
    folderA = folder('alpha_only', false);
    folderB = folder('beta_only', true);
    client = (await startSession([folderA, folderB])).client;
    const everything = [folderA, folderB].flatMap((root) => [uriIn(root, 'both.webhook'), uriIn(root, 'webhook-fields.json'), ...Array.from({ length: TEMPLATES_PER_FOLDER }, (_, i) => uriIn(root, `hooks/hook-${i}.webhook`))]);
    await waitForAllPublished(client, everything, 30000);
  });

  after(async () => {
    await client?.stop();
    if (folderA) removeWorkspace(folderA);
    if (folderB) removeWorkspace(folderB);
  });

  test('a key defined only in folder A is known in A and unknown in B', () => {
    assert.deepEqual(unknownKeys(client.latest(uriIn(folderA, 'both.webhook'))!.params.diagnostics), ['Unknown key "beta_only" (checked against webhook-fields.json).']);
    assert.deepEqual(unknownKeys(client.latest(uriIn(folderB, 'both.webhook'))!.params.diagnostics), ['Unknown key "alpha_only" (checked against webhook-fields.json).']);
  });

  test('references of a tracker field defined in both folders stay inside the folder asked from', async () => {
    const uri = uriIn(folderA, 'hooks/hook-0.webhook');
    const text = template(0);
    await client.open(uri, 'webhook-template', text);
    const found = (await references(client, uri, positionOf(text, 'clickid}', 2), true)) ?? [];
    assert.equal(found.length, TEMPLATES_PER_FOLDER + 1);
    assert.deepEqual(found.filter((location) => !location.uri.startsWith(fileUri(folderA) + '/')).map((location) => where(folderB, location)), []);
  });

  test('a rename in folder A edits folder A and its fields file only', async () => {
    const uri = uriIn(folderA, 'hooks/hook-0.webhook');
    const edit = await rename(client, uri, positionOf(template(0), 'clickid}', 2), 'click_id');
    const uris = [...editsByUri(edit!).keys()];
    assert.equal(uris.length, TEMPLATES_PER_FOLDER + 1);
    assert.ok(uris.includes(uriIn(folderA, 'webhook-fields.json')));
    assert.deepEqual(uris.filter((changed) => changed.startsWith(fileUri(folderB) + '/')), []);
  });

  test("a field used only by folder B's templates is unused in folder A's fields file", async () => {
    const unused = (d: Diagnostic[]) => d.filter((x) => x.code === 'fields-unused').map((x) => x.message);
    const inA = await client.waitForDiagnostics(uriIn(folderA, 'webhook-fields.json'), (d) => unused(d).length > 0, 5000);
    assert.deepEqual(unused(inA), ['"sub9" (trackerFields) is not used by any template in the workspace.']);
    assert.deepEqual(unused(client.latest(uriIn(folderB, 'webhook-fields.json'))!.params.diagnostics), []);
  });
});
