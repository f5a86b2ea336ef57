// Specifies the one translation table every host reads: every English text that reaches the user, from the core,
// the server, the command line, the sender and the extension, has a Russian one with the same placeholders, and
// no Russian text is orphaned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createTemplateService } from '../../server/src/core/index';
import { BUILTIN_KEYS, TRACKER_EMPTY_NOTE } from '../../server/src/core/resolve/builtins';
import { DATE_REASON } from '../../server/src/core/fields/fields-file-examples';
import { ERROR_MESSAGES } from '../../server/src/core/fields/fields-file-json';
import { ENCODING_NOTES, SAMPLE_SOURCES } from '../../server/src/core/language/inlay-hints';
import { createL10n, languageOf, phrase } from '../../server/src/core/base/l10n';
import RU from '../../server/src/core/base/l10n.ru.json';
import { HINTS, PROBLEMS } from '../../server/src/core/base/problems';
import { receiverTexts } from '../../server/src/core/receivers/index';
import { snippetTexts } from '../../server/src/core/receivers/snippets';
import { MESSAGES as SCRIPT_JSON_MESSAGES } from '../../server/src/core/read/script-file-json';
import { repoRoot } from '../support/paths';
import { docAt, fieldsContext, webhookDoc, WEBHOOK_URI } from './core-helpers';

const TABLE: Record<string, string> = RU;

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

/** Every source a user-facing text can come from; l10n.ts defines the calls and is left out. */
const SOURCES = ['server/src', 'send/src', 'client/src'].flatMap((dir) => tsFilesUnder(join(repoRoot, dir))).filter((file) => !/core[\\/]base[\\/]l10n\.ts$/.test(file));
/** `l10n.t(…)` and `service.l10n.t(…)`, counted phrases `l10n.count(…)`, and phrases made to be said later. */
const CALLS = callsOf(SOURCES, /(?:\bl10n\.(?:t|count)|(?<![.\w$])phrase)/);
const COUNT_CALLS = callsOf(SOURCES, /\bl10n\.count/);

/** Calls on something other than a literal, and the English texts each can hand over. */
const ROUTED: Record<string, readonly string[]> = {
  'PROBLEMS[code].message': Object.values(PROBLEMS).map((problem) => problem.message),
  'PROBLEMS[code].summary': Object.values(PROBLEMS).map((problem) => problem.summary),
  'HINTS.didYouMean': [HINTS.didYouMean],
  'HINTS.noFieldsFile': [HINTS.noFieldsFile],
  'target.builtin.description': BUILTIN_KEYS.map((builtin) => builtin.description),
  'target.builtin.mayBeEmpty': BUILTIN_KEYS.flatMap((builtin) => builtin.mayBeEmpty ?? []),
  'target.builtin.noun': BUILTIN_KEYS.map((builtin) => builtin.noun),
  TRACKER_EMPTY_NOTE: [TRACKER_EMPTY_NOTE],
  'SAMPLE_SOURCES[sample.source]': Object.values(SAMPLE_SOURCES),
  'ENCODING_NOTES[encoding]': Object.values(ENCODING_NOTES),
  DATE_REASON: [DATE_REASON],
  'ERROR_MESSAGES[name]': Object.values(ERROR_MESSAGES),
  'MESSAGES[printParseErrorCode(error.error)]': Object.values(SCRIPT_JSON_MESSAGES),
  text: receiverTexts(),
  'snippet.label': snippetTexts(),
  'snippet.detail': snippetTexts(),
};

function englishTemplates(): Set<string> {
  const literals = CALLS.flatMap((call) => (call.literal === undefined ? [] : [call.literal]));
  return new Set([...literals, ...Object.values(ROUTED).flat()]);
}

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

// ---- The one table ------------------------------------------------------------------------------

test('the source scan finds the calls of every host (a broken pattern would make the checks below vacuous)', () => {
  const files = new Set(CALLS.map((call) => call.file.split(/[\\/]/)[0]));
  assert.deepEqual([...files].sort(), ['client', 'send', 'server']);
  assert.ok(CALLS.some((call) => call.literal === 'Send test webhook'));
  assert.ok(CALLS.some((call) => call.expression === 'PROBLEMS[code].message'));
});

test('every counted phrase has two English forms and three Russian ones, each with the count', () => {
  assert.ok(COUNT_CALLS.length > 0);
  const wrong = COUNT_CALLS.filter(({ literal }) => {
    const english = literal?.split('|') ?? [];
    const russian = literal !== undefined ? (TABLE[literal]?.split('|') ?? []) : [];
    return english.length !== 2 || russian.length !== 3 || ![...english, ...russian].every((form) => form.includes('{0}'));
  });
  assert.deepEqual(wrong.map((call) => `${call.file}: ${call.literal ?? call.expression}`), []);
});

test('every call on a non-literal is one whose possible texts the test knows', () => {
  const unknown = CALLS.filter((call) => call.expression !== undefined && !(call.expression in ROUTED));
  assert.deepEqual(unknown.map((call) => `${call.file}: ${call.expression}`), []);
});

test('every English template that reaches the user has a Russian text', () => {
  const missing = [...englishTemplates()].filter((english) => !(english in TABLE));
  assert.deepEqual(missing, []);
});

test('the Russian table has no entry that no code uses', () => {
  const used = englishTemplates();
  assert.deepEqual(Object.keys(TABLE).filter((english) => !used.has(english)), []);
});

test('every Russian text keeps the placeholders of its English template', () => {
  const differing = Object.entries(TABLE).filter(([english, russian]) => placeholders(english).join() !== placeholders(russian).join());
  assert.deepEqual(differing, []);
});

test('every Russian text is written in Cyrillic (not a copied English text)', () => {
  const untranslated = Object.entries(TABLE).filter(([english, russian]) => /[a-z]{3}/i.test(english.replace(/\{\d+\}/g, '')) && !/[а-яё]/i.test(russian));
  assert.deepEqual(untranslated, []);
});

test('there is no second table: no vscode.l10n calls, no l10n bundle folder, no l10n field in package.json', () => {
  assert.deepEqual(callsOf(SOURCES, /vscode\.l10n\.t/), []);
  assert.equal(existsSync(join(repoRoot, 'l10n')), false);
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { l10n?: string };
  assert.equal(manifest.l10n, undefined);
});

// ---- The language, passed in ------------------------------------------------------------------------

test('languageOf reads Russian from "ru", "ru-RU" and "ru_RU.UTF-8", English from anything else', () => {
  const chosen = ['ru', 'ru-RU', 'ru_RU.UTF-8', 'RU', 'en', 'en-US', 'C.UTF-8', 'rus', ''].map(languageOf);
  assert.deepEqual(chosen, ['ru', 'ru', 'ru', 'ru', 'en', 'en', 'en', 'en', 'en']);
});

test('count picks the English form by count: 1 time, 2 times', () => {
  const en = createL10n('en');
  assert.deepEqual([1, 2, 0].map((count) => en.count('{0} time|{0} times', count)), ['1 time', '2 times', '0 times']);
});

test('count picks the Russian form by count: 1 раз, 2 раза, 5 раз; в 21 файле, в 22 файлах', () => {
  const ru = createL10n('ru');
  assert.deepEqual([1, 2, 5].map((count) => ru.count('{0} time|{0} times', count)), ['1 раз', '2 раза', '5 раз']);
  assert.deepEqual([21, 22].map((count) => ru.count('in {0} file|in {0} files', count)), ['в 21 файле', 'в 22 файлах']);
});

test('a phrase is said in the language of whoever says it, its phrase arguments too', () => {
  const said = phrase('{0} is text ({1})', '{username}', phrase('a Telegram username'));
  assert.equal(createL10n('en').say(said), '{username} is text (a Telegram username)');
  assert.match(createL10n('ru').say(said), /Telegram/);
  assert.notEqual(createL10n('ru').say(said), createL10n('en').say(said));
});

test('two services in two languages side by side each speak their own (no language kept in a module)', () => {
  const document = webhookDoc('GET https://t.example/p?c={chatid}\n');
  const ru = createTemplateService({ locale: 'ru-RU' }).templateDiagnostics(document, fieldsContext())[0].message;
  const en = createTemplateService({ locale: 'en' }).templateDiagnostics(document, fieldsContext())[0].message;
  assert.equal(ru, 'Неизвестный ключ "chatid" (проверено по: webhook-fields.json). Возможно, имелось в виду "{chatId}"?');
  assert.equal(en, 'Unknown key "chatid" (checked against webhook-fields.json). Did you mean "{chatId}"?');
});

test('with Russian, the hover of a built-in key is in Russian', () => {
  const { document, position } = docAt(WEBHOOK_URI, 'GET https://t.example/p?u={user|name}\n');
  const value = (createTemplateService({ locale: 'ru' }).hover(document, position, fieldsContext())?.contents as MarkupContent).value;
  assert.match(value, /Встроенный ключ · text/);
  assert.match(value, /Пусто у пользователей без username в Telegram/);
});

test('package.nls.ru.json has exactly the keys of package.nls.json', () => {
  const read = (name: string) => Object.keys(JSON.parse(readFileSync(join(repoRoot, name), 'utf8')) as object).sort();
  assert.deepEqual(read('package.nls.ru.json'), read('package.nls.json'));
});
