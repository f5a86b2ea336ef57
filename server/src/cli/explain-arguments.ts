// The arguments of `webhook-templates explain`: the delivered request, its body, the format and the paths to search.

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

export function parseExplainArguments(args: readonly string[]): ExplainArguments | { error: string } {
  const words: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (name !== 'body' && name !== 'format') return { error: `explain takes --body and --format; got "${arg}".` };
    const value = inline ?? args[++i];
    if (value === undefined) return { error: `Option --${name} needs a value.` };
    options[name] = value;
  }
  const [request, ...paths] = words;
  if (request === undefined) return { error: 'explain takes the delivered request: a URL in quotes, or - to read it from standard input.' };
  if (request === '-' && options.body === '-') return { error: 'Only one of the request and --body can be read from standard input.' };
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') return { error: `--format takes text or json; got "${format}".` };
  return { command: 'explain', request, body: options.body, paths: paths.length > 0 ? paths : ['.'], format };
}
