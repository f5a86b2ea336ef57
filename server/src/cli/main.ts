// Entry of dist/cli.js, `webhook-templates`: the same checks as the editor, for CI and scripts.
import { runCheck } from './check';
import { parseArguments, usage } from './arguments';

async function main(argv: string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n\n${usage()}`);
    return 2;
  }
  if (parsed.command === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  return runCheck(parsed, process.cwd(), (text) => process.stdout.write(text));
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`webhook-templates: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
