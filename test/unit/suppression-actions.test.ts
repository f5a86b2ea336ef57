// Specifies the quick fixes that suppress a problem (a comment above its line, or for the file where no comment can
// stand there) and the completion of problem codes in a suppression comment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { ProblemCode, SUPPRESS_ACTION_KIND } from '../../server/src/core/index';
import { applyEdits, completeAt, doc, fieldsContext, service, SCRIPT_JSON_URI, SCRIPT_YAML_URI, WEBHOOK_URI } from './core-helpers';

/** The suppression actions offered for the first problem with `code`, and the text each one writes. */
function suppressions(uri: string, text: string, code: string): { title: string; text: string }[] {
  const document = doc(uri, text);
  const diagnostic = service().templateDiagnostics(document, fieldsContext()).find((candidate) => candidate.code === code);
  assert.ok(diagnostic, `no ${code} in ${text}`);
  const actions: CodeAction[] = service().codeActions(document, diagnostic.range, [diagnostic], fieldsContext()).filter((action) => action.kind === SUPPRESS_ACTION_KIND);
  return actions.map((action) => ({ title: action.title, text: applyEdits(text, (action.edit?.changes?.[uri] ?? []) as TextEdit[]) }));
}

function written(uri: string, text: string, code: string, title: string): string {
  const action = suppressions(uri, text, code).find((candidate) => candidate.title === title);
  assert.ok(action, `no "${title}" among ${JSON.stringify(suppressions(uri, text, code).map((a) => a.title))}`);
  return action.text;
}

const codesIn = (uri: string, text: string) => service().templateDiagnostics(doc(uri, text), fieldsContext()).map((diagnostic) => String(diagnostic.code));

const URL_LINE = 'GET http://api.example.com/lead?c={chatid}';

test('.webhook: "for this line" puts a comment above the request line, which then has no such problem and no report', () => {
  const text = `### Lead\n${URL_LINE}\n`;
  const fixed = written(WEBHOOK_URI, text, 'unknown-key', 'Disable unknown-key for this line');
  assert.equal(fixed, `### Lead\n# webhook-templates-disable-next-line unknown-key\n${URL_LINE}\n`);
  assert.deepEqual(codesIn(WEBHOOK_URI, fixed), ['insecure-http']);
});

test('.webhook: "for this file" puts a comment on the first line', () => {
  const fixed = written(WEBHOOK_URI, `${URL_LINE}\n`, 'insecure-http', 'Disable insecure-http for this file');
  assert.equal(fixed, `# webhook-templates-disable insecure-http\n${URL_LINE}\n`);
  assert.deepEqual(codesIn(WEBHOOK_URI, fixed), ['unknown-key']);
});

test('.webhook: a problem in a header or the body is offered the file only: a "#" line there would be sent', () => {
  const text = 'POST https://api.example.com/lead\nX-Chat: {chatid}\n\n{"c": "{chatid}"}\n';
  for (const diagnostic of service().templateDiagnostics(doc(WEBHOOK_URI, text), fieldsContext())) {
    const titles = service().codeActions(doc(WEBHOOK_URI, text), diagnostic.range, [diagnostic], fieldsContext()).filter((action) => action.kind === SUPPRESS_ACTION_KIND).map((action) => action.title);
    assert.deepEqual(titles, ['Disable unknown-key for this file']);
  }
  const fixed = written(WEBHOOK_URI, text, 'unknown-key', 'Disable unknown-key for this file');
  assert.deepEqual(codesIn(WEBHOOK_URI, fixed), []);
});

test('a code is added to the disable-next-line comment already above the line, before its reason', () => {
  const text = `# webhook-templates-disable-next-line unknown-key -- a macro of the partner\n${URL_LINE}\n`;
  const fixed = written(WEBHOOK_URI, text, 'insecure-http', 'Disable insecure-http for this line');
  assert.equal(fixed, `# webhook-templates-disable-next-line unknown-key, insecure-http -- a macro of the partner\n${URL_LINE}\n`);
  assert.deepEqual(codesIn(WEBHOOK_URI, fixed), []);
});

test('a code is added to the file\'s disable comment when there is one', () => {
  const text = `### A\n# webhook-templates-disable receiver-unknown-parameter\n${URL_LINE}\n`;
  const fixed = written(WEBHOOK_URI, text, 'insecure-http', 'Disable insecure-http for this file');
  assert.equal(fixed, `### A\n# webhook-templates-disable receiver-unknown-parameter, insecure-http\n${URL_LINE}\n`);
});

test('YAML: the comment above the line keeps its indentation', () => {
  const text = "flows:\n  - key: main\n    steps:\n      - key: hook\n        type: webhook\n        url: 'https://api.example.com/?c={chatid}'\n";
  const fixed = written(SCRIPT_YAML_URI, text, 'unknown-key', 'Disable unknown-key for this line');
  assert.equal(fixed, text.replace("        url:", '        # webhook-templates-disable-next-line unknown-key\n        url:'));
  assert.deepEqual(codesIn(SCRIPT_YAML_URI, fixed), []);
});

test('YAML: a problem on a line of a block scalar is offered the file only: a "#" line there would be text', () => {
  const text = 'flows:\n  - key: main\n    steps:\n      - key: hi\n        type: message\n        text: >\n          Hello\n          {{usernme}}\n';
  assert.deepEqual(suppressions(SCRIPT_YAML_URI, text, 'unknown-key').map((action) => action.title), ['Disable unknown-key for this file']);
  assert.deepEqual(codesIn(SCRIPT_YAML_URI, written(SCRIPT_YAML_URI, text, 'unknown-key', 'Disable unknown-key for this file')), []);
});

test('JSON scripts have no comments: no suppression is offered', () => {
  const text = '{"flows": [{"key": "main", "steps": [{"key": "hook", "type": "webhook", "url": "https://api.example.com/?c={chatid}"}]}]}\n';
  assert.deepEqual(suppressions(SCRIPT_JSON_URI, text, 'unknown-key'), []);
});

test('a document with CRLF line ends gets a CRLF comment line', () => {
  const fixed = written(WEBHOOK_URI, `${URL_LINE}\r\n`, 'unknown-key', 'Disable unknown-key for this line');
  assert.equal(fixed, `# webhook-templates-disable-next-line unknown-key\r\n${URL_LINE}\r\n`);
});

test('the reports about suppressions are not offered a suppression of their own', () => {
  const text = `# webhook-templates-disable-next-line empty-placeholder\nGET https://api.example.com/\n`;
  assert.deepEqual(suppressions(WEBHOOK_URI, text, 'suppression-unused'), []);
});

// ---- Completion of codes ------------------------------------------------------------------------------------------

test('after the keyword, every problem code is offered, with its summary', () => {
  const { items, labels } = completeAt(WEBHOOK_URI, `# webhook-templates-disable-next-line |\n${URL_LINE}\n`);
  assert.deepEqual(labels, Object.values(ProblemCode).sort());
  assert.equal(items.find((item) => item.label === 'insecure-http')?.detail, 'Plain http URL');
});

test('a code being typed is completed in place', () => {
  const completion = completeAt(WEBHOOK_URI, `# webhook-templates-disable-next-line unkn|\n${URL_LINE}\n`);
  assert.equal(completion.accept('unknown-key'), `# webhook-templates-disable-next-line unknown-key\n${URL_LINE}\n`);
});

test('codes the comment lists already are not offered again', () => {
  const { labels } = completeAt(WEBHOOK_URI, `# webhook-templates-disable unknown-key, |\n${URL_LINE}\n`);
  assert.ok(!labels.includes('unknown-key'));
  assert.ok(labels.includes('insecure-http'));
});

test('in a YAML comment too, and after the reason nothing is offered', () => {
  assert.ok(completeAt(SCRIPT_YAML_URI, '# webhook-templates-disable |\nflows: []\n').labels.includes('unknown-key'));
  assert.deepEqual(completeAt(SCRIPT_YAML_URI, '# webhook-templates-disable unknown-key -- why |\nflows: []\n').labels, []);
});

test('a "#" line in a request body is no comment: no codes there', () => {
  const { labels } = completeAt(WEBHOOK_URI, 'POST https://api.example.com/\n\n# webhook-templates-disable |\n');
  assert.ok(!labels.includes('unknown-key'), labels.join());
});
