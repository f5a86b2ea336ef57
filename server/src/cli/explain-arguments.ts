// The arguments of `webhook-templates explain`: the delivered request, its body, the format and the paths to search.
import { readOptions, type OptionSpec } from './option-reader';

export interface ExplainArguments {
  command: 'explain';
  /** The request's text, or `-` for standard input. */
  request: string;
  /** A file holding the body, or `-` for standard input. */
  body?: string;
  paths: string[];
  format: 'text' | 'json';
}

export const EXPLAIN_USAGE = [
  '  explain URL|- [--body FILE|-] [PATH...]        Match a delivered webhook (a URL, or a request line, headers and body as a log',
  '       [--format text|json]                      shows it; - reads standard input) to its template under PATH (default .);',
  '                                                 exit 1 when something was lost, 2 when it is no request or fits no template.',
];

const OPTIONS: OptionSpec = {
  valued: new Set(['body', 'format']),
  unknown: (arg) => `explain takes --body and --format; got "${arg}".`,
};

export function parseExplainArguments(args: readonly string[]): ExplainArguments | { error: string } {
  const read = readOptions(args, OPTIONS);
  if ('error' in read) return read;
  const { words } = read;
  const options = read.options as Partial<Record<'body' | 'format', string>>;
  const [request, ...paths] = words;
  if (request === undefined) return { error: 'explain takes the delivered request: a URL in quotes, or - to read it from standard input.' };
  if (request === '-' && options.body === '-') return { error: 'Only one of the request and --body can be read from standard input.' };
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') return { error: `--format takes text or json; got "${format}".` };
  return { command: 'explain', request, body: options.body, paths: paths.length > 0 ? paths : ['.'], format };
}
