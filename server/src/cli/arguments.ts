// Reads the command line of `webhook-templates` into a typed request, or a message saying what is wrong.
import { EXPLAIN_USAGE, parseExplainArguments, type ExplainArguments } from './explain-arguments';
import { readOptions, type Options, type OptionSpec } from './option-reader';
import { parseProfilesArguments, PROFILES_USAGE, type ProfilesArguments } from './profiles-arguments';
import { isProblemCode, isSeverityLevel, SEVERITY_LEVELS, type SeverityLevel } from '../core';

export type OutputFormat = 'text' | 'json' | 'github' | 'sarif' | 'junit';

export interface CheckArguments {
  command: 'check';
  paths: string[];
  format: OutputFormat;
  /** `--severity CODE=LEVEL`, repeatable: over the fields file's and the project settings' choices. */
  severity: Record<string, SeverityLevel>;
  /** `--fix`: write the safe fixes; `--fix-dry-run`: print them as a unified diff and write nothing. */
  fix: 'none' | 'write' | 'dry-run';
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
  /** send --all: every request of every template under `paths`, in turn, and a summary table. */
  all: boolean;
  /** send --all: the files and folders given (`file` is the first). */
  paths: string[];
  /** send --all --junit FILE: where to write the JUnit report. */
  junit?: string;
}

export type CliArguments = CheckArguments | RequestArguments | ExplainArguments | ProfilesArguments | { command: 'help' };

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'github', 'sarif', 'junit'];

export function usage(): string {
  return [
    'Usage: webhook-templates <command> [options]',
    '',
    'Commands:',
    '  check [PATH...] [--format text|json|github|sarif|junit]',
    '                                                 Check templates (.webhook, *.script.yaml|yml|json) and fields files;',
    '        [--severity CODE=LEVEL]...               exit 1 when there are errors. --severity sets a problem code to error,',
    '                                                 warning, info, hint or off, over the fields file and .vscode/settings.json.',
    '        [--fix | --fix-dry-run]                  --fix applies the safe fixes (one fix that cannot change meaning) and',
    '                                                 writes the files that change; --fix-dry-run prints them as a unified',
    '                                                 diff, writes nothing, and exits 1 when there is something to fix.',
    '  expand FILE [--profile P] [--request NAME]     Print requests with every placeholder filled in; exit 1 when some stay unresolved.',
    '       [--explain]                               ... and what each known receiver records from them.',
    '  send FILE [--profile P] [--request NAME]       Send one request and print the answer; exit 1 when it is not sent or not 2xx.',
    '       [--allow-empty] [--timeout S] [--max-redirects N] [--max-response-kb K]',
    '  send --all FILE|DIR... [--profile P]           Send every request of the templates (a folder: every template under it) in turn',
    '       [--junit FILE] [--allow-empty] ...        and print a summary table; exit 1 unless each was sent and answered 2xx.',
    '                                                 A request with unresolved (or, without --allow-empty, empty) values is',
    '                                                 refused and counts as a failure. --junit writes one testcase per request.',
    ...EXPLAIN_USAGE,
    ...PROFILES_USAGE,
    '  help                                           Show this text.',
    '',
    'Exit code 2 means bad usage (unknown option, file, profile or request).',
    '',
  ].join('\n');
}

/** The options of check, expand and send. */
const OPTIONS: OptionSpec = {
  valued: new Set(['format', 'profile', 'request', 'timeout', 'max-redirects', 'max-response-kb', 'severity', 'junit']),
  flags: new Set(['allow-empty', 'explain', 'fix', 'fix-dry-run', 'all']),
  repeatable: new Set(['severity']),
  unknown: (arg) => `Unknown option "${arg}".`,
};

function numberOption(options: Options, name: string, fallback: number, min: number): number | { error: string } {
  const raw = options[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min ? value : { error: `--${name} takes a number of at least ${min}; got "${raw}".` };
}

/** What `--all` changes: one or more paths, no --request, --junit allowed; else exactly one FILE and no --junit. */
function allOptionsError(command: 'expand' | 'send', options: Options, words: string[]): string | undefined {
  const all = options.all === true;
  if (all && command !== 'send') return '--all belongs to send.';
  if (!all && options.junit !== undefined) return '--junit goes with send --all.';
  if (all && options.request !== undefined) return 'send --all sends every request; --request picks one for a plain send.';
  if (all && words.length === 0) return 'send --all takes a FILE or a folder.';
  if (!all && words.length !== 1) return `${command} takes exactly one FILE; got ${words.length}.`;
  return undefined;
}

function requestArguments(command: 'expand' | 'send', options: Options, words: string[]): RequestArguments | { error: string } {
  const allError = allOptionsError(command, options, words);
  if (allError) return { error: allError };
  const checkOnly = ['format', 'severity', 'fix', 'fix-dry-run'].find((name) => options[name] !== undefined);
  if (checkOnly) return { error: `--${checkOnly} belongs to check.` };
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
    all: options.all === true,
    paths: words,
    junit: options.junit as string | undefined,
  };
}

export function parseArguments(argv: readonly string[]): CliArguments | { error: string } {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'explain') return parseExplainArguments(rest);
  if (command === 'profiles') return parseProfilesArguments(rest);
  if (command !== 'check' && command !== 'expand' && command !== 'send') return { error: `Unknown command "${command}".` };
  const read = readOptions(rest, OPTIONS);
  if ('error' in read) return read;
  const { options, words } = read;
  if (command !== 'check') return requestArguments(command, options, words);
  const format = (options.format ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format)) return { error: `--format takes one of ${FORMATS.join(', ')}; got "${String(options.format)}".` };
  if (Object.keys(options).some((name) => !CHECK_OPTIONS.includes(name))) return { error: `check takes only ${CHECK_OPTIONS.map((name) => `--${name}`).join(', ')}.` };
  const severity = severityOptions((options.severity as string[] | undefined) ?? []);
  if ('error' in severity) return severity;
  if (options.fix && options['fix-dry-run']) return { error: 'check takes --fix or --fix-dry-run, not both.' };
  const fix = options.fix ? 'write' : options['fix-dry-run'] ? 'dry-run' : 'none';
  return { command, paths: words.length > 0 ? words : ['.'], format, severity: severity.chosen, fix };
}

const CHECK_OPTIONS = ['format', 'severity', 'fix', 'fix-dry-run'];

/** `--severity CODE=LEVEL` given any number of times, the last one of a code winning; a wrong code or level is bad usage. */
function severityOptions(values: readonly string[]): { chosen: Record<string, SeverityLevel> } | { error: string } {
  const chosen: Record<string, SeverityLevel> = {};
  for (const value of values) {
    const [code, level] = value.split('=', 2);
    if (!isProblemCode(code)) return { error: `--severity takes CODE=LEVEL; "${code}" is not a problem code (see docs/problems.md).` };
    if (!isSeverityLevel(level)) return { error: `--severity takes CODE=LEVEL with a level of ${SEVERITY_LEVELS.join(', ')}; got "${value}".` };
    chosen[code] = level;
  }
  return { chosen };
}
