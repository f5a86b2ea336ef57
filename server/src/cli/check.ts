// `webhook-templates check`: runs the editor's diagnostics over files and folders and prints them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isFieldsKind, isTemplateKind, type TemplateService } from '../core';
import type { FieldsRegistry } from '../fields-registry';
import { DEFAULT_SETTINGS } from '../settings';
import { findWorkspaceFiles } from '../workspace-files';
import { pathToUri, uriToPath } from '../workspace-folders';
import type { CheckArguments } from './arguments';
import { createCliWorkspace, rootForFile } from './cli-workspace';
import { formatReport, type FileReport } from './report';

/** Checks one file; fields files it leads to are added to `fieldsFiles`. */
function checkFile(path: string, service: TemplateService, registry: FieldsRegistry, fieldsFiles: Set<string>): Diagnostic[] {
  const uri = pathToUri(path);
  const document = TextDocument.create(uri, 'plaintext', 1, readFileSync(path, 'utf8'));
  const kind = service.kindOf(document);
  if (isFieldsKind(kind)) return service.validateFieldsFile(document, registry.displayName(uri));
  if (!isTemplateKind(kind)) return [];
  const fields = registry.contextFor(uri, DEFAULT_SETTINGS);
  if (fields.source) fieldsFiles.add(uriToPath(fields.source.uri));
  return service.doValidation(document, fields);
}

function expandPaths(paths: readonly string[], cwd: string): { files: string[]; roots: string[] } | { error: string } {
  const files: string[] = [];
  const roots: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    if (!existsSync(path)) return { error: `No such file or folder: ${given}` };
    const isDir = statSync(path).isDirectory();
    files.push(...(isDir ? findWorkspaceFiles(path) : [path]));
    roots.push(isDir ? path : rootForFile(path, cwd));
  }
  return { files, roots };
}

export function runCheck(args: CheckArguments, cwd: string, write: (text: string) => void, writeError: (text: string) => void): number {
  const expanded = expandPaths(args.paths, cwd);
  if ('error' in expanded) {
    writeError(`webhook-templates: ${expanded.error}\n`);
    return 2;
  }
  const { service, registry } = createCliWorkspace(expanded.roots);
  const fieldsFiles = new Set<string>();
  const reports: FileReport[] = [];
  const checked = new Set<string>();
  const check = (path: string) => {
    if (checked.has(path)) return;
    checked.add(path);
    const text = readFileSync(path, 'utf8');
    reports.push({ path: relative(cwd, path) || path, text, diagnostics: checkFile(path, service, registry, fieldsFiles) });
  };
  expanded.files.forEach(check);
  fieldsFiles.forEach(check);
  write(formatReport(reports, args.format));
  return reports.some((report) => report.diagnostics.some((diagnostic) => diagnostic.severity === 1)) ? 1 : 0;
}
