import { throughputCorpus } from './corpus.mjs';
import { fieldsContext, loadCore } from './core-check.mjs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CORPUS_SIZES, SEED } from './settings.mjs';
const core = loadCore();
const fields = fieldsContext(core);
const corpus = throughputCorpus(SEED, CORPUS_SIZES).filter((f) => f.name.endsWith('.json'));
const times = [];
for (let pass = 0; pass < 15; pass++) {
  const docs = corpus.map((file) => TextDocument.create(`file:///bench/${file.name}`, file.kind, 1, file.text));
  const service = core.createTemplateService();
  const t = performance.now();
  for (const d of docs) service.doValidation(d, fields);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b); console.log('json check min', times[0].toFixed(1), 'median', times[7].toFixed(1));
