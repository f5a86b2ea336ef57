// `webhook-templates check`: runs the editor's diagnostics over files and folders and prints them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { checkDocument } from '../workspace/check-document';
import { findWorkspaceFiles } from '../workspace/workspace-files';
import { pathToUri, uriToPath } from '../documents/file-uris';
import type { CheckArguments } from './arguments';
import { folderSettings } from './cli-settings';
import { createCliWorkspace, rootForFile, type CliWorkspace } from './cli-workspace';
import { formatReport, type FileReport } from './report';

/** Checks one file with the editor's own check; fields files it leads to are added to `fieldsFiles`. */
function checkFile(path: string, host: CliWorkspace, fieldsFiles: Set<string>): Diagnostic[] {
  const document = TextDocument.create(pathToUri(path), 'plaintext', 1, readFileSync(path, 'utf8'));
  const checked = checkDocument(host, document, host.settingsFor(path));
  const fieldsUri = checked?.fields.source?.uri;
  if (fieldsUri && fieldsUri !== document.uri) fieldsFiles.add(uriToPath(fieldsUri));
  return [...(checked?.diagnostics ?? [])].sort(byPosition);
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function expandPaths(paths: readonly string[], cwd: string): { files: string[]; roots: string[] } | { error: string } {
  const files: string[] = [];
  const roots: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    if (!existsSync(path)) return { error: `No such file or folder: ${given}` };
    const isDir = statSync(path).isDirectory();
    files.push(...(isDir ? findWorkspaceFiles(path, folderSettings(path).scriptFiles) : [path]));
    roots.push(isDir ? path : rootForFile(path, cwd));
  }
  return { files, roots };
}

export function runCheck(args: CheckArguments, cwd: string, locale: string, write: (text: string) => void, writeError: (text: string) => void): number {
  const expanded = expandPaths(args.paths, cwd);
  if ('error' in expanded) {
    writeError(`webhook-templates: ${expanded.error}\n`);
    return 2;
  }
  const host = createCliWorkspace(expanded.roots, locale, args.severity);
  const fieldsFiles = new Set<string>();
  const reports: FileReport[] = [];
  const checked = new Set<string>();
  const check = (path: string) => {
    if (checked.has(path)) return;
    checked.add(path);
    const text = readFileSync(path, 'utf8');
    reports.push({ path: relative(cwd, path) || path, text, diagnostics: checkFile(path, host, fieldsFiles) });
  };
  expanded.files.forEach(check);
  fieldsFiles.forEach(check);
  write(formatReport(reports, args.format));
  return reports.some((report) => report.diagnostics.some((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error)) ? 1 : 0;
}
