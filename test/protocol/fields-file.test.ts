// Protocol tests of the fields file: changes on disk and in the editor re-check open templates; broken files keep the last good definitions.
import assert from 'node:assert/strict';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FileChangeType, type Diagnostic, type Position } from 'vscode-languageserver-protocol';
import { examplesDir } from '../support/paths';
import { LspClient, fileUri } from './lsp-client';
import { lineAt, makeWorkspace, readText, removeWorkspace } from './workspace';
import { serveFolder, stopExamples } from './examples-session';

/** Placeholder diagnostics only: the seed request's receiver findings do not depend on the fields file (see receivers.test.ts). */
const shapes = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => !String(d.code).startsWith('receiver-')).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`).sort();
const KEITARO_TWO = ['unknown-key 24:94', 'unknown-key 28:55'];
const CLIKID_ENTRY = '\n    "clikid": { "description": "Typo kept by an old campaign", "example": "x" },';
/** Line 9 (0-based) of examples/webhook-fields.json is `  "trackerFields": {`. */
const TRACKER_LINE = 9;

describe('fields file over the protocol', () => {
  let root: string;
  let client: LspClient;
  let folders = 0;

  before(async () => {
    ({ root, client } = await serveFolder(makeWorkspace({})));
  });

  after(() => stopExamples({ root, client }));

  /** A fresh copy of examples/ in its own subfolder (the nearest fields file wins), with keitaro.webhook open and checked. */
  async function openKeitaroCopy() {
    const dir = join(root, `case-${++folders}`);
    cpSync(examplesDir, dir, { recursive: true });
    const templateUri = fileUri(join(dir, 'keitaro.webhook'));
    const fieldsPath = join(dir, 'webhook-fields.json');
    await client.open(templateUri, 'webhook-template', readText(dir, 'keitaro.webhook'));
    assert.deepEqual(shapes(await client.waitForDiagnostics(templateUri)), KEITARO_TWO);
    return { dir, templateUri, fieldsPath, fieldsUri: fileUri(fieldsPath), fieldsText: readText(dir, 'webhook-fields.json') };
  }

  const endOfTrackerLine = (text: string) => ({ line: TRACKER_LINE, character: lineAt(text, TRACKER_LINE).length });

  test('the server registers a watcher for fields files', async () => {
    await openKeitaroCopy();
    const watchers = client.registrations.filter((registration) => registration.method === 'workspace/didChangeWatchedFiles');
    assert.equal(watchers.length, 1);
    const globs = (watchers[0].registerOptions as { watchers: { globPattern: string }[] }).watchers.map((watcher) => watcher.globPattern);
    assert.ok(globs.some((glob) => glob.includes('webhook-fields')), `globs: ${globs}`);
  });

  test('a tracker field added on disk, announced by didChangeWatchedFiles, clears {tracker.clikid}', async () => {
    const { templateUri, fieldsPath, fieldsUri, fieldsText } = await openKeitaroCopy();
    const lines = fieldsText.split('\n');
    lines[TRACKER_LINE] += CLIKID_ENTRY;
    writeFileSync(fieldsPath, lines.join('\n'));
    const mark = client.mark();
    await client.fileChanged(fieldsUri, FileChangeType.Changed);
    const diagnostics = await client.waitForDiagnostics(templateUri, () => true, 5000, mark);
    assert.deepEqual(shapes(diagnostics), ['unknown-key 24:94']);
  });

  test('a fields file deleted on disk leaves only built-in keys known', async () => {
    const { templateUri, fieldsPath, fieldsUri } = await openKeitaroCopy();
    rmSync(fieldsPath);
    const mark = client.mark();
    await client.fileChanged(fieldsUri, FileChangeType.Deleted);
    const diagnostics = await client.waitForDiagnostics(templateUri, () => true, 5000, mark);
    assert.ok(diagnostics.some((d) => d.message.includes('"geo"')), 'the custom field geo should now be unknown');
    const [note, ...problems] = diagnostics;
    assert.equal(note.code, 'no-fields-file', 'an open template that lost its fields file gets the note');
    assert.ok(problems.every((d) => !d.message.includes('webhook-fields.json')), 'messages must not name a deleted file');
  });

  test('a fields file created on disk is found for a template that had none', async () => {
    const dir = join(root, `case-${++folders}`);
    const templateUri = fileUri(join(dir, 'lead.webhook'));
    await client.open(templateUri, 'webhook-template', 'GET https://t.test/?sub={tracker.clickid}&geo={geo}\n');
    assert.deepEqual((await client.waitForDiagnostics(templateUri)).map((d) => d.code), ['no-fields-file', 'unknown-key', 'unknown-key']);
    const fieldsPath = join(dir, 'webhook-fields.json');
    cpSync(join(examplesDir, 'webhook-fields.json'), fieldsPath);
    const mark = client.mark();
    await client.fileChanged(fileUri(fieldsPath), FileChangeType.Created);
    assert.deepEqual(await client.waitForDiagnostics(templateUri, () => true, 5000, mark), []);
  });

  /**
   * Opens the fields file and waits until the server has checked it and, after it, the open template (opening it
   * re-checks open templates): a check of the template still under way when an edit follows would be taken for the
   * edit's.
   */
  async function openFields(templateUri: string, fieldsUri: string, fieldsText: string): Promise<void> {
    const since = client.mark();
    await client.open(fieldsUri, 'json', fieldsText);
    await client.waitForPublication(fieldsUri, (_list, params) => params.version === 1, 5000, since);
    await client.waitForPublication(templateUri, () => true, 5000, since);
  }

  /**
   * Edits the open fields file and waits until the server has checked that version and the open template again
   * (the edit re-checks it; a check of the template left over from before would be taken for the edit's). `since`
   * is the mark before the edit, `fields` the number of the fields file's publication.
   */
  async function editFields(templateUri: string, fieldsUri: string, at: Position, text: string): Promise<{ since: number; fields: number }> {
    const since = client.mark();
    const version = await client.change(fieldsUri, [{ range: { start: at, end: at }, text }]);
    const fields = (await client.waitForPublication(fieldsUri, (_list, params) => params.version === version, 5000, since)).seq;
    await client.waitForPublication(templateUri, () => true, 5000, since);
    return { since, fields };
  }

  test('an unsaved edit of the open fields file re-checks open templates at once', async () => {
    const { templateUri, fieldsUri, fieldsText } = await openKeitaroCopy();
    await openFields(templateUri, fieldsUri, fieldsText);
    const { since: checked } = await editFields(templateUri, fieldsUri, endOfTrackerLine(fieldsText), CLIKID_ENTRY);
    const diagnostics = await client.waitForDiagnostics(templateUri, () => true, 5000, checked);
    assert.deepEqual(shapes(diagnostics), ['unknown-key 24:94']);
  });

  test('a second unsaved edit of the open fields file is followed too', async () => {
    const { templateUri, fieldsUri, fieldsText } = await openKeitaroCopy();
    await openFields(templateUri, fieldsUri, fieldsText);
    await editFields(templateUri, fieldsUri, endOfTrackerLine(fieldsText), '\n    "sub9": {},');
    const { since: checked } = await editFields(templateUri, fieldsUri, { line: TRACKER_LINE + 1, character: '    "sub9": {},'.length }, CLIKID_ENTRY);
    const diagnostics = await client.waitForDiagnostics(templateUri, () => true, 5000, checked);
    assert.deepEqual(shapes(diagnostics), ['unknown-key 24:94']);
  });

  test('closing the fields file without saving brings templates back to the disk definitions', async () => {
    const { templateUri, fieldsUri, fieldsText } = await openKeitaroCopy();
    await openFields(templateUri, fieldsUri, fieldsText);
    const { since: checked } = await editFields(templateUri, fieldsUri, endOfTrackerLine(fieldsText), CLIKID_ENTRY);
    await client.waitForDiagnostics(templateUri, (list) => shapes(list).length === 1, 5000, checked);
    const mark = client.mark();
    await client.close(fieldsUri);
    assert.deepEqual(shapes(await client.waitForDiagnostics(templateUri, () => true, 5000, mark)), KEITARO_TWO);
  });

  test('a syntax error typed into the fields file is reported there as fields-syntax-error', async () => {
    const { templateUri, fieldsUri, fieldsText } = await openKeitaroCopy();
    await openFields(templateUri, fieldsUri, fieldsText);
    const { fields: fieldsSeq } = await editFields(templateUri, fieldsUri, endOfTrackerLine(fieldsText), '\n    "sub3": ');
    const diagnostics = client.published[fieldsSeq - 1].params.diagnostics;
    assert.ok(diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => d.code === 'fields-syntax-error'), `codes: ${diagnostics.map((d) => d.code)}`);
    assert.equal(diagnostics[0].range.start.line, TRACKER_LINE + 2);
    assert.match(diagnostics[0].message, /last good definitions/);
  });

  test('while the open fields file is broken, templates keep the last good definitions', async () => {
    const { templateUri, fieldsUri, fieldsText } = await openKeitaroCopy();
    await openFields(templateUri, fieldsUri, fieldsText);
    const { since: checked, fields: fieldsSeq } = await editFields(templateUri, fieldsUri, endOfTrackerLine(fieldsText), '\n    "sub3": ');
    assert.ok(client.published[fieldsSeq - 1].params.diagnostics.some((d) => d.code === 'fields-syntax-error'));
    assert.deepEqual(shapes(await client.waitForDiagnostics(templateUri, () => true, 5000, checked)), KEITARO_TWO);
  });

  test('after a break, a good edit of the fields file is followed by templates again', async () => {
    const { templateUri, fieldsUri, fieldsText } = await openKeitaroCopy();
    await openFields(templateUri, fieldsUri, fieldsText);
    await editFields(templateUri, fieldsUri, endOfTrackerLine(fieldsText), '\n    "clikid": ');
    const { since: checked, fields: fieldsSeq } = await editFields(templateUri, fieldsUri, { line: TRACKER_LINE + 1, character: '    "clikid": '.length }, '{ "description": "d" },');
    // Only the unused-field hints remain once the syntax error is gone.
    assert.deepEqual(client.published[fieldsSeq - 1].params.diagnostics.filter((d) => d.code !== 'fields-unused'), []);
    assert.deepEqual(shapes(await client.waitForDiagnostics(templateUri, () => true, 5000, checked)), ['unknown-key 24:94']);
  });

  test('a fields file broken on disk is reported in that file, and templates keep the last good definitions', async () => {
    const { templateUri, fieldsPath, fieldsUri, fieldsText } = await openKeitaroCopy();
    writeFileSync(fieldsPath, fieldsText.replace('"sub1": {', '"sub1" {'));
    const mark = client.mark();
    await client.fileChanged(fieldsUri, FileChangeType.Changed);
    const inFields = await client.waitForDiagnostics(fieldsUri, (list) => list.length > 0, 5000, mark);
    assert.ok(inFields.every((d) => d.code === 'fields-syntax-error'), `codes: ${inFields.map((d) => d.code)}`);
    assert.equal(inFields[0].range.start.line, 11);
    assert.deepEqual(shapes(await client.waitForDiagnostics(templateUri, () => true, 5000, mark)), KEITARO_TWO);
  });
});

describe('the fieldsFile setting over the protocol', () => {
  let first: string;
  let second: string;
  let elsewhere: string;
  let client: LspClient;
  const template = 'GET https://t.test/?sub={tracker.clickid}&geo={geo}&p={partner}\n';
  const decoy = JSON.stringify({ customFields: { partner: { type: 'text' } } });

  before(async () => {
    // Both folders have a decoy fields file beside the template that only knows `partner`.
    first = makeWorkspace({ 'templates/lead.webhook': template, 'templates/webhook-fields.json': decoy, 'config/webhook-fields.json': readText(examplesDir, 'webhook-fields.json') });
    second = makeWorkspace({ 'lead.webhook': template, 'webhook-fields.json': decoy });
    elsewhere = makeWorkspace({ 'shared/project-fields.json': readText(examplesDir, 'webhook-fields.json') });
    const settings = (scopeUri: string | undefined) => {
      if (scopeUri?.startsWith(fileUri(first) + '/')) return { fieldsFile: 'config/webhook-fields.json', scriptFiles: [] };
      if (scopeUri?.startsWith(fileUri(second) + '/')) return { fieldsFile: join(elsewhere, 'shared', 'project-fields.json'), scriptFiles: [] };
      return { fieldsFile: '', scriptFiles: [] };
    };
    client = await LspClient.start({ folders: [first, second], settings });
  });

  after(async () => {
    await client?.stop();
    for (const dir of [first, second, elsewhere]) removeWorkspace(dir);
  });

  test('a path relative to the workspace folder overrides the fields file beside the template', async () => {
    const uri = fileUri(join(first, 'templates', 'lead.webhook'));
    await client.open(uri, 'webhook-template', template);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.range.start.character}`), [`unknown-key ${template.indexOf('{partner}')}`]);
    assert.match(diagnostics[0].message, /config\/webhook-fields\.json/);
  });

  test('an absolute path to a fields file of any name outside the workspace is honoured', async () => {
    const uri = fileUri(join(second, 'lead.webhook'));
    await client.open(uri, 'webhook-template', template);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.range.start.character}`), [`unknown-key ${template.indexOf('{partner}')}`]);
    assert.match(diagnostics[0].message, /shared\/project-fields\.json/);
  });
});
