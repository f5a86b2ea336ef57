// Checks language-configuration.json and that the grammar files agree with what package.json contributes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';

interface AutoClosingPair {
  open: string;
  close: string;
  notIn?: string[];
}

interface LanguageConfiguration {
  comments: { lineComment: string };
  autoClosingPairs: AutoClosingPair[];
  wordPattern: string;
  folding: { markers: { start: string; end: string } };
}

interface GrammarFile {
  scopeName: string;
  injectionSelector?: string;
}

interface Manifest {
  contributes: { grammars: { scopeName: string; path: string }[] };
}

function readJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(repoRoot, relativePath), 'utf8')) as T;
}

const configuration = readJson<LanguageConfiguration>('language-configuration.json');
const manifest = readJson<Manifest>('package.json');

function wordsOf(text: string): string[] {
  return [...text.matchAll(new RegExp(configuration.wordPattern, 'g'))].map((match) => match[0]);
}

test('every contributed grammar file exists and declares the contributed scopeName', () => {
  for (const contributed of manifest.contributes.grammars) {
    assert.equal(readJson<GrammarFile>(contributed.path).scopeName, contributed.scopeName);
  }
});

test('the injection grammar targets string scopes and excludes comments', () => {
  const injection = readJson<GrammarFile>('syntaxes/webhook-placeholders.injection.json');
  for (const part of (injection.injectionSelector ?? '').split(',')) {
    assert.match(part, /string\./);
    assert.match(part, /-comment/);
  }
});

test('line comments use #', () => {
  assert.equal(configuration.comments.lineComment, '#');
});

test('typing { closes it even inside strings, and " closes outside strings', () => {
  const pairs = configuration.autoClosingPairs;
  const brace = pairs.find((pair) => pair.open === '{');
  const quote = pairs.find((pair) => pair.open === '"');
  assert.equal(brace?.close, '}');
  assert.equal(brace?.notIn, undefined);
  assert.deepEqual(quote?.notIn, ['string', 'comment']);
});

// Words stop at the dot so that completion after `{tracker.` filters on the key alone.
test('the word pattern makes tracker and clickid separate words', () => {
  assert.deepEqual(wordsOf('{tracker.clickid}&chat={chatId}'), ['tracker', 'clickid', 'chat', 'chatId']);
});

test('the word pattern keeps identifiers with underscores and digits whole', () => {
  assert.deepEqual(wordsOf('{deposit_amount} <sub1>'), ['deposit_amount', 'sub1']);
});

test('folding markers match region comments and not ### request lines', () => {
  const start = new RegExp(configuration.folding.markers.start);
  const end = new RegExp(configuration.folding.markers.end);
  assert.ok(start.test('# region leads') && end.test('# endregion'));
  assert.equal(start.test('### Lead postback') || end.test('### Lead postback'), false);
});
