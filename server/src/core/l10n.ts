// The language of user-facing texts (English or Russian), chosen by the host, and `t` that translates a template.
import { RU } from './l10n-ru';
import { pluralForm } from './plural';

export type Language = 'en' | 'ru';

let active: Language = 'en';

/** Takes a locale as hosts name it ('ru', 'ru-RU', 'ru_RU.UTF-8'…); anything not Russian is English. */
export function setLanguage(locale: string): Language {
  active = /^ru(?:$|[-_.])/i.test(locale.trim()) ? 'ru' : 'en';
  return active;
}

/**
 * The text of an English template in the active language, `{0}`, `{1}`… replaced by `args`. The English
 * template is the key: a template missing from the Russian table stays English rather than failing.
 */
export function t(english: string, ...args: (string | number)[]): string {
  const template = active === 'ru' ? (RU[english] ?? english) : english;
  return formatText(template, args);
}

/**
 * A counted phrase in the active language. `english` holds the English forms `one|other` with `{0}` for the
 * count (`'{0} time|{0} times'`); the Russian table holds `one|few|many` under it (`'{0} раз|{0} раза|{0} раз'`).
 */
export function tCount(english: string, count: number): string {
  const forms = (active === 'ru' ? (RU[english] ?? english) : english).split('|');
  return formatText(pluralForm(active, count, forms), [count]);
}

/** Replaces `{0}`, `{1}`… in a template; other braces stay as they are. */
export function formatText(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
