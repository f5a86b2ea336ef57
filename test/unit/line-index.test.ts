// The fast line index answers every offset and position exactly as TextDocument does, before and after edits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { offsetAt, positionAt } from '../../server/src/core/base/line-index';

const textArbitrary = fc.array(fc.constantFrom('a', 'é', '😀', ' ', '\n', '\n\n', '\r\n', '\r', '{{x}}'), { maxLength: 40 }).map((parts) => parts.join(''));

function sameAnswers(ours: TextDocument, theirs: TextDocument): void {
  const text = theirs.getText();
  for (let offset = -2; offset <= text.length + 2; offset++) assert.deepEqual(positionAt(ours, offset), theirs.positionAt(offset), `offset ${offset}`);
  for (let line = -1; line <= theirs.lineCount + 1; line++) {
    for (let character = -1; character <= 12; character++) {
      assert.equal(offsetAt(ours, { line, character }), theirs.offsetAt({ line, character }), `${line}:${character}`);
    }
  }
}

test('any text: positions and offsets equal TextDocument’s', () => {
  fc.assert(
    fc.property(textArbitrary, (text) => sameAnswers(TextDocument.create('file:///a', 'yaml', 1, text), TextDocument.create('file:///b', 'yaml', 1, text))),
    { numRuns: 500 },
  );
});

test('an edited document: positions and offsets follow the edit', () => {
  fc.assert(
    fc.property(textArbitrary, textArbitrary, fc.nat(), (text, inserted, at) => {
      const document = TextDocument.create('file:///a', 'yaml', 1, text);
      positionAt(document, 0);
      const position = document.positionAt(at % (text.length + 1));
      TextDocument.update(document, [{ range: { start: position, end: position }, text: inserted }], 2);
      // Against the edited document itself: TextDocument's index after an edit may read \r + \n as two breaks.
      sameAnswers(document, document);
    }),
    { numRuns: 300 },
  );
});

test('a character past the end of a line stops before its line break', () => {
  const document = TextDocument.create('file:///a', 'yaml', 1, 'ab\ncd\n');
  assert.equal(offsetAt(document, { line: 0, character: 10 }), 2);
  assert.deepEqual(positionAt(document, 6), { line: 2, character: 0 });
});
