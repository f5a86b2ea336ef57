// Specifies suppression comments: which problems a `disable-next-line` or `disable` comment suppresses in .webhook files
// and YAML scripts, where a `#` line is a comment at all, and the reports of suppressions that suppress nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FieldsContext } from '../../server/src/core/base/types';
import { doc, fieldsContext, scriptDoc, service, webhookDoc } from './core-helpers';

/** `line:code` of each problem (one-based lines, as a reader counts them). */
function found(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.code}`);
}

const webhook = (text: string, fields: FieldsContext = fieldsContext()) => found(service().templateDiagnostics(webhookDoc(text), fields));
const yaml = (text: string) => found(service().templateDiagnostics(scriptDoc(text), fieldsContext()));

/** A request whose URL line has an unknown key (error) and plain http (hint). */
const URL_LINE = 'GET http://api.example.com/lead?c={chatid}';

interface Case {
  name: string;
  text: string;
  expected: string[];
}

const WEBHOOK_CASES: Case[] = [
  { name: 'nothing suppressed', text: `${URL_LINE}\n`, expected: ['1:unknown-key', '1:insecure-http'] },
  { name: 'disable-next-line with a code suppresses that code on the next line only', text: `# webhook-templates-disable-next-line unknown-key\n${URL_LINE}\n`, expected: ['2:insecure-http'] },
  { name: 'two codes, separated by a comma', text: `# webhook-templates-disable-next-line unknown-key, insecure-http\n${URL_LINE}\n`, expected: [] },
  { name: 'two codes, separated by blanks only', text: `# webhook-templates-disable-next-line unknown-key insecure-http\n${URL_LINE}\n`, expected: [] },
  { name: 'a bare disable-next-line suppresses every code on the next line', text: `# webhook-templates-disable-next-line\n${URL_LINE}\n`, expected: [] },
  { name: 'a reason after " -- " is not read as a code', text: `# webhook-templates-disable-next-line unknown-key -- the partner's own macro\n${URL_LINE}\n`, expected: ['2:insecure-http'] },
  { name: '"//" comments are comments in .webhook files too', text: `// webhook-templates-disable-next-line unknown-key\n${URL_LINE}\n`, expected: ['2:insecure-http'] },
  { name: 'an indented comment counts', text: `  # webhook-templates-disable-next-line unknown-key\n${URL_LINE}\n`, expected: ['2:insecure-http'] },
  { name: 'between the ### line and the request line', text: `### Lead\n# webhook-templates-disable-next-line insecure-http\n${URL_LINE}\n`, expected: ['3:unknown-key'] },
  {
    name: 'a comment two lines above suppresses nothing, and is reported',
    text: `# webhook-templates-disable-next-line unknown-key\n\n${URL_LINE}\n`,
    expected: ['3:unknown-key', '3:insecure-http', '1:suppression-unused'],
  },
  { name: 'disable for the file suppresses the code on every line', text: `# webhook-templates-disable unknown-key\n${URL_LINE}\n\n###\n${URL_LINE}\n`, expected: ['2:insecure-http', '5:insecure-http'] },
  { name: 'a bare disable suppresses every code in the file', text: `# webhook-templates-disable\n${URL_LINE}\n###\n${URL_LINE}\n`, expected: [] },
  { name: 'disable for the file, written before a later request, counts for the whole file', text: `${URL_LINE}\n###\n# webhook-templates-disable insecure-http\n${URL_LINE}\n`, expected: ['1:unknown-key', '4:unknown-key'] },
  { name: 'a used and an unused code in one comment: only the unused one is reported', text: `# webhook-templates-disable-next-line unknown-key, empty-placeholder\n${URL_LINE}\n`, expected: ['2:insecure-http', '1:suppression-unused'] },
  { name: 'an unknown code is reported, and suppresses nothing', text: `# webhook-templates-disable-next-line unknown_key\n${URL_LINE}\n`, expected: ['2:unknown-key', '2:insecure-http', '1:suppression-unknown-code'] },
  { name: 'a bare disable in a file without problems is reported', text: '# webhook-templates-disable\nGET https://api.example.com/lead\n', expected: ['1:suppression-unused'] },
  {
    name: 'in the headers a "#" line starts the body: it is sent, suppresses nothing, and is reported',
    text: `POST https://api.example.com/lead\n# webhook-templates-disable-next-line unknown-key\nX-Chat: {chatid}\n`,
    expected: ['3:unknown-key', '2:suppression-unused'],
  },
  {
    name: 'in the body a "#" line is body text: it suppresses nothing, and is reported',
    text: `POST https://api.example.com/lead\n\n# webhook-templates-disable unknown-key\n{"c": "{chatid}"}\n`,
    expected: ['4:unknown-key', '3:suppression-unused'],
  },
  { name: 'the keyword must stand alone: a longer word is no suppression', text: `# webhook-templates-disable-next-lines unknown-key\n${URL_LINE}\n`, expected: ['2:unknown-key', '2:insecure-http'] },
  {
    name: 'suppression reports cannot be suppressed by a comment',
    text: `# webhook-templates-disable-next-line suppression-unused\n# webhook-templates-disable-next-line unknown-key\nGET https://api.example.com/lead\n`,
    expected: ['1:suppression-unused', '2:suppression-unused'],
  },
];

for (const { name, text, expected } of WEBHOOK_CASES) {
  test(`.webhook: ${name}`, () => assert.deepEqual(webhook(text), expected));
}

const STEP = (lines: string[]) => ['flows:', '  - key: main', '    steps:', '      - key: hook', '        type: webhook', ...lines.map((line) => `        ${line}`)].join('\n') + '\n';

const YAML_CASES: Case[] = [
  { name: 'nothing suppressed', text: STEP(["url: 'http://api.example.com/lead?c={chatid}'"]), expected: ['6:unknown-key', '6:insecure-http'] },
  {
    name: 'a comment line above, indented as the line, suppresses it',
    text: STEP(['# webhook-templates-disable-next-line unknown-key', "url: 'http://api.example.com/lead?c={chatid}'"]),
    expected: ['7:insecure-http'],
  },
  { name: 'disable for the file, at its top', text: `# webhook-templates-disable insecure-http\n${STEP(["url: 'http://api.example.com/lead?c={chatid}'"])}`, expected: ['7:unknown-key'] },
  {
    name: 'a "#" line inside a block scalar is its text: it suppresses nothing, and is reported',
    text: STEP(['type: message', 'text: |', '  # webhook-templates-disable-next-line unknown-key', '  Hi {{usernme}}']).replace('        type: webhook\n', ''),
    expected: ['8:unknown-key', '7:suppression-unused'],
  },
];

for (const { name, text, expected } of YAML_CASES) {
  test(`YAML script: ${name}`, () => assert.deepEqual(yaml(text), expected));
}

test('JSON scripts have no comments: nothing in them is read as a suppression', () => {
  const text = '{"flows": [{"key": "main", "steps": [{"key": "hook", "type": "webhook", "url": "https://api.example.com/?c={chatid}"}]}]}\n';
  const diagnostics = service().templateDiagnostics(doc('file:///project/bot.script.json', text.replace('"url"', '"note": "# webhook-templates-disable", "url"')), fieldsContext());
  assert.deepEqual(found(diagnostics), ['1:unknown-key']);
});

test('the report of an unused suppression names the code and why; an unknown code names the code meant, with a fix', () => {
  const document = webhookDoc(`# webhook-templates-disable-next-line empty-placeholder, unknown_key\n${URL_LINE}\n`);
  const reports = service().templateDiagnostics(document, fieldsContext()).filter((diagnostic) => String(diagnostic.code).startsWith('suppression-'));
  assert.deepEqual(reports.map((diagnostic) => [diagnostic.code, document.getText(diagnostic.range), diagnostic.message]), [
    ['suppression-unused', 'empty-placeholder', '"empty-placeholder" suppresses nothing: no "empty-placeholder" problem starts on the next line.'],
    ['suppression-unknown-code', 'unknown_key', '"unknown_key" is not a problem code, so it suppresses nothing. Did you mean "unknown-key"?'],
  ]);
  const fixes = service().codeActions(document, reports[1].range, [reports[1]], fieldsContext());
  assert.equal(fixes[0]?.title, 'Change to unknown-key');
});

test('a suppression is applied before severities: one used for a code the host turned off is not reported unused', () => {
  const fields = { ...fieldsContext(), severity: { 'unknown-key': 'off' as const } };
  assert.deepEqual(webhook(`# webhook-templates-disable-next-line unknown-key\n${URL_LINE}\n`, fields), ['2:insecure-http']);
});

test('the reports take severities like any problem: suppression-unused off leaves them out', () => {
  const fields = { ...fieldsContext(), severity: { 'suppression-unused': 'off' as const } };
  assert.deepEqual(webhook('# webhook-templates-disable\nGET https://api.example.com/lead\n', fields), []);
});

test('a note on the first line is suppressed by a file-wide disable of its code', () => {
  const fields: FieldsContext = { suggestedUri: 'file:///project/webhook-fields.json', absence: { searchedUpTo: 'project' } };
  assert.deepEqual(webhook('# webhook-templates-disable no-fields-file\nGET https://api.example.com/lead?c={chatId}\n', fields), []);
});

test('a new version is read afresh: adding a suppression comment applies at once', () => {
  const core = service();
  const first = webhookDoc(`${URL_LINE}\n`);
  assert.deepEqual(found(core.templateDiagnostics(first, fieldsContext())), ['1:unknown-key', '1:insecure-http']);
  const second = doc(first.uri, `# webhook-templates-disable\n${URL_LINE}\n`);
  assert.deepEqual(found(core.templateDiagnostics(second, fieldsContext())), []);
});
