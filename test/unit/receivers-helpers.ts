// Shared helpers for the receiver specs: check one URL in a `.webhook` request, apply a quick fix, list codes and covers.
import assert from 'node:assert/strict';
import { SUPPRESS_ACTION_KIND } from '../../server/src/core/index';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { FieldsContext } from '../../server/src/core/base/types';
import { applyEdits, fieldsContext, seen, service, webhookDoc, type Seen } from './core-helpers';

/** `[code, text it covers]` of every diagnostic of a one-request `.webhook` file whose URL is `url`. */
export function findings(url: string, fields: FieldsContext = fieldsContext()): [string, string][] {
  return checked(url, fields).map((problem) => [problem.code, problem.covers]);
}

export function checked(url: string, fields: FieldsContext = fieldsContext()): Seen[] {
  const document = webhookDoc(`GET ${url}\n`);
  return service().templateDiagnostics(document, fields).map((diagnostic) => seen(document, diagnostic));
}

/** The quick fixes offered for every diagnostic of the URL, and a way to apply one by title. */
export function fixesOf(url: string, fields: FieldsContext = fieldsContext()) {
  const document = webhookDoc(`GET ${url}\n`);
  const templates = service();
  const diagnostics: Diagnostic[] = templates.templateDiagnostics(document, fields);
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
  const actions: CodeAction[] = templates.codeActions(document, whole, diagnostics, fields).filter((action) => action.kind !== SUPPRESS_ACTION_KIND);
  return {
    diagnostics,
    titles: actions.map((action) => action.title),
    /** The URL after the fix titled `title`. */
    apply(title: string): string {
      const matching = actions.filter((candidate) => candidate.title === title);
      assert.equal(matching.length, 1, `expected one action "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
      const edits = matching[0].edit?.changes?.[document.uri] as TextEdit[];
      return applyEdits(document.getText(), edits).replace(/^GET /, '').replace(/\n$/, '');
    },
  };
}
