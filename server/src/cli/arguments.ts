// Reads the command line of `webhook-templates` into a typed request, or a message saying what is wrong.
import { EXPLAIN_USAGE, parseExplainArguments, type ExplainArguments } from './explain-command';
import { parseProfilesArguments, PROFILES_USAGE, type ProfilesArguments } from './profiles-arguments';

export type OutputFormat = 'text' | 'json' | 'github';

export interface CheckArguments {
  command: 'check';
  paths: string[];
  format: OutputFormat;
}

export interface RequestArguments {
  command: 'expand' | 'send';
  file: string;
  profile?: string;
  request?: string;
  /** send: go on although some placeholders are empty for this profile. */
  allowEmpty: boolean;
  /** expand: say what each URL's receiver records from it. */
  explain: boolean;
  timeoutSeconds: number;
  maxRedirects: number;
  maxResponseKB: number;
}

export type CliArguments = CheckArguments | RequestArguments | ExplainArguments | ProfilesArguments | { command: 'help' };

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];

export function usage(): string {
  return [
    'Usage: webhook-templates <command> [options]',
    '',
    'Commands:',
    '  check [PATH...] [--format text|json|github]    Check templates (.webhook, *.script.yaml|yml|json) and fields files;',
    '                                                 exit 1 when there are errors.',
    '  expand FILE [--profile P] [--request NAME]     Print requests with every placeholder filled in; exit 1 when some stay unresolved.',
    '       [--explain]                               ... and what each known receiver records from them.',
    '  send FILE [--profile P] [--request NAME]       Send one request and print the answer; exit 1 when it is not sent or not 2xx.',
    '       [--allow-empty] [--timeout S] [--max-redirects N] [--max-response-kb K]',
    ...EXPLAIN_USAGE,
    ...PROFILES_USAGE,
    '  help                                           Show this text.',
    '',
    'Exit code 2 means bad usage (unknown option, file, profile or request).',
    '',
  ].join('\n');
}

type Options = Record<string, string | true>;
const VALUED = new Set(['format', 'profile', 'request', 'timeout', 'max-redirects', 'max-response-kb']);
const FLAGS = new Set(['allow-empty', 'explain']);

/** Splits `--name value`, `--name=value` and `--flag` from positional words. */
function readOptions(args: readonly string[]): { options: Options; words: string[] } | { error: string } {
  const options: Options = {};
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (FLAGS.has(name)) options[name] = true;
    else if (!VALUED.has(name)) return { error: `Unknown option "${arg}".` };
    else if ((options[name] = inline ?? args[++i]) === undefined) return { error: `Option --${name} needs a value.` };
  }
  return { options, words };
}

function numberOption(options: Options, name: string, fallback: number, min: number): number | { error: string } {
  const raw = options[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min ? value : { error: `--${name} takes a number of at least ${min}; got "${raw}".` };
}

function requestArguments(command: 'expand' | 'send', options: Options, words: string[]): RequestArguments | { error: string } {
  if (words.length !== 1) return { error: `${command} takes exactly one FILE; got ${words.length}.` };
  if (options.format !== undefined) return { error: `--format belongs to check.` };
  const timeoutSeconds = numberOption(options, 'timeout', 10, 0.001);
  const maxRedirects = numberOption(options, 'max-redirects', 5, 0);
  const maxResponseKB = numberOption(options, 'max-response-kb', 1024, 1);
  for (const value of [timeoutSeconds, maxRedirects, maxResponseKB]) if (typeof value !== 'number') return value;
  return {
    command,
    file: words[0],
    profile: options.profile as string | undefined,
    request: options.request as string | undefined,
    allowEmpty: options['allow-empty'] === true,
    explain: options.explain === true,
    timeoutSeconds: timeoutSeconds as number,
    maxRedirects: maxRedirects as number,
    maxResponseKB: maxResponseKB as number,
  };
}

export function parseArguments(argv: readonly string[]): CliArguments | { error: string } {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'explain') return parseExplainArguments(rest);
  if (command === 'profiles') return parseProfilesArguments(rest);
  if (command !== 'check' && command !== 'expand' && command !== 'send') return { error: `Unknown command "${command}".` };
  const read = readOptions(rest);
  if ('error' in read) return read;
  const { options, words } = read;
  if (command !== 'check') return requestArguments(command, options, words);
  const format = (options.format ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format)) return { error: `--format takes one of ${FORMATS.join(', ')}; got "${String(options.format)}".` };
  if (Object.keys(options).some((name) => name !== 'format')) return { error: 'check takes only --format.' };
  return { command, paths: words.length > 0 ? words : ['.'], format };
}
