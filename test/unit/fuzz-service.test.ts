// Property-based tests of the whole analysis service on hostile documents: every feature at any offset answers, inside the document.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { createTemplateService } from '../../server/src/core/index';
import type { FieldsContext } from '../../server/src/core/base/types';
import { ANGLE_FIELDS, fieldsContext, noFields } from './core-helpers';
import { fuzzText, hostileText, params, yamlishText } from './fuzz-support';

const URIS = ['file:///p/a.webhook', 'file:///p/b.script.yaml', 'file:///p/c.script.json', 'file:///p/webhook-fields.json', 'file:///p/webhook-fields.yaml'];
const CONTEXTS: FieldsContext[] = [fieldsContext(), fieldsContext(ANGLE_FIELDS), noFields()];

/** A position is the document's own when converting it to an offset and back gives it again. */
function assertPosition(document: TextDocument, position: Position, what: string): void {
  assert.deepEqual(document.positionAt(document.offsetAt(position)), position, `${what} ${JSON.stringify(position)} is not a position of the document`);
}

function assertRange(document: TextDocument, range: Range, what: string): void {
  assertPosition(document, range.start, `${what} start`);
  assertPosition(document, range.end, `${what} end`);
  assert.ok(document.offsetAt(range.start) <= document.offsetAt(range.end), `${what} ends before it starts`);
}

/** Any position, including ones past the end of a line or of the document and negative ones. */
const anyPosition = fc.record({ line: fc.integer({ min: -2, max: 40 }), character: fc.integer({ min: -2, max: 300 }) });

const documentCase = fc.record({
  uri: fc.constantFrom(...URIS),
  text: fc.oneof(fuzzText, hostileText, yamlishText),
  fields: fc.constantFrom(...CONTEXTS),
  position: anyPosition,
  line: fc.integer({ min: -1, max: 40 }),
});

describe('the analysis service on hostile documents', () => {
  test('diagnostics, symbols, folding, links, lenses and inlay hints: no throw, every range inside the document', () => {
    fc.assert(
      fc.property(documentCase, ({ uri, text, fields }) => {
        const service = createTemplateService();
        const document = TextDocument.create(uri, 'plaintext', 1, text);
        const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
        const diagnostics = uri.includes('webhook-fields') ? service.fieldsFileDiagnostics(document, 'webhook-fields') : service.templateDiagnostics(document, fields);
        diagnostics.forEach((diagnostic, i) => assertRange(document, diagnostic.range, `diagnostic ${i} (${diagnostic.code})`));
        service.documentLinks(document).forEach((link, i) => assertRange(document, link.range, `link ${i}`));
        service.codeLenses(document).forEach((lens, i) => assertRange(document, lens.range, `lens ${i}`));
        service.inlayHints(document, whole, fields, undefined, {}).forEach((hint, i) => assertPosition(document, hint.position, `inlay hint ${i}`));
        service.foldingRanges(document).forEach((range, i) => assert.ok(range.startLine >= 0 && range.startLine <= range.endLine && range.endLine < document.lineCount, `folding range ${i}`));
        service.usages(document, fields).forEach((usage, i) => assert.ok(usage.nameSpan.start >= 0 && usage.nameSpan.end <= text.length, `usage ${i}`));
      }),
      params(1000),
    );
  });

  test('completion, hover, definition and code actions at any position (past the end, negative) answer without a throw', () => {
    fc.assert(
      fc.property(documentCase, ({ uri, text, fields, position }) => {
        const service = createTemplateService();
        const document = TextDocument.create(uri, 'plaintext', 1, text);
        for (const item of service.completions(document, position, fields).items) {
          const edit = item.textEdit;
          if (edit && 'range' in edit) assertRange(document, edit.range, `completion "${item.label}"`);
        }
        const hover = service.hover(document, position, fields);
        if (hover?.range) assertRange(document, hover.range, 'hover');
        service.definitions(document, position, fields);
        const diagnostics = service.templateDiagnostics(document, fields);
        service.codeActions(document, { start: position, end: position }, diagnostics, fields);
      }),
      params(1000),
    );
  });

  test('expanding the request at any line never throws, and spans of issues lie inside the document', () => {
    fc.assert(
      fc.property(documentCase, ({ uri, text, fields, line }) => {
        const expanded = createTemplateService().expandedRequest(TextDocument.create(uri, 'plaintext', 1, text), line, fields, 'lead', { X: 'secret' });
        for (const issue of [...(expanded?.unresolved ?? []), ...(expanded?.empty ?? [])]) {
          assert.ok(issue.span.start >= 0 && issue.span.start <= issue.span.end && issue.span.end <= text.length, `issue ${issue.text}`);
        }
      }),
      params(1000),
    );
  });
});
