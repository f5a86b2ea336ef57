// Section 6: the extension's activation time in a real VS Code (code-server's), one fresh window per run; with a
// baseline (another checkout of the extension, built), its windows alternate with ours and the ratio is taken pair by pair.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_SERVER_VERSION, chromiumPath, codeServerBin } from '../test/e2e/code-server.mjs';
import { repoRoot } from './core-check.mjs';
import { median } from './stats.mjs';

/**
 * One window: `test/e2e/run-server.mjs --bench` opens an empty folder (the extension stays inactive) and runs only
 * the @bench test, which times `extension.activate()` and writes `{ activateMs, host? }` to the file named here.
 */
function activateOnce(figureFile, root = repoRoot) {
  rmSync(figureFile, { force: true });
  // Each checkout runs its own suite's @bench test on its own extension.
  const run = spawnSync(process.execPath, [join(root, 'test/e2e/run-server.mjs'), '--bench', '--timeout', '60'], {
    cwd: root,
    env: { ...process.env, WEBHOOK_TEMPLATES_E2E_ACTIVATION: figureFile },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the activation run failed:\n${`${run.stdout}${run.stderr}`.trim().split('\n').slice(-15).join('\n')}`);
  if (!existsSync(figureFile)) throw new Error(`the activation test passed but wrote no ${figureFile} (the extension host did not see WEBHOOK_TEMPLATES_E2E_ACTIVATION)`);
  return JSON.parse(readFileSync(figureFile, 'utf8'));
}

function missingTools() {
  if (!existsSync(codeServerBin)) return `code-server ${CODE_SERVER_VERSION}`;
  try {
    chromiumPath();
    return undefined;
  } catch {
    return 'Chromium';
  }
}

const medianOf = (runs, pick) => {
  const values = runs.map(pick).filter((value) => typeof value === 'number');
  return values.length === runs.length ? median(values) : undefined;
};

function summary(figures) {
  return {
    medianMs: median(figures.map((figure) => figure.activateMs)),
    minMs: Math.min(...figures.map((figure) => figure.activateMs)),
    codeLoadingMedianMs: medianOf(figures, (figure) => figure.host?.codeLoadingMs),
    activateCallMedianMs: medianOf(figures, (figure) => figure.host?.activateCallMs),
  };
}

/**
 * Median activation of `runs` windows: the time `await activate()` took seen from a test in the extension host
 * (code loading, activate() and with it the language client's start), the host's own split where it has one, and the
 * first command of the on-demand part (a preview), which loads dist/on-demand.js. With `baselineRoot`, as many windows
 * of that checkout, in turn with ours, and the median of the pairs' ratios.
 */
export function measureActivation(dir, runs, baselineRoot) {
  const missing = missingTools();
  if (missing) return { version: CODE_SERVER_VERSION, notMeasured: `${missing} is not installed: run \`npm run test:e2e:setup\`` };
  mkdirSync(dir, { recursive: true });
  const figures = [];
  const baseline = [];
  for (let i = 0; i < runs; i++) {
    if (baselineRoot) baseline.push(activateOnce(join(dir, `baseline-${i}.json`), baselineRoot));
    figures.push(activateOnce(join(dir, `activation-${i}.json`)));
  }
  const result = {
    version: CODE_SERVER_VERSION,
    runs,
    ...summary(figures),
    firstCommandMedianMs: medianOf(figures, (figure) => figure.firstCommandMs),
    serverAnsweredMedianMs: medianOf(figures, (figure) => figure.serverAnsweredMs),
  };
  if (!baselineRoot) return result;
  const ratios = figures.map((figure, i) => figure.activateMs / baseline[i].activateMs);
  return { ...result, baseline: { root: baselineRoot, ...summary(baseline) }, pairedRatio: median(ratios), pairedRatioRange: [Math.min(...ratios), Math.max(...ratios)] };
}
