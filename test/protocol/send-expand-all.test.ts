// Protocol tests of webhookTemplates/expandAll, which "Send All Webhooks in File" uses: every request of a file (or
// of one flow of a script file) expanded with a profile, each with its line and flow, and the flows to choose among.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ExpandAllRequest, type ExpandAllParams, type ExpandAllResult } from '../../server/src/protocol';
import { LspClient, fileUri } from './lsp-client';
import { positionOf } from './workspace';
import { serveOpenExamples, stopExamples } from './examples-session';

const REQUEST_TIMEOUT_MS = 5000;

function expandAll(client: LspClient, params: ExpandAllParams): Promise<ExpandAllResult> {
  const timeout = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('webhookTemplates/expandAll timed out')), REQUEST_TIMEOUT_MS).unref());
  return Promise.race([client.connection.sendRequest(ExpandAllRequest, params), timeout]);
}

describe('webhookTemplates/expandAll over the protocol', () => {
  let root: string;
  let client: LspClient;
  let webhookUri: string;
  let webhookText: string;
  let scriptUri: string;
  let scriptText: string;

  before(async () => {
    const session = await serveOpenExamples();
    ({ root, client } = session);
    ({ uri: webhookUri, text: webhookText } = session.webhook);
    ({ uri: scriptUri, text: scriptText } = session.script);
  });

  after(() => stopExamples({ root, client }));

  test('keitaro.webhook: its six requests in order, each expanded with the profile at the line of its ### title', async () => {
    const result = await expandAll(client, { uri: webhookUri, profile: 'lead' });
    assert.equal(result.error, undefined);
    assert.equal(result.fieldsFile, 'webhook-fields.json');
    assert.deepEqual(result.flows, []);
    const titles = webhookText.split('\n').flatMap((line, index) => (line.startsWith('### ') ? [[line.slice(4), index]] : []));
    assert.deepEqual(result.requests.map(({ request, line }) => [request.name, line]), titles);
    const first = result.requests[0].request;
    assert.equal(first.profile, 'lead');
    assert.equal(first.url, 'https://keitaro.yoursite.com/25123a/postback?subid=7f3a9c01&username=ivan_petrov&chatid=482913377&startdialogue=2024-03-10T17%3A49%3A32.806Z');
    assert.match(first.record?.summary ?? '', /^Keitaro records/);
  });

  test('the deliberate mistakes come back with their unresolved placeholders, for the command to refuse', async () => {
    const result = await expandAll(client, { uri: webhookUri, profile: 'lead' });
    const unresolved = result.requests.filter(({ request }) => request.unresolved.length > 0).map(({ request }) => [request.name, request.unresolved.map((issue) => issue.text)]);
    assert.deepEqual(unresolved, [
      ['Deliberate mistake: wrong case', ['{chatid}']],
      ['Deliberate mistake: misspelt tracker field', ['{tracker.clikid}']],
    ]);
  });

  test('funnel.script.yaml: every webhook step with its flow, and the three flows with their lines and counts', async () => {
    const result = await expandAll(client, { uri: scriptUri, profile: 'lead' });
    assert.deepEqual(result.requests.map(({ request, flow }) => [request.name, flow]), [
      ['lead_postback', 'main'],
      ['lead_postback_copy', 'main'],
      ['crm_deposit', 'deposit'],
      ['keitaro_sale', 'deposit'],
      ['reactivation_postback', 'reactivation'],
      ['reactivation_event', 'reactivation'],
    ]);
    assert.deepEqual(result.flows.map((flow) => [flow.key, flow.startLine, flow.requests]), [
      ['main', positionOf(scriptText, '- key: main').line, 2],
      ['deposit', positionOf(scriptText, '- key: deposit').line, 2],
      ['reactivation', positionOf(scriptText, '- key: reactivation').line, 2],
    ]);
    assert.equal(result.requests[0].line, positionOf(scriptText, 'lead_postback').line);
    assert.equal(result.requests[0].request.url, 'https://keitaro.yoursite.com/25123a/postback?subid=7f3a9c01&status=lead&sub_id_1=482913377&sub_id_2=lead_postback');
  });

  test('one flow: only its steps, and still every flow to choose among', async () => {
    const result = await expandAll(client, { uri: scriptUri, flow: 'deposit', profile: 'lead' });
    assert.deepEqual(result.requests.map(({ request }) => request.name), ['crm_deposit', 'keitaro_sale']);
    assert.equal(result.flows.length, 3);
  });

  test('a flow that is not there answers an error naming the flows there are', async () => {
    const result = await expandAll(client, { uri: scriptUri, flow: 'ghost' });
    assert.deepEqual(result.requests, []);
    assert.match(result.error ?? '', /"ghost".*main, deposit, reactivation/);
  });

  test('an unknown profile answers an error naming the profiles there are, and nothing expanded', async () => {
    const result = await expandAll(client, { uri: webhookUri, profile: 'ghost' });
    assert.deepEqual(result.requests, []);
    assert.match(result.error ?? '', /"ghost".*lead, no-username, live-click/);
  });

  test('without a profile, examples and built-in samples fill in', async () => {
    const result = await expandAll(client, { uri: webhookUri });
    assert.equal(result.requests[0].request.profile, undefined);
    assert.equal(result.requests.length, 6);
  });

  test('a file no editor has open is read from disk', async () => {
    const uri = fileUri(join(root, 'partners.script.json'));
    const result = await expandAll(client, { uri, profile: 'lead' });
    assert.equal(result.error, undefined);
    assert.ok(result.requests.some(({ request }) => request.name === 'notify_main_bot'), JSON.stringify(result.requests.map(({ request }) => request.name)));
  });

  test('a document that is no template, and a file that does not exist, answer an error', async () => {
    assert.match((await expandAll(client, { uri: fileUri(join(root, 'webhook-fields.json')) })).error ?? '', /not a template/);
    assert.ok((await expandAll(client, { uri: fileUri(join(root, 'missing.webhook')) })).error);
  });
});
