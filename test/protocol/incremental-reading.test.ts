// Protocol test: typing through didChange in a large script re-reads one step, as the server's trace shows.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SetTraceNotification, type Position } from 'vscode-languageserver-protocol';
import { fileUri } from './lsp-client';
import { serveFolder, stopExamples, type ExamplesSession } from './examples-session';
import { makeWorkspace, positionOf } from './workspace';

const STEPS = 300;
const FIELDS = '{ "customFields": { "geo": { "type": "text" } }, "trackerFields": { "clickid": {} } }\n';

function scriptText(): string {
  const steps = Array.from({ length: STEPS }, (_, i) => [`      - key: s${i}`, '        type: message', `        text: "Step ${i}: {{username}} {{fields.geo}}"`]);
  return ['flows:', '  - key: main', '    steps:', ...steps.flat(), ''].join('\n');
}

describe('typing in a large script through didChange', () => {
  const text = scriptText();
  let session: ExamplesSession;
  let uri: string;
  /** The server's trace, as the client keeps it (a handler of our own would replace the client's, which counts unchanged checks). */
  let traces: string[] = [];

  before(async () => {
    session = await serveFolder(makeWorkspace({ 'webhook-fields.json': FIELDS, 'big.script.yaml': text }));
    traces = session.client.traces;
    await session.client.connection.sendNotification(SetTraceNotification.type, { value: 'messages' });
    uri = fileUri(join(session.root, 'big.script.yaml'));
    await session.client.open(uri, 'yaml', text);
    await session.client.waitForPublication(uri, (_, params) => params.version === 1, 10000);
  });

  after(() => stopExamples(session ?? {}));

  /**
   * Sends one change and answers the server's trace of how it read the new version (diagnostics equal to those
   * already sent are not sent again, so the trace, not a publication, says the version was checked).
   */
  async function typeAndTrace(start: Position, end: Position, inserted: string): Promise<string> {
    const version = await session.client.change(uri, [{ range: { start, end }, text: inserted }]);
    const prefix = `Read v${version} of ${uri}:`;
    for (const started = Date.now(); !traces.some((message) => message.startsWith(prefix)) && Date.now() - started < 10000; ) await new Promise((resolve) => setTimeout(resolve, 5));
    const trace = traces.find((message) => message.startsWith(prefix));
    assert.ok(trace, `no trace of v${version} among:\n${traces.join('\n')}`);
    return trace;
  }

  test('the first read of the opened script is whole', () => {
    assert.ok(traces.some((message) => message.startsWith(`Read v1 of ${uri}: read whole (${text.length} characters)`)), traces.join('\n'));
  });

  test('each keystroke in one step re-reads that step, and the other steps\' diagnostics are carried over', async () => {
    const at = positionOf(text, 'Step 150:');
    for (let typed = 0; typed < 3; typed++) {
      const where = { line: at.line, character: at.character + typed };
      const trace = await typeAndTrace(where, where, 'x');
      assert.match(trace, /: one step re-read \((\d+) of \d+ characters\); diagnostics carried(, unchanged: not sent again)?\.$/);
      assert.ok(Number(/\((\d+) of/.exec(trace)?.[1]) < 200, trace);
    }
  });

  test('an edit across two steps is read whole', async () => {
    const start = positionOf(text, 'Step 200:');
    const end = positionOf(text, 'Step 201:');
    const trace = await typeAndTrace(start, end, '');
    assert.match(trace, /: read whole \(\d+ characters\); diagnostics computed(, unchanged: not sent again)?\.$/);
  });
});
