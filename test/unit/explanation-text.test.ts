// The text of an explained delivered webhook, as the editor's view and the CLI show it: the request, the template and
// its near rivals, each placeholder with what arrived, what went wrong, what the receiver recorded, the verdict.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTemplateService, type Explanation } from '../../server/src/core/index';
import { formatExplanation } from '../../send/src/explanation-text';
import { doc, fieldsContext } from './core-helpers';
import { EN, RU } from '../support/l10n';

const KEITARO = `### Keitaro lead
GET https://keitaro.example.com/25123a/postback?subid={tracker.clickid}&status=lead&sub_id_1={username}

### Keitaro lead (old copy)
GET https://keitaro.example.com/25123a/postback?subid={tracker.clickid}&status=lead&sub_id_1={username}
`;

const templates = [{ document: doc('file:///project/postbacks/keitaro.webhook', KEITARO), fields: fieldsContext() }];
const nameOf = (uri: string) => uri.replace('file:///project/', '');

function explained(text: string, locale = 'en'): Explanation {
  return createTemplateService({ locale }).explainDelivered({ text }, templates);
}

test('the whole text: the request, the template with its twin listed, each placeholder, what was lost, the record', () => {
  const text = formatExplanation(explained('https://keitaro.example.com/25123a/postback?subid=67wgwWkaR0&status=lead&sub_id_1='), EN, {
    nameOf,
    linkOf: (template) => `${template.uri}#L${template.line + 1}`,
  });
  assert.equal(
    text,
    [
      '### Delivered webhook',
      'GET https://keitaro.example.com/25123a/postback?subid=67wgwWkaR0&status=lead&sub_id_1=',
      '',
      '# Template: Keitaro lead — postbacks/keitaro.webhook:2 (match 100%)',
      '#   GET https://keitaro.example.com/25123a/postback?subid={tracker.clickid}&status=lead&sub_id_1={username}',
      '#   file:///project/postbacks/keitaro.webhook#L2',
      '# Other templates fit exactly as well; the placeholders are lined up with the first one:',
      '#   Keitaro lead (old copy) — postbacks/keitaro.webhook:5 (match 100%)',
      '',
      '# Placeholders and what arrived:',
      '#   {tracker.clickid} → subid: 67wgwWkaR0',
      '#   {username} → sub_id_1: (empty)',
      '',
      '# What went wrong:',
      '#   warning: {username} arrived empty in "sub_id_1": Empty for users without a Telegram username: not every user has one.',
      '',
      '# What the receiver recorded:',
      '# Keitaro records "lead" on click 67wgwWkaR0.',
      '#   subid = 67wgwWkaR0',
      '#   status = lead',
      '#   sub_id_1 = ',
      '',
      '# Something was lost on the way.',
      '',
    ].join('\n'),
  );
});

test('a finding with the checker\'s code shows it in brackets', () => {
  const text = formatExplanation(explained('https://keitaro.example.com/25123a/postback?subid=&status=lead&sub_id_1=ivan'), EN, { nameOf });
  assert.match(text, /^#   error \[receiver-missing-parameter\]: \{tracker\.clickid\} arrived empty in "subid"/m);
  assert.match(text, /^# Warning: "subid" is missing or empty: Keitaro cannot tell what to record it on, so it records nothing\.$/m);
});

test('no template fits: the reason, the record, and no verdict of loss', () => {
  const text = formatExplanation(explained('https://elsewhere.example.org/p?x=1'), EN, { nameOf });
  assert.match(text, /^# No request of the workspace \(2 with a URL\) has the host or path of this one/m);
  assert.match(text, /^# What the receiver recorded: no known receiver at this URL\.$/m);
  assert.match(text, /^# No template to line it up with\.\n$/m);
});

test('text that is no request is one line saying why', () => {
  assert.equal(formatExplanation(explained('hello'), EN, { nameOf }), '# "hello" is not a URL: a delivered request starts with http:// or https://, or is a request line with a path and a Host header.\n');
});

test('in Russian, the text around the explanation is Russian too', () => {
  const text = formatExplanation(explained('https://keitaro.example.com/25123a/postback?subid=67wgwWkaR0&status=lead&sub_id_1=ivan', 'ru'), RU, { nameOf });
  assert.match(text, /^### Доставленный вебхук$/m);
  assert.match(text, /^# Шаблон: Keitaro lead — postbacks\/keitaro\.webhook:2 \(совпадение 100%\)$/m);
  assert.match(text, /^# По пути ничего не потерялось\.$/m);
});
