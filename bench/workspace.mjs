// Section 5: the background check of a generated 2,000-file workspace: wall time and the server's peak memory.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fieldsFileText, workspaceFiles } from './corpus.mjs';
import { BenchClient, fileUri } from './lsp-client.mjs';
import { mb, now } from './stats.mjs';

export function writeWorkspace(dir, seed, count) {
  rmSync(dir, { recursive: true, force: true });
  const files = workspaceFiles(seed, count);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  writeFileSync(join(dir, 'webhook-fields.json'), fieldsFileText());
  return { dir, count: files.length, bytes: files.reduce((sum, file) => sum + file.text.length, 0), uris: new Set(files.map((file) => fileUri(join(dir, file.path)))) };
}

/** Samples VmRSS while the scan runs; VmHWM at the end gives the peak either way. */
function sampleRss(client) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, client.peakRssMB() ?? 0)), 50);
  return () => (clearInterval(timer), Math.max(peak, client.peakRssMB() ?? 0));
}

function untilProgressEnds(client, timeoutMs) {
  return new Promise((resolve, reject) => {
    const started = now();
    const timer = setInterval(() => {
      if (client.progressEnded.length > 0) resolve((clearInterval(timer), client.progressEnded[0]));
      else if (now() - started > timeoutMs) reject((clearInterval(timer), new Error('the workspace scan did not end')));
    }, 5);
  });
}

export async function measureWorkspace(workspace, timeoutMs = 120000) {
  const client = await BenchClient.start({ folders: [workspace.dir] });
  const stopSampling = sampleRss(client);
  try {
    const ended = await untilProgressEnds(client, timeoutMs);
    const templates = client.published.filter((entry) => workspace.uris.has(entry.uri));
    const withProblems = templates.filter((entry) => entry.count > 0);
    const lastProblem = Math.max(...withProblems.map((entry) => entry.at));
    return {
      files: workspace.count,
      MB: mb(workspace.bytes),
      wallMs: ended - client.spawnedAt,
      lastProblemPublishedMs: lastProblem - client.spawnedAt,
      filesPublished: new Set(templates.map((entry) => entry.uri)).size,
      filesWithProblems: new Set(withProblems.map((entry) => entry.uri)).size,
      peakRssMB: stopSampling(),
    };
  } finally {
    stopSampling();
    await client.stop();
  }
}
