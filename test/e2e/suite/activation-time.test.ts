// Times the extension's activation in a window where none of its activation events fired (the bench's mode only).
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { hostActivationPhases } from './host-marks';
import { EXTENSION_ID, codeOf, ourDiagnostics, waitFor, workspaceRoot } from './support';

/** The bench names the file in WEBHOOK_TEMPLATES_E2E_ACTIVATION; a hand run finds it beside the workspace. */
function figureFile(): string {
  return process.env.WEBHOOK_TEMPLATES_E2E_ACTIVATION ?? join(dirname(workspaceRoot().fsPath), 'e2e-activation.json');
}

suite('activation time @bench', () => {
  test('activate() of the inactive extension returns before its server answers; a command run at once waits for it, the on-demand part loaded by it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    assert.equal(extension.isActive, false, 'the extension was already active: an activation event fired in the bench workspace');
    const started = performance.now();
    await extension.activate();
    const activateMs = performance.now() - started;
    assert.equal(extension.isActive, true);
    assert.ok(Number.isFinite(activateMs) && activateMs > 0, `activation took ${activateMs} ms`);
    // What only a command needs stays unloaded until one runs; the first one pays for it.
    const onDemand = join(extension.extensionPath, 'dist', 'on-demand.js');
    assert.equal(require.cache[onDemand], undefined, 'activation loaded the on-demand part');
    // The probe is written only now: a .webhook file in the folder beforehand would have activated the extension.
    const probeUri = vscode.Uri.joinPath(workspaceRoot(), 'probe.webhook');
    await vscode.workspace.fs.writeFile(probeUri, Buffer.from('GET https://example.com/hook?a={}\n'));
    // Run at once, while the server may still be starting: the command waits for it instead of failing.
    const commandStarted = performance.now();
    const preview = await vscode.commands.executeCommand<string>('webhookTemplates.previewWebhook', { uri: probeUri.toString(), line: 0, confirm: false });
    const firstCommandMs = performance.now() - commandStarted;
    const serverAnsweredMs = performance.now() - started;
    assert.match(preview ?? '', /^GET https:\/\/example\.com\/hook/m);
    assert.ok(require.cache[onDemand], 'the first preview did not load the on-demand part');
    const probe = await vscode.workspace.openTextDocument(probeUri);
    const codes = await waitFor('diagnostics of the probe document', () => {
      const found = ourDiagnostics(probe.uri).map(codeOf);
      return found.length > 0 ? found : undefined;
    });
    assert.ok(codes.includes('empty-placeholder'), `diagnostics of the probe: ${codes.join(', ')}`);
    writeFileSync(figureFile(), JSON.stringify({ activateMs, host: hostActivationPhases(EXTENSION_ID), firstCommandMs, serverAnsweredMs }));
  });
});
