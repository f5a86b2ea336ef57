// Specifies the rounds of `check --fix` (cli/fix.ts): fixes are applied until a round finds none, a bounded number of
// times, and the unified diff of the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixText, unifiedDiff, type FixRound } from '../../server/src/cli/fix';

/** A round that fixes the first `from` of the text into `to` (one at a time, as overlapping fixes would be). */
function oneAtATime(from: string, to: string): FixRound {
  return (document: TextDocument) => {
    const at = document.getText().indexOf(from);
    if (at < 0) return { diagnostics: [], fixes: [] };
    const range = { start: document.positionAt(at), end: document.positionAt(at + from.length) };
    const diagnostic = { range, message: 'x', code: 'unknown-key' };
    return { diagnostics: [diagnostic], fixes: [{ diagnostic, title: `Change to ${to}`, edits: [{ range, newText: to }] }] };
  };
}

test('fixes are applied round after round until a round finds none', () => {
  const fixed = fixText('file:///a.webhook', 'a x b x c x\n', oneAtATime('x', 'y'));
  assert.equal(fixed.text, 'a y b y c y\n');
  assert.deepEqual(fixed.fixes.map((fix) => `${fix.line}:${fix.column}`), ['1:3', '1:7', '1:11']);
});

test('a fix that undoes another stops after ten rounds instead of looping', () => {
  const flip: FixRound = (document) => (document.getText().includes('x') ? oneAtATime('x', 'y')(document) : oneAtATime('y', 'x')(document));
  assert.equal(fixText('file:///a.webhook', 'x\n', flip).fixes.length, 10);
});

test('the unified diff has context lines, one hunk for changes close together, and marks a missing final line break', () => {
  const before = ['1', '2', '3', 'a {chatid}', '5', '6', '7', '8', '9', '10', '11', 'b {chatid}'].join('\n');
  const after = before.replace(/\{chatid\}/g, '{chatId}');
  assert.equal(unifiedDiff('x.webhook', before, after), [
    '--- a/x.webhook', '+++ b/x.webhook',
    '@@ -1,7 +1,7 @@', ' 1', ' 2', ' 3', '-a {chatid}', '+a {chatId}', ' 5', ' 6', ' 7',
    '@@ -9,4 +9,4 @@', ' 9', ' 10', ' 11', '-b {chatid}', '\\ No newline at end of file', '+b {chatId}', '\\ No newline at end of file', '',
  ].join('\n'));
  assert.equal(unifiedDiff('x.webhook', before, before), '');
});
