// Markdown that explains what a placeholder refers to, shared by hover and completion.
import { TRACKER_EMPTY_NOTE } from '../resolve/builtins';
import { fieldsDocumentOf } from './fields-document';
import { definitionOfTarget, keyFormOf, wrapKey, type Target } from '../resolve/resolve-placeholder';
import type { Delimiter, Definition, Dialect, FieldsSource } from '../base/types';
import type { L10n } from '../base/l10n';

/** A short kind-and-type line: `Custom field · number`. */
export function targetDetail(target: Target, l10n: L10n): string {
  switch (target.kind) {
    case 'builtin':
      return l10n.t('Built-in · {0}', target.builtin.type);
    case 'custom':
      return l10n.t('Custom field · {0}', target.field.rawType ?? target.field.type ?? 'text');
    case 'tracker':
      return l10n.t('Tracker field');
    case 'variable':
      return l10n.t('Bot variable');
  }
}

function exampleText(example: unknown): string | undefined {
  if (example === undefined) return undefined;
  return typeof example === 'string' ? example : JSON.stringify(example);
}


function definedIn(definition: Definition, source: FieldsSource, l10n: L10n): string {
  const line = fieldsDocumentOf(source).positionAt(definition.keySpan.start).line + 1;
  return l10n.t('Defined in [{0}]({1}#L{2}), line {2}.', source.displayName, source.uri, line);
}

function notesOf(target: Target, l10n: L10n): string[] {
  if (target.kind === 'builtin') return target.builtin.mayBeEmpty ? [l10n.t(target.builtin.mayBeEmpty)] : [];
  if (target.kind === 'tracker') return [l10n.t(TRACKER_EMPTY_NOTE)];
  if (target.kind === 'custom' && target.field.items?.length) return [l10n.t('One of: {0}.', target.field.items.map((item) => `\`${item}\``).join(', '))];
  if (target.kind === 'variable' && target.variable.value !== undefined) return [l10n.t('Value: {0}', `\`${target.variable.value}\``)];
  return [];
}

/** The full explanation: how it is written, what it is, an example, caveats and where it is defined. */
export function describeTarget(target: Target, dialect: Dialect, delimiter: Delimiter, source: FieldsSource | undefined, l10n: L10n): string {
  const definition = definitionOfTarget(target);
  const description = target.kind === 'builtin' ? l10n.t(target.builtin.description) : definition?.description;
  const example = exampleText(target.kind === 'builtin' ? target.builtin.example : definition?.example);
  const parts = [`\`${wrapKey(keyFormOf(target, dialect), delimiter)}\` — ${targetDetail(target, l10n)}`];
  if (description) parts.push(description);
  if (example !== undefined) parts.push(l10n.t('Example: {0}', `\`${example}\``));
  parts.push(...notesOf(target, l10n));
  if (definition && source) parts.push(definedIn(definition, source, l10n));
  return parts.join('\n\n');
}
