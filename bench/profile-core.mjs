// Runs the core's full check over the bench corpus a few times; started under `node --cpu-prof` by profile.mjs.
import { throughputCorpus } from './corpus.mjs';
import { fieldsContext, loadCore } from './core-check.mjs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CORPUS_SIZES, SEED } from './settings.mjs';

const core = loadCore();
const fields = fieldsContext(core);
const corpus = throughputCorpus(SEED, CORPUS_SIZES);
for (let pass = 0; pass < 3; pass++) {
  const service = core.createTemplateService();
  for (const file of corpus) service.templateDiagnostics(TextDocument.create(`file:///bench/${file.name}`, file.kind, 1, file.text), fields);
}
