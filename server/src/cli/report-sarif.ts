// The check's problems as a SARIF 2.1.0 log, for code scanning: one run, a rule for every problem code (its summary,
// its default level and its documentation section), a result for every problem.
import { PROBLEM_DOCS, PROBLEMS, ProblemCode, problemDocsUrl, type Severity } from '../core';
import type { Row } from './report-rows';

type SarifLevel = 'error' | 'warning' | 'note';

/** SARIF has no hint: a hint, like information, is a note. */
const LEVELS: Record<string, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const DEFAULT_LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A path relative to the working folder as a relative URI reference: `/` between segments, each segment escaped. */
function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

const CODES = Object.values(ProblemCode);

function rules() {
  return CODES.map((code) => ({
    id: code,
    shortDescription: { text: PROBLEMS[code].summary },
    helpUri: problemDocsUrl(code),
    defaultConfiguration: { level: DEFAULT_LEVELS[PROBLEMS[code].severity] },
  }));
}

function result(row: Row) {
  const ruleIndex = CODES.indexOf(row.code as ProblemCode);
  return {
    ruleId: row.code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVELS[row.severity] ?? 'warning',
    message: { text: row.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(row.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: row.line, startColumn: row.column, endLine: row.endLine, endColumn: row.endColumn },
        },
      },
    ],
  };
}

/** The log; artifact URIs are relative to the working folder (`%SRCROOT%`), columns count UTF-16 code units. */
export function sarifReport(rows: readonly Row[]) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'webhook-templates', informationUri: PROBLEM_DOCS.replace(/\/blob\/.*$/, ''), rules: rules() } },
        columnKind: 'utf16CodeUnits',
        results: rows.map(result),
      },
    ],
  };
}
