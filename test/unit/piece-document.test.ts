// The server's open documents (pieces, not one string rebuilt per edit) answer exactly as TextDocument does, and
// typing in them copies nothing as long as the document.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { createTemplateService } from '../../server/src/core';
import { PieceDocument } from '../../server/src/documents/piece-document';
import { singleEdit } from '../../server/src/documents/single-edit';
import { fieldsContext } from './core-helpers';
import { runs } from './fuzz-support';

const textArbitrary = fc.array(fc.constantFrom('a', 'bc', 'é', '😀', ' ', '\n', '\n\n', '\r\n', '\r', '{{x}}', 'x'.repeat(40)), { maxLength: 30 }).map((parts) => parts.join(''));

/** An edit as offsets into the text it applies to (turned into a range there), or a whole new text. */
const editArbitrary = fc.oneof(
  { weight: 9, arbitrary: fc.record({ start: fc.nat(), length: fc.nat({ max: 12 }), text: textArbitrary, reversed: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ whole: textArbitrary }) },
);

type Edit = { start: number; length: number; text: string; reversed: boolean } | { whole: string };

function changeOf(document: TextDocument, edit: Edit): TextDocumentContentChangeEvent {
  if ('whole' in edit) return { text: edit.whole };
  const size = document.getText().length;
  const start = document.positionAt(edit.start % (size + 1));
  const end = document.positionAt(Math.min(size, (edit.start % (size + 1)) + edit.length));
  return { range: edit.reversed ? { start: end, end: start } : { start, end }, text: edit.text };
}

function sameAnswers(ours: PieceDocument, theirs: TextDocument): void {
  const text = theirs.getText();
  assert.equal(ours.lineCount, theirs.lineCount);
  assert.equal(ours.length, text.length);
  for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `offset ${offset}`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    for (let character = -1; character <= 45; character += 3) {
      const position = { line, character };
      assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `${line}:${character}`);
      const range = { start: theirs.positionAt(0), end: position };
      assert.equal(ours.getText(range), theirs.getText(range), `text up to ${line}:${character}`);
      assert.equal(ours.getText({ start: position, end: theirs.positionAt(text.length) }), theirs.getText({ start: position, end: theirs.positionAt(text.length) }));
    }
  }
  assert.equal(ours.getText(), text);
}

test('through any edits, text, slices, positions and offsets equal TextDocument’s', () => {
  fc.assert(
    fc.property(textArbitrary, fc.array(fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (text, batches) => {
      const ours = new PieceDocument('file:///a', 'yaml', 1, text);
      const theirs = TextDocument.create('file:///a', 'yaml', 1, text);
      batches.forEach((batch, index) => {
        // Each change of a batch applies to the text the previous one left, as the protocol says.
        const changes: TextDocumentContentChangeEvent[] = [];
        const scratch = TextDocument.create('file:///s', 'yaml', 0, theirs.getText());
        for (const edit of batch) {
          const change = changeOf(scratch, edit);
          changes.push(change);
          TextDocument.update(scratch, [change], 0);
        }
        ours.update(changes, index + 2);
        TextDocument.update(theirs, changes, index + 2);
        assert.equal(ours.version, theirs.version);
        sameAnswers(ours, theirs);
      });
    }),
    { numRuns: runs(300) },
  );
});

/** Ten thousand lines of a script, one long text. */
const LARGE = Array.from({ length: 10000 }, (_, i) => `      - key: s${i}\n        text: "Step ${i}: {{username}}"`).join('\n');

test('typing a run of characters and reading around it never joins the whole text', () => {
  const document = new PieceDocument('file:///large.script.yaml', 'yaml', 1, LARGE);
  const at = document.positionAt(LARGE.indexOf('Step 5000:'));
  for (let typed = 0; typed < 3000; typed++) {
    const position = { line: at.line, character: at.character + typed };
    document.update([{ range: { start: position, end: position }, text: typed % 50 === 49 ? '\n' : 'a' }], typed + 2);
    if (typed % 50 === 49) [at.line, at.character] = [at.line + 1, -(typed + 1)];
    // What the check of a keystroke reads: the edited step, positions of diagnostics anywhere.
    document.getText({ start: { line: at.line - 2, character: 0 }, end: { line: at.line + 2, character: 0 } });
    document.positionAt(document.length - 5);
    document.offsetAt({ line: 7000, character: 4 });
  }
  assert.equal(document.joins, 0);
  assert.equal(document.getText().length, LARGE.length + 3000);
  assert.equal(document.joins, 1);
});

test('edits all over the document are joined into one text now and then, not at every edit', () => {
  const document = new PieceDocument('file:///large.script.yaml', 'yaml', 1, LARGE);
  for (let edit = 0; edit < 2000; edit++) {
    const position = document.positionAt((edit * 7919) % document.length);
    document.update([{ range: { start: position, end: position }, text: 'b' }], edit + 2);
  }
  assert.ok(document.joins >= 1 && document.joins <= 10, `${document.joins} joins`);
});

/** A script of 2,000 steps in one flow, as the server would hold it open. */
function largeScript(): string {
  const steps = Array.from({ length: 2000 }, (_, i) => [`      - key: s${i}`, '        type: message', `        text: "Step ${i}: {{username}} {{fields.geo}}"`]);
  return ['flows:', '  - key: main', '    steps:', ...steps.flat(), ''].join('\n');
}

test('the service checks and completes each keystroke in a large open script without joining its text', () => {
  const text = largeScript();
  const service = createTemplateService();
  const fields = fieldsContext();
  const document = new PieceDocument('file:///w/large.script.yaml', 'yaml', 1, text);
  service.templateDiagnostics(document, fields);
  const start = document.positionAt(text.indexOf('Step 1000:'));
  const typed = ' {{fields.ge';
  for (let i = 0; i < typed.length; i++) {
    const at = { line: start.line, character: start.character + i };
    const changes = [{ range: { start: at, end: at }, text: typed[i] }];
    service.noteChange(document.uri, document.version, document.version + 1, singleEdit(document, changes)?.change);
    document.update(changes, document.version + 1);
    service.templateDiagnostics(document, fields);
    assert.equal(service.readingOf(document.uri)?.parse.kind, 'step');
    service.completions(document, { line: at.line, character: at.character + 1 }, fields);
    service.hover(document, { line: at.line, character: at.character + 1 }, fields);
  }
  const completion = service.completions(document, { line: start.line, character: start.character + typed.length }, fields);
  assert.ok(completion.items.some((item) => item.label === 'geo'), 'completion reads the key being typed');
  assert.equal(document.joins, 0, 'a keystroke read the whole text');
});
