// Entry of dist/cli.js, `webhook-templates`: the same checks, expansion and sender as the editor, for CI and scripts.
import { parseArguments, usage } from './arguments';
import { runCheck } from './check';
import { runExplain } from './explain-command';
import { runProfilesCommand } from './profiles-command';
import { runRequestCommand } from './request-commands';

async function main(argv: string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if ('error' in parsed) {
    process.stderr.write(`webhook-templates: ${parsed.error}\n\n${usage()}`);
    return 2;
  }
  if (parsed.command === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  const locale = localeOf(process.env);
  if (parsed.command === 'explain') return runExplain(parsed, { cwd: process.cwd(), locale, readStdin, out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
  if (parsed.command === 'profiles') return runProfilesCommand(parsed, { cwd: process.cwd(), locale, out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
  if (parsed.command === 'check') return runCheck(parsed, process.cwd(), locale, (text) => process.stdout.write(text), (text) => process.stderr.write(text));
  const stop = parsed.all ? stopOnInterrupt() : undefined;
  try {
    return await runRequestCommand(parsed, {
      cwd: process.cwd(),
      locale,
      env: process.env,
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
      stop: stop?.signal,
    });
  } finally {
    stop?.dispose();
  }
}

/**
 * The first Ctrl-C stops a `send --all` run after the request in flight, so the summary (and the JUnit report) still
 * say what was sent; a second one ends the process as usual.
 */
function stopOnInterrupt(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const interrupted = () => {
    controller.abort();
    process.stderr.write('webhook-templates: stopping after the request in flight (Ctrl-C again to quit).\n');
  };
  process.once('SIGINT', interrupted);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', interrupted) };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG. */
function localeOf(env: NodeJS.ProcessEnv): string {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en';
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`webhook-templates: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
