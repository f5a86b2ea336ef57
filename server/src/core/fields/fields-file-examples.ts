// Whether a custom field's `example` fits its type; the reason (for FieldsExampleMismatch) when it does not.
import type { FieldType } from '../base/types';
import { phrase, type Phrase } from '../base/l10n';

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;
export const DATE_REASON = 'expected an ISO 8601 date-time like "2030-01-30T10:20:30Z"';
const MAX_EXAMPLE_TEXT = 60;

/**
 * Undefined when the example fits. Numbers must be JSON/YAML numbers (a quoted "150" does not fit), and a
 * multiselect example is an array of its items (no comma lists). Items are only checked when there are some.
 */
export function exampleMismatch(example: unknown, type: FieldType, items?: readonly string[]): Phrase | undefined {
  switch (type) {
    case 'text':
    case 'long-text':
      return typeof example === 'string' ? undefined : phrase('expected a string');
    case 'number':
      return numberMismatch(example);
    case 'date':
      return typeof example === 'string' && isIsoDateTime(example) ? undefined : phrase(DATE_REASON);
    case 'link':
      return typeof example === 'string' && isHttpUrl(example) ? undefined : phrase('expected an absolute http or https URL');
    case 'select':
      return typeof example === 'string' ? itemMismatch(example, items) : phrase('expected one of its items, as a string');
    case 'multiselect':
      return multiselectMismatch(example, items);
  }
}

/** The example as JSON text for the message, shortened when long. */
export function exampleText(example: unknown): string {
  const json = typeof example === 'number' && !Number.isFinite(example) ? undefined : JSON.stringify(example);
  const text = json ?? String(example);
  return text.length > MAX_EXAMPLE_TEXT ? `${text.slice(0, MAX_EXAMPLE_TEXT - 1)}…` : text;
}

function numberMismatch(example: unknown): Phrase | undefined {
  if (typeof example === 'number') return Number.isFinite(example) ? undefined : phrase('expected a finite number');
  return typeof example === 'string' ? phrase('expected a number, written without quotes') : phrase('expected a number');
}

function itemMismatch(value: string, items: readonly string[] | undefined): Phrase | undefined {
  if (!items || items.length === 0 || items.includes(value)) return undefined;
  return phrase('"{0}" is not one of its items ({1})', value, items.join(', '));
}

function multiselectMismatch(example: unknown, items: readonly string[] | undefined): Phrase | undefined {
  if (!Array.isArray(example) || !example.every((item) => typeof item === 'string')) {
    return phrase('expected an array of its items');
  }
  return example.map((item: string) => itemMismatch(item, items)).find((reason) => reason !== undefined);
}

export function isIsoDateTime(text: string): boolean {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return false;
  const numbers = match.slice(1).map((part) => Number(part ?? 0));
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHour = 0, offsetMinute = 0] = numbers;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const dateFits = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
  return dateFits && hour <= 23 && minute <= 59 && second <= 59 && offsetHour <= 23 && offsetMinute <= 59;
}

/** Absolute http(s) URL with a host; placeholders inside it are fine for the URL parser. */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^/?#\s]/i.test(text)) return false;
  try {
    return new URL(text).hostname.length > 0;
  } catch {
    return false;
  }
}
