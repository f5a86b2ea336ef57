// Derives what the analysis needs from the host's FieldsContext: the model, its syntax and its name in messages.
import type { ResolveContext } from './resolve-placeholder';
import { HINTS } from '../base/problems';
import type { FieldsContext } from '../base/types';
import { phrase } from '../base/l10n';

export function resolveContextOf(fields: FieldsContext): ResolveContext {
  const source = fields.source;
  return {
    model: source?.model,
    fieldsName: source?.displayName ?? phrase(HINTS.noFieldsFile),
    syntax: source?.model.placeholderSyntax ?? 'braces',
  };
}
