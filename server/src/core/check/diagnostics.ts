// Builds LSP diagnostics from placeholder analysis and structure problems.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { resolveContextOf } from '../resolve/fields-context';
import { toRange } from '../base/positions';
import { regionsWindow } from '../base/text-window';
import { PROBLEMS, ProblemCode, problemDocsUrl, problemText, type Severity } from '../base/problems';
import { analyzePlaceholder, findingPhrase, type Finding, type ResolveContext } from '../resolve/resolve-placeholder';
import { scanRegions } from '../resolve/scan-placeholders';
import type { FieldsAbsence, FieldsContext, ParsedTemplate, Region, Span, StructureProblem } from '../base/types';
import type { Arg, L10n } from '../base/l10n';

export const DIAGNOSTIC_SOURCE = 'webhook-templates';

/** A quick fix computed with the diagnostic: a title and edits of the same document. */
export interface QuickFixData {
  title: string;
  edits: { range: Range; newText: string }[];
  preferred?: boolean;
  /** `check --fix` may apply it without a person (see Finding.safe); receiver fixes never are: they add or change parameters. */
  safe?: boolean;
}

/** What a diagnostic carries for its quick fixes. */
export interface DiagnosticData {
  fix?: string;
  /** `fix` cannot change what the template means (Finding.safe). */
  safe?: boolean;
  missing?: Finding['missing'];
  /** Fixes written out in full (receiver checks: add a parameter, rename one, rewrite a whole URL). */
  fixes?: QuickFixData[];
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function makeDiagnostic(document: TextDocument, span: Span, code: ProblemCode, message: string, data?: DiagnosticData): Diagnostic {
  return {
    range: toRange(document, span),
    severity: SEVERITIES[PROBLEMS[code].severity],
    code,
    codeDescription: { href: problemDocsUrl(code) },
    source: DIAGNOSTIC_SOURCE,
    message,
    ...(data ? { data } : {}),
  };
}

/** A note about a whole file, at the start of its first line (no document needed: it may not have been read). */
export function fileNote(l10n: L10n, code: ProblemCode, args: readonly Arg[]): Diagnostic {
  const start = { line: 0, character: 0 };
  const message = problemText(l10n, code, args);
  return { range: { start, end: start }, severity: SEVERITIES[PROBLEMS[code].severity], code, codeDescription: { href: problemDocsUrl(code) }, source: DIAGNOSTIC_SOURCE, message };
}

/** Diagnostics for the placeholders of some regions of a document. */
export function placeholderDiagnostics(document: TextDocument, regions: readonly Region[], context: ResolveContext, l10n: L10n): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { text, base } = regionsWindow(document, regions);
  for (const placeholder of scanRegions(text, regions, context.syntax, base)) {
    const finding = analyzePlaceholder(placeholder, context)?.finding;
    if (!finding) continue;
    const data: DiagnosticData = { fix: finding.fix, missing: finding.missing, ...(finding.safe ? { safe: true } : {}) };
    diagnostics.push(makeDiagnostic(document, placeholder, finding.code, l10n.say(findingPhrase(finding)), data));
  }
  return diagnostics;
}

/** The note on a template's first line that says why no fields file is in force; none when the host asked for none. */
export function absenceNotes(absence: FieldsAbsence | undefined, l10n: L10n): Diagnostic[] {
  if (!absence) return [];
  return 'settingNames' in absence ? [fileNote(l10n, ProblemCode.FieldsFileNotFound, [absence.settingNames])] : [fileNote(l10n, ProblemCode.NoFieldsFile, [absence.searchedUpTo])];
}

export function structureDiagnostics(document: TextDocument, problems: readonly StructureProblem[], l10n: L10n): Diagnostic[] {
  return problems.map((problem) => makeDiagnostic(document, problem.span, problem.code, problemText(l10n, problem.code, problem.args)));
}

/** Every problem of a template document checked against its fields. */
export function templateDiagnostics(document: TextDocument, parsed: ParsedTemplate, fields: FieldsContext, l10n: L10n): Diagnostic[] {
  return structureDiagnostics(document, parsed.problems, l10n).concat(placeholderDiagnostics(document, parsed.regions, resolveContextOf(fields), l10n));
}
