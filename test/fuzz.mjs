// `npm run fuzz`: the property-based tests with many more cases than `npm test` runs (FUZZ_RUNS per property, default 100,000).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const unitDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'test', 'unit');
const files = readdirSync(unitDir).filter((name) => /^fuzz-.*\.test\.js$/.test(name)).map((name) => join(unitDir, name));
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS || '100000' };
console.log(`Fuzzing with ${env.FUZZ_RUNS} cases per property: ${files.length} files`);
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
