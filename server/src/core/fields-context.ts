// Derives what the analysis needs from the host's FieldsContext: the model, its syntax and its name in messages.
import type { ResolveContext } from './resolve-placeholder';
import { HINTS } from './problems';
import type { FieldsContext } from './types';
import { phrase } from './l10n';

export function resolveContextOf(fields: FieldsContext): ResolveContext {
  const source = fields.source;
  return {
    model: source?.model,
    fieldsName: source?.displayName ?? phrase(HINTS.noFieldsFile),
    syntax: source?.model.placeholderSyntax ?? 'braces',
  };
}
