// Specifies, as a property over generated templates, that a quick fix never makes a template worse: once applied,
// the text it wrote holds no problem, and the problem it was offered for is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SUPPRESS_ACTION_KIND } from '../../server/src/core/index';
import fc from 'fast-check';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { applyEdits, doc, fieldsContext, service } from './core-helpers';
import { params } from './fuzz-support';

/** What a placeholder slot may hold: right ones, typos, the other dialect, expressions, broken and stray braces. */
const SLOTS = [
  '{chatId}', '{chatid}', '{ chatId }', '{chat Id}', '{chat-id}', '{username|friend}', '{username | friend}', '{user name}',
  '{tracker.clickid}', '{tracker.clikid}', '{tracker.click id}', '{tracker.clickid&x=1}', '{tracker.clickid', '{clickid}',
  '{{tracker.clickid}}', '{{username|friend}}', '{{fields.geo}}', '{fields.geo}', '{tracker.geo}', '{stepId}', '{name}',
  '{createdAt:Y-m-d}', '{date:Y-m-d}', '{+chatId}', '{+var}', '{?x,y}', '{/id*}', '{x,y}', '{list*}', '{=path}', '{%2x}',
  '{geo}', '{Geo}', '{geo|upper}', '{deposit_amount}', '{depositamount}', '{}', '{ }', '{{}}', '{chat.tracker.clickid}',
  '{ chat-id }', '{1st}', '{имя}', 'x', '7', '', '}', '{', '%7Bx%7D',
];

const slot = fc.constantFrom(...SLOTS);
const slots = fc.array(slot, { minLength: 1, maxLength: 4 });

/** A .webhook request at a host no receiver table claims, with slots in the query, a header and a JSON body string. */
const webhookText = fc.tuple(slots, slot, slots).map(([query, header, body]) => {
  const url = `https://crm.example.com/hook?${query.map((value, index) => `p${index}=${value}`).join('&')}`;
  const json = `{"a": "${body.join(' ')}", "n": {"m": 1}}`;
  return `POST ${url}\nX-Value: ${header}\n\n${json}\n`;
});

/** A script whose message text and webhook step hold slots (message dialect and webhook dialect side by side). */
const scriptText = fc.tuple(slots, slots).map(([message, url]) =>
  [
    'flows:', '  - key: main', '    steps:', '      - key: hi', '        type: message',
    `        text: "Hi ${message.join(' ').replace(/"/g, '')}"`, '      - key: hook', '        type: webhook',
    `        url: 'https://crm.example.com/hook?v=${url.join('&w=')}'`, '',
  ].join('\n'),
);

/** Edits of an action on this document (adding a key to the fields file edits another file, and is no text fix). */
function ownEdits(document: TextDocument, action: CodeAction): TextEdit[] {
  return action.edit?.changes?.[document.uri] ?? [];
}

/** Offsets, in the fixed text, of what each edit wrote. */
function writtenSpans(document: TextDocument, edits: readonly TextEdit[]): { start: number; end: number }[] {
  const sorted = [...edits].sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
  let shift = 0;
  return sorted.map((edit) => {
    const start = document.offsetAt(edit.range.start) + shift;
    shift += edit.newText.length - (document.offsetAt(edit.range.end) - document.offsetAt(edit.range.start));
    return { start, end: start + edit.newText.length };
  });
}

function overlaps(document: TextDocument, diagnostic: Diagnostic, span: { start: number; end: number }): boolean {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return start < span.end && span.start < end;
}

/** Applies every fix offered in the document, each on its own, and checks what it wrote. */
function assertFixesClean(uri: string, text: string): void {
  const fields = fieldsContext();
  const document = doc(uri, text);
  for (const diagnostic of service().templateDiagnostics(document, fields)) {
    for (const action of service().codeActions(document, diagnostic.range, [diagnostic], fields)) {
      const edits = ownEdits(document, action);
      if (edits.length === 0) continue;
      const fixed = doc(uri, applyEdits(text, edits));
      const after = service().templateDiagnostics(fixed, fields);
      for (const span of writtenSpans(document, edits)) {
        const left = after.filter((problem) => overlaps(fixed, problem, span));
        assert.deepEqual(left.map((problem) => `${problem.code}: ${problem.message}`), [],
          `"${action.title}" for ${diagnostic.code} wrote "${fixed.getText().slice(span.start, span.end)}", which holds a problem\n${text}`);
      }
    }
  }
}

test('property: every fix in a .webhook request leaves what it wrote without a problem', () => {
  fc.assert(fc.property(webhookText, (text) => assertFixesClean('file:///project/postback.webhook', text)), params(300));
});

test('property: every fix in a script (messages and webhook steps) leaves what it wrote without a problem', () => {
  fc.assert(fc.property(scriptText, (text) => assertFixesClean('file:///project/bot.script.yaml', text)), params(300));
});

test('{username|friend} is offered {username}, never {username}|friend}', () => {
  const text = 'GET https://crm.example.com/hook?u={username|friend}\n';
  const document = doc('file:///project/postback.webhook', text);
  const [diagnostic] = service().templateDiagnostics(document, fieldsContext());
  const corrections = service().codeActions(document, diagnostic.range, [diagnostic], fieldsContext()).filter((action) => action.kind !== SUPPRESS_ACTION_KIND);
  assert.deepEqual(corrections.map((action) => applyEdits(text, ownEdits(document, action))), ['GET https://crm.example.com/hook?u={username}\n']);
});
