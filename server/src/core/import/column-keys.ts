// Which profile key each CSV column fills: the user's own mapping, else the key itself, the field's name or description
// in the fields file, or a header Chatterfy and spreadsheets usually write ("Telegram ID", "Имя пользователя").
//
// Chatterfy documents no header of its export, so the usual headers are a table here, and every match is shown to
// the user (the editor asks to confirm it, the CLI prints it) with how it was found.
import { isIdentifier } from '../base/identifier';
import type { FieldsModel, FieldType, NamedField } from '../base/types';
import { builtinKey } from '../resolve/builtins';
import { phrase, type Phrase } from '../base/l10n';

export type NewFieldSection = 'customFields' | 'trackerFields';

/** How a column's key was found (`new`: a column that matched nothing, added as a new field as asked). */
export type MatchedBy = 'map' | 'key' | 'name' | 'description' | 'usual' | 'new';

export interface NewField {
  section: NewFieldSection;
  /** The field's key in its section (`strana`, `sub2`): its profile key is `tracker.KEY` for a tracker field. */
  key: string;
  /** The column's header, kept as the field's `name` so the next import finds it. */
  name: string;
  /** The type its values suggest (custom fields only). */
  type?: FieldType;
}

export interface ColumnKey {
  /** Zero-based position in the header line. */
  index: number;
  header: string;
  /** The profile key the column fills (`chatId`, `deposit_amount`, `tracker.clickid`); undefined: not imported. */
  key?: string;
  by?: MatchedBy;
  /** The field the import adds to the fields file for this column's key. */
  adds?: NewField;
  /** A column that matches nothing: the field it is offered as. */
  offer?: NewField;
  /** Not imported because an earlier column fills the same key (its position). */
  duplicateOf?: number;
  /** Left out by the user's mapping (`COLUMN=` or `COLUMN=-`). */
  skipped?: boolean;
}

/**
 * Headers spreadsheets and bot platforms write for the built-in keys and the click id, normalised as `normalHeader`
 * does. `name` is the user's first name, which messages read as `{{name}}` (profiles may set it; webhooks cannot).
 * A bare "ID" is left out on purpose: it is the platform's own user number as often as the Telegram one.
 */
const USUAL_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    chatId: ['chat id', 'chat_id', 'telegram id', 'id telegram', 'telegram chat id', 'telegram user id', 'tg id', 'id tg', 'id чата', 'чат id', 'id телеграм', 'телеграм id', 'id в телеграм', 'id в telegram', 'ид чата', 'ид телеграм'],
    username: ['username', 'user name', 'telegram username', 'username telegram', 'tg username', 'имя пользователя', 'логин', 'юзернейм', 'никнейм', 'ник', 'username в телеграм'],
    name: ['name', 'first name', 'firstname', 'имя', 'имя в телеграм'],
    createdAt: ['created', 'created at', 'creation date', 'date created', 'start date', 'дата создания', 'создан', 'дата начала диалога', 'начало диалога'],
    'tracker.clickid': ['click id', 'clickid', 'click_id', 'subid', 'sub id', 'tracker clickid', 'tracker.clickid', 'клик id', 'id клика'],
  }).flatMap(([key, headers]) => headers.map((header) => [normalHeader(header), key])),
);

/** Headers compared without case, spaces, `_`, `-`, `.` or `:`, and with ё read as е ("Telegram-ID" = "telegram id"). */
export function normalHeader(header: string): string {
  return header.toLowerCase().replace(/ё/g, 'е').replace(/[\s_.:\-–—]+/g, '');
}

export interface MappingInput {
  headers: readonly string[];
  /** Every data row, to suggest the type of a new field from all its values. */
  rows: readonly (readonly string[])[];
  model: FieldsModel | undefined;
  /** COLUMN (its header, or `#N` for the Nth column) → KEY; an empty KEY or `-` leaves the column out. */
  map?: Readonly<Record<string, string>>;
  /** Columns that match nothing become new fields: as offered (`true`), or all of one section. */
  addFields?: boolean | NewFieldSection;
}

/** Each column's key, or why it has none; or the user's mapping's mistake. */
export function mapColumns(input: MappingInput): ColumnKey[] | { problem: Phrase } {
  const columns: ColumnKey[] = input.headers.map((header, index) => ({ index, header }));
  const claimed = new Map<string, number>();
  const mapped = applyMap(columns, input, claimed);
  if (mapped) return mapped;
  for (const column of columns) {
    if (column.key !== undefined || column.skipped) continue;
    const found = matchHeader(column.header, input.model);
    if (!found) continue;
    const earlier = claimed.get(found.key);
    if (earlier !== undefined) column.duplicateOf = earlier;
    else claim(column, found.key, found.by, input, claimed);
  }
  offerNewFields(columns, input, claimed);
  return columns;
}

function claim(column: ColumnKey, key: string, by: MatchedBy, input: MappingInput, claimed: Map<string, number>): void {
  column.key = key;
  column.by = by;
  claimed.set(key, column.index);
  const adds = newFieldFor(key, column, input);
  if (adds) column.adds = adds;
}

/** The columns the user mapped; a problem for a column that is not there or a key that cannot be one. */
function applyMap(columns: ColumnKey[], input: MappingInput, claimed: Map<string, number>): { problem: Phrase } | undefined {
  for (const [name, rawKey] of Object.entries(input.map ?? {})) {
    const column = columnNamed(columns, name);
    if (!column) return { problem: phrase('The CSV has no column "{0}"; its columns: {1}.', name, columns.map((each) => each.header).join(', ')) };
    const key = profileKeyOf(rawKey.trim());
    if (key === '' || key === '-') {
      column.skipped = true;
      continue;
    }
    if (!isProfileKey(key)) return { problem: phrase('"{0}" cannot be a profile key: write a built-in key, a custom field key or tracker.KEY.', rawKey) };
    if (claimed.has(key)) return { problem: phrase('Two columns are mapped to "{0}".', key) };
    claim(column, key, 'map', input, claimed);
  }
  return undefined;
}

function columnNamed(columns: readonly ColumnKey[], name: string): ColumnKey | undefined {
  const position = /^#(\d+)$/.exec(name.trim());
  if (position) return columns[Number(position[1]) - 1];
  return columns.find((column) => column.header === name.trim()) ?? columns.find((column) => normalHeader(column.header) === normalHeader(name));
}

/** `fields.geo` is how messages write the custom field `geo`: a profile keys it bare. */
function profileKeyOf(key: string): string {
  return key.startsWith('fields.') ? key.slice('fields.'.length) : key;
}

/** A built-in key (`stepKey` included), a custom field key, or `tracker.KEY`. */
function isProfileKey(key: string): boolean {
  return builtinKey(key) !== undefined || isIdentifier(key) || (key.startsWith('tracker.') && isIdentifier(key.slice('tracker.'.length)));
}

/** The key a header names by itself, by the field's name or description, or as a usual header. */
function matchHeader(header: string, model: FieldsModel | undefined): { key: string; by: MatchedBy } | undefined {
  const asKey = keyWritten(header, model);
  if (asKey) return { key: asKey, by: 'key' };
  const normal = normalHeader(header);
  if (normal === '') return undefined;
  for (const by of ['name', 'description'] as const) {
    const key = fieldWhose(model, (field) => field[by] !== undefined && normalHeader(field[by]!) === normal);
    if (key) return { key, by };
  }
  const usual = USUAL_HEADERS[normal];
  return usual ? { key: usual, by: 'usual' } : undefined;
}

/** A header that is a key: `chatId`, `deposit_amount`, `fields.geo`, `tracker.clickid`, or a tracker field's bare key. */
function keyWritten(header: string, model: FieldsModel | undefined): string | undefined {
  const key = profileKeyOf(header);
  if (builtinKey(key)) return key;
  if (key.startsWith('tracker.') && isIdentifier(key.slice('tracker.'.length))) return key;
  if (model?.customFields.has(key)) return key;
  if (model?.trackerFields.has(key)) return `tracker.${key}`;
  // Keys are case-sensitive, but a header "ChatID" or "Deposit_Amount" means one when only one fits.
  const folded = key.toLowerCase();
  const candidates = [
    ...['username', 'chatId', 'stepKey', 'createdAt'].filter((builtin) => builtin.toLowerCase() === folded),
    ...[...(model?.customFields.keys() ?? [])].filter((custom) => custom.toLowerCase() === folded),
    ...[...(model?.trackerFields.keys() ?? [])].filter((tracker) => tracker.toLowerCase() === folded).map((tracker) => `tracker.${tracker}`),
  ];
  return candidates.length === 1 ? candidates[0] : undefined;
}

function fieldWhose(model: FieldsModel | undefined, test: (field: NamedField) => boolean): string | undefined {
  if (!model) return undefined;
  const custom = [...model.customFields.values()].find(test);
  if (custom) return custom.key;
  const tracker = [...model.trackerFields.values()].find(test);
  return tracker && `tracker.${tracker.key}`;
}

/** The field a key needs when the fields file lacks it (built-ins need none). */
function newFieldFor(key: string, column: ColumnKey, input: MappingInput): NewField | undefined {
  if (builtinKey(key)) return undefined;
  if (key.startsWith('tracker.')) {
    const bare = key.slice('tracker.'.length);
    return input.model?.trackerFields.has(bare) ? undefined : { section: 'trackerFields', key: bare, name: column.header };
  }
  if (input.model?.customFields.has(key)) return undefined;
  return { section: 'customFields', key, name: column.header, type: suggestedType(input.rows.map((row) => row[column.index] ?? '')) };
}

/** Tracker parameters have names like these (Chatterfy: no spaces, Cyrillic or odd symbols). */
const TRACKER_LIKE = /^(sub\d+|sub_id_\d+|utm_\w+|buyer|campaign|creative|offer|source|fbclid|gclid|pixel)$/i;

/** Columns left without a key are offered as new fields, under keys made from their headers; added when asked. */
function offerNewFields(columns: ColumnKey[], input: MappingInput, claimed: Map<string, number>): void {
  const taken = new Set([...claimed.keys(), ...(input.model?.customFields.keys() ?? []), ...[...(input.model?.trackerFields.keys() ?? [])].map((key) => `tracker.${key}`)]);
  for (const column of columns) {
    if (column.key !== undefined || column.skipped || column.duplicateOf !== undefined) continue;
    const section = input.addFields === 'customFields' || input.addFields === 'trackerFields' ? input.addFields : TRACKER_LIKE.test(column.header.trim()) ? 'trackerFields' : 'customFields';
    const key = uniqueKey(keyFromHeader(column.header, column.index), (candidate) => taken.has(section === 'trackerFields' ? `tracker.${candidate}` : candidate) || builtinKey(candidate) !== undefined);
    const profileKey = section === 'trackerFields' ? `tracker.${key}` : key;
    taken.add(profileKey);
    const offer: NewField = { section, key, name: column.header, type: section === 'customFields' ? suggestedType(input.rows.map((row) => row[column.index] ?? '')) : undefined };
    if (offer.type === undefined) delete offer.type;
    if (input.addFields) claim(column, profileKey, 'new', input, claimed);
    else column.offer = offer;
  }
}

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** An identifier from a header: Cyrillic transliterated, other symbols `_` ("Сумма депозита" → `summa_depozita`). */
export function keyFromHeader(header: string, index: number): string {
  const latin = [...header.trim().toLowerCase()].map((char) => CYRILLIC[char] ?? char).join('');
  const key = latin.replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').replace(/_+/g, '_');
  if (key === '') return `column_${index + 1}`;
  return /^\d/.test(key) ? `_${key}` : key;
}

function uniqueKey(key: string, taken: (candidate: string) => boolean): string {
  let candidate = key;
  for (let n = 2; taken(candidate); n++) candidate = `${key}_${n}`;
  return candidate;
}

/** The Chatterfy type a column's values fit, from all its non-empty values: number, date, link, long text, else text. */
export function suggestedType(values: readonly string[]): FieldType {
  const filled = values.map((value) => value.trim()).filter((value) => value !== '');
  if (filled.length === 0) return 'text';
  // "007" is an id whose zeros matter, not the number 7.
  if (filled.every((value) => parseNumber(value) !== undefined && !/^[+-]?0\d/.test(value))) return 'number';
  if (filled.every((value) => parseDate(value) !== undefined)) return 'date';
  if (filled.every((value) => /^https?:\/\/\S+$/i.test(value))) return 'link';
  return values.some((value) => value.includes('\n')) ? 'long-text' : 'text';
}

/**
 * A number as spreadsheets write it: `150`, `-3.5`, `1 234,56` (a comma for the decimal point and spaces, non-breaking
 * ones too, between groups, as Russian Excel writes it), `1,5E+03`; undefined for anything else.
 */
export function parseNumber(text: string): number | undefined {
  const compact = text.trim().replace(/(\d)[\s\u00a0\u202f](?=\d)/g, '$1');
  if (!/^[+-]?\d+(?:[.,]\d+)?(?:e[+-]?\d+)?$/i.test(compact)) return undefined;
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const DOTTED = /^(\d{2})\.(\d{2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date as ISO 8601 UTC with milliseconds (`2024-03-10T17:49:32.806Z`, how Chatterfy writes `createdAt`): from ISO
 * text, `2024-03-10 17:49[:32]` or `10.03.2024[ 17:49[:32]]`. A time written without a zone is read as UTC.
 */
export function parseDate(text: string): string | undefined {
  const value = text.trim();
  if (ISO_WITH_ZONE.test(value)) return isoOf(new Date(value));
  const iso = ISO_LOCAL.exec(value);
  if (iso) return utc(iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], iso[7]);
  const dotted = DOTTED.exec(value);
  return dotted ? utc(dotted[3], dotted[2], dotted[1], dotted[4], dotted[5], dotted[6], undefined) : undefined;
}

function utc(year: string, month: string, day: string, hour = '0', minute = '0', second = '0', millis = '0'): string | undefined {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(millis.padEnd(3, '0'))));
  // Date.UTC rolls 31.02 over into March: such a date was never written.
  return date.getUTCDate() === Number(day) && date.getUTCMonth() === Number(month) - 1 ? isoOf(date) : undefined;
}

function isoOf(date: Date): string | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
