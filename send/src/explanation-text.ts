// The text of an explained delivered webhook, for the editor's read-only view and the CLI's `explain`: the request as
// it arrived, the template it came from (and others that fit), each placeholder with its value, what was lost, and
// what the receiver recorded.
import type { ExplainedTemplate, Explanation, ExplainFinding, L10n, LinedUpPlaceholder, Severity } from '../../server/src/core';
import { recordLines } from './record-text';

export interface ExplanationTextOptions {
  /** How a template's file is named (workspace-relative path). */
  nameOf: (uri: string) => string;
  /** A link that opens the chosen template at its line (the editor's view), if any. */
  linkOf?: (template: ExplainedTemplate) => string;
}

export function formatExplanation(explanation: Explanation, l10n: L10n, options: ExplanationTextOptions): string {
  if (explanation.error !== undefined) return `# ${explanation.error}\n`;
  const lines = [
    `### ${l10n.t('Delivered webhook')}`,
    ...deliveredLines(explanation),
    '',
    ...templateLines(explanation, l10n, options),
    ...placeholderLines(explanation.placeholders, l10n),
    ...findingLines(explanation.findings, l10n),
    ...recordSection(explanation, l10n),
    `# ${verdict(explanation, l10n)}`,
  ];
  return lines.join('\n') + '\n';
}

function deliveredLines({ delivered }: Explanation): string[] {
  if (!delivered) return [];
  return [`${delivered.method} ${delivered.url}`, ...(delivered.body === undefined ? [] : ['', delivered.body])];
}

/** `Keitaro lead — postbacks/keitaro.webhook:2 (match 95%)`. */
function templateName(template: ExplainedTemplate, l10n: L10n, options: ExplanationTextOptions): string {
  return l10n.t('{0} — {1}:{2} (match {3}%)', template.request, options.nameOf(template.uri), template.line + 1, Math.round(template.score * 100));
}

function templateLines(explanation: Explanation, l10n: L10n, options: ExplanationTextOptions): string[] {
  const { template, others } = explanation;
  if (!template) return [`# ${explanation.noMatch ?? ''}`, ''];
  const lines = [`# ${l10n.t('Template: {0}', templateName(template, l10n, options))}`, `#   ${template.method} ${template.url}`];
  if (options.linkOf) lines.push(`#   ${options.linkOf(template)}`);
  if (explanation.ambiguous) lines.push(`# ${l10n.t('Other templates fit exactly as well; the placeholders are lined up with the first one:')}`);
  else if (others.length > 0) lines.push(`# ${l10n.t('Other templates that fit nearly as well:')}`);
  for (const other of others) lines.push(`#   ${templateName(other, l10n, options)}`);
  return [...lines, ''];
}

function placeholderLines(placeholders: readonly LinedUpPlaceholder[], l10n: L10n): string[] {
  if (placeholders.length === 0) return [];
  return [`# ${l10n.t('Placeholders and what arrived:')}`, ...placeholders.map((item) => `#   ${item.placeholder} → ${placeLabel(item, l10n)}: ${arrival(item, l10n)}`), ''];
}

function placeLabel(item: LinedUpPlaceholder, l10n: L10n): string {
  if (item.place === 'query') return item.parameter;
  if (item.place === 'body') return l10n.t('body "{0}"', item.parameter);
  return item.place === 'path' ? l10n.t('path segment {0}', item.parameter) : l10n.t('host');
}

function arrival(item: LinedUpPlaceholder, l10n: L10n): string {
  switch (item.state) {
    case 'value':
      return item.value ?? '';
    case 'empty':
      return l10n.t('(empty)');
    case 'literal':
      return l10n.t('{0} (as written: not replaced)', item.value ?? '');
    case 'missing':
      return l10n.t('(did not arrive)');
    case 'unmatched':
      return l10n.t('{0} (not the template\'s form)', item.value ?? '');
  }
}

function findingLines(findings: readonly ExplainFinding[], l10n: L10n): string[] {
  if (findings.length === 0) return [];
  return [`# ${l10n.t('What went wrong:')}`, ...findings.map((finding) => `#   ${severityText(finding.severity, l10n)}${finding.code ? ` [${finding.code}]` : ''}: ${finding.message}`), ''];
}

function severityText(severity: Severity, l10n: L10n): string {
  if (severity === 'error') return l10n.t('error');
  return severity === 'warning' ? l10n.t('warning') : l10n.t('note');
}

function recordSection({ record }: Explanation, l10n: L10n): string[] {
  if (!record) return [`# ${l10n.t('What the receiver recorded: no known receiver at this URL.')}`, ''];
  return [`# ${l10n.t('What the receiver recorded:')}`, ...recordLines(record, l10n), ''];
}

function verdict(explanation: Explanation, l10n: L10n): string {
  if (explanation.lost) return l10n.t('Something was lost on the way.');
  return explanation.template ? l10n.t('Nothing was lost on the way.') : l10n.t('No template to line it up with.');
}
