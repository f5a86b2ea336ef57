// CLI tests of severities: the fields file's (as the editor reads it), the project's .vscode/settings.json over it,
// --severity CODE=LEVEL over both; the exit code follows the levels in force.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeWorkspace, removeDir, runCli, shown } from './cli-helpers';

const TEMPLATE = 'GET http://api.example.com/lead?g={geo}&c={chatid}\n';

function fields(severity: Record<string, string> = {}): string {
  return JSON.stringify({ customFields: { geo: { type: 'text', example: 'KZ' } }, severity });
}

/** `severity code` of each problem line. */
function levels(stdout: string): string[] {
  return stdout.split('\n').flatMap((line) => /^\S+:\d+:\d+: (\w+ [\w-]+):/.exec(line)?.[1] ?? []);
}

describe('cli check severities', () => {
  const made: string[] = [];
  const workspace = (files: Record<string, string>) => {
    const dir = makeWorkspace(files);
    made.push(dir);
    return dir;
  };
  let plain: string;

  before(() => {
    plain = workspace({ 'webhook-fields.json': fields(), 'lead.webhook': TEMPLATE });
  });

  after(() => made.forEach(removeDir));

  test('by default: an error (exit 1) and a hint', async () => {
    const run = await runCli(['check', '.'], { cwd: plain });
    assert.equal(run.code, 1, shown(run));
    assert.deepEqual(levels(run.stdout), ['hint insecure-http', 'error unknown-key']);
  });

  test("the fields file's severity is the CLI's too: unknown-key as a warning exits 0", async () => {
    const cwd = workspace({ 'webhook-fields.json': fields({ 'unknown-key': 'warning', 'insecure-http': 'off' }), 'lead.webhook': TEMPLATE });
    const run = await runCli(['check', '.'], { cwd });
    assert.equal(run.code, 0, shown(run));
    assert.deepEqual(levels(run.stdout), ['warning unknown-key']);
  });

  test("the project's .vscode/settings.json webhookTemplates.severity wins over the fields file", async () => {
    const settings = JSON.stringify({ 'webhookTemplates.severity': { 'unknown-key': 'error' } });
    const cwd = workspace({ '.vscode/settings.json': settings, 'webhook-fields.json': fields({ 'unknown-key': 'warning' }), 'lead.webhook': TEMPLATE });
    const run = await runCli(['check', '.'], { cwd });
    assert.equal(run.code, 1, shown(run));
    assert.deepEqual(levels(run.stdout), ['hint insecure-http', 'error unknown-key']);
  });

  test('--severity wins over both, may be repeated, and the last one of a code wins', async () => {
    const settings = JSON.stringify({ 'webhookTemplates.severity': { 'unknown-key': 'error' } });
    const cwd = workspace({ '.vscode/settings.json': settings, 'webhook-fields.json': fields({ 'insecure-http': 'off' }), 'lead.webhook': TEMPLATE });
    const run = await runCli(['check', '.', '--severity', 'unknown-key=error', '--severity=insecure-http=error', '--severity', 'unknown-key=info'], { cwd });
    assert.equal(run.code, 1, shown(run));
    assert.deepEqual(levels(run.stdout), ['error insecure-http', 'info unknown-key']);
  });

  test('--severity CODE=off leaves the problem out, and the summary counts what is left', async () => {
    const run = await runCli(['check', '.', '--severity', 'unknown-key=off'], { cwd: plain });
    assert.equal(run.code, 0, shown(run));
    assert.deepEqual(levels(run.stdout), ['hint insecure-http']);
    assert.match(run.stdout, /1 problem\(s\): 0 error\(s\), 0 warning\(s\)/);
  });

  test('--severity with a code that is no problem code is bad usage (exit 2) and says so', async () => {
    const run = await runCli(['check', '.', '--severity', 'insecure_http=off'], { cwd: plain });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /"insecure_http" is not a problem code/);
  });

  test('--severity with a level that is none is bad usage (exit 2) and names the levels', async () => {
    for (const value of ['insecure-http=information', 'insecure-http', 'insecure-http=']) {
      const run = await runCli(['check', '.', '--severity', value], { cwd: plain });
      assert.equal(run.code, 2, `${value}: ${shown(run)}`);
      assert.match(run.stderr, /error, warning, info, hint, off/, value);
    }
  });

  test('--severity belongs to check', async () => {
    const run = await runCli(['expand', 'lead.webhook', '--severity', 'insecure-http=off'], { cwd: plain });
    assert.equal(run.code, 2, shown(run));
    assert.match(run.stderr, /--severity belongs to check/);
  });
});
