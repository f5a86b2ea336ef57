// What a known receiver records from a request, as comment lines of the preview, the response view and the CLI.
import type { L10n, ReceiverRecord } from '../../server/src/core';

/** `# Keitaro records "lead" of 0 usd on click 7f3a9c01.` and one line per parameter recorded; nothing for none. */
export function recordLines(record: ReceiverRecord | undefined, l10n: L10n): string[] {
  if (!record) return [];
  return [
    `# ${record.summary}`,
    ...record.lines.map((line) => `#   ${line.name} = ${line.value}${line.note ? ` (${line.note})` : ''}`),
    ...record.problems.map((problem) => `# ${l10n.t('Warning: {0}', problem)}`),
  ];
}
