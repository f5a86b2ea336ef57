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

  test('keitaro.webhook: the seed request\'s receiver findings, then the misspelt keys as unknown-key errors, at their exact ranges', async () => {
    const document = await openDocument('keitaro.webhook');
    assert.deepEqual(await diagnosticsOf(document, 6), [
      'receiver-default-value 8:28 /25123a/postback',
      'receiver-unknown-parameter 8:69 username',
      'receiver-unknown-parameter 8:89 chatid',
      'receiver-unknown-parameter 8:105 startdialogue',
      'unknown-key 25:94 {chatid}',
      'unknown-key 29:55 {tracker.clikid}',
    ]);
  });

  test('keitaro.webhook: the sale is a warning, the ignored parameters information, the unknown keys errors that suggest the right key', async () => {
    const document = await openDocument('keitaro.webhook');
    await diagnosticsOf(document, 6);
    const diagnostics = ourDiagnostics(document.uri).sort((a, b) => a.range.start.compareTo(b.range.start));
    const { Error, Warning, Information } = vscode.DiagnosticSeverity;
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.severity), [Warning, Information, Information, Information, Error, Error]);
    assert.match(diagnostics[0].message, /Keitaro records this postback as a sale/);
    assert.match(diagnostics[4].message, /Did you mean "\{chatId\}"/);
    assert.match(diagnostics[5].message, /Did you mean "\{tracker\.clickid\}"/);
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
