// "Import Sample Profiles from CSV": rows of a CSV export of users (Chatterfy: Users → Export CSV) become sample
// profiles in the fields file, as one edit the user can undo. The server reads the CSV and says what it writes; here
// the user confirms the mapping of columns to keys, adds the columns that match no field, picks the rows and reads
// what will be written (real users' data) before anything is.
import * as vscode from 'vscode';
import type { ImportProfilesResult } from '../../server/src/protocol';
import { decodeCsvBytes, isIdentifier, type ColumnKey, type NewField, type ProfileImportOptions, type RowPreview } from '../../server/src/core';
import { l10n } from './l10n';
import type { ServerRequests } from './server-requests';
import type { SendDeps } from './command-deps';

/** The argument for keybindings and tests: `confirm: false` asks nothing. */
export interface ImportArgument extends ProfileImportOptions {
  /** A CSV file (path, relative to the first workspace folder, or URI) or the CSV's text itself. */
  csv: string;
  confirm?: boolean;
}

/** What the command wrote, for a caller. */
export interface ImportOutcome {
  fieldsFile: string;
  profiles: string[];
  keys: string[];
  newFields: string[];
  summary: string;
}

type Ask = (options: ProfileImportOptions) => Promise<ImportProfilesResult>;
type Planned = ImportProfilesResult & { plan: NonNullable<ImportProfilesResult['plan']> };

const DEFAULT_ROWS = 3;

export async function importProfilesFromCsv(deps: SendDeps, argument: unknown): Promise<ImportOutcome | undefined> {
  const server = deps.server();
  const given = importArgument(argument);
  const csv = given ? await csvText(given.csv) : await pickCsv();
  if (csv === undefined) return undefined;
  const ask = asker(server, anchorUri(), csv);
  const options: ProfileImportOptions = { rows: given?.rows, map: given?.map, addFields: given?.addFields, replace: given?.replace };
  const result = given?.confirm === false ? planned(await ask(options)) : await chooseInteractively(ask, options);
  if (!result) return undefined;
  await applyImport(result);
  deps.log.info(`Imported ${result.plan.profiles.length} sample profile(s) into ${result.fieldsFile}.`);
  return outcomeOf(result);
}

function importArgument(argument: unknown): ImportArgument | undefined {
  if (typeof argument !== 'object' || argument === null || typeof (argument as { csv?: unknown }).csv !== 'string') return undefined;
  return argument as ImportArgument;
}

/** A plan that can be written, or the error that says why not. */
function planned(result: ImportProfilesResult): Planned {
  if (result.error !== undefined || !result.plan || !result.edit) throw new Error(result.error ?? l10n.t('The server failed to read the CSV; see the log.'));
  return result as Planned;
}

/** A plan to go on choosing with: writable, or held back only by names the user may yet agree to replace. */
function choosable(result: ImportProfilesResult): Planned {
  return result.plan?.errorOf === 'taken' ? (result as Planned) : planned(result);
}

function asker(server: ServerRequests, uri: string, csv: string): Ask {
  return (options) => server.importProfiles({ uri, csv, options });
}

/** Where the fields file is searched from: the active editor's file in the workspace, else the first folder's root. */
function anchorUri(): string {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && vscode.workspace.getWorkspaceFolder(active)) return active.toString();
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error(l10n.t('Open a folder first: the profiles go into its fields file.'));
  return vscode.Uri.joinPath(folder.uri, 'users.csv').toString();
}

async function pickCsv(): Promise<string | undefined> {
  const [picked] =
    (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { CSV: ['csv', 'txt'] }, openLabel: l10n.t('Import'), title: l10n.t('CSV export of users (Chatterfy: Users → Export CSV)') })) ?? [];
  return picked && decodeCsvBytes(await vscode.workspace.fs.readFile(picked));
}

/** The CSV's text: the argument itself when it holds a line break, else the file it names. */
async function csvText(csv: string): Promise<string> {
  if (csv.includes('\n')) return csv;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = /^[a-z][\w+.-]+:\//i.test(csv) ? vscode.Uri.parse(csv) : csv.startsWith('/') || /^[a-z]:[\\/]/i.test(csv) || !folder ? vscode.Uri.file(csv) : vscode.Uri.joinPath(folder, csv);
  return decodeCsvBytes(await vscode.workspace.fs.readFile(uri));
}

/** Mapping, new fields, rows, existing names, then what will be written: undefined when the user cancels. */
async function chooseInteractively(ask: Ask, start: ProfileImportOptions): Promise<Planned | undefined> {
  const options: ProfileImportOptions = { ...start, map: { ...start.map } };
  let result = choosable(await ask(options));
  for (const step of [confirmMapping, chooseNewFields, chooseRows, allowReplacing]) {
    const next = await step(result, options, ask);
    if (!next) return undefined;
    result = next;
  }
  const write = l10n.t('Write');
  const answer = await vscode.window.showWarningMessage(result.plan.summary, { modal: true, detail: warningsText(result) }, write);
  return answer === write ? planned(result) : undefined;
}

function warningsText(result: Planned): string | undefined {
  return result.plan.warnings.length > 0 ? result.plan.warnings.join('\n') : undefined;
}

type Step = (result: Planned, options: ProfileImportOptions, ask: Ask) => Promise<Planned | undefined>;

/** One item per column with its key; picking one changes its key; the first item accepts the mapping. */
const confirmMapping: Step = async (result, options, ask) => {
  for (;;) {
    const accept = { label: `$(check) ${l10n.t('Import with this mapping')}`, column: undefined as ColumnKey | undefined };
    const items = [accept, ...result.plan.columns.map((column) => ({ label: column.header || `#${column.index + 1}`, description: `→ ${column.key ?? '—'}`, detail: column.why, column }))];
    const picked = await vscode.window.showQuickPick(items, { title: l10n.t('Columns of the CSV and the keys they fill'), placeHolder: l10n.t('Pick a column to change its key, or accept'), matchOnDetail: true });
    if (!picked) return undefined;
    if (!picked.column) return result;
    const key = await chooseKey(picked.column, result.plan.keys);
    if (key === undefined) continue;
    const map = { ...options.map, [`#${picked.column.index + 1}`]: key };
    const next = await ask({ ...options, map });
    // A mapping that cannot be (two columns on one key) is said, and the mapping stays as it was.
    if (next.plan?.errorOf === 'mapping' || !next.plan) void vscode.window.showWarningMessage(next.error ?? '');
    else [options.map, result] = [map, choosable(next)];
  }
};

/** The key for a column: a known key, a new custom or tracker field, or none ("-"). */
async function chooseKey(column: ColumnKey, keys: readonly string[]): Promise<string | undefined> {
  const leaveOut = { label: l10n.t('Leave this column out'), key: '-' };
  const newCustom = { label: `$(add) ${l10n.t('New custom field…')}`, key: '+custom' };
  const newTracker = { label: `$(add) ${l10n.t('New tracker field…')}`, key: '+tracker' };
  const known = keys.map((key) => ({ label: key, key }));
  const picked = await vscode.window.showQuickPick([leaveOut, newCustom, newTracker, ...known], { title: l10n.t('Key for column "{0}"', column.header) });
  if (!picked || !picked.key.startsWith('+')) return picked?.key;
  const key = await vscode.window.showInputBox({
    title: l10n.t('Key of the new field for column "{0}"', column.header),
    value: column.offer?.key,
    validateInput: (value) => (isIdentifier(value) ? undefined : l10n.t('A key is letters, digits and "_", not starting with a digit.')),
  });
  return key === undefined ? undefined : picked.key === '+tracker' ? `tracker.${key}` : key;
}

/** Columns that match no field: one question each, to add it as a custom or tracker field, or leave it out. */
const chooseNewFields: Step = async (result, options, ask) => {
  const offered = result.plan.columns.filter((column) => column.offer);
  if (offered.length === 0) return result;
  const map = { ...options.map };
  for (const [at, column] of offered.entries()) {
    const choice = await vscode.window.showQuickPick(newFieldChoices(column.offer!), { title: l10n.t('Column "{0}" matches no field ({1} of {2})', column.header, at + 1, offered.length) });
    if (!choice) return undefined;
    map[`#${column.index + 1}`] = choice.key;
  }
  options.map = map;
  return choosable(await ask(options));
};

function newFieldChoices(offer: NewField): { label: string; key: string }[] {
  const custom = { label: l10n.t('Add as the custom field {0} ({1})', offer.key, offer.type ?? 'text'), key: offer.key };
  const tracker = { label: l10n.t('Add as the tracker field {0}', `tracker.${offer.key}`), key: `tracker.${offer.key}` };
  const leaveOut = { label: l10n.t('Leave this column out'), key: '-' };
  return offer.section === 'trackerFields' ? [tracker, custom, leaveOut] : [custom, tracker, leaveOut];
}

/** The rows to import: the first ones picked; each shows its profile name and a few values (seen by this user only). */
const chooseRows: Step = async (result, options, ask) => {
  const wanted = wantedRows(options.rows, result.plan.preview);
  const items = result.plan.preview.map((row) => ({ label: row.name, description: row.values, row: row.row, picked: wanted.has(row.row) }));
  const title = l10n.t('Rows to import as profiles ({0} in the CSV)', result.plan.rowCount);
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title, placeHolder: l10n.t('Each row becomes a profile holding that user\'s values') });
  if (!picked || picked.length === 0) return undefined;
  options.rows = picked.map((item) => item.row);
  return choosable(await ask(options));
};

function wantedRows(rows: ProfileImportOptions['rows'], preview: readonly RowPreview[]): Set<number> {
  if (rows === 'all') return new Set(preview.map((row) => row.row));
  if (typeof rows === 'object') return new Set(rows);
  return new Set(preview.slice(0, rows ?? DEFAULT_ROWS).map((row) => row.row));
}

/** Profiles of the same name are replaced only when the user says so. */
const allowReplacing: Step = async (result, options, ask) => {
  if (result.plan.taken.length === 0) return planned(result);
  const replace = l10n.t('Replace');
  const message = l10n.t('{0} already has profiles named {1}. Replace them?', result.fieldsFile ?? '', result.plan.taken.join(', '));
  if ((await vscode.window.showWarningMessage(message, { modal: true }, replace)) !== replace) return undefined;
  options.replace = true;
  return planned(await ask(options));
};

/** One edit of the fields file (creating it when it is not there), shown to the user, who can undo it. */
async function applyImport(result: Planned): Promise<void> {
  const uri = vscode.Uri.parse(result.fieldsUri!);
  const edit = new vscode.WorkspaceEdit();
  if (result.creates) edit.createFile(uri, { ignoreIfExists: true });
  const { start, end } = result.edit!.range;
  edit.replace(uri, new vscode.Range(start.line, start.character, end.line, end.character), result.edit!.newText);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(l10n.t('{0} could not be edited.', result.fieldsFile ?? uri.fsPath));
  await vscode.window.showTextDocument(uri, { preview: false });
}

function outcomeOf(result: Planned): ImportOutcome {
  const { profiles, newFields, summary } = result.plan;
  const keys = [...new Set(profiles.flatMap((profile) => Object.keys(profile.values)))];
  return { fieldsFile: result.fieldsUri!, profiles: profiles.map((profile) => profile.name), keys, newFields: newFields.map((field) => (field.section === 'trackerFields' ? `tracker.${field.key}` : field.key)), summary };
}
