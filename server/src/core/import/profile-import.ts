// Sample profiles from real users: a CSV export read, its columns mapped to keys, the chosen rows typed into profiles,
// and the fields file's text with them (and the new fields their columns need) written in, formatting kept.
//
// The host hands in the CSV's text and the fields file's current text; it applies the result as one undoable edit
// (the editor) or writes it (the CLI). What will be written is said in one sentence both hosts show, since the
// profiles hold real users' data.
import { applyEdits, type Edit } from 'jsonc-parser';
import type { FieldsModel } from '../base/types';
import type { L10n, Phrase } from '../base/l10n';
import { addEntriesToJson, addEntriesToYaml, newFieldsFileText, replaceEntryInJson, replaceEntryInYaml, type EditedSection, type SectionEntry } from '../language/fields-edits';
import { BUILTIN_KEYS } from '../resolve/builtins';
import { mapColumns, type ColumnKey, type NewField, type NewFieldSection } from './column-keys';
import { readCsvTable, type CsvDelimiter, type CsvTable } from './csv-table';
import { cellValue, valueKindOf, type ProfileValue } from './profile-values';

export interface ProfileImportOptions {
  /** Data rows to import (numbered from 1 after the header): the first N, a list, or all. Default: the first 3. */
  rows?: number | readonly number[] | 'all';
  /** COLUMN (its header, or `#N`) → KEY; an empty KEY or `-` leaves the column out. A key the fields file lacks is added. */
  map?: Readonly<Record<string, string>>;
  /** Columns that match no field become new fields: as offered (`true`), or all custom or all tracker fields. */
  addFields?: boolean | NewFieldSection;
  /** Replace profiles of the same name; without, the plan names them in `taken` and holds an `error`. */
  replace?: boolean;
}

/**
 * The fields file the profiles go into, as the host read it now (not a last good copy: the edit applies to this
 * text); for a file that is not there yet, an empty text and no model.
 */
export interface ImportTarget {
  text: string;
  format: 'json' | 'yaml';
  model?: FieldsModel;
  displayName: string;
}

export interface ImportedProfile {
  /** The data row (from 1). */
  row: number;
  name: string;
  values: Record<string, ProfileValue>;
}

/** A row as the editor offers it for picking: its profile name and a few of its values. */
export interface RowPreview {
  row: number;
  name: string;
  values: string;
}

/** A column with its key, and how that key was found or why it has none, said for the user. */
export interface ImportColumn extends ColumnKey {
  why: string;
}

export interface ProfileImportPlan {
  delimiter?: CsvDelimiter;
  /** Data rows in the CSV. */
  rowCount: number;
  columns: ImportColumn[];
  /** The keys a column can fill in this fields file: built-ins, custom fields, `tracker.` fields. */
  keys: string[];
  /** The profiles of the chosen rows, in row order. */
  profiles: ImportedProfile[];
  /** Of those, the names the fields file already has (replaced when `replace` is set). */
  taken: string[];
  newFields: NewField[];
  /** The first rows, for the editor's row picker. */
  preview: RowPreview[];
  /** Cells left out or written as text, by row and column. */
  warnings: string[];
  /** What will be written, and that it is real users' data: one paragraph. */
  summary: string;
  /** Why nothing can be written; `text` is then absent. */
  error?: string;
  /**
   * What the error is about: the CSV's text, the user's mapping (a column or key that cannot be), the rows chosen
   * (none), or profile names the fields file already has (and `replace` was not set).
   */
  errorOf?: 'csv' | 'mapping' | 'rows' | 'taken';
  /** The fields file's text after the import (a new file's when there was none). */
  text?: string;
  /** The same as one replacement of whole lines of the target's text: what the editor applies (and can undo). */
  edit?: LineEdit;
}

/** Offsets into the text before, the lines from `start` up to `end` replaced by `text`. */
export interface LineEdit {
  start: number;
  end: number;
  text: string;
}

const DEFAULT_ROWS = 3;
const PREVIEW_ROWS = 200;
/** Profile names from data: letters, digits, `_` and `-` only, so they read well in JSON, YAML and the status bar. */
const UNSAFE_NAME = /[^a-z0-9_-]+/g;

export function planProfileImport(csv: string, target: ImportTarget, options: ProfileImportOptions, l10n: L10n): ProfileImportPlan {
  const table = readCsvTable(csv);
  if ('problem' in table) return failed(l10n.say(table.problem), 'csv');
  const mapping = mapColumns({ headers: table.headers, rows: table.rows, model: target.model, map: options.map, addFields: options.addFields });
  if ('problem' in mapping) return failed(l10n.say(mapping.problem), 'mapping', table.rows.length);
  const notes: RowNote[] = [];
  const all = rowProfiles(table, mapping, target.model, notes);
  const chosen = chosenRows(options.rows, table.rows.length);
  const profiles = all.filter((profile) => chosen.has(profile.row));
  const plan = {
    delimiter: table.delimiter,
    rowCount: table.rows.length,
    columns: mapping.map((column) => ({ ...column, why: columnWhy(column, mapping, target.displayName, l10n) })),
    keys: keysOf(target.model),
    profiles,
    taken: profiles.filter((profile) => target.model?.profiles.has(profile.name)).map((profile) => profile.name),
    newFields: mapping.flatMap((column) => (column.adds ? [column.adds] : [])),
    preview: all.slice(0, PREVIEW_ROWS).map(previewOf),
    warnings: notes.filter((note) => chosen.has(note.row)).map((note) => l10n.t('Row {0}, column "{1}": {2}.', note.row, note.column, l10n.say(note.note))),
  };
  const fileName = target.displayName;
  const summary = summaryOf(plan, fileName, options.replace === true, l10n);
  const missing = [...chosen].filter((row) => row > table.rows.length);
  if (typeof options.rows === 'object' && missing.length > 0) return { ...plan, summary, error: l10n.t('The CSV has no row {0}: it has {1} data rows.', missing.join(', '), table.rows.length), errorOf: 'rows' };
  if (profiles.length === 0) return { ...plan, summary, error: l10n.t('No rows to import: the CSV has {0} data rows.', table.rows.length), errorOf: 'rows' };
  if (plan.taken.length > 0 && !options.replace) return { ...plan, summary, error: l10n.t('{0} already has profiles named {1}.', fileName, plan.taken.join(', ')), errorOf: 'taken' };
  const text = importedText(target, profiles, plan.newFields);
  return { ...plan, summary, text, edit: changedLines(target.text, text) };
}

/** The whole lines that differ between two texts, as one replacement. */
export function changedLines(before: string, after: string): LineEdit {
  const old = before.split(/(?<=\n)/);
  const now = after.split(/(?<=\n)/);
  let head = 0;
  while (head < old.length && head < now.length && old[head] === now[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < now.length - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  // A comma added after the old last entry: the line that got it is shown changed rather than moved below the new ones.
  if (tail === old.length - head && head < old.length && now[head] !== undefined && now[head].replace(/,(\r?\n)$/, '$1') === old[head]) tail--;
  const length = (lines: string[]) => lines.reduce((sum, line) => sum + line.length, 0);
  const start = length(old.slice(0, head));
  return { start, end: start + length(old.slice(head, old.length - tail)), text: now.slice(head, now.length - tail).join('') };
}

function failed(error: string, errorOf: ProfileImportPlan['errorOf'], rowCount = 0): ProfileImportPlan {
  return { rowCount, columns: [], keys: [], profiles: [], taken: [], newFields: [], preview: [], warnings: [], summary: '', error, errorOf };
}

function keysOf(model: FieldsModel | undefined): string[] {
  const builtins = BUILTIN_KEYS.map((builtin) => builtin.key);
  return [...builtins, ...(model?.customFields.keys() ?? []), ...[...(model?.trackerFields.keys() ?? [])].map((key) => `tracker.${key}`)];
}

interface RowNote {
  row: number;
  column: string;
  note: Phrase;
}

/** Every row's profile: its values typed by key, its name unique among the rows. */
function rowProfiles(table: CsvTable, columns: readonly ColumnKey[], model: FieldsModel | undefined, notes: RowNote[]): ImportedProfile[] {
  const imported = columns.filter((column) => column.key !== undefined);
  const kinds = imported.map((column) => valueKindOf(column.key!, model, column.adds));
  const names = new Set<string>();
  return table.rows.map((cells, index) => {
    const row = index + 1;
    const values: Record<string, ProfileValue> = {};
    imported.forEach((column, at) => {
      const value = cellValue(cells[column.index], kinds[at]);
      if ('leftOut' in value) return void notes.push({ row, column: column.header, note: value.leftOut });
      if (value.note) notes.push({ row, column: column.header, note: value.note });
      values[column.key!] = value.value;
    });
    return { row, name: uniqueName(baseName(values, row), names), values };
  });
}

/** `csv-` and the row's username, else its chat id, else its row number: the same user gets the same name next time. */
function baseName(values: Readonly<Record<string, ProfileValue>>, row: number): string {
  const username = String(values.username ?? '').toLowerCase().replace(UNSAFE_NAME, '_').replace(/^_+|_+$/g, '');
  if (username !== '') return `csv-${username}`;
  if (typeof values.chatId === 'number') return `csv-${values.chatId}`;
  return `csv-row-${row}`;
}

/** Two rows of one user (or none with a username or chat id) are told apart by a suffix. */
function uniqueName(base: string, names: Set<string>): string {
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
  names.add(name);
  return name;
}

function chosenRows(rows: ProfileImportOptions['rows'], count: number): Set<number> {
  if (rows === 'all') return new Set(Array.from({ length: count }, (_, index) => index + 1));
  if (Array.isArray(rows)) return new Set(rows);
  const first = typeof rows === 'number' ? rows : DEFAULT_ROWS;
  return new Set(Array.from({ length: Math.min(first, count) }, (_, index) => index + 1));
}

function previewOf(profile: ImportedProfile): RowPreview {
  const shown = Object.entries(profile.values).filter(([, value]) => value !== '').slice(0, 4);
  return { row: profile.row, name: profile.name, values: shown.map(([key, value]) => `${key}: ${String(value).replace(/\s+/g, ' ')}`).join(' · ') };
}

/** How a column's key was found, or why it has none. */
function columnWhy(column: ColumnKey, columns: readonly ColumnKey[], fileName: string, l10n: L10n): string {
  if (column.skipped) return l10n.t('left out by the mapping');
  if (column.duplicateOf !== undefined) return l10n.t('column "{0}" already fills {1}', columns[column.duplicateOf].header, columns[column.duplicateOf].key ?? '');
  if (column.offer) return l10n.t('matches no field; can be added as {0}', newFieldText(column.offer, l10n));
  const found = foundBy(column, fileName, l10n);
  return column.adds && column.by !== 'new' ? `${found}; ${l10n.t('adds {0}', newFieldText(column.adds, l10n))}` : found;
}

function foundBy(column: ColumnKey, fileName: string, l10n: L10n): string {
  const field = column.key?.replace(/^tracker\./, '') ?? '';
  switch (column.by) {
    case 'map':
      return l10n.t('as mapped');
    case 'key':
      return l10n.t('the header is the key');
    case 'name':
      return l10n.t('the name of {0} in {1}', field, fileName);
    case 'description':
      return l10n.t('the description of {0} in {1}', field, fileName);
    case 'usual':
      return l10n.t('a usual header for {0}', column.key ?? '');
    default:
      return l10n.t('adds {0}', column.adds ? newFieldText(column.adds, l10n) : field);
  }
}

/** `the custom field strana (text)`, `the tracker field sub2`. */
function newFieldText(field: NewField, l10n: L10n): string {
  return field.section === 'trackerFields' ? l10n.t('the tracker field {0}', field.key) : l10n.t('the custom field {0} ({1})', field.key, field.type ?? 'text');
}

/** The one paragraph both hosts show before writing. */
function summaryOf(plan: Pick<ProfileImportPlan, 'profiles' | 'taken' | 'newFields'>, fileName: string, replace: boolean, l10n: L10n): string {
  const keys = [...new Set(plan.profiles.flatMap((profile) => Object.keys(profile.values)))];
  const added = plan.profiles.filter((profile) => !replace || !plan.taken.includes(profile.name));
  const parts = [
    l10n.t('{0} ({1}) with {2} will be written to {3}.', l10n.count('{0} profile|{0} profiles', plan.profiles.length), plan.profiles.map((profile) => profile.name).join(', '), keys.join(', ') || l10n.t('no values'), fileName),
  ];
  if (replace && plan.taken.length > 0 && added.length < plan.profiles.length) parts.push(l10n.t('Replaced: {0}.', plan.taken.join(', ')));
  if (plan.newFields.length > 0) parts.push(l10n.t('New fields: {0}.', plan.newFields.map((field) => (field.section === 'trackerFields' ? `tracker.${field.key}` : field.key)).join(', ')));
  parts.push(l10n.t("They hold real users' data: keep {0} out of public repositories.", fileName));
  return parts.join(' ');
}

/** The fields file's text with the new fields and the profiles in, each section edited where it stands. */
function importedText(target: ImportTarget, profiles: readonly ImportedProfile[], newFields: readonly NewField[]): string {
  const { format } = target;
  let text = format === 'json' && target.text.trim() === '' ? newFieldsFileText([]) : target.text;
  const apply = (edits: Edit[]) => (text = applyEdits(text, edits));
  const add = format === 'json' ? addEntriesToJson : addEntriesToYaml;
  const replace = format === 'json' ? replaceEntryInJson : replaceEntryInYaml;
  for (const section of ['customFields', 'trackerFields'] as const) apply(add(text, section, newFields.filter((field) => field.section === section).map(fieldEntry)));
  const existing = target.model?.profiles;
  for (const profile of profiles.filter((each) => existing?.has(each.name))) apply(replace(text, 'profiles' satisfies EditedSection, profileEntry(profile)));
  apply(add(text, 'profiles', profiles.filter((each) => !existing?.has(each.name)).map(profileEntry)));
  return text;
}

/** A new field: its type (custom fields), the column's header as its name, an empty description to fill in. */
function fieldEntry(field: NewField): SectionEntry {
  const entry: Record<string, string> = field.type ? { type: field.type } : {};
  return [field.key, { ...entry, name: field.name, description: '' }];
}

function profileEntry(profile: ImportedProfile): SectionEntry {
  return [profile.name, profile.values];
}
