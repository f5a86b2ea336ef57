// `webhook-templates check`: runs the editor's diagnostics over files and folders and prints them; with `--fix`,
// applies the safe fixes first, and with `--fix-dry-run` prints them as a diff instead.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { isTemplateKind } from '../core';
import { checkDocument } from '../workspace/check-document';
import { findWorkspaceFiles } from '../documents/workspace-files';
import { pathToUri, uriToPath } from '../documents/file-uris';
import type { CheckArguments } from './arguments';
import { folderSettings } from './cli-settings';
import { createCliWorkspace, rootForFile, type CliWorkspace } from './cli-workspace';
import { fixText, unifiedDiff, writeAtomically, type AppliedFix } from './fix';
import { formatReport } from './report';
import type { FileReport } from './report-rows';

/** Checks one text with the editor's own check; fields files it leads to are added to `fieldsFiles`. */
function checkText(path: string, text: string, host: CliWorkspace, fieldsFiles: Set<string>): Diagnostic[] {
  const document = TextDocument.create(pathToUri(path), 'plaintext', 1, text);
  const checked = checkDocument(host, document, host.settingsFor(path));
  const fieldsUri = checked?.fields.source?.uri;
  if (fieldsUri && fieldsUri !== document.uri) fieldsFiles.add(uriToPath(fieldsUri));
  return [...(checked?.diagnostics ?? [])].sort(byPosition);
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** The template and fields files under the paths, and the roots their fields files are searched up to. */
export function expandPaths(paths: readonly string[], cwd: string): { files: string[]; roots: string[] } | { error: string } {
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

interface Output {
  write: (text: string) => void;
  writeError: (text: string) => void;
}

/** A template's text with every safe fix applied, round after round, as the editor's check finds them. */
function fixedText(path: string, text: string, host: CliWorkspace): { text: string; fixes: AppliedFix[] } {
  const settings = host.settingsFor(path);
  const uri = pathToUri(path);
  const fixed = fixText(uri, text, (document) => {
    const checked = checkDocument(host, document, settings);
    const diagnostics = checked?.diagnostics ?? [];
    return { diagnostics, fixes: checked ? host.service.safeFixes(document, diagnostics, checked.fields) : [] };
  });
  // The versions read while fixing are not the file's: the report reads its text afresh.
  host.service.forget(uri);
  return fixed;
}

export function runCheck(args: CheckArguments, cwd: string, locale: string, write: (text: string) => void, writeError: (text: string) => void): number {
  const expanded = expandPaths(args.paths, cwd);
  if ('error' in expanded) {
    writeError(`webhook-templates: ${expanded.error}\n`);
    return 2;
  }
  const host = createCliWorkspace(expanded.roots, locale, args.severity);
  const output = { write, writeError };
  const fieldsFiles = new Set<string>();
  const reports: FileReport[] = [];
  const diffs: string[] = [];
  const fixLines: string[] = [];
  const checked = new Set<string>();
  const check = (path: string) => {
    if (checked.has(path)) return;
    checked.add(path);
    const shownPath = relative(cwd, path) || path;
    let text = readFileSync(path, 'utf8');
    if (args.fix !== 'none' && isTemplateKind(host.service.kindOf(TextDocument.create(pathToUri(path), 'plaintext', 0, '')))) {
      const fixed = fixedText(path, text, host);
      if (fixed.text !== text) {
        if (args.fix === 'dry-run') diffs.push(unifiedDiff(shownPath.split('\\').join('/'), text, fixed.text));
        else if (writeAtomically(path, text, fixed.text) === 'written') {
          fixLines.push(...fixed.fixes.map((fix) => `${shownPath}:${fix.line}:${fix.column}: fixed ${fix.code}: ${fix.title}`));
          text = fixed.text;
        } else writeError(`webhook-templates: ${shownPath} changed while it was being fixed; it was left as it is.\n`);
      }
    }
    reports.push({ path: shownPath, text, diagnostics: checkText(path, text, host, fieldsFiles) });
  };
  expanded.files.forEach(check);
  fieldsFiles.forEach(check);
  if (args.fix === 'dry-run') return reportDryRun(diffs, output);
  if (fixLines.length > 0) (args.format === 'text' ? write : writeError)(`${fixLines.join('\n')}\nFixed ${fixLines.length} problem(s).\n`);
  write(formatReport(reports, args.format));
  return reports.some((report) => report.diagnostics.some((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error)) ? 1 : 0;
}

/** The diff on stdout (for `git apply` or a review), a count on stderr; exit 1 when there is something to fix. */
function reportDryRun(diffs: readonly string[], output: Output): number {
  output.write(diffs.join(''));
  output.writeError(`${diffs.length} file(s) would be fixed; nothing was written.\n`);
  return diffs.length > 0 ? 1 : 0;
}
