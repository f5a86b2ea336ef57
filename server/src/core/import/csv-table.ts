// Reads a CSV export (Chatterfy's Users → Export CSV, or the same file saved again by Excel) into headers and rows.
//
// Parsing is csv-parse's; what is decided here is what an export looks like: the delimiter (`,`, or `;` as Excel
// writes it in Russian and other comma-decimal locales, or a tab) read from the header line, Excel's `sep=;` first
// line, a UTF-8 byte-order mark, and rows with nothing in them. Text is handed in: the core reads no file.
import { parse } from 'csv-parse/sync';
import { phrase, type Phrase } from '../base/l10n';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvTable {
  delimiter: CsvDelimiter;
  /** The header line's cells, trimmed, as written (duplicates kept: columns are told apart by position). */
  headers: string[];
  /** Data rows, each as long as `headers` (short rows padded with ""); rows with only blank cells are left out. */
  rows: string[][];
}

const CANDIDATES: readonly CsvDelimiter[] = [';', ',', '\t'];
const EXCEL_SEPARATOR_LINE = /^sep=(.)\r?\n/i;

/** The table, or why the text is no CSV table; never throws. */
export function readCsvTable(text: string): CsvTable | { problem: Phrase } {
  let body = text.replace(/^\uFEFF/, '');
  const declared = EXCEL_SEPARATOR_LINE.exec(body);
  if (declared) body = body.slice(declared[0].length);
  const delimiter = (declared && CANDIDATES.find((candidate) => candidate === declared[1])) || delimiterOf(headerLine(body));
  let records: string[][];
  try {
    records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    return { problem: phrase('The CSV could not be read: {0}', error instanceof Error ? error.message : String(error)) };
  }
  const [header, ...data] = records;
  if (!header || header.every((cell) => cell.trim() === '')) return { problem: phrase('The CSV has no header line.') };
  const headers = header.map((cell) => cell.trim());
  // A line break inside a quoted cell is the user's: written \n, whatever the file's line ends.
  const cells = (row: string[]) => headers.map((_, index) => (row[index] ?? '').replace(/\r\n?/g, '\n'));
  const rows = data.filter((row) => row.some((cell) => cell.trim() !== '')).map(cells);
  return { delimiter, headers, rows };
}

/** The first line outside quotes (a quoted header may hold a line break). */
function headerLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && (text[i] === '\n' || text[i] === '\r')) return text.slice(0, i);
  }
  return text;
}

/** The candidate the header line holds most often outside quotes; `;` wins a tie (no header names hold one). */
function delimiterOf(line: string): CsvDelimiter {
  const unquoted = line.replace(/"[^"]*"/g, '');
  const counts = CANDIDATES.map((candidate) => unquoted.split(candidate).length - 1);
  const best = Math.max(...counts);
  return best === 0 ? ',' : CANDIDATES[counts.indexOf(best)];
}
