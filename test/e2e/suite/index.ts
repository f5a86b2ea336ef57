// Entry VS Code loads as extensionTestsPath: runs the *.test.js files beside it with mocha and writes a results file.
//
// Results channel: the extension host started by a VS Code server does not reliably carry the runner's environment,
// so the file goes next to the opened workspace folder: `<dirname(workspace)>/e2e-results.json`. The runners create
// a temporary folder holding `workspace/` (a copy of examples/) and read the results from that folder.
// WEBHOOK_TEMPLATES_E2E_RESULTS, when the host does see it, names another path instead.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import Mocha from 'mocha';

export const RESULTS_FILE_NAME = 'e2e-results.json';

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

interface Results {
  passed: number;
  failed: number;
  tests: TestResult[];
  /** How the suite found the results path: the environment variable, or the workspace folder's parent. */
  via: 'env' | 'workspace';
  /** Set when the suite could not run at all (no workspace, a test file that throws on load). */
  error?: string;
}

function resultsPath(): { path: string; via: Results['via'] } {
  const fromEnv = process.env.WEBHOOK_TEMPLATES_E2E_RESULTS;
  if (fromEnv) return { path: fromEnv, via: 'env' };
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open, so there is no place for the results file');
  return { path: join(dirname(folder.uri.fsPath), RESULTS_FILE_NAME), via: 'workspace' };
}

interface Mode {
  untrusted?: boolean;
  activationBench?: boolean;
}

/** What the runner asked for in `e2e-mode.json` beside the workspace (WEBHOOK_TEMPLATES_E2E_UNTRUSTED also turns on untrusted). */
function runMode(): Mode {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const modeFile = folder && join(dirname(folder.uri.fsPath), 'e2e-mode.json');
  const mode: Mode = !!modeFile && existsSync(modeFile) ? JSON.parse(readFileSync(modeFile, 'utf8')) : {};
  return process.env.WEBHOOK_TEMPLATES_E2E_UNTRUSTED ? { ...mode, untrusted: true } : mode;
}

/**
 * Restricted-mode tests are tagged `@untrusted`, the activation timing (which needs a workspace where the extension
 * stays inactive) `@bench`; a run in either mode runs only its tests, a normal run everything else.
 */
function testFilter(mode: Mode): { grep: RegExp; invert: boolean } {
  if (mode.activationBench) return { grep: /@bench/, invert: false };
  if (mode.untrusted) return { grep: /@untrusted/, invert: false };
  return { grep: /@untrusted|@bench/, invert: true };
}

function writeResults(path: string, results: Results): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(results, null, 2));
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function testFiles(): string[] {
  const self = basename(__filename);
  return readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js') && name !== self)
    .sort()
    .map((name) => join(__dirname, name));
}

function runMocha(mocha: Mocha, results: Results): Promise<void> {
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
    runner.on('fail', (test, error) => {
      results.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: errorText(error) });
    });
  });
}

export async function run(): Promise<void> {
  const { path, via } = resultsPath();
  const results: Results = { passed: 0, failed: 0, tests: [], via };
  try {
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec', ...testFilter(runMode()) });
    for (const file of testFiles()) mocha.addFile(file);
    await runMocha(mocha, results);
  } catch (error) {
    results.error = errorText(error);
  }
  results.passed = results.tests.filter((test) => test.state === 'passed').length;
  results.failed = results.tests.length - results.passed;
  writeResults(path, results);
  if (results.error || results.failed > 0) throw new Error(`${results.failed} e2e test(s) failed${results.error ? `: ${results.error}` : ''}`);
}
