// User-facing text in the host's language: one table of Russian texts keyed by their English templates, read by
// every host (the core, the language server, the command line, the extension) through the translator made here.
import RU from './l10n.ru.json';
import { pluralForm, type Language } from './plural';

export type { Language };

/**
 * A text to be said in the user's language, not yet said: an English template and its arguments. Readers and
 * checks make phrases; they are rendered where messages are built (`L10n.say`), so only those places need the
 * host's language.
 */
export interface Phrase {
  readonly english: string;
  readonly args: readonly Arg[];
}

/** What a message template is filled with: a value as it is, or a phrase rendered in the same language. */
export type Arg = string | number | Phrase;

export function phrase(english: string, ...args: Arg[]): Phrase {
  return { english, args };
}

export function isPhrase(arg: Arg): arg is Phrase {
  return typeof arg === 'object';
}

export interface L10n {
  readonly language: Language;
  /**
   * The text of an English template in this language, `{0}`, `{1}`… replaced by `args`. The English template is
   * the key: a template missing from the Russian table stays English rather than failing.
   */
  t(english: string, ...args: Arg[]): string;
  /** A phrase, or a plain argument, as text in this language. */
  say(arg: Arg): string;
  /**
   * A counted phrase: `english` holds the English forms `one|other` with `{0}` for the count (`'{0} time|{0} times'`);
   * the Russian table holds `one|few|many` under it (`'{0} раз|{0} раза|{0} раз'`).
   */
  count(english: string, count: number): string;
}

const TABLES: Record<Language, Readonly<Record<string, string>>> = { en: {}, ru: RU };

/** Takes a locale as hosts name it ('ru', 'ru-RU', 'ru_RU.UTF-8'…); anything not Russian is English. */
export function languageOf(locale: string): Language {
  return /^ru(?:$|[-_.])/i.test(locale.trim()) ? 'ru' : 'en';
}

export function createL10n(locale: string): L10n {
  const language = languageOf(locale);
  const table = TABLES[language];
  const say = (arg: Arg): string => (isPhrase(arg) ? t(arg.english, ...arg.args) : String(arg));
  const t = (english: string, ...args: Arg[]) => formatText(table[english] ?? english, args.map(say));
  const count = (english: string, n: number) => formatText(pluralForm(language, n, (table[english] ?? english).split('|')), [n]);
  return { language, t, say, count };
}

/** Replaces `{0}`, `{1}`… in a template; other braces stay as they are. */
export function formatText(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
