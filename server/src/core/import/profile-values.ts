// A CSV cell as the value a profile holds for its key: typed as the key's field reads it, so a chat id stays an
// integer in JSON (never a float, never text), a number field a number and a date ISO 8601 UTC text.
//
// An empty cell is "" — "this user has nothing here" (profiles.ts): a user without a username is a case to test,
// not a value to fill in from an example.
import type { FieldsModel } from '../base/types';
import { phrase, type Phrase } from '../base/l10n';
import { parseDate, parseNumber, type NewField } from './column-keys';

export type ProfileValue = string | number;

/** The value, or why the cell cannot be one (the key is then left out of the profile, and its sample serves). */
export type CellValue = { value: ProfileValue; note?: Phrase } | { leftOut: Phrase };

type ValueKind = 'integer' | 'number' | 'date' | 'username' | 'text';

/** How a key's values are read: by the built-in's type, the custom field's type (the one the import adds too). */
export function valueKindOf(key: string, model: FieldsModel | undefined, adds: NewField | undefined): ValueKind {
  if (key === 'chatId') return 'integer';
  if (key === 'createdAt') return 'date';
  if (key === 'username') return 'username';
  const type = adds?.type ?? model?.customFields.get(key)?.type;
  return type === 'number' ? 'number' : type === 'date' ? 'date' : 'text';
}

export function cellValue(cell: string, kind: ValueKind): CellValue {
  if (cell.trim() === '') return { value: '' };
  switch (kind) {
    case 'integer':
      return chatIdValue(cell);
    case 'number': {
      const number = parseNumber(cell);
      return number === undefined ? { value: cell, note: phrase('"{0}" is not a number; it is written as text', cell) } : { value: number };
    }
    case 'date': {
      const iso = parseDate(cell);
      return iso === undefined ? { value: cell.trim(), note: phrase('"{0}" is not a date this import reads; it is written as it stands', cell.trim()) } : { value: iso };
    }
    case 'username':
      // Telegram shows usernames with "@"; the platform sends them without.
      return { value: cell.trim().replace(/^@/, '') };
    case 'text':
      return { value: cell };
  }
}

/**
 * A chat id is an integer up to 52 bits. Excel shows long numbers shortened ("4,82913E+08") and saves them so: the
 * digits are lost, so the cell is left out rather than a wrong id written.
 */
function chatIdValue(cell: string): CellValue {
  const compact = cell.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (/^-?\d+$/.test(compact) && Number.isSafeInteger(Number(compact))) return { value: Number(compact) };
  if (/e[+-]?\d+$/i.test(compact)) return { leftOut: phrase('"{0}" is a chat id Excel shortened (format the column as text before saving the CSV)', cell.trim()) };
  return { leftOut: phrase('"{0}" is not a chat id (an integer)', cell.trim()) };
}
