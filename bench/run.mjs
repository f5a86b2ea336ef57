// `npm run bench`: generates one seeded corpus, measures the seven figures of issue 6, prints a table and writes bench/results/latest.json.
//   node bench/run.mjs [--no-package] [--profile] [--only=1,3,...]
// --no-package keeps the existing .vsix instead of running `npm run package`; --profile adds the cpu profiles of the worst figures.
// --activation-baseline=DIR times the activation of another checkout (built) in turn with ours, for a paired ratio.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throughputCorpus } from './corpus.mjs';
import { fieldsContext, loadCore, measureAgainstJsonService, measureThroughput, repoRoot } from './core-check.mjs';
import { editingFiles, fullReparseMs, measureEditing, measureSustainedTyping } from './editing.mjs';
import { machineInfo } from './machine.mjs';
import { measurePhases } from './phases.mjs';
import { printProfiles, runProfiles } from './profile.mjs';
import { printTable, resultRows, writeResults } from './report.mjs';
import { measureSend } from './send.mjs';
import { ACTIVATION_RUNS, CORPUS_SIZES, KEYSTROKE_BUDGET_MS, KEYSTROKES, REQUESTS, SEED, SENDS, SUSTAINED_KEYSTROKES, SUSTAINED_PER_SECOND, WORKSPACE_FILES } from './settings.mjs';
import { measureActivation } from './activation.mjs';
import { extensionLoadMs, measureColdStart, measureSizes } from './startup.mjs';
import { now } from './stats.mjs';
import { measureWorkspace, writeWorkspace } from './workspace.mjs';

const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith('--only='))?.slice(7).split(',');
const wanted = (section) => !only || only.includes(String(section));
const work = join(tmpdir(), `webhook-templates-bench-${process.pid}`);
const activationBaseline = args.find((arg) => arg.startsWith('--activation-baseline='))?.slice('--activation-baseline='.length);

async function step(figures, section, name, measure) {
  if (!wanted(section)) return;
  const started = now();
  process.stdout.write(`${section}. ${name}... `);
  try {
    Object.assign(figures, await measure());
    console.log(`${((now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    figures.errors = [...(figures.errors ?? []), `${name}: ${error.stack ?? error}`];
    console.log(`failed: ${error.message}`);
  }
}

async function measureAll(core, fields) {
  const figures = {};
  const corpus = throughputCorpus(SEED, CORPUS_SIZES);
  const editing = editingFiles(join(work, 'editing'), SEED + 1);
  await step(figures, 1, 'core check vs bare parse', () => ({ throughput: measureThroughput(core, corpus, fields) }));
  await step(figures, 1, 'where the check spends its time', () => ({ phases: measurePhases(core, corpus, fields) }));
  await step(figures, 2, 'core check vs vscode-json-languageservice', async () => ({ jsonService: await measureAgainstJsonService(core, corpus, fields) }));
  await step(figures, 3, 'keystrokes, completion and hover over LSP', async () => ({ editing: await measureEditing(editing, { edits: KEYSTROKES, budgetMs: KEYSTROKE_BUDGET_MS, requests: REQUESTS }), fullReparseMs: fullReparseMs(editing.big.text) }));
  await step(figures, 5, `workspace of ${WORKSPACE_FILES} files`, async () => ({ workspace: await measureWorkspace(writeWorkspace(join(work, 'workspace'), SEED + 2, WORKSPACE_FILES)) }));
  await step(figures, 6, 'cold start, activation and sizes', async () => ({ coldStart: await measureColdStart(join(work, 'cold')), activation: measureActivation(join(work, 'activation'), ACTIVATION_RUNS, activationBaseline), extension: extensionLoadMs(), sizes: measureSizes(!args.includes('--no-package')) }));
  await step(figures, 7, 'send overhead', async () => ({ send: await measureSend(core, fields, SENDS) }));
  await step(figures, 8, `sustained typing: ${SUSTAINED_KEYSTROKES} keystrokes at ${SUSTAINED_PER_SECOND}/s`, async () => ({ sustained: await measureSustainedTyping(editing, { keystrokes: SUSTAINED_KEYSTROKES, perSecond: SUSTAINED_PER_SECOND }) }));
  return figures;
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

async function main() {
  const started = now();
  const machine = machineInfo();
  const core = loadCore();
  const figures = await measureAll(core, fieldsContext(core));
  const rows = resultRows(figures);
  printTable(rows, machine);
  const results = { date: new Date().toISOString(), commit: gitCommit(), machine, seed: SEED, rows, figures };
  if (args.includes('--profile')) {
    results.profiles = await runProfiles(join(repoRoot, 'bench/results/profiles'), join(work, 'profile'));
    printProfiles(results.profiles);
  }
  results.totalSeconds = (now() - started) / 1000;
  console.log(`\nWrote ${writeResults(join(repoRoot, 'bench/results'), results)} in ${results.totalSeconds.toFixed(0)} s`);
  rmSync(work, { recursive: true, force: true });
  if (figures.errors) process.exitCode = 1;
}

await main();
