// The questions a run asks once, before its first send: requests with empty values, and every new host in one
// dialog whose first button (Enter) does not send.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExpandedRequest, ExpansionIssue } from '../../server/src/core';
import { doubtsOf, doubtsQuestion, hostsQuestion, newHosts } from '../../send/src/send-all-questions';
import { EN, RU } from '../support/l10n';

const issue = (text: string): ExpansionIssue => ({ text, span: { start: 0, end: text.length }, reason: 'empty' });

function request(name: string, url: string, more: Partial<ExpandedRequest> = {}): ExpandedRequest {
  return { name, method: 'GET', url, headers: [], unresolved: [], empty: [], secrets: [], ...more };
}

describe('newHosts', () => {
  const requests = [
    request('lead', 'https://keitaro.example.com/k3y/postback?subid=1'),
    request('sale', 'https://keitaro.example.com/k3y/postback?subid=2'),
    request('crm', 'https://crm.example.com:8443/api'),
    request('local', 'http://127.0.0.1:8080/hook'),
    request('localhost', 'http://localhost/hook'),
    request('broken', 'not a url'),
  ];

  test('lists each host other than this machine once, with the requests going there, in order', () => {
    assert.deepEqual([...newHosts(requests, [])], [
      ['keitaro.example.com', ['lead', 'sale']],
      ['crm.example.com:8443', ['crm']],
    ]);
  });

  test('leaves out hosts already confirmed', () => {
    assert.deepEqual([...newHosts(requests, ['keitaro.example.com']).keys()], ['crm.example.com:8443']);
  });
});

describe('hostsQuestion', () => {
  const hosts = new Map([
    ['keitaro.example.com', ['lead', 'sale']],
    ['crm.example.com', ['crm']],
  ]);

  test('names every host in one question, each with its requests, and the profile', () => {
    const question = hostsQuestion(hosts, 'lead', EN);
    assert.equal(question.message, 'Send test webhooks to keitaro.example.com, crm.example.com? A live tracker records each as a real conversion.');
    assert.equal(question.detail, 'keitaro.example.com: lead, sale\ncrm.example.com: crm\n\nProfile: lead');
  });

  test('the first button (Enter) previews; the second sends to all of them', () => {
    assert.deepEqual(hostsQuestion(hosts, undefined, EN).buttons, [
      { label: 'Preview all', action: 'preview' },
      { label: 'Send to 2 hosts', action: 'send' },
    ]);
    assert.equal(hostsQuestion(new Map([['crm.example.com', ['crm']]]), undefined, EN).buttons[1].label, 'Send to crm.example.com');
  });

  test('in Russian, with the count in the right form', () => {
    const question = hostsQuestion(new Map([...hosts, ['binom.example.com', ['x']], ['a.example.com', ['y']], ['b.example.com', ['z']]]), undefined, RU);
    assert.equal(question.buttons[1].label, 'Отправить на 5 хостов');
    assert.match(question.detail, /Профиль: только примеры/);
  });
});

describe('doubts', () => {
  test('empty values and non-ASCII header values are doubts; a clean request has none', () => {
    assert.equal(doubtsOf(request('a', 'http://x/', { empty: [issue('{username}'), issue('{username}')] }), EN), 'empty: {username}');
    assert.match(doubtsOf(request('a', 'http://x/', { headers: [['X-User', 'Иван']] }), EN) ?? '', /outside ASCII/);
    assert.equal(doubtsOf(request('a', 'http://x/'), EN), undefined);
  });

  test('one question lists each doubtful request; Enter skips them, secrets hidden', () => {
    const secret = 'tok-SECRET';
    const question = doubtsQuestion([{ request: request(`lead ${secret}`, 'http://x/', { secrets: [secret] }), doubts: 'empty: {username}' }, { request: request('sale', 'http://x/'), doubts: 'empty: {geo}' }], EN);
    assert.equal(question.detail, 'lead ***: empty: {username}\nsale: empty: {geo}');
    assert.deepEqual(question.buttons.map((button) => button.action), ['skip', 'send']);
  });
});
