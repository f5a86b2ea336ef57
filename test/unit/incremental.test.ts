// Re-reading only the edited step gives exactly what reading the whole file gives: parse, diagnostics, usages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createTemplateService, type FieldsContext, type Usage } from '../../server/src/core';
import { updateScriptParse, composeChanges } from '../../server/src/core/read/incremental';
import { parseScriptFile } from '../../server/src/core/read/script-file';
import { fieldsContext } from './core-helpers';

const YAML = `flows:
  - key: main
    title: "Main {{username}}"
    steps:
      - key: welcome
        type: message
        text: "Hi {{username}}, {{fields.geo}}"
      - key: lead_postback
        type: webhook
        method: GET
        url: "https://t.example/25123a/postback?subid={tracker.clickid}&status=lead&sub_id_1={chatId}"
      - key: crm
        type: webhook
        method: POST
        url: https://crm.example/api?x={geo}
        body: |
          {"chat": "{chatId}", "n": {}}
  - key: second
    steps:
      - key: later
        type: message
        text: "{{tracker.sub1}} {{fields.gio}}"
`;

const JSON_SCRIPT = JSON.stringify({
  flows: [
    { key: 'main', steps: [
      { key: 'welcome', type: 'message', text: 'Hi {{username}} {{fields.geo}}' },
      { key: 'lead_postback', type: 'webhook', url: 'https://t.example/25123a/postback?subid={tracker.clickid}&status=lead', body: '{"c": "{chatId}"}' },
    ] },
    { key: 'second', steps: [{ key: 'later', type: 'message', text: '{{tracker.sub1}} {{fields.gio}}' }] },
  ],
}, null, 2);

const FIELDS: FieldsContext = fieldsContext();

type TemplateService = ReturnType<typeof createTemplateService>;

/**
 * One edit as the server makes it: the service hears of it, then the document changes. `start` and the edit's end
 * are clamped to the text; answers where the edit ended.
 */
function applyEdit(service: TemplateService, document: TextDocument, wanted: number, length: number, inserted: string): number {
  const current = document.getText();
  const start = Math.min(wanted, current.length);
  const end = Math.min(current.length, start + length);
  const version = document.version + 1;
  service.noteChange(document.uri, document.version, version, { start, oldEnd: end, delta: inserted.length - (end - start) });
  TextDocument.update(document, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text: inserted }], version);
  return start + inserted.length;
}

interface Edit {
  start: number;
  length: number;
  inserted: string;
}

/** In a list of edits: typing pauses here, and the index reads the usages. */
const PAUSE = '|';

/** A fresh service checking a document through edits as they come (and reading usages at each PAUSE). */
function typed(uri: string, text: string, steps: readonly (Edit | typeof PAUSE)[]): { service: TemplateService; document: TextDocument } {
  const service = createTemplateService();
  const document = TextDocument.create(uri, 'yaml', 1, text);
  service.templateDiagnostics(document, FIELDS);
  for (const step of steps) {
    if (step === PAUSE) {
      service.usages(document, FIELDS);
      continue;
    }
    applyEdit(service, document, step.start, step.length, step.inserted);
    service.templateDiagnostics(document, FIELDS);
  }
  return { service, document };
}

function key(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${String(diagnostic.code)} ${diagnostic.message}`;
}

/** Applies an edit through the incremental path, and answers what it and a fresh read give. */
function bothWays(uri: string, text: string, start: number, end: number, inserted: string) {
  const service = createTemplateService();
  const document = TextDocument.create(uri, 'yaml', 1, text);
  service.templateDiagnostics(document, FIELDS);
  service.usages(document, FIELDS);
  const range = { start: document.positionAt(start), end: document.positionAt(end) };
  service.noteChange(uri, 1, 2, { start, oldEnd: end, delta: inserted.length - (end - start) });
  TextDocument.update(document, [{ range, text: inserted }], 2);
  const fresh = createTemplateService();
  const again = TextDocument.create(uri, 'yaml', 2, document.getText());
  return {
    incremental: { parsed: service.parseTemplate(document), diagnostics: service.templateDiagnostics(document, FIELDS).map(key).sort(), usages: service.usages(document, FIELDS) },
    full: { parsed: fresh.parseTemplate(again), diagnostics: fresh.templateDiagnostics(again, FIELDS).map(key).sort(), usages: fresh.usages(again, FIELDS) },
  };
}

function sameAsFull(uri: string, text: string, start: number, end: number, inserted: string): void {
  const { incremental, full } = bothWays(uri, text, start, end, inserted);
  assert.deepEqual(incremental.parsed?.regions, full.parsed?.regions);
  assert.deepEqual(incremental.parsed?.requests, full.parsed?.requests);
  assert.deepEqual(incremental.parsed?.steps, full.parsed?.steps);
  assert.deepEqual(incremental.diagnostics, full.diagnostics);
  assert.deepEqual(incremental.usages.map((usage) => [usage.kind, usage.key, usage.nameSpan]).sort(), full.usages.map((usage) => [usage.kind, usage.key, usage.nameSpan]).sort());
}

test('typing inside a step re-reads only that step', () => {
  const previous = parseScriptFile(YAML, 'yaml');
  const at = YAML.indexOf('{{fields.geo}}') + 2;
  const text = YAML.slice(0, at) + 'x' + YAML.slice(at);
  const update = updateScriptParse(previous, text, { start: at, oldEnd: at, delta: 1 }, (piece) => piece);
  assert.ok(update, 'the edit was not taken as a step update');
  assert.equal(update.piece.steps.length, 1);
  assert.equal(update.piece.steps[0].key, 'welcome');
});

test('an edit that makes a new step at the steps indentation is read whole', () => {
  const previous = parseScriptFile(YAML, 'yaml');
  const at = YAML.indexOf('"Hi {{username}}') + '"Hi {{username}}, {{fields.geo}}"'.length;
  const inserted = '\n      - key: sneaky\n        type: message';
  const text = YAML.slice(0, at) + inserted + YAML.slice(at);
  assert.equal(updateScriptParse(previous, text, { start: at, oldEnd: at, delta: inserted.length }, (piece) => piece), undefined);
});

test('an unclosed quote typed in a step is read whole (the step no longer reads on its own)', () => {
  sameAsFull('file:///w/a.script.yaml', YAML, YAML.indexOf('"Hi'), YAML.indexOf('"Hi') + 1, '');
});

test('a backslash typed before the closing quote of the last step leaves the quote open at the end of the file: an error', () => {
  const closing = YAML.lastIndexOf('"');
  const { incremental } = bothWays('file:///w/a.script.yaml', YAML, closing, closing, '\\');
  assert.ok(incremental.diagnostics.some((line) => line.includes('script-syntax-error')), incremental.diagnostics.join('\n'));
  sameAsFull('file:///w/a.script.yaml', YAML, closing, closing, '\\');
});

test('composing two edits gives one edit of the first text', () => {
  // "abcdef" → insert "XY" at 2 → "abXYcdef" → delete "Yc" (3..5) → "abXdef": one change of "abcdef": [2,3) → "X".
  assert.deepEqual(composeChanges({ start: 2, oldEnd: 2, delta: 2 }, { start: 3, oldEnd: 5, delta: -2 }), { start: 2, oldEnd: 3, delta: 0 });
});

const PIECES = ['{', '}', '{{', '}}', 'x', ' ', '\n', '"', "'", ':', '- ', '        ', 'tracker.', 'chatId', '{geo}', '{{fields.geo}}', '\\'];

function editArbitrary(text: string) {
  return fc.record({
    start: fc.nat({ max: text.length }),
    length: fc.nat({ max: 12 }),
    inserted: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((parts) => parts.join('')),
  });
}

for (const [name, uri, text] of [['YAML', 'file:///w/a.script.yaml', YAML], ['JSON', 'file:///w/a.script.json', JSON_SCRIPT]] as const) {
  test(`${name}: any single edit checked incrementally gives what a full check gives`, () => {
    fc.assert(
      fc.property(editArbitrary(text), ({ start, length, inserted }) => {
        sameAsFull(uri, text, start, Math.min(text.length, start + length), inserted);
      }),
      { numRuns: 400 },
    );
  });
}

/** Several edits in a row, each checked as it comes (as while typing), then the whole arrays compared with a full read. */
function sequenceSameAsFull(uri: string, text: string, edits: Edit[]): void {
  const { service, document } = typed(uri, text, edits);
  const fresh = createTemplateService().parseTemplate(TextDocument.create(uri, 'yaml', 1, document.getText()));
  const parsed = service.parseTemplate(document);
  assert.deepEqual(parsed?.regions, fresh?.regions);
  assert.deepEqual(parsed?.requests, fresh?.requests);
  assert.deepEqual(parsed?.steps, fresh?.steps);
  assert.deepEqual(service.templateDiagnostics(document, FIELDS).map(key).sort(), createTemplateService().templateDiagnostics(TextDocument.create(uri, 'yaml', 1, document.getText()), FIELDS).map(key).sort());
}

test('typing a hundred characters in one step, checked after each, ends where a full read ends', () => {
  const at = YAML.indexOf('{{fields.geo}}');
  sequenceSameAsFull('file:///w/a.script.yaml', YAML, Array.from({ length: 100 }, (_, i) => ({ start: at + i, length: 0, inserted: i % 7 === 0 ? '{' : 'a' })));
});

for (const [name, uri, text] of [['YAML', 'file:///w/a.script.yaml', YAML], ['JSON', 'file:///w/a.script.json', JSON_SCRIPT]] as const) {
  test(`${name}: any sequence of edits, each checked, ends where a full read ends`, () => {
    fc.assert(
      fc.property(fc.array(editArbitrary(text), { minLength: 1, maxLength: 8 }), (edits) => sequenceSameAsFull(uri, text, edits)),
      { numRuns: 200 },
    );
  });
}

/**
 * After edits each checked as it comes (the whole arrays left unbuilt), completion and hover at any offset answer
 * what a fresh read of the same text answers: inside the last re-read step they look only at that step.
 */
function pointQueriesSameAsFull(uri: string, text: string, edits: Edit[], probe: number): void {
  const { service, document } = typed(uri, text, edits);
  const fresh = createTemplateService();
  const again = TextDocument.create(uri, 'yaml', document.version, document.getText());
  const position = document.positionAt(probe % (document.getText().length + 1));
  assert.deepEqual(service.completions(document, position, FIELDS), fresh.completions(again, position, FIELDS));
  assert.deepEqual(service.hover(document, position, FIELDS), fresh.hover(again, position, FIELDS));
}

/** Offsets near the edits, and inside every placeholder of the file: in the re-read step and in the others. */
function probeArbitrary(text: string, at: number): fc.Arbitrary<number> {
  const insidePlaceholders = [...text.matchAll(/\{/g)].map((match) => match.index + 2);
  return fc.oneof(fc.integer({ min: at - 30, max: at + 60 }), fc.constantFrom(...insidePlaceholders));
}

for (const [name, uri, text] of [['YAML', 'file:///w/a.script.yaml', YAML], ['JSON', 'file:///w/a.script.json', JSON_SCRIPT]] as const) {
  test(`${name}: completion and hover right after edits answer what a full read answers`, () => {
    const near = (at: number) => fc.record({ start: fc.integer({ min: Math.max(0, at - 20), max: at + 20 }), length: fc.nat({ max: 3 }), inserted: fc.constantFrom('a', '{', '{{', '.', 'fields.', '}') });
    const at = text.indexOf('{{fields.geo}}');
    fc.assert(
      fc.property(fc.array(near(at), { minLength: 1, maxLength: 6 }), probeArbitrary(text, at), (edits, probe) => pointQueriesSameAsFull(uri, text, edits, probe)),
      { numRuns: 300 },
    );
  });
}

test('typing "{{" in a step offers the keys and namespaces there, with only that step re-read', () => {
  const uri = 'file:///w/a.script.yaml';
  const at = YAML.indexOf('Hi {{username}}') + 3;
  pointQueriesSameAsFull(uri, YAML, [{ start: at, length: 0, inserted: '{' }, { start: at + 1, length: 0, inserted: '{' }], at + 2);
  const { service, document } = typed(uri, YAML, [{ start: at, length: 0, inserted: '{{' }]);
  const labels = service.completions(document, document.positionAt(at + 2), FIELDS).items.map((item) => item.label);
  assert.deepEqual(labels.filter((label) => label === 'username' || label === 'fields.'), ['username', 'fields.']);
});

/** Usages read before typing and at each PAUSE, then compared with a fresh read's at the end. */
function usagesSameAsFull(uri: string, text: string, steps: readonly (Edit | typeof PAUSE)[]): void {
  const { service, document } = typed(uri, text, [PAUSE, ...steps]);
  const fresh = createTemplateService().usages(TextDocument.create(uri, 'yaml', 1, document.getText()), FIELDS);
  const shape = (usage: Usage) => [usage.kind, usage.key, usage.nameSpan.start, usage.nameSpan.end, usage.placeholderSpan.start, usage.placeholderSpan.end];
  assert.deepEqual(service.usages(document, FIELDS).map(shape), fresh.map(shape));
}

/** Texts typed one after another from `at`, as edits; PAUSE stays a pause. */
function burstAt(at: number, burst: readonly string[]): (Edit | typeof PAUSE)[] {
  let offset = at;
  return burst.map((inserted) => {
    if (inserted === PAUSE) return PAUSE;
    offset += inserted.length;
    return { start: offset - inserted.length, length: 0, inserted };
  });
}

for (const [name, uri, text] of [['YAML', 'file:///w/a.script.yaml', YAML], ['JSON', 'file:///w/a.script.json', JSON_SCRIPT]] as const) {
  test(`${name}: usages asked only after a burst of typing in one step equal a full read's`, () => {
    const at = text.indexOf('{{fields.geo}}');
    fc.assert(
      fc.property(fc.integer({ min: at - 5, max: at + 14 }), fc.array(fc.constantFrom('a', '{', '{{', 'fields.', 'geo', '}}', ' ', PAUSE), { minLength: 1, maxLength: 16 }), (offset, burst) =>
        usagesSameAsFull(uri, text, burstAt(offset, burst))),
      { numRuns: 300 },
    );
  });
}

for (const [name, uri, text] of [['YAML', 'file:///w/a.script.yaml', YAML], ['JSON', 'file:///w/a.script.json', JSON_SCRIPT]] as const) {
  test(`${name}: usages asked only now and then during edits anywhere equal a full read's`, () => {
    const step = fc.oneof(editArbitrary(text), fc.constant(PAUSE));
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => usagesSameAsFull(uri, text, steps)), { numRuns: 300 });
  });
}
