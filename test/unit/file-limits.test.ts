// The size limit of open documents: sizes in UTF-8 bytes, followed through edits without counting the text again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import fc from 'fast-check';
import { FileLimits, utf8Length } from '../../server/src/workspace/file-limits';
import { singleEdit } from '../../server/src/documents/single-edit';
import type { SettingsCache } from '../../server/src/settings/settings-cache';
import { WorkspaceFolders } from '../../server/src/workspace/workspace-folders';

const FOLDER = 'file:///ws';
const LIMIT_MB = 1;

async function limitsOfOneMB(): Promise<FileLimits> {
  const folders = new WorkspaceFolders();
  folders.set([{ uri: FOLDER, name: 'ws' }]);
  const limits = new FileLimits(folders);
  await limits.reload({ forResource: async () => ({ maxFileSizeMB: LIMIT_MB }) } as unknown as SettingsCache);
  return limits;
}

/** Applies one change the way the server's document manager does: the limit hears of it first. */
function edit(limits: FileLimits, document: TextDocument, change: TextDocumentContentChangeEvent): TextDocument {
  limits.noteEdit(document, singleEdit(document, [change]), document.version + 1);
  return TextDocument.update(document, [change], document.version + 1);
}

const at = (document: TextDocument, offset: number) => document.positionAt(offset);

test('a document of two-byte characters is measured in bytes, not characters', async () => {
  const limits = await limitsOfOneMB();
  const document = TextDocument.create(`${FOLDER}/a.script.yaml`, 'yaml', 1, 'é'.repeat(600_000));
  assert.equal(limits.excessOf(document), 1_200_000);
});

test('the size follows inserts, deletions and replacements of multi-byte text to the byte', async () => {
  const limits = await limitsOfOneMB();
  let document = TextDocument.create(`${FOLDER}/a.script.yaml`, 'yaml', 1, 'é'.repeat(400_000));
  assert.equal(limits.excessOf(document), undefined);
  document = edit(limits, document, { range: { start: at(document, 10), end: at(document, 10) }, text: 'é'.repeat(150_000) });
  assert.equal(limits.excessOf(document), Buffer.byteLength(document.getText()));
  document = edit(limits, document, { range: { start: at(document, 5), end: at(document, 100_000) }, text: '😀' });
  assert.equal(limits.excessOf(document), undefined);
  document = edit(limits, document, { range: { start: at(document, 0), end: at(document, 2) }, text: '😀'.repeat(200_000) });
  assert.equal(limits.excessOf(document), Buffer.byteLength(document.getText()));
});

test('the UTF-8 length counted without Buffer (a web worker has none) equals the bytes Node.js writes, lone surrogates included', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (binary, graphemes) => {
    for (const text of [binary, graphemes, `${binary}\ud800`, `\udc00${graphemes}`]) assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'));
  }));
});
