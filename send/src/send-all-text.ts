// The summary of a run of sends, as a table: each request, its status, the time, and what its receiver records or
// why it did not pass. The editor shows it in the response view; the CLI prints it.
import type { L10n } from '../../server/src/core';
import { redact } from './curl';
import { titleLine } from './response-text';
import { passed, type RunResult } from './send-all';

/** A request's name is cut here in the table, so one long name does not push the other columns away. */
const NAME_WIDTH = 40;

export interface SummaryOptions {
  /** What the run sent: `Send all: hooks.webhook`. */
  title: string;
  /** When it was sent, as the user reads dates. */
  sentAt?: string;
  /** Comment lines after the table. */
  notes?: string[];
}

/** `6 requests · 2xx: 3 · other status: 1 · not delivered: 1 · refused: 1`: the kinds that occur, in that order. */
export function runCounts(results: readonly RunResult[], l10n: L10n): string {
  const count = (test: (result: RunResult) => boolean) => results.filter(test).length;
  const otherStatus = count((result) => result.outcome === 'answered' && !passed(result));
  const [ok, failed, hidden, refused, stopped] = [count(passed), ...(['failed', 'hidden', 'refused', 'stopped'] as const).map((outcome) => count((result) => result.outcome === outcome))];
  const said = [
    ok > 0 ? l10n.t('2xx: {0}', ok) : '',
    otherStatus > 0 ? l10n.t('other status: {0}', otherStatus) : '',
    failed > 0 ? l10n.t('not delivered: {0}', failed) : '',
    hidden > 0 ? l10n.t('sent, answer hidden: {0}', hidden) : '',
    refused > 0 ? l10n.t('refused: {0}', refused) : '',
    stopped > 0 ? l10n.t('stopped: {0}', stopped) : '',
  ];
  return [l10n.count('{0} request|{0} requests', results.length), ...said.filter((part) => part !== '')].join(' · ');
}

/** The status cell: a mark a person scans for (✓ passed, ✗ failed, – not sent), then the status or what happened. */
function statusCell(result: RunResult, l10n: L10n): string {
  if (result.outcome === 'answered') return `${passed(result) ? '✓' : '✗'} ${result.response?.status ?? ''}`;
  if (result.outcome === 'failed') return `✗ ${l10n.t('not delivered')}`;
  if (result.outcome === 'hidden') return `? ${l10n.t('sent, answer hidden')}`;
  if (result.outcome === 'refused') return `✗ ${l10n.t('refused')}`;
  return `– ${l10n.t('not sent')}`;
}

function timeCell(result: RunResult): string {
  if (result.timeMs === undefined) return '—';
  return result.timeMs < 10_000 ? `${Math.round(result.timeMs)} ms` : `${(result.timeMs / 1000).toFixed(1)} s`;
}

/** What the receiver records (a request that passed), else why it did not pass. */
function resultCell(result: RunResult, l10n: L10n): string {
  if (!passed(result)) return result.reason ?? '';
  const record = result.item.request.record;
  if (!record) return l10n.t('(not a known receiver: nothing to say)');
  return [record.summary, ...record.problems.map((problem) => `⚠ ${problem}`)].join(' ');
}

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** Rows of cells as lines, each column as wide as its widest cell; the last column is not padded. */
export function alignColumns(rows: readonly string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd());
}

/** The table of one run: a title (the run, the profile, when), the counts, a header row and a row per request. */
export function formatRunSummary(results: readonly RunResult[], l10n: L10n, options: SummaryOptions): string {
  const profile = results[0]?.item.request.profile;
  const header = [l10n.t('Request'), l10n.t('Status'), l10n.t('Time'), l10n.t('Receiver records, or why not')];
  const rows = results.map((result) => [cut(result.item.request.name, NAME_WIDTH), statusCell(result, l10n), timeCell(result), resultCell(result, l10n)]);
  const lines = [
    titleLine({ name: options.title, profile }, l10n, options.sentAt),
    `# ${runCounts(results, l10n)}`,
    ...alignColumns([header, ...rows]),
    ...(options.notes ?? []).map((note) => `# ${note}`),
  ];
  const secrets = results.flatMap((result) => result.item.request.secrets);
  return redact(lines.join('\n'), secrets) + '\n';
}
