// The workspace scan, run in-process against a recording connection: a closed file leaves only its summaries (usages
// indexed, diagnostics sent), not its text or parse, and the settings of the files scanned are asked for in batches.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { ConfigurationItem, Connection, InitializeParams, PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiskFiles } from '../../server/src/documents/disk-files';
import { createSession, type Session } from '../../server/src/session';

const FIELDS = '{ "customFields": { "geo": { "type": "text" } } }\n';
const TEMPLATES = 40;
const script = (i: number) => `flows:\n  - key: f${i}\n    steps:\n      - key: s\n        type: message\n        text: "Hi {{fields.geo}} {{fields.${i % 2 ? 'geo' : 'gep'}}}"\n`;

/** Each resource's own settings, so an answer handed to the wrong file shows: every fourth template turns unknown keys off. */
function sectionFor(scopeUri: string | undefined): object {
  const number = /\/t(\d+)\.script\.yaml$/.exec(scopeUri ?? '')?.[1];
  return number !== undefined && Number(number) % 4 === 0 ? { severity: { 'unknown-key': 'off' } } : {};
}

/** What the server sent and asked: diagnostics, and each workspace/configuration request with its item count. */
class RecordingConnection {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly configurationRequests: number[] = [];
  readonly errors: string[] = [];

  asConnection(): Connection {
    return {
      console: { error: (message: string) => this.errors.push(message), log: () => undefined, warn: () => undefined, info: () => undefined },
      tracer: { log: () => undefined },
      window: { createWorkDoneProgress: () => Promise.reject(new Error('no progress in this test')) },
      sendDiagnostics: (params: PublishDiagnosticsParams) => (this.published.push(params), Promise.resolve()),
      workspace: {
        getConfiguration: (items: ConfigurationItem | ConfigurationItem[]) => {
          const list = Array.isArray(items) ? items : [items];
          this.configurationRequests.push(list.length);
          const answers = list.map((item) => sectionFor(item.scopeUri));
          return Promise.resolve(Array.isArray(items) ? answers : answers[0]);
        },
      },
    } as unknown as Connection;
  }
}

describe('the workspace scan of closed files', () => {
  let root: string;
  let recording: RecordingConnection;
  let session: Session;
  const uris: string[] = [];

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'wt-scan-summaries-'));
    writeFileSync(join(root, 'webhook-fields.json'), FIELDS);
    for (let i = 0; i < TEMPLATES; i++) {
      writeFileSync(join(root, `t${i}.script.yaml`), script(i));
      uris.push(pathToFileURL(join(root, `t${i}.script.yaml`)).href);
    }
    recording = new RecordingConnection();
    const folderUri = pathToFileURL(root).href;
    const params = { capabilities: { workspace: { configuration: true } }, workspaceFolders: [{ uri: folderUri, name: 'ws' }], rootUri: folderUri } as unknown as InitializeParams;
    session = createSession(recording.asConnection(), params, { files: new DiskFiles(), env: process.env });
    await session.checks.scanWorkspace();
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  test('every template was checked with its own settings: the broken half got its diagnostics but where they are off', () => {
    assert.deepEqual(recording.errors, []);
    const broken = new Set(recording.published.filter((p) => p.diagnostics.some((d) => d.code === 'unknown-key')).map((p) => p.uri));
    assert.deepEqual([...broken].sort(), uris.filter((_, i) => i % 2 === 0 && i % 4 !== 0).sort());
  });

  test('a checked closed file keeps no reading (text, parse, diagnostics) in the service', () => {
    for (const uri of uris) assert.equal(session.context.service.readingOf(uri), undefined, `${uri} is still held`);
  });

  test('its usages stay indexed: the fields file counts every template', () => {
    const fieldsUri = pathToFileURL(join(root, 'webhook-fields.json')).href;
    const templates = session.context.service.filesUsing(fieldsUri).filter((uri) => uri !== fieldsUri);
    assert.deepEqual(templates.sort(), [...uris].sort());
    assert.deepEqual(session.context.service.usageCounts(fieldsUri).get('custom:geo'), { places: TEMPLATES + TEMPLATES / 2, files: TEMPLATES });
  });

  test('the settings of the files scanned are asked for in one request, not one each', () => {
    assert.ok(recording.configurationRequests.length <= 4, `${recording.configurationRequests.length} requests: ${recording.configurationRequests}`);
    assert.ok(recording.configurationRequests.some((items) => items >= TEMPLATES), `${recording.configurationRequests}`);
  });
});
