// Which plural form a count takes: English has one and other, Russian one, few and many.
/** The languages user-facing text is written in. */
export type Language = 'en' | 'ru';

export type PluralCategory = 'one' | 'few' | 'many';

/** Russian: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 25–30, 111–114 → many (whole counts only). */
function russianCategory(count: number): PluralCategory {
  const lastTwo = Math.abs(count) % 100;
  const last = lastTwo % 10;
  if (last === 1 && lastTwo !== 11) return 'one';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'few';
  return 'many';
}

/** The plural category of a whole count; English knows no `few`, its plural is `many`. */
export function pluralCategory(language: Language, count: number): PluralCategory {
  if (language === 'ru') return russianCategory(count);
  return count === 1 ? 'one' : 'many';
}

const FORM_INDEX: Record<PluralCategory, number> = { one: 0, few: 1, many: 2 };

/**
 * The form a count takes among a word's forms, written in the language's order: English `[one, other]`,
 * Russian `[one, few, many]`. Fewer forms than the language has (an English text standing in for a missing
 * Russian one) fall back to the last.
 */
export function pluralForm(language: Language, count: number, forms: readonly string[]): string {
  const category = pluralCategory(language, count);
  const index = language === 'en' ? Math.min(FORM_INDEX[category], 1) : FORM_INDEX[category];
  return forms[Math.min(index, forms.length - 1)];
}
