// Markdown that explains what a placeholder refers to, shared by hover and completion.
import { TRACKER_EMPTY_NOTE } from './builtins';
import { fieldsDocumentOf } from './fields-document';
import { definitionOfTarget, keyFormOf, wrapKey, type Target } from './resolve-placeholder';
import type { Delimiter, Definition, Dialect, FieldsSource } from './types';

/** A short kind-and-type line: `Custom field · number`. */
export function targetDetail(target: Target): string {
  switch (target.kind) {
    case 'builtin':
      return `Built-in · ${target.builtin.type}`;
    case 'custom':
      return `Custom field · ${target.field.rawType ?? target.field.type ?? 'text'}`;
    case 'tracker':
      return 'Tracker field';
    case 'variable':
      return 'Bot variable';
  }
}

function exampleText(example: unknown): string | undefined {
  if (example === undefined) return undefined;
  return typeof example === 'string' ? example : JSON.stringify(example);
}


function definedIn(definition: Definition, source: FieldsSource): string {
  const line = fieldsDocumentOf(source).positionAt(definition.keySpan.start).line + 1;
  return `Defined in [${source.displayName}](${source.uri}#L${line}), line ${line}.`;
}

function notesOf(target: Target): string[] {
  if (target.kind === 'builtin') return target.builtin.mayBeEmpty ? [target.builtin.mayBeEmpty] : [];
  if (target.kind === 'tracker') return [TRACKER_EMPTY_NOTE];
  if (target.kind === 'custom' && target.field.items?.length) return [`One of: ${target.field.items.map((item) => `\`${item}\``).join(', ')}.`];
  if (target.kind === 'variable' && target.variable.value !== undefined) return [`Value: \`${target.variable.value}\``];
  return [];
}

/** The full explanation: how it is written, what it is, an example, caveats and where it is defined. */
export function describeTarget(target: Target, dialect: Dialect, delimiter: Delimiter, source: FieldsSource | undefined): string {
  const definition = definitionOfTarget(target);
  const description = target.kind === 'builtin' ? target.builtin.description : definition?.description;
  const example = exampleText(target.kind === 'builtin' ? target.builtin.example : definition?.example);
  const parts = [`\`${wrapKey(keyFormOf(target, dialect), delimiter)}\` — ${targetDetail(target)}`];
  if (description) parts.push(description);
  if (example !== undefined) parts.push(`Example: \`${example}\``);
  parts.push(...notesOf(target));
  if (definition && source) parts.push(definedIn(definition, source));
  return parts.join('\n\n');
}
