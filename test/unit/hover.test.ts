// Specifies hover on placeholders: description, type, example, caveats and where the key is defined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { ANGLE_FIELDS, SCRIPT_YAML_URI, WEBHOOK_URI, docAt, fieldsContext, messageScript, noFields, service } from './core-helpers';
import type { FieldsContext } from '../../server/src/core/base/types';

function hoverAt(uri: string, textWithCursor: string, fields: FieldsContext = fieldsContext()) {
  const { document, position } = docAt(uri, textWithCursor);
  const hover = service().hover(document, position, fields);
  const covers = hover?.range && document.getText().slice(document.offsetAt(hover.range.start), document.offsetAt(hover.range.end));
  return { hover, covers, value: (hover?.contents as MarkupContent | undefined)?.value ?? '' };
}

const inUrl = (url: string, fields?: FieldsContext) => hoverAt(WEBHOOK_URI, `GET ${url}\n`, fields);
const inMessage = (text: string) => hoverAt(SCRIPT_YAML_URI, messageScript(text));

test('a custom field shows its description, type and example', () => {
  const { value } = inUrl('https://x/?d={depo|sit_amount}');
  assert.match(value, /First deposit, in USD/);
  assert.match(value, /number/);
  assert.match(value, /Example: `150`/);
});

test('a custom field says where it is defined, with a link to its line', () => {
  const { value } = inUrl('https://x/?d={depo|sit_amount}');
  assert.match(value, /Defined in \[webhook-fields\.json\]\(file:\/\/\/project\/webhook-fields\.json#L4\), line 4\./);
});

test('a select field lists its items', () => {
  assert.match(inUrl('https://x/?g={g|eo}').value, /`KZ`, `UZ`, `AZ`/);
});

test('the hover range is the whole placeholder', () => {
  assert.equal(inUrl('https://x/?s={tracker.cl|ickid}&b=1').covers, '{tracker.clickid}');
});

test('a tracker field says it is empty for users without a tracker campaign', () => {
  const { value } = inUrl('https://x/?s={tracker.cl|ickid}');
  assert.match(value, /Click id the tracker gave this user/);
  assert.match(value, /Empty for users who did not come through a tracker campaign/);
  assert.match(value, /#L9\), line 9\./);
});

test('username says it may be empty', () => {
  const { value } = inUrl('https://x/?u={user|name}');
  assert.match(value, /Telegram username/);
  assert.match(value, /not every user has one/);
});

test('a built-in shows type and example but no definition', () => {
  const { value } = inUrl('https://x/?c={chat|Id}');
  assert.match(value, /integer/);
  assert.match(value, /482913377/);
  assert.doesNotMatch(value, /Defined in/);
});

test('hover works on the opening brace', () => {
  assert.equal(inUrl('https://x/?c=|{chatId}').covers, '{chatId}');
});

test('a message placeholder is shown as written in messages', () => {
  const { value, covers } = inMessage('From {{fields.g|eo}}');
  assert.equal(covers, '{{fields.geo}}');
  assert.match(value, /`\{\{fields\.geo\}\}`/);
  assert.match(value, /Country/);
});

test('a bot variable shows its value and description', () => {
  const { value } = inMessage('{{variables.reg|Link}}');
  assert.match(value, /Registration link/);
  assert.match(value, /https:\/\/partner\.example\.com\/reg\?clickid=\{\{tracker\.clickid\}\}/);
});

test('name in a message is explained', () => {
  assert.match(inMessage('Hi {{na|me}}').value, /first name/);
});

test('an unknown key has no hover', () => {
  assert.equal(inUrl('https://x/?c={chat|id}').hover, null);
});

test('outside placeholders a URL has no placeholder hover: it shows the request as sent', () => {
  const { value } = inUrl('https://x/?c=|1&d={chatId}');
  assert.doesNotMatch(value, /Telegram chat id/);
  assert.match(value, /^\*\*Sent as\*\*/);
});

test('right after the closing brace the placeholder\'s hover ends', () => {
  assert.doesNotMatch(inUrl('https://x/?c={chatId}|&d=1').value, /Telegram chat id/);
});

test('outside placeholders in a message there is no hover', () => {
  assert.equal(inMessage('Hi |there {{username}}').hover, null);
});

test('without a fields file a built-in still has a hover', () => {
  assert.match(inUrl('https://x/?c={chat|Id}', noFields()).value, /Telegram chat id/);
});

test('angle: <tracker.clickid> has the same hover', () => {
  const { value, covers } = inUrl('https://x/?s=<tracker.cl|ickid>', fieldsContext(ANGLE_FIELDS));
  assert.equal(covers, '<tracker.clickid>');
  assert.match(value, /Click id the tracker gave this user/);
});
