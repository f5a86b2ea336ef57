// Specifies the Russian translation: every English text that reaches the user has one, with the same placeholders.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { BUILTIN_KEYS, TRACKER_EMPTY_NOTE } from '../../server/src/core/builtins';
import { DATE_REASON } from '../../server/src/core/fields-file-examples';
import { ERROR_MESSAGES } from '../../server/src/core/fields-file-json';
import { SAMPLE_SOURCES } from '../../server/src/core/inlay-hints';
import { setLanguage, t, tCount } from '../../server/src/core/l10n';
import { RU } from '../../server/src/core/l10n-ru';
import { HINTS, PROBLEMS } from '../../server/src/core/problems';
import { receiverTexts } from '../../server/src/core/receivers/index';
import { snippetTexts } from '../../server/src/core/receivers/snippets';
import { MESSAGES as SCRIPT_JSON_MESSAGES } from '../../server/src/core/script-file-json';
import { repoRoot } from '../support/paths';
import { docAt, fieldsContext, onlyProblem, service, webhookDoc, WEBHOOK_URI } from './core-helpers';

afterEach(() => setLanguage('en'));

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFilesUnder(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** A quoted literal's value ('…' or "…", with backslash escapes). */
function literalValue(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(.)/g, '$1');
}

const LITERAL = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`;

interface Call {
  file: string;
  literal?: string;
  /** The start of the first argument when it is not a string literal. */
  expression?: string;
}

/** The first argument's text from `start` (just after the call's parenthesis): up to a comma or `)` outside brackets. */
function firstArgument(text: string, start: number): string {
  let depth = 0;
  let end = start;
  for (; end < text.length; end++) {
    const char = text[end];
    if (depth === 0 && (char === ',' || char === ')')) break;
    if ('([{'.includes(char)) depth++;
    if (')]}'.includes(char)) depth--;
  }
  return text.slice(start, end).trim();
}

/** Every call of `callee(` in the files, with its first argument. */
function callsOf(files: readonly string[], callee: RegExp): Call[] {
  const pattern = new RegExp(String.raw`${callee.source}\(\s*(${LITERAL})?`, 'g');
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(pattern)].map((match) => ({
      file: relative(repoRoot, file),
      literal: match[1] === undefined ? undefined : literalValue(match[1]),
      expression: match[1] === undefined ? firstArgument(text, match.index + match[0].length) : undefined,
    }));
  });
}

const SERVER_FILES = [...tsFilesUnder(join(repoRoot, 'server', 'src')), ...tsFilesUnder(join(repoRoot, 'send', 'src'))].filter((file) => !/core[\\/]l10n(-ru)?\.ts$/.test(file));
const SERVER_CALLS = callsOf(SERVER_FILES, /(?<![.\w$])t(?:Count)?/);
/** Counted phrases: their English text holds the forms one|other, their Russian one|few|many. */
const COUNT_CALLS = callsOf(SERVER_FILES, /(?<![.\w$])tCount/);

/** Calls of `t` on something other than a literal, and the English texts each can hand it. */
const ROUTED: Record<string, readonly string[]> = {
  'PROBLEMS[code].message': Object.values(PROBLEMS).map((problem) => problem.message),
  'HINTS.didYouMean': [HINTS.didYouMean],
  'HINTS.noFieldsFile': [HINTS.noFieldsFile],
  'target.builtin.description': BUILTIN_KEYS.map((builtin) => builtin.description),
  'target.builtin.mayBeEmpty': BUILTIN_KEYS.flatMap((builtin) => builtin.mayBeEmpty ?? []),
  TRACKER_EMPTY_NOTE: [TRACKER_EMPTY_NOTE],
  'SAMPLE_SOURCES[lookup.value.source]': Object.values(SAMPLE_SOURCES),
  DATE_REASON: [DATE_REASON],
  'ERROR_MESSAGES[name]': Object.values(ERROR_MESSAGES),
  'MESSAGES[printParseErrorCode(error.error)]': Object.values(SCRIPT_JSON_MESSAGES),
  text: receiverTexts(),
  'snippet.label': snippetTexts(),
  'snippet.detail': snippetTexts(),
};

function englishTemplates(): Set<string> {
  const literals = SERVER_CALLS.flatMap((call) => (call.literal === undefined ? [] : [call.literal]));
  return new Set([...literals, ...Object.values(ROUTED).flat()]);
}

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

// ---- The server and core -----------------------------------------------------------------------

test('the source scan finds the translated calls (a broken pattern would make the checks below vacuous)', () => {
  assert.ok(SERVER_CALLS.some((call) => call.literal === 'Send test webhook'));
  assert.ok(SERVER_CALLS.some((call) => call.expression === 'PROBLEMS[code].message'));
});

test('every counted phrase has two English forms and three Russian ones, each with the count', () => {
  assert.ok(COUNT_CALLS.length > 0);
  const wrong = COUNT_CALLS.filter(({ literal }) => {
    const english = literal?.split('|') ?? [];
    const russian = literal !== undefined ? (RU[literal]?.split('|') ?? []) : [];
    return english.length !== 2 || russian.length !== 3 || ![...english, ...russian].every((form) => form.includes('{0}'));
  });
  assert.deepEqual(wrong.map((call) => `${call.file}: ${call.literal ?? call.expression}`), []);
});

test('every call of t on a non-literal is one whose possible texts the test knows', () => {
  const unknown = SERVER_CALLS.filter((call) => call.expression !== undefined && !(call.expression in ROUTED));
  assert.deepEqual(unknown.map((call) => `${call.file}: t(${call.expression}`), []);
});

test('every English template that reaches t has a Russian text', () => {
  const missing = [...englishTemplates()].filter((english) => !(english in RU));
  assert.deepEqual(missing, []);
});

test('the Russian table has no entry that no code uses', () => {
  const used = englishTemplates();
  assert.deepEqual(Object.keys(RU).filter((english) => !used.has(english)), []);
});

test('every Russian text keeps the placeholders of its English template', () => {
  const differing = Object.entries(RU).filter(([english, russian]) => placeholders(english).join() !== placeholders(russian).join());
  assert.deepEqual(differing, []);
});

test('every Russian text is written in Cyrillic (not a copied English text)', () => {
  const untranslated = Object.entries(RU).filter(([english, russian]) => /[a-z]{3}/i.test(english.replace(/\{\d+\}/g, '')) && !/[а-яё]/i.test(russian));
  assert.deepEqual(untranslated, []);
});

// ---- Choosing the language ---------------------------------------------------------------------

test('setLanguage reads Russian from "ru", "ru-RU" and "ru_RU.UTF-8", English from anything else', () => {
  const chosen = ['ru', 'ru-RU', 'ru_RU.UTF-8', 'RU', 'en', 'en-US', 'C.UTF-8', 'rus', ''].map(setLanguage);
  assert.deepEqual(chosen, ['ru', 'ru', 'ru', 'ru', 'en', 'en', 'en', 'en', 'en']);
});

test('tCount picks the English form by count: 1 time, 2 times', () => {
  setLanguage('en');
  assert.deepEqual([1, 2, 0].map((count) => tCount('{0} time|{0} times', count)), ['1 time', '2 times', '0 times']);
});

test('tCount picks the Russian form by count: 1 раз, 2 раза, 5 раз; в 21 файле, в 22 файлах', () => {
  setLanguage('ru');
  assert.deepEqual([1, 2, 5].map((count) => tCount('{0} time|{0} times', count)), ['1 раз', '2 раза', '5 раз']);
  assert.deepEqual([21, 22].map((count) => tCount('in {0} file|in {0} files', count)), ['в 21 файле', 'в 22 файлах']);
});

test('t formats the English template while English is active', () => {
  setLanguage('en');
  assert.equal(t('Change to {0}', '{chatId}'), 'Change to {chatId}');
});

test('with Russian, an unknown key is reported in Russian with its suggestion', () => {
  setLanguage('ru-RU');
  const problem = onlyProblem(webhookDoc('GET https://t.example/p?c={chatid}\n'));
  assert.equal(problem.code, 'unknown-key');
  assert.equal(problem.message, 'Неизвестный ключ "chatid" (проверено по: webhook-fields.json). Возможно, имелось в виду "{chatId}"?');
});

test('setLanguage("en") brings the English message back', () => {
  setLanguage('ru');
  setLanguage('en');
  const problem = onlyProblem(webhookDoc('GET https://t.example/p?c={chatid}\n'));
  assert.equal(problem.message, 'Unknown key "chatid" (checked against webhook-fields.json). Did you mean "{chatId}"?');
});

test('with Russian, the hover of a built-in key is in Russian', () => {
  setLanguage('ru');
  const { document, position } = docAt(WEBHOOK_URI, 'GET https://t.example/p?u={user|name}\n');
  const value = (service().hover(document, position, fieldsContext())?.contents as MarkupContent).value;
  assert.match(value, /Встроенный ключ · text/);
  assert.match(value, /Пусто у пользователей без username в Telegram/);
});

// ---- The client and package.json ----------------------------------------------------------------

const CLIENT_CALLS = callsOf(tsFilesUnder(join(repoRoot, 'client', 'src')), /vscode\.l10n\.t/);
const BUNDLE = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.ru.json'), 'utf8')) as Record<string, string>;

test('package.json points VS Code at the l10n folder', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { l10n?: string };
  assert.equal(manifest.l10n, './l10n');
});

test('every vscode.l10n.t call of the client has a literal English text', () => {
  assert.ok(CLIENT_CALLS.length > 0);
  assert.deepEqual(CLIENT_CALLS.filter((call) => call.literal === undefined).map((call) => `${call.file}: ${call.expression}`), []);
});

test('every client text has a Russian entry in l10n/bundle.l10n.ru.json', () => {
  const missing = CLIENT_CALLS.flatMap((call) => (call.literal !== undefined && !(call.literal in BUNDLE) ? [call.literal] : []));
  assert.deepEqual(missing, []);
});

test('the client bundle has no entry that the client does not use', () => {
  const used = new Set(CLIENT_CALLS.map((call) => call.literal));
  assert.deepEqual(Object.keys(BUNDLE).filter((english) => !used.has(english)), []);
});

test('every client Russian text keeps the placeholders of its English text', () => {
  const differing = Object.entries(BUNDLE).filter(([english, russian]) => placeholders(english).join() !== placeholders(russian).join());
  assert.deepEqual(differing, []);
});

test('package.nls.ru.json has exactly the keys of package.nls.json', () => {
  const read = (name: string) => Object.keys(JSON.parse(readFileSync(join(repoRoot, name), 'utf8')) as object).sort();
  assert.deepEqual(read('package.nls.ru.json'), read('package.nls.json'));
});
