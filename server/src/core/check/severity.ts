// Applies the chosen severities to a document's problems: the one place every host's check goes through.
//
// Layers, the later winning: each code's default (base/problems.ts), the project's (the fields file's `severity`),
// the host's (a person's setting, then a run's command-line options). `off` takes the problem out. The core keeps
// the problems it found per version without severities applied, and applies them on every answer: a changed choice
// can never be answered from a kept result.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { isProblemCode, type SeverityChoices, type SeverityLevel } from '../base/problems';

/** The choices in force, the later winning. */
export type SeverityLayers = readonly (SeverityChoices | ReadonlyMap<string, SeverityLevel> | undefined)[];

const DIAGNOSTIC_SEVERITIES: Record<Exclude<SeverityLevel, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function chosenIn(layer: SeverityLayers[number], code: string): SeverityLevel | undefined {
  if (!layer) return undefined;
  if (layer instanceof Map) return layer.get(code);
  return Object.prototype.hasOwnProperty.call(layer, code) ? (layer as SeverityChoices)[code] : undefined;
}

/** The level chosen for a code, undefined when nobody chose one (its default then stands). */
export function chosenLevel(code: string, layers: SeverityLayers): SeverityLevel | undefined {
  let level: SeverityLevel | undefined;
  for (const layer of layers) level = chosenIn(layer, code) ?? level;
  return level;
}

/** The problems with their chosen severities; those chosen `off` left out. The given diagnostics are not changed. */
export function applySeverities(diagnostics: readonly Diagnostic[], layers: SeverityLayers): Diagnostic[] {
  const applied: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const code = String(diagnostic.code ?? '');
    const level = isProblemCode(code) ? chosenLevel(code, layers) : undefined;
    if (level === 'off') continue;
    const severity = level && DIAGNOSTIC_SEVERITIES[level];
    applied.push(severity === undefined || severity === diagnostic.severity ? diagnostic : { ...diagnostic, severity });
  }
  return applied;
}
