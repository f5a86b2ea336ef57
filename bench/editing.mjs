// Sections 3 and 4: keystroke to fresh diagnostics on a 5 MB script, and completion/hover latency on 5 MB and 50 KB, over LSP.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { fieldsFileText, scriptModel, scriptYaml, seededRandom } from './corpus.mjs';
import { BenchClient, fileUri } from './lsp-client.mjs';
import { CodeLensRequest, DocumentLinkRequest, DocumentSymbolRequest, InlayHintRequest } from 'vscode-languageserver-protocol/node.js';
import { medianMs, now, percentile } from './stats.mjs';

/** Keystroke-then-completion rounds of section 4's "while typing" row. */
const TYPING_COMPLETIONS = 100;
/** Keystroke-then-whole-document-requests rounds of section 4's "after a pause" row. */
const PAUSE_ROUNDS = 3;

/** The 5 MB and 50 KB scripts, in a folder holding only the fields file (they are opened from memory). */
export function editingFiles(dir, seed) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'webhook-fields.json'), fieldsFileText());
  const random = seededRandom(seed);
  return {
    dir,
    big: { uri: fileUri(join(dir, 'big.script.yaml')), text: scriptYaml(scriptModel(random, 5 * 1024 * 1024)) },
    small: { uri: fileUri(join(dir, 'small.script.yaml')), text: scriptYaml(scriptModel(random, 50 * 1024)) },
  };
}

function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Where the user types: inside the message text nearest the middle of the file. */
function offsetOfTyping(text) {
  const marker = 'text: "';
  return text.indexOf(marker, Math.floor(text.length / 2)) + marker.length + 3;
}

function typingPosition(text) {
  return positionAt(text, offsetOfTyping(text));
}

/** `{{` of message placeholders near the start, middle and end of the file. */
function placeholderOffsets(text) {
  return [0.05, 0.5, 0.95].map((share) => text.indexOf('{{fields.', Math.floor(text.length * share)));
}

/** Types one character `typed` characters right of `start` and waits for the diagnostics of that version. */
async function typeOne(client, file, start, typed) {
  const at = { line: start.line, character: start.character + typed };
  const version = await client.change(file.uri, { start: at, end: at }, 'a');
  await client.waitForVersion(file.uri, version, 30000);
  return at;
}

/** Section 3: `edits` single-character inserts, each timed until the diagnostics of its version arrive. */
export async function measureKeystrokes(client, file, edits, budgetMs) {
  const start = typingPosition(file.text);
  const times = [];
  const began = now();
  for (let i = 0; i < edits && now() - began < budgetMs; i++) {
    const sent = now();
    await typeOne(client, file, start, i);
    times.push(now() - sent);
  }
  return { edits: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: percentile(times, 100) };
}

/**
 * Completion as it comes while typing: one keystroke, its diagnostics, then a completion right after the `{{`
 * that follows in the same message, `count` times. `typed` characters were inserted before (section 3).
 */
export async function measureCompletionWhileTyping(client, file, typed, count) {
  const start = typingPosition(file.text);
  const afterTyping = textAfterTyping(file.text, typed);
  const typingOffset = offsetOfTyping(file.text) + typed;
  const braces = afterTyping.indexOf('{{', typingOffset) + 2 - typingOffset;
  const times = [];
  for (let i = 0; i < count; i++) {
    const at = await typeOne(client, file, start, typed + i);
    const sent = now();
    await client.completion(file.uri, { line: at.line, character: at.character + 1 + braces });
    times.push(now() - sent);
  }
  return { requests: count, p50: percentile(times, 50), p99: percentile(times, 99), max: percentile(times, 100) };
}

/**
 * What VS Code asks of the whole document once typing pauses (outline, CodeLens, inlay hints of the visible lines,
 * links), each timed after a fresh keystroke; `typed` characters were inserted before. Medians of `rounds`.
 */
export async function measurePauseRequests(client, file, typed, rounds = 3) {
  const start = typingPosition(file.text);
  const textDocument = { uri: file.uri };
  const visible = { start: { line: Math.max(0, start.line - 30), character: 0 }, end: { line: start.line + 30, character: 0 } };
  const requests = {
    outline: [DocumentSymbolRequest.type, { textDocument }],
    codeLens: [CodeLensRequest.type, { textDocument }],
    inlayHints: [InlayHintRequest.type, { textDocument, range: visible }],
    links: [DocumentLinkRequest.type, { textDocument }],
  };
  const times = Object.fromEntries(Object.keys(requests).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    await typeOne(client, file, start, typed + round);
    for (const [name, [type, params]] of Object.entries(requests)) {
      const sent = now();
      await client.connection.sendRequest(type, params);
      times[name].push(now() - sent);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, percentile(list, 50)]));
}

/** Opens a file and waits for its first diagnostics: the time of a whole check of it over LSP. */
export async function openAndWait(client, file) {
  const sent = now();
  await client.open(file.uri, file.text);
  await client.waitForVersion(file.uri, 1, 120000);
  return now() - sent;
}

async function timeRequests(count, request) {
  const times = [];
  let empty = 0;
  for (let i = 0; i < count; i++) {
    const sent = now();
    const answer = await request(i);
    times.push(now() - sent);
    if (!answer || (Array.isArray(answer.items) && answer.items.length === 0)) empty++;
  }
  return { requests: count, p50: percentile(times, 50), p99: percentile(times, 99), max: percentile(times, 100), empty };
}

/** Section 4: completion right after `{{` and hover on the key, round-robin over start, middle and end of the file. */
export async function measureRequests(client, file, text, count) {
  const offsets = placeholderOffsets(text);
  const completionAt = offsets.map((offset) => positionAt(text, offset + 2));
  const hoverAt = offsets.map((offset) => positionAt(text, offset + 5));
  const completion = await timeRequests(count, (i) => client.completion(file.uri, completionAt[i % 3]));
  const hover = await timeRequests(count, (i) => client.hover(file.uri, hoverAt[i % 3]));
  return { completion, hover };
}

/** The text after the typing test's inserts, so request positions line up with the server's document. */
function textAfterTyping(text, edits) {
  const offset = offsetOfTyping(text);
  return text.slice(0, offset) + 'a'.repeat(edits) + text.slice(offset);
}

/** Sections 3 and 4 in one server; `nodeFlags` lets the profiler run the same session under --cpu-prof. */
export async function measureEditing(files, { edits = 200, budgetMs = 90000, requests = 300, nodeFlags = [] } = {}) {
  const client = await BenchClient.start({ folders: [files.dir], nodeFlags, trace: true });
  try {
    const openBigMs = await openAndWait(client, files.big);
    const keystrokes = await measureKeystrokes(client, files.big, edits, budgetMs);
    const whileTyping = await measureCompletionWhileTyping(client, files.big, keystrokes.edits, TYPING_COMPLETIONS);
    const pause = await measurePauseRequests(client, files.big, keystrokes.edits + TYPING_COMPLETIONS, PAUSE_ROUNDS);
    const typed = keystrokes.edits + TYPING_COMPLETIONS + PAUSE_ROUNDS;
    const bigRequests = { ...(await measureRequests(client, files.big, textAfterTyping(files.big.text, typed), requests)), whileTyping, pause };
    await openAndWait(client, files.small);
    const smallRequests = await measureRequests(client, files.small, files.small.text, requests);
    return { bigBytes: files.big.text.length, smallBytes: files.small.text.length, openBigMs, keystrokes, requests: { big: bigRequests, small: smallRequests } };
  } finally {
    await client.stop();
  }
}

/** What the sustained-typing test types, over and over: words, a placeholder typed key by key, an unknown key. */
const TYPED = ' hi {{username}} see {{fields.gep}} ok';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Types `count` characters into the message text nearest the middle of the file at `perSecond`, not waiting for
 * diagnostics (as a person types); resolves with the text after the last one and its version.
 */
async function typeSteadily(client, file, count, perSecond) {
  const start = typingPosition(file.text);
  const offset = offsetOfTyping(file.text);
  const began = now();
  let version = 1;
  for (let i = 0; i < count; i++) {
    const due = began + (i * 1000) / perSecond;
    if (due > now()) await sleep(due - now());
    const at = { line: start.line, character: start.character + i };
    version = await client.change(file.uri, { start: at, end: at }, TYPED[i % TYPED.length]);
  }
  const typed = Array.from({ length: count }, (_, i) => TYPED[i % TYPED.length]).join('');
  return { text: file.text.slice(0, offset) + typed + file.text.slice(offset), version, typingMs: now() - began };
}

/**
 * The server's resident memory once it is steady after opening (it changed by under 2 MB in half a second, or 5 s
 * passed): typing is measured from there, so what opening the file took is not counted as typing's.
 */
async function steadyRssMB(client) {
  const began = now();
  let last = client.rssMB();
  for (;;) {
    await sleep(500);
    const rss = client.rssMB();
    if (Math.abs(rss - last) < 2 || now() - began > 5000) return rss;
    last = rss;
  }
}

/** The same diagnostics, in any order (the editor sorts them; a carried-over set is in document order, a fresh one by kind). */
function sameSet(a, b) {
  const keys = (list) => list.map((diagnostic) => JSON.stringify(diagnostic)).sort();
  return isDeepStrictEqual(keys(a), keys(b));
}

/** The diagnostics a server that never saw the edits publishes for `text`: a fresh full check. */
async function freshDiagnostics(files, text) {
  const client = await BenchClient.start({ folders: [files.dir] });
  try {
    await openAndWait(client, { uri: files.big.uri, text });
    return client.latest.get(files.big.uri);
  } finally {
    await client.stop();
  }
}

/**
 * The server's peak memory while `keystrokes` characters go into the 5 MB script at `perSecond` (the peak of opening
 * it left out), and whether the diagnostics it shows once typing stops are a fresh full check's.
 */
export async function measureSustainedTyping(files, { keystrokes = 2000, perSecond = 100 } = {}) {
  const client = await BenchClient.start({ folders: [files.dir], trace: true });
  let typed;
  let settledMs;
  let peakRssMB;
  let openPeakMB;
  let afterOpenMB;
  let sent;
  try {
    await openAndWait(client, files.big);
    openPeakMB = client.peakRssMB();
    afterOpenMB = await steadyRssMB(client);
    if (!client.resetPeakRss()) throw new Error('cannot read the peak memory of the server (no /proc)');
    typed = await typeSteadily(client, files.big, keystrokes, perSecond);
    const stopped = now();
    await client.waitForVersion(files.big.uri, typed.version, 120000);
    settledMs = now() - stopped;
    peakRssMB = client.peakRssMB();
    sent = client.published.filter((entry) => entry.uri === files.big.uri && entry.version > 1).length;
  } finally {
    await client.stop();
  }
  const shown = client.latest.get(files.big.uri);
  const fresh = await freshDiagnostics(files, typed.text);
  return { keystrokes, perSecond, typingMs: typed.typingMs, settledMs, openPeakMB, afterOpenMB, peakRssMB, published: sent, diagnostics: shown.length, equalToFresh: sameSet(shown, fresh) };
}

/** The full re-parse of the 5 MB file with `yaml`: what an incremental check must clearly beat. */
export function fullReparseMs(text) {
  return medianMs(() => parseDocument(text), 3);
}
