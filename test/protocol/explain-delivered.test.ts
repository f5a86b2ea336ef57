// Protocol tests of webhookTemplates/explainDelivered: the server hands the service every template of the workspace,
// files nobody opened and unsaved editors alike, and answers text that is no request with a reason.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DeliveredInput, Explanation } from '../../server/src/core';
import { ExplainDeliveredRequest } from '../../server/src/protocol';
import { fileUri, type LspClient } from './lsp-client';
import { serveExamples, stopExamples } from './examples-session';

const REQUEST_TIMEOUT_MS = 20000;

function explain(client: LspClient, params: DeliveredInput): Promise<Explanation> {
  const timeout = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('webhookTemplates/explainDelivered timed out')), REQUEST_TIMEOUT_MS).unref());
  return Promise.race([client.connection.sendRequest(ExplainDeliveredRequest, params), timeout]);
}

describe('webhookTemplates/explainDelivered over the protocol', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    ({ root, client } = await serveExamples());
  });

  after(() => stopExamples({ root, client }));

  test('a template in a file nobody opened is found, its URL line given', async () => {
    const explanation = await explain(client, { text: 'POST https://crm.example.com/api/leads\n\n{"username": "", "chat_id": "1", "clickid": "c", "geo": "KZ", "meta": {}}' });
    assert.equal(explanation.template?.request, 'Partner CRM (POST JSON)');
    assert.equal(explanation.template?.uri, fileUri(join(root, 'keitaro.webhook')));
    assert.equal(explanation.template?.line, 16);
    assert.deepEqual(explanation.findings.map((finding) => `${finding.kind} ${finding.parameter}`), ['empty username']);
    assert.equal(explanation.lost, true);
  });

  test('an open editor\'s unsaved text is a template too', async () => {
    const uri = fileUri(join(root, 'unsaved.webhook'));
    await client.open(uri, 'webhook-template', '### Unsaved\nGET https://hooks.example.net/only-here?user={username}\n');
    const explanation = await explain(client, { text: 'https://hooks.example.net/only-here?user=ivan' });
    assert.equal(explanation.template?.uri, uri);
    assert.equal(explanation.lost, false);
    await client.close(uri);
  });

  test('text that is no request gets a reason', async () => {
    const explanation = await explain(client, { text: 'Logs → Webhooks, row 3' });
    assert.match(explanation.error ?? '', /is not a URL/);
  });
});
