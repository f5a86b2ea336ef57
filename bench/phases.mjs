// Where the core check's time goes, per kind of file: parse (into regions), placeholder diagnostics, URL checks, receiver checks.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from './core-check.mjs';
import { now } from './stats.mjs';

const require = createRequire(import.meta.url);
const core = (path) => require(join(repoRoot, 'out/server/src/core', path));

function phaseFunctions() {
  const { templateDiagnostics } = core('check/diagnostics.js');
  const { urlDiagnostics } = core('check/url-checks.js');
  const { receiverDiagnostics } = core('receivers/receiver-diagnostics.js');
  return { placeholders: templateDiagnostics, urls: urlDiagnostics, receivers: receiverDiagnostics };
}

/** The line index the check's ranges come from, built once per document. */
const lineIndex = () => core('base/line-index.js');

function timed(totals, name, work) {
  const started = now();
  const value = work();
  totals[name] = (totals[name] ?? 0) + now() - started;
  return value;
}

/** Milliseconds per phase and kind over the corpus (second pass, after a warm-up). */
export function measurePhases(coreIndex, corpus, fields) {
  const phases = phaseFunctions();
  let result;
  for (let pass = 0; pass < 2; pass++) {
    result = {};
    const service = coreIndex.createTemplateService();
    for (const file of corpus) {
      const totals = (result[file.kind] ??= {});
      const document = TextDocument.create(`file:///bench/${file.name}`, file.kind, 1, file.text);
      const parsed = timed(totals, 'parse', () => service.parseTemplate(document));
      timed(totals, 'lineOffsets', () => lineIndex().positionAt(document, file.text.length));
      for (const [name, check] of Object.entries(phases)) timed(totals, name, () => check(document, parsed, fields, service.l10n));
    }
  }
  return result;
}
