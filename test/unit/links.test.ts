// Specifies document links: only the scheme and host of a request URL, so no postback is ever opened in a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentLinks } from '../../server/src/core/language/links';
import { parseScriptFile } from '../../server/src/core/read/script-file';
import type { ParsedTemplate } from '../../server/src/core/base/types';
import { parseWebhookFile } from '../../server/src/core/read/webhook-file';
import { EN } from '../support/l10n';

interface SeenLink {
  covers: string;
  target?: string;
}

function linksOf(text: string, parsed: ParsedTemplate): SeenLink[] {
  const document = TextDocument.create('file:///project/x', 'plaintext', 1, text);
  return documentLinks(document, parsed, EN).map((link) => ({
    covers: text.slice(document.offsetAt(link.range.start), document.offsetAt(link.range.end)),
    target: link.target,
  }));
}

const webhookLinks = (text: string) => linksOf(text, parseWebhookFile(text));
const yamlLinks = (text: string) => linksOf(text, parseScriptFile(text, 'yaml'));
const jsonLinks = (text: string) => linksOf(text, parseScriptFile(text, 'json'));

test('a request URL links its scheme and host to the host root, never the postback itself', () => {
  const text = '### Lead\nGET https://keitaro.yoursite.com/25123a/postback?subid={tracker.clickid}&status=lead\n';
  assert.deepEqual(webhookLinks(text), [{ covers: 'https://keitaro.yoursite.com', target: 'https://keitaro.yoursite.com/' }]);
});

test('the link tooltip says the path and query are not opened, and why', () => {
  const text = 'https://keitaro.yoursite.com/25123a/postback?subid=1\n';
  const document = TextDocument.create('file:///project/x.webhook', 'webhook-template', 1, text);
  const [link] = documentLinks(document, parseWebhookFile(text), EN);
  assert.equal(link.tooltip, 'Open https://keitaro.yoursite.com/ — the path and query are not opened: a postback URL would record a conversion');
});

test('every request of a file gets its own link', () => {
  const text = '### A\nGET https://a.example/p\n\n### B\nPOST http://b.example:8080?x=1\n';
  assert.deepEqual(webhookLinks(text), [
    { covers: 'https://a.example', target: 'https://a.example/' },
    { covers: 'http://b.example:8080', target: 'http://b.example:8080/' },
  ]);
});

test('a host repeated over many requests links each URL where it stands, written as it is written there', () => {
  const text = '### A\nGET https://a.example/p\n\n### B\nGET https://b.example/q\n\n### C\nGET HTTPS://A.example/r\n\n### D\nGET https://a.example/s\n';
  const document = TextDocument.create('file:///project/x.webhook', 'webhook-template', 1, text);
  const links = documentLinks(document, parseWebhookFile(text), EN);
  assert.deepEqual(links.map((link) => [link.range.start.line, link.target]), [
    [1, 'https://a.example/'],
    [4, 'https://b.example/'],
    [7, 'https://a.example/'],
    [10, 'https://a.example/'],
  ]);
  assert.deepEqual(webhookLinks(text).map((link) => link.covers), ['https://a.example', 'https://b.example', 'HTTPS://A.example', 'https://a.example']);
});

test('the target is normalised and leaves out a user and password', () => {
  assert.deepEqual(webhookLinks('GET HTTPS://user:secret@Keitaro.Example.COM:443/p\n'), [
    { covers: 'HTTPS://user:secret@Keitaro.Example.COM:443', target: 'https://keitaro.example.com/' },
  ]);
});

test('no link when a placeholder stands in the host or the scheme', () => {
  for (const url of ['https://{geo}.t.example/p', 'https://t.example:{port}/p', '{scheme}://t.example/p', '{base_url}/postback', 'https://{{host}}/p']) {
    assert.deepEqual(webhookLinks(`GET ${url}\n`), [], url);
  }
});

test('a placeholder in the path or query does not prevent the link', () => {
  assert.deepEqual(webhookLinks('GET https://t.example/{stepKey}?subid={tracker.clickid}\n'), [{ covers: 'https://t.example', target: 'https://t.example/' }]);
});

test('no link for a URL that is not http(s) or has no scheme', () => {
  for (const url of ['ftp://files.example/x', 'javascript://t.example/%0Aalert(1)', 't.example/p', 'https:///p', 'https://bad host/p']) {
    assert.deepEqual(webhookLinks(`GET ${url}\n`), [], url);
  }
});

test('a webhook step URL in a YAML script links its host', () => {
  const text = 'flows:\n  - steps:\n      - key: pb\n        type: webhook\n        url: "https://t.example/p?subid={tracker.clickid}"\n';
  assert.deepEqual(yamlLinks(text), [{ covers: 'https://t.example', target: 'https://t.example/' }]);
});

test('URLs outside webhook steps get no link from the extension', () => {
  const text = 'flows:\n  - steps:\n      - type: message\n        buttons:\n          - url: "https://t.example/p"\n';
  assert.deepEqual(yamlLinks(text), []);
});

test('a JSON step URL with escapes only after the host still links its host', () => {
  const text = '{"flows": [{"steps": [{"type": "webhook", "url": "https://t.example/p?q=\\"x\\""}]}]}';
  assert.deepEqual(jsonLinks(text), [{ covers: 'https://t.example', target: 'https://t.example/' }]);
});

test('a JSON step URL with escapes in the scheme or host gets no link', () => {
  const text = '{"flows": [{"steps": [{"type": "webhook", "url": "https:\\/\\/t.example/p"}]}]}';
  assert.deepEqual(jsonLinks(text), []);
});
