// Inlay hints showing the value each placeholder takes in the active profile (`{chatId}` = 482913377).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { InlayHintKind, type InlayHint } from 'vscode-languageserver-types';
import { resolveContextOf } from '../resolve/fields-context';
import { createSampleContext, type Environment, type SampleValue } from '../expand/profiles';
import { analyzePlaceholder } from '../resolve/resolve-placeholder';
import { scanRegions } from '../resolve/scan-placeholders';
import type { FieldsContext, ParsedTemplate, Span } from '../base/types';
import type { L10n } from '../base/l10n';

const MAX_SHOWN = 40;

/** English templates, translated where the tooltip is made. */
export const SAMPLE_SOURCES: Record<SampleValue['source'], string> = {
  profile: 'from the profile',
  example: "the field's example",
  builtin: 'built-in sample',
  step: "this step's key",
};

function shown(sample: SampleValue, l10n: L10n): string {
  if (sample.secret) return '***';
  if (sample.value === '') return l10n.t('(empty)');
  return sample.value.length > MAX_SHOWN ? `${sample.value.slice(0, MAX_SHOWN - 1)}…` : sample.value;
}

export function sampleValueHints(document: TextDocument, parsed: ParsedTemplate, fields: FieldsContext, profile: string | undefined, env: Environment, within: Span, l10n: L10n): InlayHint[] {
  const context = resolveContextOf(fields);
  const hints: InlayHint[] = [];
  const regions = parsed.regions.filter((region) => region.end >= within.start && region.start <= within.end);
  for (const placeholder of scanRegions(document.getText(), regions, context.syntax)) {
    if (placeholder.end < within.start || placeholder.start > within.end) continue;
    const target = analyzePlaceholder(placeholder, context)?.target;
    if (!target) continue;
    const stepKey = parsed.requests.find((request) => request.span.start <= placeholder.start && placeholder.end <= request.span.end)?.stepKey;
    const lookup = createSampleContext(context.model, profile, env, stepKey, context.fieldsName)(target);
    if (!('value' in lookup)) continue;
    hints.push({
      position: document.positionAt(placeholder.end),
      label: `= ${shown(lookup.value, l10n)}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: `${profile ? l10n.t('Profile "{0}"', profile) : l10n.t('No profile')}: ${l10n.t(SAMPLE_SOURCES[lookup.value.source])}.`,
    });
  }
  return hints;
}
