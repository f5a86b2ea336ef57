// "Explain Delivered Webhook" through the real command: a postback as a tracker logged it, matched back to the
// examples' template that sent it, and the read-only view that shows the explanation.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitFor } from './support';

/** What the test reads of the command's answer (the core's Explanation; this project does not see the core). */
interface Explanation {
  error?: string;
  template?: { request: string; uri: string };
  findings: { kind: string; code?: string; parameter?: string }[];
  lost: boolean;
}

const DELIVERED = 'https://keitaro.yoursite.com/25123a/postback?subid=%7Btracker.clikid%7D&status=lead';

suite('explain delivered webhook', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('with { text, confirm: false } the command returns the explanation: the misspelt template, unknown-key named', async () => {
    const explanation = await vscode.commands.executeCommand<Explanation>('webhookTemplates.explainDeliveredWebhook', { text: DELIVERED, confirm: false });
    assert.ok(explanation, 'the command returned nothing');
    assert.equal(explanation.template?.request, 'Deliberate mistake: misspelt tracker field');
    assert.ok(explanation.template?.uri.endsWith('/keitaro.webhook'), explanation.template?.uri);
    assert.deepEqual(explanation.findings.map((finding) => `${finding.kind} ${finding.code} ${finding.parameter}`), ['literal unknown-key subid']);
    assert.equal(explanation.lost, true);
  });

  test('text that is no request comes back with the reason, not as an exception', async () => {
    const explanation = await vscode.commands.executeCommand<Explanation>('webhookTemplates.explainDeliveredWebhook', { text: 'row 3 of the log', confirm: false });
    assert.match(explanation?.error ?? '', /is not a URL/);
  });

  test('without confirm: false the explanation opens in a read-only view beside the editor', async () => {
    await vscode.commands.executeCommand('webhookTemplates.explainDeliveredWebhook', { text: DELIVERED });
    const view = await waitFor('the explanation view', () =>
      vscode.window.visibleTextEditors.find((editor) => editor.document.getText().startsWith('### Delivered webhook')),
    );
    assert.match(view.document.getText(), /^# Template: Deliberate mistake: misspelt tracker field — keitaro\.webhook:29 \(match 100%\)$/m);
    assert.match(view.document.getText(), /^#   file:\/\/\S+\/keitaro\.webhook#L29$/m);
  });
});
