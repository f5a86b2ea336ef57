// The fields file sample profiles are imported into: the one a template beside the anchor is checked against, read
// as it is now (an open editor's unsaved text included), or a new webhook-fields.json at the folder's root. The
// language server and the CLI both ask here.
import type { ImportTarget, L10n } from '../core';
import type { Settings } from '../settings/settings';
import type { FieldsRegistry } from './fields-registry';

export interface FieldsFileTarget {
  target: ImportTarget;
  /** The fields file's URI (to be created when `creates`). */
  uri: string;
  creates: boolean;
}

/** For a file or notional file `anchorUri` in the workspace; an error when the fields file does not parse now. */
export function importTargetFor(registry: FieldsRegistry, anchorUri: string, settings: Settings, l10n: L10n): FieldsFileTarget | { error: string } {
  const fields = registry.contextFor(anchorUri, settings);
  if (fields.source) {
    const loaded = registry.load(fields.source.uri);
    const model = loaded?.result.model;
    if (!loaded || !model) return { error: l10n.t('{0} does not parse now: fix it, then import.', fields.source.displayName) };
    const target = { text: loaded.document.getText(), format: fields.source.format, model, displayName: fields.source.displayName };
    return { target, uri: fields.source.uri, creates: false };
  }
  if (!fields.suggestedUri) return { error: l10n.t('Open a folder first: the profiles go into its fields file.') };
  return { target: { text: '', format: 'json', displayName: registry.displayName(fields.suggestedUri) }, uri: fields.suggestedUri, creates: true };
}
