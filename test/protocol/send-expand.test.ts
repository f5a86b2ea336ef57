// Protocol tests of webhookTemplates/expand and webhookTemplates/profiles, which "Send test webhook" and "Preview" use.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ProfileSummary } from '../../server/src/core';
import { ExpandRequest, ProfilesRequest, type ExpandParams, type ExpandResult } from '../../server/src/protocol';
import { LspClient, fileUri } from './lsp-client';
import { positionOf, readText } from './workspace';
import { serveOpenExamples, stopExamples } from './examples-session';

const REQUEST_TIMEOUT_MS = 5000;
const PROFILES = ['lead', 'no-username', 'live-click'];
const FIRST_URL = 'https://keitaro.yoursite.com/25123a/postback?subid=7f3a9c01&username=ivan_petrov&chatid=482913377&startdialogue=2024-03-10T17%3A49%3A32.806Z';

function bounded<T>(promise: Promise<T>, what: string): Promise<T> {
  const timeout = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), REQUEST_TIMEOUT_MS).unref());
  return Promise.race([promise, timeout]);
}

function expand(client: LspClient, params: ExpandParams): Promise<ExpandResult> {
  return bounded(client.connection.sendRequest(ExpandRequest, params), 'webhookTemplates/expand');
}

function profiles(client: LspClient, uri: string): Promise<ProfileSummary[]> {
  return bounded(client.connection.sendRequest(ProfilesRequest, { uri }), 'webhookTemplates/profiles');
}

describe('webhookTemplates/expand and /profiles over the protocol', () => {
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

  test('profiles lists the profiles of the fields file in file order', async () => {
    assert.deepEqual((await profiles(client, webhookUri)).map((profile) => profile.name), PROFILES);
  });

  test('profiles say what each sets, secrets from ${env:…} as *** and never read', async () => {
    const live = (await profiles(client, webhookUri)).find((profile) => profile.name === 'live-click');
    assert.deepEqual(live?.values, [
      { key: 'username', value: 'qa_tester' },
      { key: 'chatId', value: '***' },
      { key: 'tracker.clickid', value: '***' },
      { key: 'geo', value: 'UZ' },
    ]);
  });

  test('the first Keitaro request with profile lead expands to the exact URL, nothing unresolved or empty', async () => {
    const line = positionOf(webhookText, 'https://keitaro.yoursite.com/25123a/postback?subid={tracker.clickid}&username').line;
    const result = await expand(client, { uri: webhookUri, line, profile: 'lead' });
    assert.equal(result.error, undefined);
    assert.deepEqual(result.profiles, PROFILES);
    assert.equal(result.fieldsFile, 'webhook-fields.json');
    const request = result.request!;
    assert.equal(request.name, 'Keitaro postback (Chatterfy documentation)');
    assert.equal(request.method, 'GET');
    assert.equal(request.url, FIRST_URL);
    assert.equal(request.profile, 'lead');
    assert.deepEqual(request.unresolved, []);
    assert.deepEqual(request.empty, []);
    assert.deepEqual(request.secrets, []);
  });

  test('the ### line of a request picks that request too', async () => {
    const line = positionOf(webhookText, '### Keitaro postback').line;
    const result = await expand(client, { uri: webhookUri, line, profile: 'lead' });
    assert.equal(result.request?.url, FIRST_URL);
  });

  test('a mistake request is expanded with its placeholder unresolved, marked where it is written', async () => {
    const line = positionOf(webhookText, 'sub_id_1={chatid}').line;
    const result = await expand(client, { uri: webhookUri, line, profile: 'lead' });
    const request = result.request!;
    assert.equal(request.name, 'Deliberate mistake: wrong case');
    assert.equal(request.unresolved.length, 1);
    const [issue] = request.unresolved;
    assert.equal(issue.text, '{chatid}');
    assert.match(issue.reason, /chatid/);
    assert.equal(webhookText.slice(issue.span.start, issue.span.end), '{chatid}');
    assert.equal(issue.span.start, webhookText.indexOf('{chatid}', webhookText.indexOf('sub_id_1={chatid}')));
    assert.match(request.url, /sub_id_1=\{chatid\}$/);
  });

  test('the misspelt tracker field is unresolved with a did-you-mean reason', async () => {
    const line = positionOf(webhookText, 'subid={tracker.clikid}').line;
    const [issue] = (await expand(client, { uri: webhookUri, line, profile: 'lead' })).request!.unresolved;
    assert.equal(issue.text, '{tracker.clikid}');
    assert.match(issue.reason, /tracker\.clickid/);
    assert.equal(webhookText.slice(issue.span.start, issue.span.end), '{tracker.clikid}');
  });

  test('an unknown profile answers an error naming the profiles there are', async () => {
    const line = positionOf(webhookText, '### Keitaro lead').line;
    const result = await expand(client, { uri: webhookUri, line, profile: 'ghost' });
    assert.equal(result.request, undefined);
    assert.match(result.error ?? '', /"ghost"/);
    for (const name of PROFILES) assert.ok(result.error!.includes(name), `${name} not named in: ${result.error}`);
    assert.deepEqual(result.profiles, PROFILES);
  });

  test('a line outside every request answers an error and no request', async () => {
    const result = await expand(client, { uri: webhookUri, line: 0, profile: 'lead' });
    assert.equal(result.request, undefined);
    assert.match(result.error ?? '', /No request/);
  });

  test('a line past the end answers an error and no request', async () => {
    const result = await expand(client, { uri: webhookUri, line: 500 });
    assert.equal(result.request, undefined);
    assert.ok(result.error);
  });

  test('an empty username in profile no-username is listed as empty', async () => {
    const line = positionOf(webhookText, 'username={username}').line;
    const request = (await expand(client, { uri: webhookUri, line, profile: 'no-username' })).request!;
    assert.deepEqual(request.unresolved, []);
    assert.deepEqual(request.empty.map((issue) => issue.text), ['{username}']);
    assert.match(request.url, /&username=&chatid=1000001&/);
  });

  test('a webhook step of a script expands {stepKey} to the step key', async () => {
    const line = positionOf(scriptText, 'sub_id_2={stepKey}').line;
    const request = (await expand(client, { uri: scriptUri, line, profile: 'lead' })).request!;
    assert.equal(request.name, 'lead_postback');
    assert.equal(request.url, 'https://keitaro.yoursite.com/25123a/postback?subid=7f3a9c01&status=lead&sub_id_1=482913377&sub_id_2=lead_postback');
    assert.deepEqual(request.unresolved, []);
  });

  test('a POST step expands its headers and JSON body', async () => {
    const line = positionOf(scriptText, 'X-Buyer').line;
    const request = (await expand(client, { uri: scriptUri, line, profile: 'lead' })).request!;
    assert.equal(request.method, 'POST');
    assert.deepEqual(request.headers, [['Content-Type', 'application/json'], ['X-Buyer', 'anna']]);
    assert.deepEqual(JSON.parse(request.body!), { chat_id: '482913377', clickid: '7f3a9c01', amount: '0', trader: 'TR-20931', meta: {} });
  });

  test('a document no editor has open is read from disk and expands', async () => {
    const uri = fileUri(join(root, 'partners.script.json'));
    const line = positionOf(readText(root, 'partners.script.json'), '"url"').line;
    const result = await expand(client, { uri, line, profile: 'lead' });
    assert.equal(result.error, undefined);
    assert.equal(result.request?.name, 'notify_main_bot');
    assert.equal(
      result.request?.url,
      'https://app.chatterfy.ai/api/bots/webhooks/3f1c2a9e-7b4d-4e8a-9c21-5d6e7f8a9b0c/updateDialog?chatId=482913377&status=auto&fields.refId=ref_5521',
    );
  });

  test('an unsaved edit of an open document is what expands', async () => {
    const line = positionOf(webhookText, '### Keitaro lead').line + 1;
    const old = 'status=lead&sub_id_1';
    const start = positionOf(webhookText, old);
    await client.change(webhookUri, [{ range: { start, end: { line: start.line, character: start.character + 'status=lead'.length } }, text: 'status=sale' }]);
    const request = (await expand(client, { uri: webhookUri, line, profile: 'lead' })).request!;
    assert.match(request.url, /status=sale&sub_id_1=482913377/);
  });

  test('a file that does not exist answers an error', async () => {
    const result = await expand(client, { uri: fileUri(join(root, 'missing.webhook')), line: 0 });
    assert.equal(result.request, undefined);
    assert.ok(result.error);
  });
});
