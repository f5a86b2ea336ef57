// Diagnostics on the deliberate mistakes of examples/, as the real editor receives them from the language server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, describeDiagnostic, openDocument, ourDiagnostics, waitFor } from './support';

/** Waits until the document has exactly `count` diagnostics of ours, then lists them sorted by position. */
async function diagnosticsOf(document: vscode.TextDocument, count: number): Promise<string[]> {
  const found = await waitFor(`${count} diagnostics on ${document.uri.path}`, () => {
    const diagnostics = ourDiagnostics(document.uri);
    return diagnostics.length === count ? diagnostics : undefined;
  });
  return found
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((diagnostic) => describeDiagnostic(document, diagnostic));
}

suite('diagnostics', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('keitaro.webhook: the misspelt keys are unknown-key errors at their exact ranges', async () => {
    const document = await openDocument('keitaro.webhook');
    assert.deepEqual(await diagnosticsOf(document, 2), ['unknown-key 25:94 {chatid}', 'unknown-key 29:55 {tracker.clikid}']);
  });

  test('keitaro.webhook: the unknown-key errors are errors and suggest the right key', async () => {
    const document = await openDocument('keitaro.webhook');
    await diagnosticsOf(document, 2);
    const diagnostics = ourDiagnostics(document.uri).sort((a, b) => a.range.start.compareTo(b.range.start));
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.severity), [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Error]);
    assert.match(diagnostics[0].message, /Did you mean "\{chatId\}"/);
    assert.match(diagnostics[1].message, /Did you mean "\{tracker\.clickid\}"/);
  });

  test('funnel.script.yaml: the four deliberate mistakes, with their codes and ranges', async () => {
    const document = await openDocument('funnel.script.yaml');
    assert.deepEqual(await diagnosticsOf(document, 4), [
      'wrong-dialect 31:15 {username}',
      'wrong-dialect 35:65 {{tracker.clickid}}',
      'fields-namespace-in-webhook 70:104 {fields.geo}',
      'step-id-for-step-key 80:21 {stepId}',
    ]);
  });
});
