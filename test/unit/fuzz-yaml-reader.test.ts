// The YAML reader reads `yaml`'s CST into the very tree the reader it replaced built from `yaml`'s documents:
// on generated scripts of every style, on broken ones, on hostile text, the examples, the fixtures and the bench
// corpus, whole and one step at a time; and a script without problems, tags or directives is read from the CST.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Parser } from 'yaml';
import { parseScriptFile } from '../../server/src/core/read/script-file';
import { readYamlTree } from '../../server/src/core/read/script-file-yaml';
import { readQuietRoots } from '../../server/src/core/read/script-file-yaml-cst';
import { said } from '../support/l10n';
import { examplesDir, fixturesDir, repoRoot } from '../support/paths';
import { readYamlTreeByDocuments as oracle } from '../support/yaml-document-reader';
import { fuzzText, params } from './fuzz-support';
import { editedYaml, yamlScript } from './yaml-script-text';

function assertSameTree(text: string, what = 'text'): void {
  assert.deepStrictEqual(readYamlTree(text), oracle(text), `${what}: ${JSON.stringify(text)}`);
}

const readFromCst = (text: string): boolean => readQuietRoots(Array.from(new Parser().parse(text)), text) !== undefined;

/** A step's text as the incremental path re-reads it: from its line's start, the list marker blanked, with its line break. */
function stepSlices(text: string): string[] {
  return parseScriptFile(text, 'yaml').steps.map(({ span }) => {
    const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
    const lineEnd = text.indexOf('\n', span.end);
    return ' '.repeat(span.start - lineStart) + text.slice(span.start, lineEnd < 0 ? text.length : lineEnd + 1);
  });
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const fixedFiles = [...yamlFilesUnder(examplesDir), ...yamlFilesUnder(fixturesDir)].map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const example = readFileSync(join(examplesDir, 'funnel.script.yaml'), 'utf8');

interface BenchCorpus {
  throughputCorpus(seed: number, sizes: Record<string, number>): { name: string; kind: string; text: string }[];
  workspaceFiles(seed: number, count: number): { path: string; text: string }[];
}

async function benchYaml(): Promise<{ name: string; text: string }[]> {
  const corpus = (await import(pathToFileURL(join(repoRoot, 'bench', 'corpus.mjs')).href)) as BenchCorpus;
  const settings = (await import(pathToFileURL(join(repoRoot, 'bench', 'settings.mjs')).href)) as { SEED: number; CORPUS_SIZES: Record<string, number> };
  const throughput = corpus.throughputCorpus(settings.SEED, settings.CORPUS_SIZES).filter((file) => file.kind === 'yaml');
  const workspace = corpus.workspaceFiles(settings.SEED + 2, 400).filter((file) => file.path.endsWith('.yaml')).map((file) => ({ name: file.path, text: file.text }));
  return [...throughput, ...workspace];
}

/** One or more cases for each rule the CST reader mirrors from `yaml`'s composer, problems and spans alike. */
const EDGE_CASES = [
  // Comments and the space before them.
  '[a,#c\n]', '{a: 1,#c\n}', 'a: [b]#c', '- [a]#c', '[a, #c\n]', 'key:#c', 'a: 1 #c\nb: 2', '- a #c\n- b',
  // Anchors and aliases.
  '- &a#c\n  x', 'a: &x#c\n  b', '[&a#c\n]', '&a #c\nb: 1', '&a\nb: 1', 'a: &x\n- b', 'a: &x\n  - b', 'a: &x [b]', '&a a: 1',
  '& a: 1', 'a: *', 'a: *x', 'a: &a *b', '- &a - b', '&a &b c', 'a: &x:', 'a: &x', '- &x', '[&x ]', '{a: &x }', '*a : 1',
  // Tabs.
  'a:\tb', '\ta: b', 'a:\n\t- b', '[a,\tb]', '- \ta', 'a: b\t#c',
  // Document markers.
  '---#c\na: 1', '--- a: 1', '--- |\n  x', '---\n...\n', '...\n', 'a: 1\n... #c\n', 'a: 1\n...#c\n', '--- [a]', '--- &a\n- b', '---\n---\n',
  // Empty values and items.
  'a:', 'a: #c', 'a:   # c\nb:', '- ', '-\n- #c', '[a, ]', '[, a]', '[a,,b]', '{a, b: }', '{a: }', '{: a}', '[]', '{}', '',
  // Keys.
  'a: 1\na: 2', '1: a\n"1": b', '.nan: 1\n.nan: 2', '"a\n b": 1', 'a\n: 1', '? a\n: b', '[a]: 1', 'a : 1', `${'k'.repeat(1030)}: v`,
  '{a: 1, a: 2}', '[a: 1]', 'a:\n  b: 1\n  # c\n x: 2', 'a:\n  b: 1\n  # c\nx: 2', 'a: b: c', 'a:\n - b\n  c: d',
  // Block scalars.
  '|\nx', 'a: |\nx', 'a: |2\n   x', 'a: |\n  x\n y', 'a: >-\n\n  x\n\n', 'a: |+\n  x\n\n', 'a: |x\n  y', 'a: | #c\n  x', 'a: |#c\n  x',
  'a: >\n  x\n\n    more\n  y\n', '- |\n  x\n- >2-\n   y\n', 'a: |\r\n  x\r\n',
  // Quoted scalars.
  'a: "x\\', 'a: "x', "a: 'x", 'a: "\\q"', 'a: "x\n  y"', "a: 'it''s'", 'a: "\\x4"', 'a: "\\u00e9 \\t"', 'a: "x\\\n  y"', 'a: "x   \n  y"',
  // Plain scalars.
  'a: @x', 'a: `x', 'a: %x', 'a: ,x', 'a: b\n  c', 'a: b #c\n  d', 'a: 0x1F', 'a: -0', 'a: .inf', 'a: 1e3', 'a: ~', 'a: True', 'a: 012',
  // Depth, directives, byte order marks.
  '['.repeat(500), '- '.repeat(450) + 'x', '['.repeat(450) + ']'.repeat(450), Array.from({ length: 420 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' x', '%YAML 1.2\n---\na: 1', '%FOO\na: 1', '\uFEFFa: 1', 'a: 1\n\uFEFF',
];

describe('the CST reader reads what the document reader read', () => {
  test('edge cases of every rule the reader mirrors', () => {
    for (const text of EDGE_CASES) for (const eol of ['\n', '\r\n']) assertSameTree(text.replace(/\r?\n/g, eol));
  });

  test('generated scripts in every YAML style', () => {
    fc.assert(fc.property(yamlScript({ rare: false }), (text) => assertSameTree(text)), params(1500));
  });

  test('generated scripts with tags, directives, explicit keys, repeated keys and tabs', () => {
    fc.assert(fc.property(yamlScript({ rare: true }), (text) => assertSameTree(text)), params(1000));
  });

  test('scripts edited anywhere: pieces inserted, ranges deleted, lines moved', () => {
    const base = fc.oneof(yamlScript({ rare: false }), yamlScript({ rare: true }), fc.constant(example));
    fc.assert(fc.property(editedYaml(base), (text) => assertSameTree(text)), params(3000));
  });

  test('hostile text', () => {
    fc.assert(fc.property(fuzzText, (text) => assertSameTree(text)), params(1500));
  });

  test('the examples and the fixtures, whole and one step at a time', () => {
    assert.ok(fixedFiles.length >= 3, 'the examples and fixtures hold YAML files');
    for (const { path, text } of fixedFiles) {
      assertSameTree(text, path);
      for (const slice of stepSlices(text)) assertSameTree(slice, `a step of ${path}`);
    }
  });

  test('the bench corpus, whole and one step at a time', async () => {
    const files = await benchYaml();
    assert.ok(files.length > 100, 'the bench corpus holds YAML files');
    for (const { name, text } of files) assertSameTree(text, name);
    for (const slice of stepSlices(files[0].text).slice(0, 200)) assertSameTree(slice, `a step of ${files[0].name}`);
  });
});

describe('where the CST reader differs from the document reader', () => {
  // The document reader composed any depth: past about 800 levels `yaml`'s composer overflows the stack, and the
  // process aborted when the overflow came inside V8's regular expression compiler (a deep stream read after a
  // flow-nested one did). Reported as the JSON reader reports it, and not composed.
  test('a stream nested thousands of levels deep is one problem, not composed', () => {
    for (const text of ['['.repeat(20000) + ']'.repeat(20000), '- '.repeat(5000) + 'x', '{a: '.repeat(3000)]) {
      const { roots, problems } = readYamlTree(text);
      assert.deepEqual([roots, problems.map((problem) => [problem.span, said(problem.args)])], [[], [[{ start: 0, end: 0 }, ['The document is nested too deeply to read']]]]);
    }
  });
});

describe('a script without problems, tags or directives is read from the CST', () => {
  test('generated scripts', () => {
    fc.assert(
      fc.property(yamlScript({ rare: false }), (text) => {
        fc.pre(oracle(text).problems.length === 0);
        assert.ok(readFromCst(text), `read by the composer: ${JSON.stringify(text)}`);
      }),
      params(1500),
    );
  });

  test('the examples and the bench corpus', async () => {
    for (const { name, text } of [...fixedFiles.map(({ path, text: t }) => ({ name: path, text: t })), ...(await benchYaml())]) {
      if (readYamlTree(text).problems.length === 0) assert.ok(readFromCst(text), `${name} is read by the composer`);
    }
  });

  test('a syntax error, a tag or a directive leaves the stream to the composer', () => {
    for (const text of ['a: "open\n', 'a: !!int 5\n', '%YAML 1.1\n---\na: yes\n', 'a: 1\na: 2\n', '? a\n: b\n']) assert.equal(readFromCst(text), false, text);
  });
});
