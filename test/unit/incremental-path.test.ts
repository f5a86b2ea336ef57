// The incremental path is taken, not only equivalent: typing in one step re-reads that step and carries the rest over.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { createTemplateService, type DocumentReading, type FieldsContext, type Span, type TemplateService } from '../../server/src/core';
import { singleEdit } from '../../server/src/documents/single-edit';
import { fieldsContext } from './core-helpers';

const FIELDS: FieldsContext = fieldsContext();
const STEPS = 400;
/** A message step (every 10th is a webhook step). */
const EDITED = 205;

/** Step `i` of a generated script: a message, every 10th a webhook step sending the click id. */
function yamlStep(i: number): string[] {
  if (i % 10 === 0) return [`      - key: s${i}`, '        type: webhook', `        url: "https://t.example/p?subid={tracker.clickid}&n=${i}"`];
  return [`      - key: s${i}`, '        type: message', `        text: "Step ${i}: {{username}} {{fields.geo}}"`];
}

const LARGE_YAML = ['flows:', '  - key: main', '    steps:', ...Array.from({ length: STEPS }, (_, i) => yamlStep(i)).flat(), ''].join('\n');

const LARGE_JSON = JSON.stringify({
  flows: [{ key: 'main', steps: Array.from({ length: STEPS }, (_, i) => ({ key: `s${i}`, type: 'message', text: `Step ${i}: {{username}} {{fields.geo}}` })) }],
}, null, 2);

/** Where the text of message step `i` starts. */
function textOfStep(text: string, i: number): number {
  const at = text.indexOf(`Step ${i}:`);
  assert.ok(at >= 0, `step ${i} has no text`);
  return at;
}

/** A fresh service that has checked the document once (its first read is whole). */
function opened(uri: string, text: string): { service: TemplateService; document: TextDocument } {
  const service = createTemplateService();
  const document = TextDocument.create(uri, 'yaml', 1, text);
  service.templateDiagnostics(document, FIELDS);
  return { service, document };
}

/** Changes the document as the server does: the service hears what the editor's change list did, then the text changes. */
function edit(service: TemplateService, document: TextDocument, changes: TextDocumentContentChangeEvent[]): void {
  const version = document.version + 1;
  service.noteChange(document.uri, document.version, version, singleEdit(document, changes)?.change);
  TextDocument.update(document, changes, version);
}

function replace(document: TextDocument, start: number, end: number, text: string): TextDocumentContentChangeEvent {
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text };
}

/** How the service read the document's current version (which must be the one it read last). */
function readingNow(service: TemplateService, document: TextDocument): DocumentReading {
  const reading = service.readingOf(document.uri);
  assert.equal(reading?.version, document.version, 'the service has not read this version');
  return reading;
}

/** The text the service re-read, when it re-read one step. */
function reread(service: TemplateService, document: TextDocument): string {
  const { parse } = readingNow(service, document);
  assert.equal(parse.kind, 'step', 'the whole file was read again');
  const span: Span = parse.reread;
  return document.getText().slice(span.start, span.end);
}

test('YAML: each keystroke typed in one step of a 400-step script re-reads that step alone', () => {
  const { service, document } = opened('file:///w/large.script.yaml', LARGE_YAML);
  const at = textOfStep(LARGE_YAML, EDITED);
  for (let typed = 0; typed < 5; typed++) {
    edit(service, document, [replace(document, at + typed, at + typed, 'x')]);
    service.templateDiagnostics(document, FIELDS);
    const text = reread(service, document);
    assert.match(text, new RegExp(`key: s${EDITED}\\n[^]*Step ${EDITED}:`));
    assert.ok(!text.includes(`key: s${EDITED + 1}`) && text.length < LARGE_YAML.length / 100, text);
  }
});

test('JSON: a keystroke typed in one step re-reads that step alone', () => {
  const { service, document } = opened('file:///w/large.script.json', LARGE_JSON);
  const at = textOfStep(LARGE_JSON, EDITED);
  edit(service, document, [replace(document, at, at, 'x')]);
  service.templateDiagnostics(document, FIELDS);
  const text = reread(service, document);
  assert.ok(text.includes(`"key": "s${EDITED}"`) && !text.includes(`"key": "s${EDITED + 1}"`), text);
});

test('after an edit in one step, the diagnostics of the other steps are carried over, not computed again', () => {
  const { service, document } = opened('file:///w/large.script.yaml', LARGE_YAML);
  const at = textOfStep(LARGE_YAML, EDITED);
  edit(service, document, [replace(document, at, at, '{{fields.gio}} ')]);
  const diagnostics = service.templateDiagnostics(document, FIELDS);
  assert.equal(readingNow(service, document).diagnostics, 'carried');
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['unknown-key']);
});

test('usages read before a burst of typing in one step are carried over the burst, only that step read again', () => {
  const { service, document } = opened('file:///w/large.script.yaml', LARGE_YAML);
  service.usages(document, FIELDS);
  const at = textOfStep(LARGE_YAML, EDITED);
  for (const [typed, text] of ['{', '{', 'fields.', 'geo', '}}'].entries()) {
    const offset = at + ['{', '{', 'fields.', 'geo'].slice(0, typed).join('').length;
    edit(service, document, [replace(document, offset, offset, text)]);
    service.templateDiagnostics(document, FIELDS);
  }
  const usages = service.usages(document, FIELDS);
  assert.equal(readingNow(service, document).usages, 'carried');
  assert.equal(usages.filter((usage) => usage.key === 'geo').length, STEPS - STEPS / 10 + 1);
});

test('an edit that spans two steps is read whole, and its results computed whole', () => {
  const { service, document } = opened('file:///w/large.script.yaml', LARGE_YAML);
  const start = textOfStep(LARGE_YAML, EDITED + 1);
  const end = textOfStep(LARGE_YAML, EDITED + 2);
  edit(service, document, [replace(document, start, end, LARGE_YAML.slice(start, end))]);
  service.templateDiagnostics(document, FIELDS);
  assert.deepEqual(readingNow(service, document), { version: 2, parse: { kind: 'full' }, diagnostics: 'computed', usages: undefined });
});

test('an edit sent as two changes cannot be placed as one: the file is read whole', () => {
  const { service, document } = opened('file:///w/large.script.yaml', LARGE_YAML);
  const at = textOfStep(LARGE_YAML, EDITED);
  edit(service, document, [replace(document, at, at, 'x'), replace(document, at + 1, at + 1, 'y')]);
  service.templateDiagnostics(document, FIELDS);
  assert.deepEqual(readingNow(service, document).parse, { kind: 'full' });
});

test('a version the service was not told the edit of is read whole', () => {
  const { service, document } = opened('file:///w/large.script.yaml', LARGE_YAML);
  const at = textOfStep(LARGE_YAML, EDITED);
  TextDocument.update(document, [replace(document, at, at, 'x')], 2);
  service.templateDiagnostics(document, FIELDS);
  assert.deepEqual(readingNow(service, document).parse, { kind: 'full' });
});

test('an edit that adds a step at the steps indentation is read whole', () => {
  const { service, document } = opened('file:///w/large.script.yaml', LARGE_YAML);
  const at = textOfStep(LARGE_YAML, EDITED);
  const lineEnd = LARGE_YAML.indexOf('\n', at);
  edit(service, document, [replace(document, lineEnd, lineEnd, '\n      - key: extra\n        type: message')]);
  service.templateDiagnostics(document, FIELDS);
  assert.deepEqual(readingNow(service, document).parse, { kind: 'full' });
});

test('readingOf reads nothing: a version not yet read is not reported, and asking does not read it', () => {
  const { service, document } = opened('file:///w/large.script.yaml', LARGE_YAML);
  const at = textOfStep(LARGE_YAML, EDITED);
  edit(service, document, [replace(document, at, at, 'x')]);
  assert.equal(service.readingOf(document.uri)?.version, 1);
  assert.equal(service.readingOf(document.uri)?.version, 1);
  assert.equal(service.readingOf('file:///w/never-opened.script.yaml'), undefined);
});
