// `webhook-templates profiles import FILE.csv`: rows of a CSV export of users become sample profiles in the fields
// file found from the current folder (as the editor finds it), written through a temporary file and a rename so the
// fields file is never left half written; `--dry-run` prints the change instead.
import { readFileSync, renameSync, statSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { decodeCsvBytes, type L10n, type ProfileImportPlan } from '../core';
import { isFile } from '../documents/disk-documents';
import { pathToUri, uriToPath } from '../documents/file-uris';
import { importTargetFor } from '../workspace/import-target';
import { createCliWorkspace } from './cli-workspace';
import type { ProfilesArguments } from './profiles-arguments';

export interface ProfilesIo {
  cwd: string;
  locale: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

export function runProfilesCommand(args: ProfilesArguments, io: ProfilesIo): number {
  const csvPath = resolve(io.cwd, args.csv);
  if (!isFile(csvPath)) return usageError(io, `No such file: ${args.csv}`);
  const fieldsPath = args.fields === undefined ? undefined : resolve(io.cwd, args.fields);
  if (fieldsPath !== undefined && !isFile(fieldsPath)) return usageError(io, `No such fields file: ${args.fields}`);
  const { service, registry, settingsFor } = createCliWorkspace([io.cwd], io.locale);
  const settings = fieldsPath === undefined ? settingsFor(io.cwd) : { ...settingsFor(io.cwd), fieldsFile: fieldsPath };
  // The fields file a template in the current folder would be checked against.
  const found = importTargetFor(registry, pathToUri(join(io.cwd, basename(csvPath))), settings, service.l10n);
  if ('error' in found) return failure(io, found.error);
  const plan = service.planProfileImport(decodeCsvBytes(readFileSync(csvPath)), found.target, args.options);
  io.out(planText(plan, args.csv, service.l10n));
  if (plan.errorOf === 'mapping') return usageError(io, plan.error!);
  if (plan.text === undefined) return failure(io, `${plan.error}${plan.errorOf === 'taken' ? ' Add --replace to replace them, or pick other rows with --rows.' : ''}`);
  const path = uriToPath(found.uri);
  if (args.dryRun) {
    io.out(`${service.l10n.t('Would write {0}:', found.target.displayName)}\n${changeText(found.target.text, plan)}`);
    return 0;
  }
  writeWhole(path, plan.text);
  io.out(`${found.creates ? service.l10n.t('Created {0}.', found.target.displayName) : service.l10n.t('Wrote {0}.', found.target.displayName)}\n`);
  return 0;
}

/** The columns and how each was mapped, warnings, and the summary of what will be written. */
function planText(plan: ProfileImportPlan, csvName: string, l10n: L10n): string {
  if (plan.columns.length === 0) return '';
  const delimiter = plan.delimiter === '\t' ? 'tab' : `"${plan.delimiter}"`;
  const width = Math.max(...plan.columns.map((column) => column.header.length));
  const lines = [
    l10n.t('{0}: {1} data rows, columns separated by {2}.', csvName, plan.rowCount, delimiter),
    ...plan.columns.map((column) => `  ${column.header.padEnd(width)}  → ${column.key ?? '—'}  (${column.why})`),
    ...plan.warnings.map((warning) => `  ! ${warning}`),
  ];
  if (plan.columns.some((column) => column.offer)) lines.push(l10n.t('Columns that match no field are not imported: add them with --add-fields, or name their keys with --map.'));
  if (plan.error === undefined) lines.push(plan.summary);
  return lines.join('\n') + '\n';
}

/** The replaced lines with "-", the new ones with "+". */
function changeText(before: string, plan: ProfileImportPlan): string {
  const { start, end, text } = plan.edit!;
  const lines = (chunk: string, mark: string) => (chunk === '' ? [] : chunk.replace(/\r?\n$/, '').split(/\r?\n/).map((line) => `${mark} ${line}`));
  return [...lines(before.slice(start, end), '-'), ...lines(text, '+')].join('\n') + '\n';
}

/** Through a temporary file beside it and a rename: the fields file holds the old text or the new, never a part. */
function writeWhole(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    if (isFile(path)) chmodSync(temporary, statSync(path).mode);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function usageError(io: ProfilesIo, message: string): number {
  io.err(`webhook-templates: ${message}\n`);
  return 2;
}

function failure(io: ProfilesIo, message: string): number {
  io.err(`webhook-templates: ${message}\n`);
  return 1;
}
