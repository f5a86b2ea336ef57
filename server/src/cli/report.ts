// Prints check results as text (file:line:column), JSON, GitHub workflow annotations, SARIF 2.1.0 or JUnit XML.
import type { OutputFormat } from './arguments';
import { junitReport } from './report-junit';
import { sarifReport } from './report-sarif';
import { rowsOf, type FileReport, type Row } from './report-rows';

function summary(rows: readonly Row[], files: number): string {
  const count = (severity: string) => rows.filter((row) => row.severity === severity).length;
  return `${rows.length} problem(s): ${count('error')} error(s), ${count('warning')} warning(s) in ${files} file(s) checked.`;
}

/** GitHub reads `::error file=…::message`; commas, colons and newlines in properties must be escaped. */
function githubEscape(text: string, property: boolean): string {
  const escaped = text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return property ? escaped.replace(/:/g, '%3A').replace(/,/g, '%2C') : escaped;
}

function githubLine(row: Row): string {
  const level = row.severity === 'error' ? 'error' : row.severity === 'warning' ? 'warning' : 'notice';
  const props = `file=${githubEscape(row.file, true)},line=${row.line},col=${row.column},endLine=${row.endLine},endColumn=${row.endColumn},title=${githubEscape(row.code, true)}`;
  return `::${level} ${props}::${githubEscape(row.message, false)}`;
}

export function formatReport(reports: readonly FileReport[], format: OutputFormat): string {
  const rows = rowsOf(reports);
  if (format === 'sarif') return JSON.stringify(sarifReport(rows), null, 2) + '\n';
  if (format === 'junit') return junitReport(reports, rows);
  if (format === 'json') return JSON.stringify({ files: reports.length, problems: rows }, null, 2) + '\n';
  if (format === 'github') return rows.map(githubLine).join('\n') + (rows.length ? '\n' : '') + summary(rows, reports.length) + '\n';
  const lines = rows.map((row) => `${row.file}:${row.line}:${row.column}: ${row.severity} ${row.code}: ${row.message}`);
  return [...lines, summary(rows, reports.length)].join('\n') + '\n';
}
