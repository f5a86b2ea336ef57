// The check's problems as JUnit XML, for CI test reports: one testsuite per file; in it one testcase per problem, or
// one passing testcase when the file has none.
//
// CI systems (GitLab, Jenkins, Azure Pipelines, GitHub test-report actions) list failed test cases with their text and
// fold passing ones away, so errors and warnings are failures (a warning is a finding a person should see, and JUnit
// has no warning level); information and hints are passing test cases that keep their message in system-out. The
// failure's type is the problem code; its text says where, what, and links the code's documentation.
import { problemDocsUrl, ProblemCode } from '../core';
import type { FileReport, Row } from './report-rows';

/** Text and attribute values escaped, and the characters XML 1.0 cannot hold at all left out. */
export function xml(text: string): string {
  return text
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function isFailure(row: Row): boolean {
  return row.severity === 'error' || row.severity === 'warning';
}

function docsOf(code: string): string {
  return (Object.values(ProblemCode) as string[]).includes(code) ? `\n${problemDocsUrl(code as ProblemCode)}` : '';
}

function testcase(row: Row): string {
  const where = `${row.file}:${row.line}:${row.column}`;
  const name = xml(`${row.code} at ${row.line}:${row.column}`);
  const text = xml(`${where}: ${row.severity} ${row.code}: ${row.message}${docsOf(row.code)}`);
  const inner = isFailure(row) ? `<failure type="${xml(row.code)}" message="${xml(row.message)}">${text}</failure>` : `<system-out>${text}</system-out>`;
  return `    <testcase classname="${xml(row.file)}" name="${name}" file="${xml(row.file)}" line="${row.line}">${inner}</testcase>\n`;
}

function testsuite(file: string, rows: readonly Row[]): string {
  const failures = rows.filter(isFailure).length;
  const cases = rows.length > 0 ? rows.map(testcase).join('') : `    <testcase classname="${xml(file)}" name="no problems" file="${xml(file)}"/>\n`;
  return `  <testsuite name="${xml(file)}" tests="${Math.max(rows.length, 1)}" failures="${failures}" errors="0" skipped="0">\n${cases}  </testsuite>\n`;
}

export function junitReport(reports: readonly FileReport[], rows: readonly Row[]): string {
  const files = reports.map((report) => report.path.split('\\').join('/'));
  const suites = files.map((file) => testsuite(file, rows.filter((row) => row.file === file)));
  const tests = files.reduce((sum, file) => sum + Math.max(rows.filter((row) => row.file === file).length, 1), 0);
  const failures = rows.filter(isFailure).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="webhook-templates check" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('')}</testsuites>\n`;
}
