// Reads a YAML script file into the neutral script tree, keeping each string's content span.
//
// `yaml` parses the text once into its CST. A stream its composer would find nothing to report in is read from the
// CST directly (script-file-yaml-cst.ts), which spares building `yaml`'s documents; any other stream (syntax
// problems, tags, directives, explicit keys) is composed by `yaml` from the same tokens and read from its documents.
import { Parser, type CST } from 'yaml';
import { errorText, syntaxProblem, type ScriptTree } from './script-file-tree';
import { readQuietRoots } from './script-file-yaml-cst';
import { readComposedTree } from './script-file-yaml-document';

/** Every document of the stream is read (a `---` separated file is still one script to check). */
export function readYamlTree(text: string): ScriptTree {
  let tokens: CST.Token[];
  try {
    tokens = Array.from(new Parser().parse(text));
  } catch (error) {
    return { roots: [], problems: [syntaxProblem(text, 0, 0, errorText(error))] };
  }
  const roots = readQuietRoots(tokens, text);
  return roots ? { roots, problems: [] } : readComposedTree(tokens, text);
}
