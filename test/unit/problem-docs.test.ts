// Specifies docs/problems.md: one section per problem code, each with a wrong and a right example, at the anchor the
// core links to; where an example is a template or a fields file, the core reports the code on the wrong one only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_DOCS, problemDocsUrl, ProblemCode } from '../../server/src/core/index';
import { repoRoot } from '../support/paths';
import { doc, fieldsContext, service } from './core-helpers';

const PAGE = readFileSync(join(repoRoot, 'docs', 'problems.md'), 'utf8');

interface Example {
  language: string;
  text: string;
}

interface Section {
  code: string;
  wrong: Example[];
  right: Example[];
}

/** The page's `### code` sections, with the fenced examples after "Wrong" and after "Right". */
function sections(): Section[] {
  return PAGE.split(/^### /m).slice(1).map((part) => {
    const code = part.slice(0, part.indexOf('\n')).trim();
    const [, wrongPart = '', rightPart = ''] = part.split(/^(?:Wrong|Right)\b.*$/m);
    return { code, wrong: examples(wrongPart), right: examples(rightPart) };
  });
}

function examples(text: string): Example[] {
  return [...text.matchAll(/^```(\w+)\n([^]*?)^```$/gm)].map((match) => ({ language: match[1], text: match[2] }));
}

/** The fields file the page says its examples are checked against: its first fenced block. */
const PAGE_FIELDS = examples(PAGE)[0].text;

/** A `yaml` example that is not a whole script is a message step's line. */
function scriptText(fragment: string): string {
  if (fragment.startsWith('flows:')) return fragment;
  return `flows:\n  - key: main\n    steps:\n      - key: welcome\n        type: message\n        ${fragment}`;
}

/** The codes the core reports on an example; undefined when the example is not a file the core reads on its own. */
function codesOf(code: string, example: Example): string[] | undefined {
  const core = service();
  const fields = fieldsContext(code === ProblemCode.WrongSyntax ? PAGE_FIELDS.replace('{\n', '{\n  "placeholderSyntax": "angle",\n') : PAGE_FIELDS);
  const codes = (diagnostics: { code?: string | number }[]) => diagnostics.map((diagnostic) => String(diagnostic.code));
  if (example.language === 'http') return codes(core.templateDiagnostics(doc('file:///project/example.webhook', example.text), fields));
  if (example.language === 'yaml') return codes(core.templateDiagnostics(doc('file:///project/example.script.yaml', scriptText(example.text)), fields));
  if (example.language === 'json' && code.startsWith('fields-')) return codes(core.fieldsFileDiagnostics(doc('file:///project/webhook-fields.json', example.text), 'webhook-fields.json'));
  return undefined;
}

/** Codes the page explains with a situation rather than a file the core checks alone. */
const NOT_CHECKED_ALONE = new Set<string>([ProblemCode.FieldsUnused, ProblemCode.FileTooLarge, ProblemCode.FieldsFileNotFound, ProblemCode.NoFieldsFile]);

test('docs/problems.md has one section for every problem code, and none for a code that is gone', () => {
  assert.deepEqual(sections().map((section) => section.code).sort(), Object.values(ProblemCode).sort());
});

test('every section has a wrong and a right part, and an example in at least one of them', () => {
  const lacking = sections().filter((section) => !/^Wrong\b/m.test(PAGE.split(`### ${section.code}\n`)[1].split(/^### /m)[0]) || section.wrong.length + section.right.length === 0);
  assert.deepEqual(lacking.map((section) => section.code), []);
});

test('every template or fields-file example shows its code: reported on the wrong one, not on the right one', () => {
  const wrongs: string[] = [];
  for (const section of sections()) {
    if (NOT_CHECKED_ALONE.has(section.code)) continue;
    const wrong = section.wrong.map((example) => codesOf(section.code, example)).find((codes) => codes !== undefined);
    const right = section.right.map((example) => codesOf(section.code, example)).find((codes) => codes !== undefined);
    if (!wrong?.includes(section.code)) wrongs.push(`${section.code}: the wrong example reports ${JSON.stringify(wrong)}`);
    if (!right || right.includes(section.code)) wrongs.push(`${section.code}: the right example reports ${JSON.stringify(right)}`);
  }
  assert.deepEqual(wrongs, []);
});

test('problemDocsUrl links a code to its section: the page in the repository and the heading\'s anchor', () => {
  assert.equal(problemDocsUrl(ProblemCode.UnknownKey), 'https://github.com/webhook-templates/vscode-webhook-templates/blob/main/docs/problems.md#unknown-key');
  for (const code of Object.values(ProblemCode)) assert.match(PAGE, new RegExp(`^### ${new URL(problemDocsUrl(code)).hash.slice(1)}$`, 'm'));
});

test('the documentation links point into the repository package.json names', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { repository: { url: string } };
  assert.ok(PROBLEM_DOCS.startsWith(manifest.repository.url.replace(/\.git$/, '') + '/blob/main/'), PROBLEM_DOCS);
});
