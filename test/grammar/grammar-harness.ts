// Loads the extension's TextMate grammars (plus real YAML/JSON host grammars) and renders tokens as readable snapshots.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IOnigLib, type IRawGrammar, type StateStack } from 'vscode-textmate';
import { repoRoot } from '../support/paths';

export interface Token {
  text: string;
  scopes: string[];
}

export interface TokenizedLine {
  text: string;
  tokens: Token[];
}

interface ContributedGrammar {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

interface Manifest {
  contributes: { grammars: ContributedGrammar[] };
}

// Host grammars from the tm-grammars package: the TextMate-bundle YAML grammar and VS Code's JSON/JSONC grammars.
const hostGrammars: Record<string, string> = {
  'source.yaml': 'yaml.json',
  'source.json': 'json.json',
  'source.json.comments': 'jsonc.json',
};

function readContributedGrammars(): ContributedGrammar[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  return manifest.contributes.grammars;
}

let contributed: ContributedGrammar[] | undefined;

function contributedGrammars(): ContributedGrammar[] {
  contributed ??= readContributedGrammars();
  return contributed;
}

function grammarPath(scopeName: string): string | undefined {
  const ours = contributedGrammars().find((grammar) => grammar.scopeName === scopeName);
  if (ours) return join(repoRoot, ours.path);
  const host = hostGrammars[scopeName];
  return host ? join(repoRoot, 'node_modules', 'tm-grammars', 'grammars', host) : undefined;
}

async function loadGrammarFile(scopeName: string): Promise<IRawGrammar | null> {
  const path = grammarPath(scopeName);
  return path ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
}

// Injections come from package.json's injectTo, so the test also checks the manifest wiring.
function injectionsFor(scopeName: string): string[] {
  return contributedGrammars()
    .filter((grammar) => grammar.injectTo?.includes(scopeName))
    .map((grammar) => grammar.scopeName);
}

async function loadOniguruma(): Promise<IOnigLib> {
  const wasm = readFileSync(join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return {
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text) => new oniguruma.OnigString(text),
  };
}

let registry: Registry | undefined;

function sharedRegistry(): Registry {
  registry ??= new Registry({
    onigLib: loadOniguruma(),
    loadGrammar: loadGrammarFile,
    getInjections: injectionsFor,
  });
  return registry;
}

export async function loadGrammar(scopeName: string): Promise<IGrammar> {
  const grammar = await sharedRegistry().loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} not found`);
  return grammar;
}

export async function tokenize(scopeName: string, text: string): Promise<TokenizedLine[]> {
  const grammar = await loadGrammar(scopeName);
  let state: StateStack = INITIAL;
  return text.replace(/\r?\n$/, '').split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const tokens = result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
    return { text: line, tokens };
  });
}

/** Every token whose text is exactly `text`, on any line. */
export function tokensWithText(lines: TokenizedLine[], text: string): Token[] {
  return lines.flatMap((line) => line.tokens.filter((token) => token.text === text));
}

/** The scopes of each token that `needle` (a substring of one line) spans, in order. */
export function scopesOf(lines: TokenizedLine[], needle: string): string[][] {
  const line = lines.find((candidate) => candidate.text.includes(needle));
  if (!line) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  const start = line.text.indexOf(needle);
  const end = start + needle.length;
  let offset = 0;
  const spanned: string[][] = [];
  for (const token of line.tokens) {
    const tokenEnd = offset + token.text.length;
    if (tokenEnd > start && offset < end) spanned.push(token.scopes);
    offset = tokenEnd;
  }
  return spanned;
}

/** True when one of `scopes` is `prefix` or a more specific scope under it. */
export function hasScope(scopes: string[], prefix: string): boolean {
  return scopes.some((scope) => scope === prefix || scope.startsWith(`${prefix}.`));
}

// The JSON host grammar nests meta.structure.* scopes per level; they carry no colour and would drown the snapshot.
function shownScopes(scopes: string[]): string {
  const shown = scopes.slice(1).filter((scope) => !scope.startsWith('meta.structure.'));
  return shown.join(' ') || '-';
}

/** A header naming the root scope, then each source line prefixed with '>' and one indented row per token (quoted text, scopes). */
export function renderSnapshot(scopeName: string, lines: TokenizedLine[]): string {
  const rows = lines.flatMap((line) => [
    `> ${line.text}`,
    ...line.tokens.map((token) => `  ${JSON.stringify(token.text).padEnd(24)} ${shownScopes(token.scopes)}`),
  ]);
  return [`# ${scopeName} (root scope and meta.structure.* omitted)`, ...rows, ''].join('\n');
}
