// Sections 1 and 2: the core's full check against the bare parse (the floor), and against vscode-json-languageservice.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { visit } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'vscode-json-languageservice';
import { fieldsFileText } from './corpus.mjs';
import { mb, median, medianMs, medianMsAsync, now } from './stats.mjs';

const require = createRequire(import.meta.url);
export const repoRoot = new URL('..', import.meta.url).pathname;
const WORKSPACE = 'file:///bench/workspace';
/** Timed passes per side of a comparison, the median reported, after warm-up passes: one is not enough for the JIT. */
const RUNS = 7;
const WARMUPS = 3;

export function loadCore() {
  return require(join(repoRoot, 'out/server/src/core/index.js'));
}

/** A FieldsContext as the server builds it: the corpus's fields file, parsed once. */
export function fieldsContext(core, text = fieldsFileText()) {
  const document = TextDocument.create(`${WORKSPACE}/webhook-fields.json`, 'json', 1, text);
  const model = core.createTemplateService().parseFields(document).model;
  return { source: { uri: document.uri, displayName: 'webhook-fields.json', model, text, format: 'json' } };
}

const FLOORS = {
  yaml: (text) => parseDocument(text),
  json: (text) => JSON.parse(text),
  webhook: (text) => text.split('\n'),
};

const documentsOf = (files) => files.map((file) => TextDocument.create(`${WORKSPACE}/${file.name}`, file.kind, 1, file.text));

/** Times one full check of every file with a fresh service (no cache), documents made beforehand as the server has them. */
function checkPass(core, files, fields) {
  const documents = documentsOf(files);
  const service = core.createTemplateService();
  const start = now();
  let problems = 0;
  for (const document of documents) problems += service.templateDiagnostics(document, fields).length;
  return { ms: now() - start, problems };
}

function medianCheck(core, files, fields, runs = RUNS) {
  for (let i = 0; i < WARMUPS; i++) checkPass(core, files, fields);
  const passes = Array.from({ length: runs }, () => checkPass(core, files, fields));
  return { ms: median(passes.map((pass) => pass.ms)), problems: passes[0].problems };
}

/** A reader's own floor (jsonc-parser's bare visit, the `.webhook` reader without checks), median of the passes. */
function readerFloorMs(files, parse) {
  return medianMs(() => files.forEach(parse), RUNS, WARMUPS);
}

function floorPass(files) {
  const start = now();
  for (const file of files) FLOORS[file.kind](file.text);
  return now() - start;
}

/**
 * The check and its floor in turn, pass by pass (which goes first alternates, so neither always runs on the other's
 * garbage): the medians of each side, and the median and range of the passes' ratios, which a busy spell of the
 * shared machine touches on both sides alike.
 */
function kindRow(core, files, fields) {
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  for (let i = 0; i < WARMUPS; i++) {
    checkPass(core, files, fields);
    floorPass(files);
  }
  const checks = [];
  const floors = [];
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      checks.push(checkPass(core, files, fields));
      floors.push(floorPass(files));
    } else {
      floors.push(floorPass(files));
      checks.push(checkPass(core, files, fields));
    }
  }
  const ratios = checks.map((check, i) => check.ms / floors[i]);
  return {
    files: files.length,
    bytes,
    checkMs: median(checks.map((check) => check.ms)),
    floorMs: median(floors),
    problems: checks[0].problems,
    pairedRatio: median(ratios),
    pairedRange: [Math.min(...ratios), Math.max(...ratios)],
  };
}

function withRates(row) {
  const size = mb(row.bytes);
  return { ...row, MB: size, checkMBps: size / (row.checkMs / 1000), floorMBps: size / (row.floorMs / 1000), ratio: row.checkMs / row.floorMs };
}

/** Section 1, per kind and overall (sums of the kinds): MB/s of the check and of the floor, and their ratio. */
export function measureThroughput(core, corpus, fields) {
  const rows = {};
  for (const kind of ['yaml', 'json', 'webhook']) rows[kind] = kindRow(core, corpus.filter((file) => file.kind === kind), fields);
  const sum = (key) => Object.values(rows).reduce((total, row) => total + row[key], 0);
  rows.all = { files: sum('files'), bytes: sum('bytes'), checkMs: sum('checkMs'), floorMs: sum('floorMs'), problems: sum('problems') };
  for (const kind of Object.keys(rows)) rows[kind] = withRates(rows[kind]);
  // The JSON reader is jsonc-parser's `visit` (the stack's JSON parser): its bare scan, no callbacks, is the floor under it.
  rows.json.jsoncVisitMs = readerFloorMs(corpus.filter((file) => file.kind === 'json'), (file) => visit(file.text, {}));
  // `.webhook` has no parser library: its floor is a line split; its own reader (blocks, request lines, headers) is shown too.
  const { parseWebhookFile } = require(join(repoRoot, 'out/server/src/core/read/webhook-file.js'));
  rows.webhook.readerMs = readerFloorMs(corpus.filter((file) => file.kind === 'webhook'), (file) => parseWebhookFile(file.text));
  return rows;
}

function jsonService() {
  const schemaPath = join(repoRoot, 'schemas/script.schema.json');
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: `file://${schemaPath}`, fileMatch: ['*.script.json'], schema: JSON.parse(readFileSync(schemaPath, 'utf8')) }] });
  return service;
}

async function theirPass(service, files) {
  let problems = 0;
  for (const document of documentsOf(files)) {
    const parsed = service.parseJSONDocument(document);
    problems += (await service.doValidation(document, parsed)).length;
  }
  return problems;
}

/** Section 2: the JSON script files through our check and through VS Code's JSON service with our schema. */
export async function measureAgainstJsonService(core, corpus, fields) {
  const files = corpus.filter((file) => file.kind === 'json');
  const service = jsonService();
  const theirsMs = await medianMsAsync(() => theirPass(service, files), RUNS, WARMUPS);
  const theirProblems = await theirPass(service, files);
  const ours = medianCheck(core, files, fields);
  return { files: files.length, oursMs: ours.ms, theirsMs, speedup: theirsMs / ours.ms, ourProblems: ours.problems, theirProblems };
}
