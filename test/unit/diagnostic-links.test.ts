// Specifies that every diagnostic links its code to the code's section of docs/problems.md (`codeDescription`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ProblemCode, problemDocsUrl } from '../../server/src/core/base/problems';
import { doc, fieldsContext, scriptDoc, service, webhookDoc } from './core-helpers';

const DOCS = 'https://github.com/webhook-templates/vscode-webhook-templates/blob/main/docs/problems.md';

/** Diagnostics of every origin: placeholders, structure, URL and receiver checks, the fields file, unused fields, file notes. */
function diagnosticsOfEveryOrigin(): Diagnostic[] {
  const templates = service();
  const fields = fieldsContext();
  const webhook = webhookDoc('GET http://k.example.com/a/postback?subid={tracker.clikid}&x=1&x=2&n={ chatId }&u={}\n');
  const broken = scriptDoc('flows:\n  - key: [\n');
  const fieldsFile = doc('file:///project/webhook-fields.json', '{ "customFields": { "geo": { "type": "colour" }, "bad key": {} }, "nope": 1 }');
  const unparsable = doc('file:///project/other/webhook-fields.json', '{ "customFields": ');
  return [
    ...templates.templateDiagnostics(webhook, fields),
    ...templates.templateDiagnostics(broken, fields),
    ...templates.fieldsFileDiagnostics(fieldsFile, 'webhook-fields.json', true),
    ...templates.fieldsFileDiagnostics(unparsable, 'other/webhook-fields.json'),
    ...templates.tooLargeNote('big.webhook', 20 * 1024 * 1024, 10),
    ...templates.templateDiagnostics(webhookDoc('GET https://api.example.com/\n'), { absence: { settingNames: 'missing.json' } }),
    // Suppression reports: an unused suppression and an unknown code in one.
    ...templates.templateDiagnostics(webhookDoc('# webhook-templates-disable-next-line empty-placeholder, nope\nGET https://api.example.com/\n'), fields),
  ];
}

test('every diagnostic carries a link to its code in docs/problems.md', () => {
  const diagnostics = diagnosticsOfEveryOrigin();
  const codes = new Set(diagnostics.map((diagnostic) => String(diagnostic.code)));
  // Not vacuous: placeholder, structure, URL, receiver, fields-file, unused and note diagnostics are all among them.
  for (const code of ['unknown-key', 'script-syntax-error', 'insecure-http', 'receiver-default-value', 'fields-unknown-type', 'fields-syntax-error', 'fields-unused', 'file-too-large', 'fields-file-not-found', 'suppression-unused', 'suppression-unknown-code']) {
    assert.ok(codes.has(code), `no ${code} among ${[...codes].join(', ')}`);
  }
  for (const diagnostic of diagnostics) {
    assert.deepEqual(diagnostic.codeDescription, { href: `${DOCS}#${diagnostic.code}` }, `${diagnostic.code}: ${diagnostic.message}`);
  }
});

test('the link of each code points at the section named by the code itself', () => {
  for (const code of Object.values(ProblemCode)) assert.equal(problemDocsUrl(code), `${DOCS}#${code}`);
});
