// The problems of checked files as rows every report format prints.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';

export interface FileReport {
  /** Path as the user should see it (relative to the working folder). */
  path: string;
  text: string;
  diagnostics: Diagnostic[];
}

const SEVERITY_NAMES: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** One problem as every format prints it: lines and columns one-based, columns in UTF-16 code units (as LSP counts). */
export interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export function rowsOf(reports: readonly FileReport[]): Row[] {
  return reports.flatMap((report) =>
    report.diagnostics.map((diagnostic) => ({
      file: report.path.split('\\').join('/'),
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      endLine: diagnostic.range.end.line + 1,
      endColumn: diagnostic.range.end.character + 1,
      severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error],
      code: String(diagnostic.code ?? ''),
      message: diagnostic.message,
    })),
  );
}
