// Specifies which fixes `check --fix` may apply without a person: the problem has exactly one fix, and that fix is
// marked safe where it is made (it cannot change what the template means).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fieldsContext, messageScript, scriptDoc, service, webhookDoc } from './core-helpers';

/** `code → text after the fix` of each safe fix in the document. */
function safeFixesIn(document: TextDocument): string[] {
  const core = service();
  const diagnostics = core.templateDiagnostics(document, fieldsContext());
  return core.safeFixes(document, diagnostics, fieldsContext()).map((fix) => `${fix.diagnostic.code} → ${TextDocument.applyEdits(document, fix.edits).split('\n').find((line) => line !== '' && !document.getText().includes(line)) ?? ''}`);
}

const url = (query: string) => webhookDoc(`GET https://api.example.com/lead?${query}\n`);

const CASES: { name: string; document: TextDocument; expected: string[] }[] = [
  { name: 'a case-only typo of a key', document: url('c={chatid}'), expected: ['unknown-key → GET https://api.example.com/lead?c={chatId}'] },
  { name: 'a typo that is more than case is a guess', document: url('s={tracker.clikid}'), expected: [] },
  { name: 'the message dialect in a webhook, for a key the webhook knows', document: url('s={{tracker.clickid}}'), expected: ['wrong-dialect → GET https://api.example.com/lead?s={tracker.clickid}'] },
  { name: 'blanks inside braces', document: url('c={ chatId }'), expected: ['whitespace-in-placeholder → GET https://api.example.com/lead?c={chatId}'] },
  { name: 'blanks and a case-only typo: two safe steps are safe', document: url('c={ chatid }'), expected: ['whitespace-in-placeholder → GET https://api.example.com/lead?c={chatId}'] },
  { name: 'blanks and a guessed key: a safe step and a guess are not', document: url('s={ tracker.clikid }'), expected: [] },
  { name: '"fields." in a webhook, for a custom field', document: url('g={fields.geo}'), expected: ['fields-namespace-in-webhook → GET https://api.example.com/lead?g={geo}'] },
  { name: 'a tracker field without "tracker."', document: url('s={clickid}'), expected: ['missing-tracker-namespace → GET https://api.example.com/lead?s={tracker.clickid}'] },
  { name: '{stepId} for the step key', document: url('s={stepId}'), expected: ['step-id-for-step-key → GET https://api.example.com/lead?s={stepKey}'] },
  { name: 'a default after "|" would be dropped', document: url('u={username|friend}'), expected: [] },
  { name: 'an unclosed placeholder is closed by a person', document: url('s={tracker.clickid'), expected: [] },
  { name: 'an unknown key without a guess has no fix', document: url('x={partner_ref}'), expected: [] },
  { name: 'a receiver fix adds a parameter', document: webhookDoc('GET https://tracker.example.com/abc123/postback?subid={tracker.clickid}\n'), expected: [] },
  { name: 'a webhook placeholder in a message', document: scriptDoc(messageScript('Hi {username}')), expected: ['wrong-dialect →         text: "Hi {{username}}"'] },
];

for (const { name, document, expected } of CASES) {
  test(`safe fix: ${name}`, () => assert.deepEqual(safeFixesIn(document), expected));
}

test('the fixes of one document never overlap, and come in document order', () => {
  const document = url('a={chatid}&b={ chatId }&c={{username}}');
  const fixes = service().safeFixes(document, service().templateDiagnostics(document, fieldsContext()), fieldsContext());
  assert.deepEqual(fixes.map((fix) => fix.diagnostic.code), ['unknown-key', 'whitespace-in-placeholder', 'wrong-dialect']);
  assert.equal(TextDocument.applyEdits(document, fixes.flatMap((fix) => fix.edits)), 'GET https://api.example.com/lead?a={chatId}&b={chatId}&c={username}\n');
});

test('a problem with a second fix is left for a person, however safe its first one', () => {
  const document = url('c={chatid}');
  const [diagnostic] = service().templateDiagnostics(document, fieldsContext());
  assert.equal(service().safeFixes(document, [diagnostic], fieldsContext()).length, 1);
  // The same problem, also offering to add the key to the fields file: two fixes, so a person chooses.
  const twoFixes = { ...diagnostic, data: { ...(diagnostic.data as object), missing: { section: 'customFields', key: 'chatid' } } };
  assert.equal(service().codeActions(document, diagnostic.range, [twoFixes], fieldsContext()).filter((action) => action.kind === 'quickfix').length, 2);
  assert.deepEqual(service().safeFixes(document, [twoFixes], fieldsContext()), []);
});
