// A run of `send --all` as JUnit XML, so a CI job fails on a broken postback: one testsuite per file, one testcase per
// request; a request refused, not delivered or answered with a status other than 2xx is a failure whose type says
// which and whose text says why. A request that passed keeps its status and what its receiver records in system-out.
import type { L10n } from '../core';
import { redact } from '../../../send/src/curl';
import { passed, type RunResult } from '../../../send/src/send-all';
import { xml } from './report-junit';

export interface FileRun {
  /** The file as printed (relative to the working folder, forward slashes). */
  file: string;
  results: RunResult[];
}

/** `refused`, `not-delivered`, `not-sent` or `http-500`: what kind of failure, for CI systems that group by type. */
function failureType(result: RunResult): string {
  if (result.outcome === 'answered') return `http-${result.response?.status ?? 0}`;
  if (result.outcome === 'hidden') return 'answer-hidden';
  return result.outcome === 'failed' ? 'not-delivered' : result.outcome === 'refused' ? 'refused' : 'not-sent';
}

function seconds(result: RunResult): string {
  return ((result.timeMs ?? 0) / 1000).toFixed(3);
}

function testcase(file: string, result: RunResult, l10n: L10n): string {
  const { request, line } = result.item;
  const attributes = `classname="${xml(file)}" name="${xml(request.name)}" file="${xml(file)}" line="${line + 1}" time="${seconds(result)}"`;
  const hide = (text: string) => xml(redact(text, request.secrets));
  if (!passed(result)) {
    const reason = result.reason ?? '';
    return `    <testcase ${attributes}><failure type="${failureType(result)}" message="${hide(reason)}">${hide(`${file}:${line + 1}: ${request.name}: ${reason}`)}</failure></testcase>\n`;
  }
  const said = [`HTTP ${result.response?.status}`, request.record?.summary ?? l10n.t('(not a known receiver: nothing to say)')].join('\n');
  return `    <testcase ${attributes}><system-out>${hide(said)}</system-out></testcase>\n`;
}

function testsuite(run: FileRun, l10n: L10n): string {
  const failures = run.results.filter((result) => !passed(result)).length;
  const time = (run.results.reduce((sum, result) => sum + (result.timeMs ?? 0), 0) / 1000).toFixed(3);
  const cases = run.results.map((result) => testcase(run.file, result, l10n)).join('');
  return `  <testsuite name="${xml(run.file)}" tests="${run.results.length}" failures="${failures}" errors="0" skipped="0" time="${time}">\n${cases}  </testsuite>\n`;
}

export function sendAllJunit(runs: readonly FileRun[], l10n: L10n): string {
  const results = runs.flatMap((run) => run.results);
  const failures = results.filter((result) => !passed(result)).length;
  const suites = runs.map((run) => testsuite(run, l10n)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="webhook-templates send --all" tests="${results.length}" failures="${failures}" errors="0">\n${suites}</testsuites>\n`;
}
