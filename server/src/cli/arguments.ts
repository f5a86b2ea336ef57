// Reads the command line of `webhook-templates` into a typed request, or a message saying what is wrong.
export type OutputFormat = 'text' | 'json' | 'github';

export interface CheckArguments {
  command: 'check';
  paths: string[];
  format: OutputFormat;
}

export type CliArguments = CheckArguments | { command: 'help' };

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];

export function usage(): string {
  return [
    'Usage: webhook-templates <command> [options]',
    '',
    'Commands:',
    '  check [PATH...] [--format text|json|github]   Check templates (.webhook, *.script.yaml|yml|json) and fields files.',
    '                                                Exit code 1 when there are errors, 2 on bad usage.',
    '  help                                          Show this text.',
    '',
  ].join('\n');
}

export function parseArguments(argv: readonly string[]): CliArguments | { error: string } {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command !== 'check') return { error: `Unknown command "${command}".` };
  const paths: string[] = [];
  let format: OutputFormat = 'text';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = arg.startsWith('--format=') ? arg.slice('--format='.length) : arg === '--format' ? rest[++i] : undefined;
    if (arg.startsWith('--format')) {
      if (!FORMATS.includes(value as OutputFormat)) return { error: `--format takes one of ${FORMATS.join(', ')}; got "${value ?? ''}".` };
      format = value as OutputFormat;
    } else if (arg.startsWith('-')) return { error: `Unknown option "${arg}".` };
    else paths.push(arg);
  }
  return { command, paths: paths.length > 0 ? paths : ['.'], format };
}
