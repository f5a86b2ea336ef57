// Shared helpers for the analysis-core specs: cursor markers, fields contexts from inline text, documents, edits.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Diagnostic, Position, TextEdit } from 'vscode-languageserver-types';
import { parseFieldsFile } from '../../server/src/core/fields/fields-file';
import { createTemplateService, type TemplateService } from '../../server/src/core/index';
import type { FieldsContext, FieldsSource, Placeholder, Region } from '../../server/src/core/base/types';
import { DESIGN_FIELDS } from '../support/design-fields';

export const FIELDS_URI = 'file:///project/webhook-fields.json';
export const FIELDS_YAML_URI = 'file:///project/webhook-fields.yaml';
export const FIELDS_NAME = 'webhook-fields.json';
export const SUGGESTED_URI = 'file:///project/webhook-fields.json';

export { DESIGN_FIELDS };

/** The same definitions with angle syntax for the webhook dialect. */
export const ANGLE_FIELDS = DESIGN_FIELDS.replace('"braces"', '"angle"');

/** A FieldsContext whose fields file has the given text; fails the test when the text does not parse. */
export function fieldsContext(text: string = DESIGN_FIELDS, format: 'json' | 'yaml' = 'json', displayName?: string): FieldsContext {
  const { model, problems } = parseFieldsFile(text, format);
  assert.ok(model, `fields text does not parse: ${JSON.stringify(problems)}`);
  const uri = format === 'json' ? FIELDS_URI : FIELDS_YAML_URI;
  const source: FieldsSource = { uri, displayName: displayName ?? uri.slice(uri.lastIndexOf('/') + 1), model, text, format };
  return { source, suggestedUri: undefined };
}

/** No fields file: only built-in keys are known; a new file would go to SUGGESTED_URI. */
export function noFields(): FieldsContext {
  return { suggestedUri: SUGGESTED_URI };
}

/** Removes the first cursor marker from text and says where it stood. */
export function parseCursor(textWithCursor: string, marker = '|'): { text: string; offset: number } {
  const offset = textWithCursor.indexOf(marker);
  assert.ok(offset >= 0, `no cursor marker "${marker}" in ${JSON.stringify(textWithCursor)}`);
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + marker.length), offset };
}

let version = 0;

/** A document at a URI whose file name decides its kind (`.webhook`, `*.script.yaml`, ...). */
export function doc(uri: string, text: string): TextDocument {
  const language = uri.endsWith('.webhook') ? 'webhook-template' : uri.endsWith('.json') ? 'json' : 'yaml';
  return TextDocument.create(uri, language, ++version, text);
}

export const WEBHOOK_URI = 'file:///project/postback.webhook';
export const SCRIPT_YAML_URI = 'file:///project/bot.script.yaml';
export const SCRIPT_JSON_URI = 'file:///project/bot.script.json';

export const webhookDoc = (text: string) => doc(WEBHOOK_URI, text);
export const scriptDoc = (text: string) => doc(SCRIPT_YAML_URI, text);
export const scriptJsonDoc = (text: string) => doc(SCRIPT_JSON_URI, text);

/** A one-step YAML script whose message text is `text` (written in double quotes: escape `"` yourself). */
export function messageScript(text: string): string {
  return `flows:\n  - key: main\n    steps:\n      - key: welcome\n        type: message\n        text: "${text}"\n`;
}

/** A one-step YAML script whose webhook URL is `url` (single-quoted). */
export function webhookStepScript(url: string, body?: string): string {
  const bodyLine = body === undefined ? '' : `        body: '${body}'\n`;
  return `flows:\n  - key: main\n    steps:\n      - key: lead_postback\n        type: webhook\n        url: '${url}'\n${bodyLine}`;
}

export function service(): TemplateService {
  return createTemplateService();
}

/** A diagnostic reduced to what specs compare: code, the text it covers, message and fix. */
export interface Seen {
  code: string;
  covers: string;
  message: string;
  fix?: string;
}

export function seen(document: TextDocument, diagnostic: Diagnostic): Seen {
  const text = document.getText();
  const covers = text.slice(document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end));
  const fix = (diagnostic.data as { fix?: string } | undefined)?.fix;
  return { code: String(diagnostic.code), covers, message: diagnostic.message, ...(fix === undefined ? {} : { fix }) };
}

export function validate(document: TextDocument, fields: FieldsContext = fieldsContext()): Diagnostic[] {
  return service().templateDiagnostics(document, fields);
}

/** Diagnostics of a document, reduced by `seen`. */
export function problemsOf(document: TextDocument, fields: FieldsContext = fieldsContext()): Seen[] {
  return validate(document, fields).map((diagnostic) => seen(document, diagnostic));
}

/** Exactly one diagnostic is expected; returns it reduced. */
export function onlyProblem(document: TextDocument, fields: FieldsContext = fieldsContext()): Seen {
  const problems = problemsOf(document, fields);
  assert.equal(problems.length, 1, `expected one problem, got ${JSON.stringify(problems, null, 2)}`);
  return problems[0];
}

/** Applies LSP text edits to text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///tmp/x', 'plaintext', 0, text), [...edits]);
}

/** The document's text after applying a completion item's textEdit. */
export function applyCompletion(document: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit;
  assert.ok(edit && 'range' in edit, `item ${item.label} has no plain textEdit`);
  return applyEdits(document.getText(), [edit as TextEdit]);
}

/**
 * The document's text after accepting a plain-text completion item, with `|` where VS Code leaves the cursor: at the
 * end of the inserted text (only a snippet's `$0` could put it elsewhere).
 */
export function applyCompletionWithCursor(document: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit;
  assert.ok(edit && 'range' in edit, `item ${item.label} has no plain textEdit`);
  assert.notEqual(item.insertTextFormat, 2, `item ${item.label} is a snippet`);
  const cursor = document.offsetAt(edit.range.start) + edit.newText.length;
  const text = applyEdits(document.getText(), [edit as TextEdit]);
  return `${text.slice(0, cursor)}|${text.slice(cursor)}`;
}

/** Completion at the `|` marker of `textWithCursor` in a document at `uri`, asked of `templates` (a fresh service by default). */
export function completeAt(uri: string, textWithCursor: string, fields: FieldsContext = fieldsContext(), templates: TemplateService = service()) {
  const { text, offset } = parseCursor(textWithCursor);
  const document = doc(uri, text);
  const position: Position = document.positionAt(offset);
  const list = templates.completions(document, position, fields);
  const itemOf = (label: string): CompletionItem => {
    const item = list.items.find((candidate) => candidate.label === label);
    assert.ok(item, `no item "${label}" among ${JSON.stringify(list.items.map((i) => i.label))}`);
    return item;
  };
  return {
    document,
    items: list.items,
    labels: list.items.map((item) => item.label).sort(),
    /** The labels of the items marked `preselect`. */
    preselected: list.items.filter((item) => item.preselect).map((item) => item.label),
    /** The text after accepting the item labelled `label`. */
    accept: (label: string): string => applyCompletion(document, itemOf(label)),
    /** The text after accepting the item labelled `label`, with `|` where the cursor lands. */
    acceptWithCursor: (label: string): string => applyCompletionWithCursor(document, itemOf(label)),
  };
}

/** A document and the LSP position of the `|` marker in it. */
export function docAt(uri: string, textWithCursor: string): { document: TextDocument; position: Position } {
  const { text, offset } = parseCursor(textWithCursor);
  const document = doc(uri, text);
  return { document, position: document.positionAt(offset) };
}

/** A region over the whole text. */
export function wholeRegion(text: string, dialect: Region['dialect'] = 'webhook', place: Region['place'] = 'url'): Region {
  return { start: 0, end: text.length, dialect, place };
}

/** What a scanned placeholder covers, as text. */
export function spanText(text: string, placeholder: Pick<Placeholder, 'start' | 'end'>): string {
  return text.slice(placeholder.start, placeholder.end);
}
